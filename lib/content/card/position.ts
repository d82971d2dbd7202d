/**
 * Where the card goes: below the link, or above it when there is more room there, never over the
 * link, always inside the viewport. A dozen lines instead of @floating-ui/dom, whose offset, flip
 * and shift would add 5.9 KB gzip to the card module every page loads on its first hover.
 */

/** The tallest a card gets, however much room there is: a long abstract scrolls inside it. */
export const CARD_MAX_HEIGHT = 460;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The card's height limit, so that a tall card scrolls inside instead of leaving the viewport. */
  maxHeight: number;
  side: 'below' | 'above';
}

export function placeCard(
  link: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
  margin = 8,
): Placement {
  const roomBelow = viewport.height - link.bottom - gap - margin;
  const roomAbove = link.top - gap - margin;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const maxHeight = Math.min(
    CARD_MAX_HEIGHT,
    Math.max(0, side === 'below' ? roomBelow : roomAbove),
  );
  const height = Math.min(card.height, maxHeight);
  const top = side === 'below' ? link.bottom + gap : link.top - gap - height;
  const maxLeft = Math.max(margin, viewport.width - card.width - margin);
  const left = Math.min(Math.max(link.left, margin), maxLeft);
  return { top, left, maxHeight, side };
}
