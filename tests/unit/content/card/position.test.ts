import { describe, expect, it } from 'vitest';
import { CARD_MAX_HEIGHT, placeCard } from '@/lib/content/card/position';

const viewport = { width: 1000, height: 800 };
const card = { width: 420, height: 300 };
const link = (top: number, left = 100, height = 20, width = 80) => ({
  top,
  left,
  bottom: top + height,
  right: left + width,
});

describe('placeCard', () => {
  it('goes below the link with a gap when there is room', () => {
    expect(placeCard(link(100), card, viewport)).toEqual({
      top: 128,
      left: 100,
      maxHeight: CARD_MAX_HEIGHT,
      side: 'below',
    });
  });

  it('flips above when the link is near the bottom, never covering the link', () => {
    const placed = placeCard(link(700), card, viewport);
    expect(placed.side).toBe('above');
    expect(placed.top + card.height).toBeLessThanOrEqual(700 - 8);
  });

  it('shifts left to stay inside the viewport', () => {
    expect(placeCard(link(100, 900), card, viewport).left).toBe(1000 - 420 - 8);
    expect(placeCard(link(100, -50), card, viewport).left).toBe(8);
  });

  it('limits the height when neither side has room for the whole card', () => {
    const placed = placeCard(link(380), { width: 420, height: 900 }, viewport);
    expect(placed.side).toBe('below');
    expect(placed.maxHeight).toBe(800 - 400 - 16);
    expect(placed.top + placed.maxHeight).toBeLessThanOrEqual(800 - 8);
  });

  it('never grows past its own maximum, however tall the window: a long abstract scrolls', () => {
    const tall = { width: 1000, height: 2000 };
    const below = placeCard(link(100), { width: 420, height: 1500 }, tall);
    expect(below.maxHeight).toBe(CARD_MAX_HEIGHT);
    const above = placeCard(link(1900), { width: 420, height: 1500 }, tall);
    expect(above.side).toBe('above');
    expect(above.top).toBe(1900 - 8 - CARD_MAX_HEIGHT);
  });
});
