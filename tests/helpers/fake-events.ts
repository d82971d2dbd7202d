/** A `browser.*.onX` event for tests: listeners are kept, and `fire` calls each with the arguments. */
export function fakeEvent<Listener extends (...args: never[]) => unknown>() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    fire: (...args: Parameters<Listener>) => [...listeners].map((listener) => listener(...args)),
    get size() {
      return listeners.size;
    },
  };
}
