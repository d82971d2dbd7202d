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
  /** Runs `handler` after `ms` unless this instance has ended by then. */
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
  onInvalidated(callback: () => void): void;
  /** Ends this instance now (a message to the worker failed: the extension is gone). */
  invalidate(): void;
  readonly isInvalid: boolean;
}

export function createScriptContext(runtime: { id?: string }): ScriptContext {
  // Plain lists, not an AbortController: every DOM interface this script names is built afresh in
  // its isolated world on first use, and AbortController and AbortSignal were two of the costs
  // of injecting on every page (docs/PERFORMANCE.md, issue 17's fourth session).
  let invalid = false;
  const cleanups: (() => void)[] = [];
  // Live timers only: a timer leaves the set when it fires or is cleared, so hovering all day
  // keeps nothing alive.
  const timers = new Set<number>();
  // Looked up once: a global named from an isolated world is a lookup on the page's window.
  const setTimer = window.setTimeout.bind(window);
  const clearTimer = window.clearTimeout.bind(window);
  const invalidate = () => {
    if (invalid) return;
    invalid = true;
    timers.forEach((id) => clearTimer(id));
    timers.clear();
    // Each cleanup runs even when one before it throws (a page may have broken a DOM method).
    for (const cleanup of cleanups.splice(0)) {
      try {
        cleanup();
      } catch {
        // nothing more to undo for this one
      }
    }
  };
  const context: ScriptContext = {
    // `runtime.id` is a native binding: asked when a card is about to open or close or a message
    // is about to go, never on every pointer event or timer (a pointer sweeping links re-arms the
    // dwell timer a few times a second).
    get isInvalid() {
      if (!invalid && !runtime.id) invalidate();
      return invalid;
    },
    invalidate,
    addEventListener(target, type, handler, options) {
      if (invalid) return;
      target.addEventListener(type, handler, options);
      cleanups.push(() => target.removeEventListener(type, handler, options));
    },
    setTimeout(handler, ms) {
      const id = setTimer(() => {
        timers.delete(id);
        if (!invalid) handler();
      }, ms);
      timers.add(id);
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
      clearTimer(id);
    },
    onInvalidated(callback) {
      if (invalid) callback();
      else cleanups.push(callback);
    },
  };
  return context;
}

/** Whether a document of this content type holds HTML (`text/html`, or XHTML). */
export function isHtmlDocument(contentType: string): boolean {
  return contentType === 'text/html' || contentType === 'application/xhtml+xml';
}
