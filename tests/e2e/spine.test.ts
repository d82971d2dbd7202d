import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, request, type ExtensionSession } from './harness';

describe('the built extension in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchExtension();
    page = await session.openExtensionPage('popup.html');
  });
  afterAll(async () => session?.close());

  it('holds the 71 papers of the bundled digest after install', async () => {
    const reply = await request(page, { type: 'status', data: {} });
    expect(reply).toMatchObject({
      ok: true,
      value: { paperCount: 71, sources: [{ id: 'bundled', paperCount: 71 }] },
    });
  });

  it('looks up a paper by arXiv id', async () => {
    const reply = (await request(page, {
      type: 'lookup',
      data: { keys: ['arxiv:2005.14165'] },
    })) as {
      value: Record<string, { paper: { title: string } }>;
    };
    expect(reply.value['arxiv:2005.14165']?.paper.title).toBe(
      'Language Models are Few-Shot Learners',
    );
  });

  it('looks up a paper by its GitHub repo, whatever the case of the link', async () => {
    const reply = (await request(page, {
      type: 'lookup',
      data: { keys: ['github:muzairkhattak/promptsrc'] },
    })) as { value: Record<string, { paper: { title: string; id: string } }> };
    expect(reply.value['github:muzairkhattak/promptsrc']?.paper).toMatchObject({
      id: '2307.06948',
      title: 'Self-regulating Prompts: Foundational Model Adaptation without Forgetting',
    });
  });

  it('answers a malformed message with an error, and keeps working', async () => {
    expect(await request(page, { type: 'lookup', data: { keys: ['<script>'] } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await request(page, { type: 'status', data: {} })).toMatchObject({ ok: true });
  });

  it('shows the paper count and digest date in the popup', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('paper-count').textContent()).toBe('71 papers loaded');
    expect(await page.getByTestId('digest-date').textContent()).toMatch(/^Digest of .*2026/);
  });

  it('keeps its papers when the worker is stopped and woken again', async () => {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const reply = (await request(page, {
      type: 'lookup',
      data: { keys: ['arxiv:2005.14165'] },
    })) as {
      value: Record<string, { paper: { title: string } }>;
    };
    expect(reply.value['arxiv:2005.14165']?.paper.title).toBe(
      'Language Models are Few-Shot Learners',
    );
  });
});
