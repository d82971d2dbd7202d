import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent } from '@/lib/content/hover-intent';

describe('hover intent', () => {
  const events: string[] = [];
  let intent: ReturnType<typeof createHoverIntent<string>>;

  beforeEach(() => {
    vi.useFakeTimers();
    events.length = 0;
    intent = createHoverIntent<string>({
      dwellMs: () => 300,
      graceMs: 300,
      now: () => Date.now(),
      timers: {
        set: (callback, ms) => Number(setTimeout(callback, ms)),
        clear: (id) => clearTimeout(id),
      },
      open: (link) => events.push(`open ${link}`),
      close: (link) => events.push(`close ${link}`),
    });
  });
  afterEach(() => vi.useRealTimers());

  it('opens after the dwell, not before', () => {
    intent.enterLink('a');
    vi.advanceTimersByTime(299);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a']);
    expect(intent.opened).toBe('a');
  });

  it('never opens when the pointer leaves during the dwell', () => {
    intent.enterLink('a');
    vi.advanceTimersByTime(200);
    intent.leaveLink('a');
    vi.advanceTimersByTime(1_000);
    expect(events).toEqual([]);
    expect(intent.opened).toBe(null);
  });

  it('stays open while the pointer travels from the link onto the card', () => {
    intent.enterLink('a');
    vi.advanceTimersByTime(300);
    intent.leaveLink('a');
    vi.advanceTimersByTime(150);
    intent.enterCard();
    vi.advanceTimersByTime(1_000);
    expect(events).toEqual(['open a']);
  });

  it('closes a grace period after leaving both link and card', () => {
    intent.enterLink('a');
    vi.advanceTimersByTime(300);
    intent.leaveLink('a');
    intent.enterCard();
    intent.leaveCard();
    vi.advanceTimersByTime(299);
    expect(events).toEqual(['open a']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a', 'close a']);
  });

  it('coming back to the link during the grace period keeps the card', () => {
    intent.enterLink('a');
    vi.advanceTimersByTime(300);
    intent.leaveLink('a');
    vi.advanceTimersByTime(100);
    intent.enterLink('a');
    vi.advanceTimersByTime(1_000);
    expect(events).toEqual(['open a']);
  });

  it('moving to another link replaces the card after its own dwell', () => {
    intent.enterLink('a');
    vi.advanceTimersByTime(300);
    intent.leaveLink('a');
    intent.enterLink('b');
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['open a', 'close a', 'open b']);
  });

  it('a sweep across several links opens only the last one, a full dwell after reaching it', () => {
    intent.enterLink('a');
    vi.advanceTimersByTime(100);
    intent.leaveLink('a');
    intent.enterLink('b');
    vi.advanceTimersByTime(250);
    intent.leaveLink('b');
    intent.enterLink('c');
    vi.advanceTimersByTime(299);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open c']);
    expect(vi.getTimerCount()).toBe(0);
  });

  describe('when leaving a link in its dwell is not reported (the pointer path skips it)', () => {
    const on = new Set<string>();
    beforeEach(() => {
      on.clear();
      intent = createHoverIntent<string>({
        dwellMs: () => 300,
        graceMs: 300,
        now: () => Date.now(),
        timers: {
          set: (callback, ms) => Number(setTimeout(callback, ms)),
          clear: (id) => clearTimeout(id),
        },
        stillThere: (link) => on.has(link),
        open: (link) => events.push(`open ${link}`),
        close: (link) => events.push(`close ${link}`),
      });
    });

    it('opens when the pointer is still on the link as the dwell ends', () => {
      on.add('a');
      intent.enterLink('a');
      vi.advanceTimersByTime(300);
      expect(events).toEqual(['open a']);
    });

    it('never opens a link the pointer has left, and opens it on a later visit', () => {
      on.add('a');
      intent.enterLink('a');
      vi.advanceTimersByTime(200);
      on.delete('a'); // left for the page around it: no event reaches the intent
      vi.advanceTimersByTime(1_000);
      expect(events).toEqual([]);
      expect(vi.getTimerCount()).toBe(0);
      on.add('a');
      intent.enterLink('a');
      vi.advanceTimersByTime(300);
      expect(events).toEqual(['open a']);
    });

    it('keeps the open card when the pointer left a link before its dwell ended', () => {
      on.add('a');
      intent.enterLink('a');
      vi.advanceTimersByTime(300);
      intent.enterLink('b'); // crossed b on the way to a's card
      vi.advanceTimersByTime(300);
      expect(events).toEqual(['open a']);
      expect(intent.opened).toBe('a');
    });
  });

  it('dismiss (Esc) closes at once and cancels a pending open', () => {
    intent.enterLink('a');
    vi.advanceTimersByTime(300);
    intent.dismiss();
    intent.enterLink('b');
    intent.dismiss();
    vi.advanceTimersByTime(1_000);
    expect(events).toEqual(['open a', 'close a']);
  });
});
