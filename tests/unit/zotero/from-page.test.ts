/**
 * Save to Zotero from an extension page: the permission is asked from the click itself (before
 * anything is awaited), and without it nothing is sent.
 */
import { describe, expect, it, vi } from 'vitest';
import { ZOTERO_ORIGIN } from '@/lib/zotero/connector';
import { PERMISSION_REFUSED, saveToZoteroFromPage } from '@/lib/zotero/from-page';

const saved = { ok: true as const, saved: 2, message: 'Saved 2 papers to Zotero.' };

describe('Save to Zotero from a page', () => {
  it('asks for the permission in the same task as the click, then sends', async () => {
    const request = vi.fn(async () => true);
    const send = vi.fn(async () => saved);
    const outcome = saveToZoteroFromPage(['a', 'b'], { permissions: { request }, send });
    // Asked before the first await: Firefox grants only inside the user's input handler.
    expect(request).toHaveBeenCalledWith({ origins: [ZOTERO_ORIGIN] });
    expect(await outcome).toEqual(saved);
    expect(send).toHaveBeenCalledWith(['a', 'b']);
  });

  it.each([
    ['refused', async () => false],
    ['failed', async () => Promise.reject(new Error('not from a user gesture'))],
  ])('sends nothing when the permission is %s', async (_, answer) => {
    const send = vi.fn(async () => saved);
    const outcome = await saveToZoteroFromPage(['a'], {
      permissions: { request: vi.fn(answer) },
      send,
    });
    expect(outcome).toEqual({ ok: false, problem: 'permission', message: PERMISSION_REFUSED });
    expect(send).not.toHaveBeenCalled();
  });
});
