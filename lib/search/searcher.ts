/**
 * Paper search for the popup. Owns: putting the stages together: query parsing (query.ts), the
 * papers with every query word in their title, authors or repos (word-sets.ts over the record's
 * word index), their order (ranking.ts), filters, a pasted id or repo first, and, a moment later,
 * the papers that need words of their abstracts too. Never: reads database rows (the caller
 * fetches rows for the visible results and the abstract words of the query).
 */
import { MIN_QUERY_LENGTH, parseQuery, queryWords, type ParsedQuery } from './query';
import { rankCandidates, type Candidate } from './ranking';
import type { SearchRecord } from './record';
import { columnValues } from './text-column';
import { matchTitle, type MatchableWord, type Range } from './title-match';
import type { QueryWord } from './vocabulary';
import { buildWordIndex, wordIndexSource } from './word-index';
import {
  joinable,
  joinedSets,
  matchWords,
  unionOf,
  wordSets,
  type PaperSet,
  type PostingsSource,
  type QueryMatch,
  type WordSets,
} from './word-sets';

export interface SearchHit {
  index: number;
  id: string;
  /** [start, end) ranges of the title to highlight. */
  titleRanges: Range[];
  /** Found only with words of its abstract. */
  inAbstract?: true;
}

/** The abstract words of one query, read by the caller from the abstract index. */
export interface AbstractWords {
  source: PostingsSource;
  /** False for words the abstract index leaves out (short words, stopwords): no condition. */
  indexed(word: QueryWord): boolean;
}

export interface Searcher {
  search(input: string, limit?: number): SearchHit[];
  /**
   * The paper a pasted venue link or DOI names (`query.exact.venue`, found by the worker), as
   * `search` gives a pasted arXiv id: first, its title marked, if it passes the filters.
   */
  hitOfPaper(input: string, paperId: string): SearchHit[];
  /** The query's words with the words their typos matched, for highlighting any text. */
  matchableWords(input: string, abstract?: AbstractWords): MatchableWord[];
  /**
   * `hits` (from `search`) followed, up to `limit`, by the papers that have every query word in
   * their title, authors, repos or abstract, and some only in the abstract: every word as typed
   * first, then with typos; newest first within each.
   */
  withAbstractMatches(
    input: string,
    hits: SearchHit[],
    abstract: AbstractWords,
    limit?: number,
  ): SearchHit[];
}

/** Candidates whose titles are read and ranked: a query matching more takes the newest. */
const MAX_SCORED = 300;
const CACHED_WORDS = 256;

