/**
 * The element that carries the card on a page: a custom element with a closed shadow root, in the
 * top layer (Popover API) so that page stacking contexts and modal dialogs cannot cover it. Owns:
 * isolation from page CSS. Never: inherits a page style (`all: initial` on the host, inline and
 * !important) or depends on the page's CSP (a constructed stylesheet is not subject to it).
 *
 * WXT's createShadowRootUi would add 3.4 KB gzip (of a 10 KB budget) and fetch its CSS from a
 * web-accessible file on first use, which pages can probe to detect the extension.
 */

export const HOST_TAG = 'paperpeek-card';

// `all:initial` (important, inline) wins over page and UA styles, the popover's included.
const HOST_STYLE = 'all:initial!important;position:fixed!important;z-index:2147483647!important;';

export interface CardHost {
  root: ShadowRoot;
  /**
   * `within`: an open modal dialog the link is in (outside it, the card would be inert).
   * `restack`: put it on top of the top layer again (a card being opened); moving an open card
   * leaves it where it is, since hiding a popover takes the focus out of it.
   */
  show(top: number, left: number, within: Element | null, restack: boolean): void;
  hide(): void;
  contains(node: Node | null): boolean;
  remove(): void;
}

export function createCardHost(doc: Document, css: string): CardHost {
  const host = doc.createElement(HOST_TAG);
  host.style.cssText = `${HOST_STYLE}display:none!important`;
  const root = host.attachShadow({ mode: 'closed' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  const popover = 'showPopover' in host;
  if (popover) host.setAttribute('popover', 'manual');

  return {
    root,
    show(top, left, within, restack) {
      host.style.cssText = `${HOST_STYLE}top:${top}px!important;left:${left}px!important`;
      // A page may replace its whole body: the host lives on the root element, and comes back.
      const parent = within ?? doc.documentElement;
      const moved = host.parentNode !== parent;
      if (moved) parent.append(host);
      if (popover && (restack || moved || !host.matches(':popover-open'))) {
        try {
          if (host.matches(':popover-open')) host.hidePopover();
          host.showPopover(); // again on top of anything opened in the top layer since
        } catch {
          // Not in a document that supports the top layer (e.g. a detached frame): still fixed.
        }
      }
    },
    hide() {
      if (popover && host.matches(':popover-open')) host.hidePopover();
      host.style.cssText = `${HOST_STYLE}display:none!important`;
    },
    contains: (node) => node === host,
    remove: () => host.remove(),
  };
}
