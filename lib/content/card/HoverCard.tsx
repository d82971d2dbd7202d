import type { CardView } from '@/lib/content/card/view';
import type { ZoteroOutcome } from '@/lib/zotero/outcome';

export interface HoverCardState {
  expanded: boolean;
  menuOpen: boolean;
  /** A save, its undo, or a card's retry on its way to the worker. */
  pending: 'save' | 'undo' | 'retry' | null;
  /** A retry came back with no abstract again. */
  retriedInVain: boolean;
  /** Saved from this card just now: the card offers Undo. */
  justSaved: boolean;
  /** Save to Zotero: on its way, or what came of it (said on the card until it closes). */
  zotero: 'saving' | ZoteroOutcome | null;
  /** Copy citation: on its way (the processor loads on the first), or what came of it. */
  citation: 'copying' | CitationOutcome | null;
  error: string | null;
}

export interface CitationOutcome {
  ok: boolean;
  message: string;
}

type Handler = (event: Event) => void;

export interface HoverCardProps {
  view: CardView;
  state: HoverCardState;
  on: Record<
    | 'save'
    | 'saveToZotero'
    | 'copyCitation'
    | 'retry'
    | 'undoSave'
    | 'openReadingList'
    | 'toggleExpanded'
    | 'toggleMenu'
    | 'disableSite'
    | 'turnOff'
    | 'openSettings',
    Handler
  >;
}

const LONG_ABSTRACT = 420;

/**
 * The hover card: a non-modal dialog named by the paper's title. Pure: state lives with the
 * caller, and the worker prepared every text and href (lib/content/card/view.ts). Class names are one
 * letter because this ships to pages (the card module, lib/content/card/render.tsx).
 */
export function HoverCard({ view, state, on }: HoverCardProps) {
  if (view.missing) {
    return <MissingCard view={view} missing={view.missing} state={state} on={on} />;
  }
  const long = view.abstract.length > LONG_ABSTRACT;
  const { zotero, citation } = state;
  return (
    <div class="card" role="dialog" aria-labelledby="t">
      <h2 id="t">{view.title}</h2>
      {view.meta && <p class="m">{view.meta}</p>}
      {view.venue && <p class="m p">{`Published in ${view.venue}`}</p>}
      <p id="a" class={long && !state.expanded ? 'c' : ''}>
        {view.abstract}
      </p>
      {long && (
        <button
          type="button"
          class="x"
          aria-expanded={state.expanded}
          aria-controls="a"
          onClick={on.toggleExpanded}
        >
          {state.expanded ? 'Show less' : 'Show more'}
        </button>
      )}
      <CardLinks links={view.links} />
      {state.error && <p role="alert">{state.error}</p>}
      {/* What came of Save to Zotero, until the card closes; without the permission, the way to
          the settings that ask for it (a page cannot ask, only an extension page). */}
      {zotero && zotero !== 'saving' && (
        <p role={zotero.ok ? 'status' : 'alert'} class="v">
          {zotero.message}{' '}
          {!zotero.ok && zotero.problem === 'permission' && (
            <button type="button" onClick={on.openSettings}>
              Open PaperPeek settings
            </button>
          )}
        </p>
      )}
      {citation && citation !== 'copying' && (
        <p role={citation.ok ? 'status' : 'alert'} class="v">
          {citation.message}
        </p>
      )}
      {/* Said by the "Saved" mark for the eye; announced from here for a screen reader. */}
      <p role="status" class="v h">
        {state.justSaved && view.saved ? 'Saved to your reading list.' : ''}
      </p>
      <div class="r">
        {view.saved ? (
          // What the paper is, not a control: a button that says "Saved" did nothing.
          <span class="k">
            <span aria-hidden="true">✓ </span>Saved
          </span>
        ) : (
          // Never disabled: a disabled button drops the focus, and the card with it.
          <button type="button" class="s" aria-disabled={state.pending !== null} onClick={on.save}>
            {state.pending === 'save' ? 'Saving…' : 'Save to reading list'}
          </button>
        )}
        {view.saved && state.justSaved && (
          <button
            type="button"
            class="u"
            aria-disabled={state.pending !== null}
            onClick={on.undoSave}
          >
            Undo
          </button>
        )}
        {view.saved && (
          <button type="button" onClick={on.openReadingList}>
            Open reading list
          </button>
        )}
        <button type="button" aria-disabled={zotero === 'saving'} onClick={on.saveToZotero}>
          {zotero === 'saving' ? 'Saving…' : 'Save to Zotero'}
        </button>
        <button type="button" aria-disabled={citation === 'copying'} onClick={on.copyCitation}>
          {citation === 'copying' ? 'Copying…' : 'Copy citation'}
        </button>
        <button
          type="button"
          class="g"
          aria-label="PaperPeek settings"
          aria-haspopup="menu"
          aria-expanded={state.menuOpen}
          onClick={on.toggleMenu}
        >
          ⚙
        </button>
      </div>
      <p class="f">{view.from}</p>
      {state.menuOpen && (
        <div role="menu" aria-label="PaperPeek settings">
          <button type="button" role="menuitem" onClick={on.disableSite}>
            Turn off on this site
          </button>
          <button type="button" role="menuitem" onClick={on.turnOff}>
            Turn off previews
          </button>
        </div>
      )}
    </div>
  );
}

/** A paper with no abstract to show: its id, why, its links, and what the user can do. */
function MissingCard({
  view,
  missing,
  state,
  on,
}: {
  view: HoverCardProps['view'];
  missing: NonNullable<HoverCardProps['view']['missing']>;
  state: HoverCardState;
  on: HoverCardProps['on'];
}) {
  const retrying = state.pending === 'retry';
  return (
    <div class="card" role="dialog" aria-labelledby="t" aria-describedby="w">
      <h2 id="t">{view.title}</h2>
      <p id="w" class="m">
        {missing.reason}
      </p>
      <CardLinks links={view.links} />
      <p role="status" class="v">
        {retrying ? 'Trying again…' : state.retriedInVain ? missing.stillMissing : ''}
      </p>
      {(missing.retry || missing.settings) && (
        <div class="r">
          {missing.retry && (
            <button type="button" aria-disabled={retrying} onClick={on.retry}>
              {retrying ? 'Retrying…' : 'Retry'}
            </button>
          )}
          {missing.settings && (
            <button type="button" onClick={on.openSettings}>
              Open PaperPeek settings
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The paper's links; each href already passed the allow-list in the worker. */
function CardLinks({ links }: { links: HoverCardProps['view']['links'] }) {
  if (links.length === 0) return null;
  return (
    <ul>
      {links.map(({ label, href }) => (
        <li key={href}>
          <a href={href} target="_blank" rel="noopener noreferrer">
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}
