/** The part of citation-js PaperPeek uses (it ships no types). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: unknown[];
    format(kind: 'bibliography', options: Record<string, unknown>): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        templates: { has(name: string): boolean; add(name: string, xml: string): void };
        locales: { get(lang: string): string | undefined };
      };
    };
  };
}
/** Registers CSL output with citation-js's plugins when imported. */
declare module '@citation-js/plugin-csl';
