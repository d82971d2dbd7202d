/**
 * Queries typed as people type them, each written from the text of one paper of the bundled
 * digest (`assets/digest.json`) and labelled with that paper. Used by the search unit tests (the
 * paper must come first) and `npm run bench -- search` (how many each engine puts first).
 */
export type QueryKind =
  | 'title in another order'
  | 'typo in a title word'
  | 'typo in an abstract word'
  | 'title and abstract words'
  | 'joined or split words';

export interface LabelledQuery {
  query: string;
  paperId: string;
  kind: QueryKind;
}

const table: [QueryKind, string, string][] = [
  // Title words in another order than the title's.
  ['title in another order', 'optimization algorithms symbolic discovery', '2302.06675'],
  ['title in another order', 'merging twin modular expertise', '2406.15479'],
  ['title in another order', 'prompts self-regulating forgetting', '2307.06948'],
  ['title in another order', 'survey graph prompt learning', '2311.16534'],
  ['title in another order', 'learners few-shot language models', '2005.14165'],
  ['title in another order', 'dense visual prediction chameleon', '2404.18459'],
  ['title in another order', 'dimensionality intrinsic fine-tuning', '2012.13255'],
  // A typo in a title word: one edit from 5 letters, two from 9.
  ['typo in a title word', 'symbolc discovery optimisation', '2302.06675'],
  ['typo in a title word', 'twin mergnig', '2406.15479'],
  ['typo in a title word', 'intrinsic dimensionalty', '2012.13255'],
  ['typo in a title word', 'compresion based alignment', '2410.18194'],
  ['typo in a title word', 'inttrinsic dimensionality', '2012.13255'],
  ['typo in a title word', 'promptagatr dense retrieval', '2209.11755'],
  // A typo in a word only the abstract has.
  ['typo in an abstract word', 'genomics questons ncbi', '2304.09667'],
  ['typo in an abstract word', 'autoformalisation code generation', '2410.18194'],
  ['typo in an abstract word', 'interconected world graph data', '2311.16534'],
  ['typo in an abstract word', 'heterogenous data model merging', '2406.15479'],
  // Title words mixed with words of the abstract.
  ['title and abstract words', 'promptagator information retrieval', '2209.11755'],
  ['title and abstract words', 'chameleon low-data regime', '2404.18459'],
  ['title and abstract words', 'semi-supervised imagenet', '2006.10029'],
  ['title and abstract words', 'genegpt ncbi web apis', '2304.09667'],
  // Joined, hyphenated, spaced and digit/letter forms of the same words.
  ['joined or split words', 'selfsupervised models strong', '2006.10029'],
  ['joined or split words', 'easy 2 hard bench', '2409.18433'],
  ['joined or split words', 'zipfit', '2410.18194'],
  ['joined or split words', 'task matrix', '2303.16434'],
  ['joined or split words', 'plug and play transformer', '2306.07536'],
  ['joined or split words', 'uniperceiver v2', '2211.09808'],
  ['joined or split words', 'task expert memorial mixture', '2307.15324'],
];

export const LABELLED_QUERIES: LabelledQuery[] = table.map(([kind, query, paperId]) => ({
  kind,
  query,
  paperId,
}));

/** Spellings that must find the same papers. */
export const SAME_SEARCH: string[][] = [
  ['multitask', 'multi-task', 'multi task'],
  ['self supervised', 'self-supervised', 'selfsupervised'],
  ['easy2hard', 'easy 2 hard', 'easy-2-hard'],
  ['few shot', 'few-shot', 'fewshot'],
];
