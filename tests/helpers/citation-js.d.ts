/** The part of citation-js the tests use (it ships no types). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: unknown[];
  }
}
declare module '@citation-js/plugin-ris';
