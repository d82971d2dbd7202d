import type { CardView } from '@/lib/content/card/view';

export interface HoverCardState {
  expanded: boolean;
  menuOpen: boolean;
  saving: boolean;
  error: string | null;
}

type Handler = (event: Event) => void;

export interface HoverCardProps {
  view: CardView;
  state: HoverCardState;
  on: Record<'save' | 'toggleExpanded' | 'toggleMenu' | 'disableSite' | 'turnOff', Handler>;
}

const LONG_ABSTRACT = 420;

/**
 * The hover card: a non-modal dialog named by the paper's title. Pure: state lives with the
 * caller, and the worker prepared every text and href (lib/content/card/view.ts). Class names are one
 * letter because this ships to pages (the card module, lib/content/card/render.tsx).
 */
export function HoverCard({ view, state, on }: HoverCardProps) {
  const long = view.abstract.length > LONG_ABSTRACT;
  return (
    <div class="card" role="dialog" aria-labelledby="t">
      <h2 id="t">{view.title}</h2>
      {view.meta && <p class="m">{view.meta}</p>}
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
      <ul>
        {view.links.map(({ label, href }) => (
          <li key={href}>
            <a href={href} target="_blank" rel="noopener noreferrer">
              {label}
            </a>
          </li>
        ))}
      </ul>
      {state.error && <p role="alert">{state.error}</p>}
      <div class="r">
        <button type="button" class="s" disabled={view.saved || state.saving} onClick={on.save}>
          {view.saved ? 'Saved' : 'Save to reading list'}
        </button>
        <span>{view.from}</span>
        <button
          type="button"
          aria-label="PaperPeek settings"
          aria-haspopup="menu"
          aria-expanded={state.menuOpen}
          onClick={on.toggleMenu}
        >
          ⚙
        </button>
      </div>
      {state.menuOpen && (
        <div role="menu" aria-label="PaperPeek settings">
          <button type="button" role="menuitem" onClick={on.disableSite}>
            Disable on this site
          </button>
          <button type="button" role="menuitem" onClick={on.turnOff}>
            Turn off previews
          </button>
        </div>
      )}
    </div>
  );
}
