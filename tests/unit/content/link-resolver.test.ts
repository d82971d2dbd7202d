/** The link resolver's local-links hook: what a page knows of its own links (the reader's citations). */
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { toReferenceCardView } from '@/lib/content/card/view';
import { createLinkResolver } from '@/lib/content/link-resolver';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const link = (href: string) => {
  const anchor = document.createElement('a');
  anchor.setAttribute('href', href);
  return anchor as unknown as HTMLAnchorElement;
};

describe('links the page knows itself', () => {
  it('takes their answers, asks the worker about none of them, and keeps a card of their own', async () => {
    const reference = toReferenceCardView(
      '[6] Pat Nobody. A study of nothing. 2019.',
      'A study of nothing',
    );
    const worker = vi.fn(async () => ({ keys: [], cards: {} }));
    const resolver = createLinkResolver(worker, (href) => {
      if (!href.startsWith('#cite.')) return null;
      if (href === '#cite.known') return Promise.resolve({ key: 'arxiv:2005.14165', card: null });
      if (href === '#cite.reference') return Promise.resolve({ key: null, card: reference });
      return Promise.resolve({ key: null, card: null });
    });
    const [known, own, nothing] = [
      link('#cite.known'),
      link('#cite.reference'),
      link('#cite.lost'),
    ];
    await resolver.resolveAnchors([known, own, nothing]);
    expect(worker).not.toHaveBeenCalled();
    expect(resolver.verdictOf(known)).toBe('arxiv:2005.14165');
    expect(resolver.cardFor(own)).toBe(reference);
    // A citation nothing is known of is no paper link: no card, no mark.
    expect(resolver.verdictOf(nothing)).toBeNull();
  });
});
