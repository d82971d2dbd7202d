import { describe, expect, it, vi } from 'vitest';
import {
  BADGE_COLOUR,
  BADGE_TEXT_COLOUR,
  createBadgeTracker,
  FEEDBACK_MS,
  registerBadge,
  type BadgeAction,
} from '@/lib/worker/badge';
import { fakeEvent } from '../../helpers/fake-events';

function fakeAction() {
  const texts = new Map<number, string>();
  const action: BadgeAction & { colour?: string; textColour?: string } = {
    setBadgeText: async ({ tabId, text }) => void texts.set(tabId, text),
    setBadgeBackgroundColor: async ({ color }) => void (action.colour = color),
    setBadgeTextColor: async ({ color }) => void (action.textColour = color),
  };
  return { action, texts };
}

describe('the toolbar badge', () => {
  it('counts distinct papers over all frames of a tab, and resets on a new top document', async () => {
    const setBadge = vi.fn();
    const badge = createBadgeTracker(setBadge);
    await badge.report(['1', '2'], {
      tab: { id: 5 },
      frameId: 0,
      documentId: 'a',
    });
    await badge.report(['2', '3'], { tab: { id: 5 }, frameId: 3 });
    expect(setBadge).toHaveBeenLastCalledWith(5, '3');
    await badge.report([], { tab: { id: 5 }, frameId: 0, documentId: 'b' });
    expect(setBadge).toHaveBeenLastCalledWith(5, '');
    await badge.report(['1'], {});
    expect(setBadge).toHaveBeenCalledTimes(3);
  });

  it('is registered with its colour, forgets closed tabs, and shows feedback for a moment', async () => {
    const { action, texts } = fakeAction();
    const onRemoved = fakeEvent<(tabId: number) => void>();
    vi.useFakeTimers();
    try {
      const badge = registerBadge({ tabs: { onRemoved } }, action);
      expect(action.colour).toBe(BADGE_COLOUR);
      expect(action.textColour).toBe(BADGE_TEXT_COLOUR);
      await badge.report(['1'], { tab: { id: 7 }, frameId: 0 });
      expect(texts.get(7)).toBe('1');
      await badge.flash(7, '✓');
      expect(texts.get(7)).toBe('✓');
      await vi.advanceTimersByTimeAsync(FEEDBACK_MS);
      expect(texts.get(7)).toBe('1');
      onRemoved.fire(7);
      await badge.flash(7, '?');
      await vi.advanceTimersByTimeAsync(FEEDBACK_MS);
      expect(texts.get(7)).toBe(''); // the closed tab's count is gone
    } finally {
      vi.useRealTimers();
    }
  });
});
