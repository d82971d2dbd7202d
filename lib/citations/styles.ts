/**
 * The citation styles "Copy citation" offers: official CSL styles (assets/csl, the CSL project's
 * own files), each loaded only when it is used. Owns: the list, its order and names, and reading
 * a remembered choice back. Never: loads a style or the processor itself (format.ts does).
 */

export const CITATION_STYLES = [
  { id: 'apa', label: 'APA' },
  { id: 'ieee', label: 'IEEE' },
  { id: 'acl', label: 'ACL' },
  { id: 'acm', label: 'ACM' },
  { id: 'chicago', label: 'Chicago (author-date)' },
  { id: 'mla', label: 'MLA' },
  { id: 'harvard', label: 'Harvard' },
  { id: 'vancouver', label: 'Vancouver' },
  { id: 'nature', label: 'Nature' },
] as const;

export type CitationStyleId = (typeof CITATION_STYLES)[number]['id'];

export const DEFAULT_CITATION_STYLE: CitationStyleId = 'apa';

export function isCitationStyle(value: unknown): value is CitationStyleId {
  return CITATION_STYLES.some((style) => style.id === value);
}

/** The remembered style (settings.citationStyle), or the default for anything else. */
export function rememberedCitationStyle(value: unknown): CitationStyleId {
  return isCitationStyle(value) ? value : DEFAULT_CITATION_STYLE;
}

/** A style's name as the picker shows it ("Chicago (author-date)"). */
export function citationStyleName(id: CitationStyleId): string {
  return CITATION_STYLES.find((style) => style.id === id)?.label ?? id;
}

/**
 * The style's CSL file, as text. One `import()` per file: each is a chunk of its own, fetched from
 * the extension's package the first time that style is used (Chicago's alone is 164 KB).
 */
export function styleXml(id: CitationStyleId): Promise<string> {
  const files: Record<CitationStyleId, () => Promise<{ default: string }>> = {
    apa: () => import('../../assets/csl/apa.csl?raw'),
    ieee: () => import('../../assets/csl/ieee.csl?raw'),
    acl: () => import('../../assets/csl/association-for-computational-linguistics.csl?raw'),
    acm: () => import('../../assets/csl/association-for-computing-machinery.csl?raw'),
    chicago: () => import('../../assets/csl/chicago-author-date.csl?raw'),
    mla: () => import('../../assets/csl/modern-language-association.csl?raw'),
    harvard: () => import('../../assets/csl/harvard-cite-them-right.csl?raw'),
    vancouver: () => import('../../assets/csl/nlm-citation-sequence.csl?raw'),
    nature: () => import('../../assets/csl/nature.csl?raw'),
  };
  return files[id]().then((module) => module.default);
}
