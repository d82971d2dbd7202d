/**
 * The life of one content-script instance: listeners and timers that stop together when the
 * extension is updated, reloaded or removed (then `runtime.id` is gone). Owns only that.
 *
 * This is a 0.3 KB stand-in for WXT's ContentScriptContext, whose wrapper costs 1.3 KB gzip of
 * the content script's 10 KB budget; the method names are the same so the code reads alike.
 */

export interface ScriptContext {
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
  onInvalidated(callback: () => void): void;
  /** Ends this instance now (a message to the worker failed: the extension is gone). */
  invalidate(): void;
  readonly isInvalid: boolean;
}

export function createScriptContext(runtime: { id?: string }): ScriptContext {
  const controller = new AbortController();
  const { signal } = controller;
  // Live timers only: a timer leaves the set when it fires or is cleared, so hovering all day
  // keeps nothing alive.
  const timers = new Set<number>();
  // Looked up once: a global named from an isolated world is a lookup on the page's window.
  const setTimer = window.setTimeout.bind(window);
  const clearTimer = window.clearTimeout.bind(window);
  signal.addEventListener('abort', () => timers.forEach((id) => clearTimer(id)));
  const context: ScriptContext = {
    // `runtime.id` is a native binding: asked when a timer fires or a message is about to go,
    // never on every pointer event. Listeners go with the signal, without a wrapper per call.
    get isInvalid() {
      if (!signal.aborted && !runtime.id) controller.abort();
      return signal.aborted;
    },
    invalidate: () => controller.abort(),
    addEventListener(target, type, handler, options) {
      target.addEventListener(type, handler, { ...options, signal });
    },
    setTimeout(handler, ms) {
      const id = setTimer(() => {
        timers.delete(id);
        if (!context.isInvalid) handler();
      }, ms);
      timers.add(id);
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
      clearTimer(id);
    },
    onInvalidated(callback) {
      signal.addEventListener('abort', callback);
    },
  };
  return context;
}
