import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScriptContext, isHtmlDocument } from '@/lib/content/script-context';

describe('the life of one content-script instance', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // The context looks its timer functions up on `window`, as in a page.
    vi.stubGlobal('window', globalThis);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('ends when the extension is gone: listeners, timers and cleanups go together, once', () => {
    const runtime: { id?: string } = { id: 'extension' };
    const ctx = createScriptContext(runtime);
    const target = new EventTarget();
    const heard = vi.fn();
    const fired = vi.fn();
    const cleanup = vi.fn();
    ctx.addEventListener(target, 'ping', heard);
    ctx.setTimeout(fired, 100);
    ctx.onInvalidated(cleanup);
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(ctx.isInvalid).toBe(false);

    delete runtime.id; // what an update or removal does to the old instance
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.isInvalid).toBe(true);
    target.dispatchEvent(new Event('ping'));
    vi.advanceTimersByTime(200);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(fired).not.toHaveBeenCalled();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it('does not ask the extension when a timer fires (timers re-arm while the pointer sweeps)', () => {
    let asked = 0;
    const runtime = {
      get id() {
        asked += 1;
        return 'extension';
      },
    };
    const ctx = createScriptContext(runtime);
    const fired = vi.fn();
    for (let i = 0; i < 5; i += 1) ctx.setTimeout(fired, 10);
    vi.advanceTimersByTime(20);
    expect(fired).toHaveBeenCalledTimes(5);
    expect(asked).toBe(0);
  });

  it('runs every cleanup even when one throws, and adds nothing once ended', () => {
    const ctx = createScriptContext({ id: 'extension' });
    const later = vi.fn();
    ctx.onInvalidated(() => {
      throw new Error('a page broke a DOM method');
    });
    ctx.onInvalidated(later);
    ctx.invalidate();
    expect(later).toHaveBeenCalledTimes(1);
    const target = new EventTarget();
    const heard = vi.fn();
    ctx.addEventListener(target, 'ping', heard);
    target.dispatchEvent(new Event('ping'));
    expect(heard).not.toHaveBeenCalled();
    // A cleanup registered after the end runs at once.
    const afterEnd = vi.fn();
    ctx.onInvalidated(afterEnd);
    expect(afterEnd).toHaveBeenCalledTimes(1);
  });

  it('runs only in HTML documents', () => {
    expect(isHtmlDocument('text/html')).toBe(true);
    expect(isHtmlDocument('application/xhtml+xml')).toBe(true);
    for (const type of ['image/svg+xml', 'text/xml', 'application/xml', 'text/plain'])
      expect(isHtmlDocument(type)).toBe(false);
  });
});
