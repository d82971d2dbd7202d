import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { paperDate } from '@/lib/content/card/view';
import type { PaperRow } from '@/lib/db';
import type { VenueKey } from '@/lib/links/venue';
import type { ZoteroOutcome } from '@/lib/zotero/outcome';
import { inputWords, parseQuery } from '@/lib/search/query';
import type { SearchRecord } from '@/lib/search/record';
import type { TextColumn } from '@/lib/search/text-column';
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
  /** Sends a paper to Zotero desktop (asking for the permission from this key or click). */
  saveToZotero(paperIds: string[]): Promise<ZoteroOutcome>;
  /** Copies a paper's citation in the remembered style; resolves to the style's name. */
  copyCitation(paperId: string): Promise<string>;
  /** Opens the options page (the `a:` filter points there when authors are missing). */
  openSettings(): void;
  /** The digest paper a pasted venue link or DOI names (the worker's venue index), or null. */
  paperOfLink?(key: VenueKey): Promise<string | null>;
}

const VISIBLE = 30;
/** How long "Saved …" covers the result count. */
const SAVED_NOTE_MS = 4_000;

/** The search box and its results, a listbox driven from the keyboard. */
export function SearchPanel({
  record,
  complete,
  savedIds,
  rowsFor,
  abstractWords,
  open,
  save,
  saveToZotero,
  copyCitation,
  openSettings,
  paperOfLink,
}: SearchPanelProps) {
  const [query, setQuery] = useState('');
  // The active option belongs to one query: a new query starts at its first option at once,
  // even when an arrow key arrives before the next render. For the same query it stays on its
  // paper while the list is drawn again (a save marks the row; abstract matches append below).
  const [selection, setSelection] = useState<{ query: string; id: string | null; index: number }>({
    query: '',
    id: null,
    index: 0,
  });
  const [rows, setRows] = useState<Map<string, PaperRow>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const searcher = useMemo(() => createSearcher(record, savedIds), [record, savedIds]);
  const linked = useLinkedPaper(query, paperOfLink);
  // The `author:` filter reads the authors, which arrive a moment after the rest of the record;
  // a pasted venue link waits for the worker to say which paper it is.
  const busy =
    !complete ||
    (!record.authors && authorFilterIn(query)) ||
    (linked !== null && linked.paperId === undefined);
  const titleHits = useMemo(
    () =>
      linked
        ? linked.paperId
          ? searcher.hitOfPaper(query, linked.paperId)
          : []
        : searcher.search(query, VISIBLE),
    [searcher, query, linked],
  );
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
  const active = activeIndex(selection, query, hits);
  const setActive = (index: number) => setSelection({ query, id: hits[index]?.id ?? null, index });
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  // The highlighted option stays in view as the arrow keys move it through a scrolling list.
  const activeId = hits[active] ? `result-${hits[active].index}` : null;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);
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
    } else if (event.altKey && event.code === 'KeyZ') {
      event.preventDefault();
      const hit = hits[active];
      if (hit) onZotero(hit);
    } else if (event.altKey && event.code === 'KeyC') {
      event.preventDefault();
      const hit = hits[active];
      if (hit) onCite(hit);
    }
  };
  const [savedNote, setSavedNote] = useState('');
  // The note gives the line back to the result count and the keys after a moment.
  useEffect(() => {
    if (!savedNote) return;
    const timer = setTimeout(() => setSavedNote(''), SAVED_NOTE_MS);
    return () => clearTimeout(timer);
  }, [savedNote]);
  const authorFilter = authorFilterIn(query);
  const authorless = useMemo(
    () => (authorFilter && record.authors ? countEmpty(record.authors) : 0),
    [authorFilter, record.authors],
  );
  const authorGap = authorless > 0 ? authorGapNote(authorless, record.ids.length) : '';
  const onSave = (hit: SearchHit) => {
    const title = record.titles.at(hit.index) ?? '';
    if (savedIds.has(hit.id)) {
      // What happened first: a long title is cut at the end of the line.
      setSavedNote(`Already in your reading list: “${title}”`);
      return Promise.resolve();
    }
    return save(hit.id).then(
      () => {
        setError(null);
        setSavedNote(`Saved to your reading list: “${title}”`);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };

  // Called from the key or click itself: the permission to reach Zotero is asked from it.
  const onZotero = (hit: SearchHit) => {
    const title = record.titles.at(hit.index) ?? '';
    setSavedNote(`Sending to Zotero: “${title}”`);
    void saveToZotero([hit.id]).then((outcome) => {
      if (outcome.ok) {
        setError(null);
        setSavedNote(`Saved to Zotero: “${title}”`);
      } else {
        setSavedNote('');
        setError(outcome.message);
      }
    });
  };

  const onCite = (hit: SearchHit) => {
    const title = record.titles.at(hit.index) ?? '';
    copyCitation(hit.id).then(
      (style) => {
        setError(null);
        setSavedNote(`Citation copied (${style}): “${title}”`);
      },
      (failure: unknown) =>
        setError(
          `The citation was not copied: ${failure instanceof Error ? failure.message : String(failure)}`,
        ),
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
        aria-keyshortcuts="Alt+S Alt+Z Alt+C"
        aria-activedescendant={hits[active] ? `result-${hits[active].index}` : undefined}
        autocomplete="off"
        spellcheck={false}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {/* The saved note covers this line for a moment instead of pushing the results down. */}
      <div class="search__line">
        <p class="muted search__count" aria-live="polite">
          {query ? resultCount(hits.length) : 'Newest papers'}
          <span id="search-keys" class="search__keys">
            ↑↓ choose · Enter opens · Ctrl+Enter PDF · Alt+S saves · Alt+C cites · Alt+Z Zotero
          </span>
        </p>
        <p class="search__saved" role="status">
          {savedNote}
        </p>
      </div>
      {authorGap && (
        <p class="muted search__gap">
          {authorGap}{' '}
          <button type="button" class="link-button" onClick={openSettings}>
            Open settings
          </button>
        </p>
      )}
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
              {index === active && (
                // The highlighted result's other actions, for the pointer (Alt+C and Alt+Z from
                // the keyboard); the rest show Save alone, so a list of results stays calm.
                <span class="result__more" aria-hidden="true">
                  <span
                    class="result__action"
                    title="Copy citation (Alt+C)"
                    onClick={(event) => {
                      event.stopPropagation();
                      onCite(hit);
                    }}
                  >
                    Cite
                  </span>
                  <span
                    class="result__action"
                    title="Save to Zotero (Alt+Z)"
                    onClick={(event) => {
                      event.stopPropagation();
                      onZotero(hit);
                    }}
                  >
                    Zotero
                  </span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {query && !busy && hits.length === 0 && (
        <p class="muted">
          {linked
            ? 'No paper in your digest has this link.'
            : authorGap
              ? 'No paper matches.'
              : 'No paper matches. Try fewer words or an arXiv id.'}
        </p>
      )}
    </section>
  );
}

/**
 * The paper a pasted venue link or DOI in `query` names: undefined while the worker is asked,
 * null when no digest paper has it; the hook's answer is null when the query is no such link.
 */
function useLinkedPaper(
  query: string,
  paperOfLink: SearchPanelProps['paperOfLink'],
): { paperId: string | null | undefined } | null {
  const key = useMemo(
    () => (paperOfLink ? parseQuery(query).exact?.venue : undefined),
    [query, paperOfLink],
  );
  const [answer, setAnswer] = useState<{ key: VenueKey; paperId: string | null } | null>(null);
  useEffect(() => {
    if (!key || !paperOfLink) return;
    let current = true;
    paperOfLink(key).then(
      (paperId) => current && setAnswer({ key, paperId }),
      // The worker did not answer: said as "no paper", not a list stuck busy.
      () => current && setAnswer({ key, paperId: null }),
    );
    return () => {
      current = false;
    };
  }, [key, paperOfLink]);
  const paperId = key && answer?.key === key ? answer.paperId : undefined;
  // One object per answer: the results are computed again only when it changes.
  return useMemo(() => (key ? { paperId } : null), [key, paperId]);
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

function authorFilterIn(query: string): boolean {
  return parseQuery(query).author !== undefined;
}

/** Why `a:` may miss papers, and how they get their authors. */
function authorGapNote(authorless: number, total: number): string {
  const gap =
    authorless === total
      ? 'No paper in your digest has author names yet, so a: cannot find any.'
      : `${authorless.toLocaleString('en')} of ${total.toLocaleString('en')} papers in your digest ${authorless === 1 ? 'has' : 'have'} no author names yet, so a: cannot find ${authorless === 1 ? 'it' : 'them'}.`;
  return `${gap} PaperPeek fills them in from arXiv while look-ups are on.`;
}

function resultCount(count: number): string {
  if (count === VISIBLE) return `${VISIBLE}+ results`;
  return count === 1 ? '1 result' : `${count} results`;
}

/** Papers whose author line is empty (a digest without authors, not filled in yet). */
function countEmpty(column: TextColumn): number {
  let empty = 0;
  for (let i = 0; i < column.length; i += 1) if (!column.at(i)) empty += 1;
  return empty;
}

/**
 * The option that stays highlighted: for the same query, the paper that was (found again by its
 * id when the list is drawn anew), else the same place; for a new query, the first.
 */
export function activeIndex(
  selection: { query: string; id: string | null; index: number },
  query: string,
  hits: readonly SearchHit[],
): number {
  if (selection.query !== query || hits.length === 0) return 0;
  const same = selection.id === null ? -1 : hits.findIndex((hit) => hit.id === selection.id);
  return same >= 0 ? same : Math.min(selection.index, hits.length - 1);
}
