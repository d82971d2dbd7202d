/**
 * The card's rendering: Preact, the card component, its styles and its placement. It is not in
 * the injected script; entrypoints/card-ui.ts ships it as a module of its own, imported the first
 * time the pointer reaches a paper link (lib/content/card/loader.ts). Pages where no card
 * opens never load it, and the script every frame holds is 4.3 KB gzip instead of 10.2 KB.
 */
import { render } from 'preact';
import cardCss from './card.css?inline';
import { HoverCard, type HoverCardProps } from './HoverCard';
import { createCardHost, type CardHost } from './host';
import { placeCard } from './position';

export interface CardUi {
  createHost(doc: Document): CardHost;
  /**
   * Renders the card into its host and places it next to the link, within the viewport.
   * `opening`: a new card (it goes on top of the top layer); otherwise the open card changes
   * in place, so the control that has the focus keeps it.
   */
  paint(host: CardHost, anchor: HTMLAnchorElement, props: HoverCardProps, opening: boolean): void;
}

export const cardUi: CardUi = {
  createHost: (doc) => createCardHost(doc, cardCss),
  paint(host, anchor, props, opening) {
    render(<HoverCard {...props} />, host.root);
    const element = host.root.querySelector<HTMLElement>('.card');
    if (!element) return;
    // Inside an open modal dialog the card must be too, or the dialog makes it inert.
    const dialog = anchor.closest('dialog[open]');
    element.style.maxHeight = '';
    if (opening) host.show(0, 0, dialog, true);
    const rects = anchor.getClientRects();
    const link = rects[0] ?? anchor.getBoundingClientRect();
    const size = element.getBoundingClientRect();
    const view = anchor.ownerDocument.documentElement;
    const placement = placeCard(link, size, { width: view.clientWidth, height: view.clientHeight });
    element.style.maxHeight = `${placement.maxHeight}px`;
    host.show(placement.top, placement.left, dialog, false);
  },
};
