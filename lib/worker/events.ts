/**
 * The shape every `browser.*.onX` event shares, so each register function can name the slice of
 * `browser` it uses and be tested with a plain fake.
 */
export interface BrowserEvent<Listener> {
  addListener(listener: Listener): void;
  removeListener?(listener: Listener): void;
}
