/**
 * BibTeX read back by the parser Zotero's Better BibTeX uses (@retorquere/bibtex-parser): how the
 * tests check that an export is one a reference manager accepts. Case protection is kept as
 * written and nothing is sentence-cased, so titles compare as typed; TeX commands the parser
 * cannot turn into text are listed instead of failing the parse.
 */
import { parse } from '@retorquere/bibtex-parser';

export function readBibTeX(bib: string) {
  const unknownCommands: string[] = [];
  const library = parse(bib, {
    english: false,
    caseProtection: 'strict',
    unsupported: (node) => {
      unknownCommands.push('content' in node ? String(node.content) : node.type);
      return '';
    },
  });
  return { library, unknownCommands };
}
