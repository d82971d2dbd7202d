/** citation-js's RIS plugin, which the tests read exports back with (it ships no types). */
declare module '@citation-js/plugin-ris';
/** citeproc-js itself, which the tests compare PaperPeek's citations with. */
declare module 'citeproc' {
  const CSL: {
    Engine: new (
      sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): unknown },
      style: string,
      lang: string,
      forceLang: boolean,
    ) => {
      setOutputFormat(format: 'html' | 'text'): void;
      updateItems(ids: string[]): void;
      makeBibliography(): [{ bibstart: string; bibend: string }, string[]];
    };
  };
  export default CSL;
}
