import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { paperDate } from '@/lib/content/card/view';
import type { PaperRow } from '@/lib/db';
import { inputWords, parseQuery } from '@/lib/search/query';
import type { SearchRecord } from '@/lib/search/record';
import { createSearcher, type AbstractWords, type SearchHit } from '@/lib/search/searcher';
import { abstractSnippet, type MatchableWord } from '@/lib/search/title-match';
import type { QueryWord } from '@/lib/search/vocabulary';
import { readableTex } from '@/lib/text/tex';
import { Highlighted } from './Highlighted';

export interface SearchPanelProps {
  record: SearchRecord;
  /** False while `record` holds only the newest papers (the full record is on its way). */
  complete: boolean;
  savedIds: Set<string>;
  rowsFor(ids: string[]): Promise<Map<string, PaperRow>>;
  /** The abstract index's answer for the query's words; absent while `complete` is false. */
  abstractWords?: (words: QueryWord[]) => Promise<AbstractWords | null>;
  open(url: string): void;
  save(paperId: string): Promise<void>;
}

const VISIBLE = 30;

/** The search box and its results, a listbox driven from the keyboard. */
export function SearchPanel({
  record,
  complete,
  savedIds,
  rowsFor,
  abstractWords,
  open,
  save,
}: SearchPanelProps) {
  const [query, setQuery] = useState('');
  // The active option belongs to one result list: a new list starts at its first option at
  // once, even when an arrow key arrives before the next render.
  const [selection, setSelection] = useState<{ hits: SearchHit[] | null; index: number }>({
    hits: null,
    index: 0,
  });
  const [rows, setRows] = useState<Map<string, PaperRow>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const searcher = useMemo(() => createSearcher(record, savedIds), [record, savedIds]);
  // The `author:` filter reads the authors, which arrive a moment after the rest of the record.
  const busy = !complete || (!record.authors && parseQuery(query).author !== undefined);
  const titleHits = useMemo(() => searcher.search(query, VISIBLE), [searcher, query]);
  // Abstract matches arrive a moment later, from the index in IndexedDB, below the title matches.
  const [inAbstracts, setInAbstracts] = useState<{ query: string; words: AbstractWords } | null>(
    null,
  );
  useEffect(() => {
    const words = abstractWords && titleHits.length < VISIBLE ? inputWords(query) : [];
    if (!abstractWords || words.length === 0) return;
    let current = true;
    abstractWords(words).then(
      (found) => current && found && setInAbstracts({ query, words: found }),
      // The index is an extra: without it the title matches still stand.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [abstractWords, query, titleHits]);
  const abstractFound = inAbstracts?.query === query ? inAbstracts.words : undefined;
  const hits: SearchHit[] = useMemo(
    () =>
      abstractFound
        ? searcher.withAbstractMatches(query, titleHits, abstractFound, VISIBLE)
        : titleHits,
    [searcher, query, titleHits, abstractFound],
  );
  // What the query's words (typos included) matched, for the sentences shown under abstract hits.
  const matchable = useMemo(
    () => (hits.some((hit) => hit.inAbstract) ? searcher.matchableWords(query, abstractFound) : []),
    [searcher, query, hits, abstractFound],
  );
  // Abstract matches only append below the title matches: the selection stays where it is.
  const active =
    selection.hits === titleHits ? Math.max(0, Math.min(selection.index, hits.length - 1)) : 0;
  const setActive = (index: number) => setSelection({ hits: titleHits, index });
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  // Full rows only for the results on screen; a slower answer for an older query is dropped.
  useEffect(() => {
    let current = true;
    void rowsFor(hits.map((hit) => hit.id)).then((found) => current && setRows(found));
    return () => {
      current = false;
    };
  }, [hits, rowsFor]);

  // Enter right after typing may come before the rows of the new results: fetch that one.
  const openHit = async (hit: SearchHit | undefined, pdf: boolean) => {
    if (!hit) return;
    const row = rows.get(hit.id) ?? (await rowsFor([hit.id])).get(hit.id);
    if (row?.arxivId) open(`https://arxiv.org/${pdf ? 'pdf' : 'abs'}/${row.arxivId}`);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.min(Math.max(active + step, 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void openHit(hits[active], event.ctrlKey || event.metaKey);
    } else if (event.altKey && event.code === 'KeyS') {
      // The key command for Save: a listbox option holds no controls (WAI-ARIA).
      event.preventDefault();
      const hit = hits[active];
      if (hit) void onSave(hit);
    }
  };
  const [savedNote, setSavedNote] = useState('');
  const onSave = (hit: SearchHit) => {
    const title = record.titles.at(hit.index) ?? '';
    if (savedIds.has(hit.id)) {
      setSavedNote(`“${title}” is already in your reading list.`);
      return Promise.resolve();
    }
    return save(hit.id).then(
      () => {
        setError(null);
        setSavedNote(`Saved “${title}” to your reading list.`);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };

  return (
    <section class="search" aria-label="Search">
      <input
        ref={input}
        type="search"
        class="search__box"
        aria-label="Search papers"
        placeholder="Title, author, arXiv id or URL · y:2023 a:name has:code is:saved"
        value={query}
        onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
        onKeyDown={onKey}
        aria-controls="results"
        aria-describedby="search-keys"
        aria-keyshortcuts="Alt+S"
        aria-activedescendant={hits[active] ? `result-${hits[active].index}` : undefined}
        autocomplete="off"
        spellcheck={false}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p class="muted search__count" aria-live="polite">
        {query
          ? `${hits.length === VISIBLE ? `${VISIBLE}+` : hits.length} results`
          : 'Newest papers'}
        <span id="search-keys" class="search__keys">
          ↑↓ choose · Enter opens · Ctrl+Enter PDF · Alt+S saves
        </span>
      </p>
      <p class="search__saved" role="status">
        {savedNote}
      </p>
      {/* Focusable too (Tab from the box): a scrolling list must be reachable by keyboard. */}
      <ul
        id="results"
        role="listbox"
        aria-label="Results"
        aria-busy={busy}
        aria-activedescendant={hits[active] ? `result-${hits[active].index}` : undefined}
        tabIndex={0}
        onKeyDown={onKey}
        class="results"
      >
        {hits.map((hit, index) => {
          const row = rows.get(hit.id);
          const title = record.titles.at(hit.index) ?? '';
          const saved = savedIds.has(hit.id);
          return (
            <li
              key={hit.id}
              id={`result-${hit.index}`}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'result result--active' : 'result'}
              onClick={() => void openHit(hit, false)}
              onMouseMove={() => setActive(index)}
            >
              <span class="result__title">
                <Highlighted
                  text={readableTex(title)}
                  ranges={readableTex(title) === title ? hit.titleRanges : []}
                />
              </span>
              <span class="result__meta">
                {[
                  record.authors?.at(hit.index) ?? row?.authors.join(', '),
                  row ? paperDate(row) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {record.repos.at(hit.index) && <span class="badge">code</span>}
                {hit.inAbstract && <span class="badge badge--quiet">in abstract</span>}
                {saved && <span class="badge badge--saved">saved</span>}
              </span>
              {hit.inAbstract && row && (
                <AbstractSentence abstract={row.abstract} words={matchable} />
              )}
              {!saved && (
                // For the pointer only: keyboard and assistive technology save with Alt+S, so
                // the option holds nothing focusable.
                <span
                  class="result__save"
                  aria-hidden="true"
                  title="Save to reading list (Alt+S)"
                  onClick={(event) => {
                    event.stopPropagation();
                    void onSave(hit);
                  }}
                >
                  Save
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {query && !busy && hits.length === 0 && (
        <p class="muted">No paper matches. Try fewer words or an arXiv id.</p>
      )}
    </section>
  );
}

/** The sentence of the abstract that matched, its matched words marked. */
function AbstractSentence({ abstract, words }: { abstract: string; words: MatchableWord[] }) {
  const snippet = abstractSnippet(readableTex(abstract), words);
  if (!snippet) return null;
  return (
    <span class="result__snippet">
      <Highlighted text={snippet.text} ranges={snippet.ranges} />
    </span>
  );
}