export function createSearcher(record: SearchRecord, savedIds: ReadonlySet<string>): Searcher {
  const paperCount = record.ids.length;
  let titleSource: PostingsSource | null = null;
  const titleWords = () =>
    (titleSource ??= wordIndexSource(
      record.words ?? buildWordIndex(record.titles, record.authors ?? [], record.repos),
    ));
  // Sets of the words typed so far: the next keystroke reuses all but the last word's.
  const setsCache = new Map<string, WordSets>();
  const cached = (key: string, make: () => WordSets) => {
    let sets = setsCache.get(key);
    if (!sets) {
      if (setsCache.size >= CACHED_WORDS) setsCache.clear();
      sets = make();
      setsCache.set(key, sets);
    }
    return sets;
  };
  const titleSets = (word: QueryWord) =>
    cached(`w${word.typing ? '+' : '='}${word.word}`, () =>
      wordSets(titleWords(), word, paperCount),
    );
  const joinedTitleSets = (word: QueryWord) =>
    cached(`j${word.typing ? '+' : '='}${word.word}`, () =>
      joinedSets(titleWords(), word, paperCount),
    );

  let newestRankCache: Int32Array | null = null;
  const newestRank = () => {
    if (!newestRankCache) {
      const rank = new Int32Array(paperCount);
      record.newest.forEach((index, position) => (rank[index] = position));
      newestRankCache = rank;
    }
    return newestRankCache;
  };

  let indexOfId: Map<string, number> | null = null;
  const indexOf = (id: string) => {
    indexOfId ??= new Map(columnValues(record.ids).map((paperId, index) => [paperId, index]));
    return indexOfId.get(id);
  };
  const passesFilters = (query: ParsedQuery, index: number): boolean => {
    const year = record.years[index] ?? 0;
    if (query.yearFrom !== undefined && (year < query.yearFrom || year > (query.yearTo ?? year)))
      return false;
    // Without the authors yet (the popup reads them after the rest) none passes: the popup shows
    // the list busy meanwhile.
    if (query.author && !(record.authors?.at(index) ?? '').toLowerCase().includes(query.author))
      return false;
    if (query.hasCode && !record.repos.at(index)) return false;
    if (query.isSaved && !savedIds.has(record.ids.at(index) ?? '')) return false;
    return true;
  };

  /** The words of the query (its trimmed text loses the space that ends a typed word). */
  const wordsOf = (input: string, query: ParsedQuery) =>
    queryWords(/\s$/.test(input) ? `${query.text} ` : query.text);
  const byNewest = (a: Candidate, b: Candidate) =>
    (newestRank()[a.index] ?? 0) - (newestRank()[b.index] ?? 0);

  // Matches of the first k words of recent queries, without and with abstracts. The abstract
  // lookup answers one source whose rows only grow, so what was found stays found.
  const titlePrefixes = new Map<string, QueryMatch>();
  const abstractPrefixes = new Map<string, QueryMatch>();

  /** Papers with every word (each alone or joined with the next), by `single` and `joined`. */
  const match = (
    words: QueryWord[],
    single: (word: QueryWord) => WordSets,
    joined: (word: QueryWord) => WordSets,
    cache?: Map<string, QueryMatch>,
  ) =>
    matchWords(
      words.length,
      (i) => single(words[i] as QueryWord),
      (i) => {
        const left = words[i] as QueryWord;
        const right = words[i + 1];
        if (!right || !joinable(left, right)) return undefined;
        return joined({ word: left.word + right.word, typing: right.typing });
      },
      cache && {
        cache,
        key: (k) =>
          words
            .slice(0, k)
            .map((word) => `${word.word}${word.typing ? '+' : ''}`)
            .join(' '),
      },
    );

  // One byte per paper for `pick`, left all zero after each use: a keystroke allocates none.
  let scratchMarks: Uint8Array | null = null;
  const scratch = () => (scratchMarks ??= new Uint8Array(paperCount));

  /**
   * Up to `max` of `strict` then of `loose` (a superset), filtered: all of them when few, the
   * newest when more.
   */
  const pick = (
    strict: PaperSet,
    loose: PaperSet,
    keep: (index: number) => boolean,
    max: number,
  ): Candidate[] => {
    const marks = scratch();
    for (const index of loose) marks[index] = 1;
    for (const index of strict) marks[index] = 2;
    const picked: Candidate[] = [];
    if (loose.length <= max) {
      for (const index of loose) {
        if (keep(index)) picked.push({ index, strict: marks[index] === 2 });
      }
    } else {
      for (const level of [2, 1]) {
        for (const index of record.newest) {
          if (picked.length >= max) break;
          if (marks[index] === level && keep(index)) picked.push({ index, strict: level === 2 });
        }
      }
    }
    for (const index of loose) marks[index] = 0;
    return picked;
  };

  const toMatchable = (word: QueryWord, abstract?: AbstractWords): MatchableWord => {
    const typos = new Set<string>();
    const add = (source: PostingsSource) => {
      for (const at of source.vocabulary.expand(word).typos) {
        typos.add(source.vocabulary.words.at(at) as string);
      }
    };
    add(titleWords());
    if (abstract?.indexed(word)) add(abstract.source);
    return { ...word, typos };
  };

  return {
    matchableWords(input, abstract) {
      const query = parseQuery(input);
      return wordsOf(input, query).map((word) => toMatchable(word, abstract));
    },

    hitOfPaper(input, paperId) {
      const query = parseQuery(input);
      const index = indexOf(paperId);
      if (index === undefined || !passesFilters(query, index)) return [];
      return [{ index, id: paperId, titleRanges: [[0, (record.titles.at(index) ?? '').length]] }];
    },

    search(input, limit = 50) {
      const query = parseQuery(input);
      const hits: SearchHit[] = [];
      const seen = new Set<number>();
      const add = (index: number, titleRanges: Range[] = []) => {
        if (seen.has(index) || !passesFilters(query, index)) return;
        seen.add(index);
        hits.push({ index, id: record.ids.at(index) ?? '', titleRanges });
      };

      if (query.exact?.arxivId) {
        const index = indexOf(query.exact.arxivId);
        if (index !== undefined) add(index, [[0, (record.titles.at(index) ?? '').length]]);
      }
      if (query.exact?.repo) {
        const repo = query.exact.repo;
        for (let index = 0; index < record.repos.length; index += 1) {
          if ((record.repos.at(index) ?? '').split(' ').includes(repo)) add(index);
        }
      }
      // One character names nothing yet (and would match most of a large digest): the newest
      // papers stay on screen until the second.
      const typed = query.text.length >= MIN_QUERY_LENGTH;
      if (!typed || (query.exact && hits.length > 0)) {
        if (!typed) for (const index of record.newest) if (hits.length < limit) add(index);
        return hits.slice(0, limit);
      }

      const words = wordsOf(input, query);
      if (words.length === 0) return hits;
      let { strict, loose } = match(words, titleSets, joinedTitleSets, titlePrefixes);
      if (!loose?.length && words.length > 1 && words.at(-1)?.typing) {
        // The word being typed matches nothing yet (`ekr`, on its way to `ekrnel` for `kernel`,
        // is too short to have a typo): the matches of the words before it stay on screen.
        ({ strict, loose } = match(words.slice(0, -1), titleSets, joinedTitleSets, titlePrefixes));
      }
      const candidates = pick(
        strict ?? new Uint32Array(0),
        loose ?? new Uint32Array(0),
        (index) => passesFilters(query, index),
        MAX_SCORED,
      );
      const matchable = words.map((word) => toMatchable(word));
      for (const { index, titleRanges } of rankCandidates(
        record,
        candidates,
        matchable,
        query.text,
        newestRank(),
      )) {
        add(index, titleRanges);
        if (hits.length >= limit) break;
      }
      return hits;
    },

    withAbstractMatches(input, hits, abstract, limit = 50) {
      const query = parseQuery(input);
      if (hits.length >= limit || query.exact || query.text.length < MIN_QUERY_LENGTH) return hits;
      const words = wordsOf(input, query);
      if (!words.some((word) => abstract.indexed(word))) return hits;
      const anywhere = (inTitle: WordSets, inAbstract: WordSets): WordSets => ({
        strict: unionOf([inTitle.strict ?? EMPTY, inAbstract.strict ?? EMPTY], paperCount),
        loose: unionOf([inTitle.loose ?? EMPTY, inAbstract.loose ?? EMPTY], paperCount),
      });
      const { strict, loose } = match(
        words,
        (word) =>
          abstract.indexed(word)
            ? cached(`a${word.typing ? '+' : '='}${word.word}`, () =>
                anywhere(titleSets(word), wordSets(abstract.source, word, paperCount)),
              )
            : UNCONDITIONAL,
        (word) =>
          cached(`b${word.typing ? '+' : '='}${word.word}`, () =>
            anywhere(joinedTitleSets(word), joinedSets(abstract.source, word, paperCount)),
          ),
        abstractPrefixes,
      );
      if (!strict && !loose) return hits;
      // Papers that match without their abstracts are the title results, shown or not.
      const inTitles = match(words, titleSets, joinedTitleSets, titlePrefixes).loose ?? EMPTY;
      const shown = new Set(hits.map((hit) => hit.index));
      const candidates = pick(
        strict ?? EMPTY,
        loose ?? EMPTY,
        (index) => !shown.has(index) && !contains(inTitles, index) && passesFilters(query, index),
        MAX_SCORED,
      );
      // Then: more of the words in the title side first (a title word and an abstract word
      // before two abstract words), every word as typed first, newer first.
      const titleSide = words.map((word) => titleSets(word).loose ?? EMPTY);
      const inTitleSide = (index: number) =>
        titleSide.reduce((count, set) => count + Number(contains(set, index)), 0);
      const keyed = candidates.map((candidate) => ({
        candidate,
        inTitleSide: inTitleSide(candidate.index),
      }));
      keyed.sort(
        (a, b) =>
          Number(b.candidate.strict) - Number(a.candidate.strict) ||
          b.inTitleSide - a.inTitleSide ||
          byNewest(a.candidate, b.candidate),
      );
      const found = [...hits];
      const matchable = words.map((word) => toMatchable(word, abstract));
      for (const { candidate } of keyed.slice(0, limit - hits.length)) {
        found.push({
          index: candidate.index,
          id: record.ids.at(candidate.index) ?? '',
          // The words it has in its title are marked there too.
          titleRanges: matchTitle(record.titles.at(candidate.index) ?? '', matchable).ranges,
          inAbstract: true,
        });
      }
      return found;
    },
  };
}

const EMPTY: PaperSet = new Uint32Array(0);

/** Whether an ascending set holds `index` (binary search). */
function contains(set: PaperSet, index: number): boolean {
  let low = 0;
  let high = set.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((set[middle] as number) < index) low = middle + 1;
    else high = middle;
  }
  return set[low] === index;
}
const UNCONDITIONAL: WordSets = { strict: null, loose: null };
