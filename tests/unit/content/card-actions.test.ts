/**
 * The card's buttons, driven with fakes for the worker and the card: what each action changes,
 * what the user sees while it is on its way, and where a keyboard user's focus goes.
 */
import { describe, expect, it, vi } from 'vitest';
import type { HoverCardState } from '@/lib/content/card/HoverCard';
import { toCardView, toMissingCardView, type CardView } from '@/lib/content/card/view';
import {
  createCardActions,
  RETRY_SHOWN_MS,
  type CardActionsEnvironment,
  type OpenCard,
  type ShownCard,
} from '@/lib/content/card-actions';
import { NEW_CARD } from '@/lib/content/controller';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { paper } from '../../helpers/digests';

const click = { isTrusted: true } as Event;
const scripted = { isTrusted: false } as Event;

function harness(
  view: CardView,
  overrides: { env?: Partial<CardActionsEnvironment>; card?: Partial<OpenCard> } = {},
) {
  let state: HoverCardState = NEW_CARD;
  const states: HoverCardState[] = [];
  const shown: ShownCard = { anchor: {} as HTMLAnchorElement, view, title: null };
  const focused: string[] = [];
  const waits: number[] = [];
  const env: CardActionsEnvironment = {
    save: vi.fn(async () => undefined),
    saveToZotero: vi.fn(async () => ({ ok: true as const, saved: 1, message: 'Saved to Zotero.' })),
    copyCitation: vi.fn(async () => ({ ok: true, message: 'Citation copied (IEEE).' })),
    undoSave: vi.fn(async () => undefined),
    fetchPaper: vi.fn(async () => view),
    openReadingList: vi.fn(async () => undefined),
    openSettings: vi.fn(async () => undefined),
    updateSettings: vi.fn(async () => undefined),
    ctx: {
      setTimeout: (callback: () => void, ms: number) => {
        waits.push(ms);
        callback();
      },
    },
    ...overrides.env,
  };
  const card: OpenCard = {
    shown: () => shown,
    state: () => state,
    update(changes: Partial<HoverCardState>) {
      state = { ...state, ...changes };
      states.push(state);
    },
    keyboardInCard: () => false,
    focus: (selector: string) => void focused.push(selector),
    dismiss: vi.fn(),
    settings: () => DEFAULT_SETTINGS,
    hostname: 'example.org',
    resolver: { keyFor: () => 'arxiv:2401.00001', remember: vi.fn(), markSaved: vi.fn() },
    ...overrides.card,
  };
  return {
    on: createCardActions(env, card),
    env,
    shown,
    states,
    focused,
    waits,
    state: () => state,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the card’s actions', () => {
  it('ignore a page’s scripted clicks', async () => {
    const { on, env } = harness(toCardView(paper(), false));
    on.save(scripted);
    on.openSettings(scripted);
    await settle();
    expect(env.save).not.toHaveBeenCalled();
    expect(env.openSettings).not.toHaveBeenCalled();
  });

  it('save: says Saving, then Saved with Undo; a keyboard user’s focus goes on to Undo', async () => {
    const { on, shown, states, focused } = harness(toCardView(paper(), false), {
      card: { keyboardInCard: () => true },
    });
    on.save(click);
    expect(states.at(-1)?.pending).toBe('save');
    await settle();
    expect(shown.view.saved).toBe(true);
    expect(states.at(-1)).toMatchObject({ pending: null, justSaved: true });
    expect(focused).toEqual(['.u']);
  });

  it('retry: shows that it is trying, then the new card, or that it is still missing', async () => {
    let answer = toMissingCardView('2401.00001', 'unreachable');
    const { on, shown, states, waits } = harness(answer, {
      env: { fetchPaper: vi.fn(async () => answer) },
    });
    on.retry(click);
    expect(states.at(-1)).toMatchObject({ pending: 'retry', retriedInVain: false });
    // A second click while it tries does not ask again.
    on.retry(click);
    await settle();
    expect(waits).toEqual([RETRY_SHOWN_MS]);
    expect(states.at(-1)).toMatchObject({ pending: null, retriedInVain: true });

    answer = toCardView(paper({ id: '2401.00001', arxivId: '2401.00001' }), false);
    on.retry(click);
    await settle();
    expect(shown.view.missing).toBeUndefined();
    expect(states.at(-1)).toMatchObject({ pending: null, retriedInVain: false });
  });

  it('retry: an answer for a card the user has left changes nothing', async () => {
    let current: ShownCard | null = null;
    const view = toMissingCardView('2401.00001', 'unreachable');
    const { on, states } = harness(view, { card: { shown: () => current } });
    current = { anchor: {} as HTMLAnchorElement, view, title: null };
    on.retry(click);
    const before = states.length;
    current = null;
    await settle();
    expect(states.length).toBe(before);
  });

  it('open settings: asks the worker, and an error shows on the card', async () => {
    const { on, env, state } = harness(toMissingCardView('2401.00001', 'lookups-off'), {
      env: {
        openSettings: vi.fn(async () => {
          throw new Error('The extension was updated: reload the page.');
        }),
      },
    });
    on.openSettings(click);
    await settle();
    expect(env.openSettings).toHaveBeenCalledOnce();
    expect(state().error).toBe('The extension was updated: reload the page.');
  });

  it('save to Zotero: asks once, says what came of it, and leaves the reading list alone', async () => {
    const { on, env, states } = harness(toCardView(paper({ id: '2401.00001' }), false));
    on.saveToZotero(click);
    // A second click while it is on its way sends nothing more; a page's click() nothing at all.
    on.saveToZotero(click);
    on.saveToZotero(scripted);
    expect(states.at(-1)).toMatchObject({ zotero: 'saving' });
    await settle();
    expect(env.saveToZotero).toHaveBeenCalledOnce();
    expect(env.saveToZotero).toHaveBeenCalledWith(['2401.00001']);
    expect(env.save).not.toHaveBeenCalled();
    expect(states.at(-1)).toMatchObject({
      zotero: { ok: true, saved: 1, message: 'Saved to Zotero.' },
    });
  });

  it('save to Zotero: a refusal is said on the card, and the card is as it was otherwise', async () => {
    const refused = {
      ok: false as const,
      problem: 'not-running' as const,
      message: 'Start Zotero to save there: PaperPeek found no Zotero running on this computer.',
    };
    const { on, states } = harness(toCardView(paper({ id: '2401.00001' }), false), {
      env: { saveToZotero: vi.fn(async () => refused) },
    });
    on.saveToZotero(click);
    await settle();
    expect(states.at(-1)).toMatchObject({ zotero: refused, pending: null, error: null });
  });

  it('save to Zotero: a card with no paper to send offers nothing', async () => {
    const { on, env } = harness(toMissingCardView('2401.00001', 'lookups-off'));
    on.saveToZotero(click);
    await settle();
    expect(env.saveToZotero).not.toHaveBeenCalled();
  });

  it('copy citation: in the remembered style, once, and says which style was copied', async () => {
    const { on, env, states } = harness(toCardView(paper({ id: '2401.00001' }), false), {
      card: { settings: () => ({ ...DEFAULT_SETTINGS, citationStyle: 'ieee' }) },
    });
    on.copyCitation(click);
    on.copyCitation(click);
    on.copyCitation(scripted);
    expect(states.at(-1)).toMatchObject({ citation: 'copying' });
    await settle();
    expect(env.copyCitation).toHaveBeenCalledOnce();
    expect(env.copyCitation).toHaveBeenCalledWith('2401.00001', 'ieee');
    expect(env.save).not.toHaveBeenCalled();
    expect(states.at(-1)).toMatchObject({
      citation: { ok: true, message: 'Citation copied (IEEE).' },
    });
  });

  it('copy citation: a module that did not load is said on the card, and can be tried again', async () => {
    const { on, env, states } = harness(toCardView(paper({ id: '2401.00001' }), false), {
      env: {
        copyCitation: vi.fn(async () => {
          throw new Error('The citation module did not load');
        }),
      },
    });
    on.copyCitation(click);
    await settle();
    expect(states.at(-1)).toMatchObject({
      citation: null,
      error: 'The citation module did not load',
    });
    on.copyCitation(click);
    await settle();
    expect(env.copyCitation).toHaveBeenCalledTimes(2);
  });

  it('copy citation: a card with no paper to cite offers nothing', async () => {
    const { on, env } = harness(toMissingCardView('2401.00001', 'lookups-off'));
    on.copyCitation(click);
    await settle();
    expect(env.copyCitation).not.toHaveBeenCalled();
  });
});
