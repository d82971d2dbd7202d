/**
 * Which paper each bibliography entry of a PDF is, and its card: the worker's half of the
 * reader's citations. Owns: an entry's identifiers before its title (an arXiv id, a DOI, a paper
 * link), the title index over the digest (built once per search record), and the card of an
 * entry that names no known paper (the reference itself, with searches that send nothing until
 * clicked). Never: asks the network (a hovered entry the digest lacks is looked up by the same
 * `fetchPaper` as a link, under the same setting).
 */
import type { PaperPeekDatabase, PaperRow } from '../db';
import { searchRecordOfRows } from '../db';
import { getPaperRows } from '../digest/shelves';
import { toCardView, toReferenceCardView, type CardView } from '../content/card/view';
import { arxivKey, type PaperKey } from '../links/paper-key';
import { paperKeyFromLink } from '../links/paper-link';
import { venueKeyOfDoi } from '../links/venue';
import { referenceFacts, titleKey } from '../reader/reference-text';

export interface ReferenceAnswer {
  /** The paper the entry names, when it names one by an identifier or the digest has it. */
  key: PaperKey | null;
  /** Its card: the digest's, or the reference's own; null when the key is to be looked up. */
  card: CardView | null;
}

/** Titles shorter than this are too common to say which paper an entry is (`Attention`). */
const MIN_TITLE_KEY = 16;

export function createReferenceResolver(
  db: PaperPeekDatabase,
  cardsFor: (keys: PaperKey[]) => Promise<Map<PaperKey, CardView>>,
) {
  let titles: { stamp: string | undefined; byKey: Map<string, string> } | null = null;

  /** The digest's titles by their key, read again only when the search record changed. */
  async function titleIndex(): Promise<Map<string, string>> {
    // The record's own row only: ids and titles, not its word index and authors (megabytes at
    // 100,000 papers) that readSearchRecord reads with it.
    const record = searchRecordOfRows(await db.meta.get('search'), undefined);
    if (titles && titles.stamp === record?.stamp) return titles.byKey;
    const byKey = new Map<string, string>();
    for (let i = 0; record && i < record.ids.length; i += 1) {
      const key = titleKey(record.titles.at(i) ?? '');
      const id = record.ids.at(i);
      if (id && key.length >= MIN_TITLE_KEY && !byKey.has(key)) byKey.set(key, id);
    }
    titles = { stamp: record?.stamp, byKey };
    return byKey;
  }

  return async function resolve(texts: readonly string[]): Promise<ReferenceAnswer[]> {
    const facts = texts.map(referenceFacts);
    const keys = facts.map((fact): PaperKey | null => {
      if (fact.arxivId) return arxivKey(fact.arxivId);
      const doi = fact.doi ? venueKeyOfDoi(fact.doi) : null;
      if (doi) return doi;
      for (const url of fact.urls) {
        const key = paperKeyFromLink({ href: url });
        if (key && !key.startsWith('github:')) return key;
      }
      return null;
    });
    const cards = await cardsFor(keys.filter((key): key is PaperKey => key !== null));
    // Entries with no identifier the digest knows: their titles, against the digest's.
    const byTitle = new Map<number, string>();
    const index = await titleIndex();
    facts.forEach((fact, i) => {
      const key = keys[i];
      if (key && cards.has(key)) return;
      for (const candidate of fact.titleCandidates) {
        const id = index.get(titleKey(candidate));
        if (id) {
          byTitle.set(i, id);
          break;
        }
      }
    });
    const ids = [...new Set(byTitle.values())];
    const rows = new Map<string, PaperRow>();
    (await getPaperRows(db, ids)).forEach((row, i) => row && rows.set(ids[i] ?? '', row));
    const saved = new Set(await db.readingList.where('paperId').anyOf(ids).primaryKeys());
    return texts.map((text, i) => {
      const key = keys[i] ?? null;
      const known = key ? cards.get(key) : undefined;
      if (known) return { key, card: known };
      const row = rows.get(byTitle.get(i) ?? '');
      if (row) {
        return {
          key: row.arxivId ? arxivKey(row.arxivId) : key,
          card: toCardView(row, saved.has(row.id)),
        };
      }
      // An arXiv id or a venue page the digest lacks: looked up on hover, as its link would be.
      if (key) return { key, card: null };
      return { key: null, card: toReferenceCardView(text, facts[i]?.titleCandidates[0]) };
    });
  };
}
