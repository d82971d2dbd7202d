/**
 * The shape every `browser.*.onX` event shares, so each register function can name the slice of
 * `browser` it uses and be tested with a plain fake.
 */
export interface BrowserEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener?(listener: Listener): void;
}

/** The context menu's slice of `browser`: an item on links, and its clicks. */
export interface LinkMenus {
  create(properties: {
    id: string;
    title: string;
    contexts: ['link'];
    targetUrlPatterns: string[];
  }): unknown;
  onClicked: BrowserEvent<
    (
      info: { menuItemId: string | number; linkUrl?: string },
      tab?: { id?: number; index?: number },
    ) => void
  >;
}
