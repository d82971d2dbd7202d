/**
 * The browser stops PaperPeek's worker in the middle of applying 10,000 papers (through the
 * DevTools protocol, at 20 random moments): afterwards the digest is completely the old one or
 * completely the new one, the reading list is unchanged, the source says what happened, and
 * cards still work.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePapers } from '../helpers/generate-papers';
import { CardInspector } from './card-inspector';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import {
  holdScheduledRefresh,
  launchExtension,
  request,
  setLocalStorage,
  waitForDigest,
  waitUntil,
  type ExtensionSession,
} from './harness';
import { startStandInServices, type StandInServices } from './stand-in-services';

const PAPERS = 10_000;
const KILLS = 20;

/** The same 10,000 ids each time, titles marking the generation: a mix would show. */
function generation(label: string): unknown[] {
  return generatePapers(PAPERS, 5).map((paper) => ({
    publishedAt: '2026-11-25T00:00:00.000Z',
    paper: {
      id: paper.id,
      title: `${label} ${paper.title}`,
      summary: paper.abstract,
      authors: paper.authors.map((name) => ({ name })),
      publishedAt: '2026-11-25T00:00:00.000Z',
    },
  }));
}

/** Titles by generation, read from IndexedDB in an extension page. */
async function generations(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('paperpeek');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const counts: Record<string, number> = {};
          const cursor = open.result.transaction('shelves').objectStore('shelves').openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) {
              open.result.close();
              resolve(counts);
              return;
            }
            for (const paper of (at.value as { papers: { title: string }[] }).papers) {
              const label = /^(Gen-\d+) /.exec(paper.title)?.[1] ?? 'other';
              counts[label] = (counts[label] ?? 0) + 1;
            }
            at.continue();
          };
        };
      }),
  );
}

async function readingList(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('paperpeek');
        open.onsuccess = () => {
          const all = open.result.transaction('readingList').objectStore('readingList').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(JSON.stringify(all.result));
          };
        };
      }),
  );
}

describe('a worker stopped in the middle of an import', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let services: StandInServices;
  let page: Page;
  let cdp: CDPSession;
  let refreshMs = 0;

  const ask = (message: object) => request(page, message);
  const refresh = () => ask({ type: 'refreshNow', data: {} });

  beforeAll(async () => {
    [session, server, services] = await Promise.all([
      launchExtension(),
      startFixtureServer(),
      startStandInServices(),
    ]);
    page = await session.openExtensionPage('options.html');
    await waitForDigest(page);
    // The only refreshes are the test's own: a scheduled one would apply the generation being
    // served after the check, and look like an interrupted job coming back to life.
    await holdScheduledRefresh(page);
    await setLocalStorage(page, {
      endpoints: { huggingFace: services.huggingFaceUrl, arxiv: services.arxivUrl },
      settings: { hoverDelayMs: 0 },
    });
    cdp = await session.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    // Generation 0 is applied in full, and the reading list has an entry with a note.
    services.dailyPapers('papers', generation('Gen-0'));
    await refresh();
    // How long a later refresh takes (two days asked): the stops are spread over that time.
    services.dailyPapers('papers', generation('Gen-0'));
    const started = Date.now();
    await refresh();
    refreshMs = Date.now() - started;
    await ask({ type: 'save', data: { paperId: '2005.14165' } });
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await services?.close();
  });

  it(`leaves the old digest or the new one, never a mix, ${KILLS} times`, async () => {
    const listBefore = await readingList(page);
    let current = 'Gen-0';
    const outcomes = { old: 0, new: 0 };
    const phases: Record<string, number> = {};
    // Deterministic "random" moments, spread over the whole refresh.
    let seed = 7;
    const nextDelay = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.round((seed / 2 ** 31) * refreshMs);
    };
    const phaseNow = () =>
      page.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local
          .get('digestJob')
          .then((stored) => (stored.digestJob as { phase?: string } | null)?.phase ?? 'idle'),
      );
    for (let kill = 1; kill <= KILLS; kill += 1) {
      const label = `Gen-${kill}`;
      services.dailyPapers('papers', generation(label));
      const refreshing = refresh().catch(() => 'stopped');
      let phase: string;
      if (kill % 2 === 0) {
        // Every other stop lands while the transaction writes (a short window since papers
        // are written 50 to a row): the phase is watched until it says so.
        const until = Date.now() + refreshMs * 3;
        do phase = await phaseNow();
        while (phase !== 'writing' && Date.now() < until);
      } else {
        await page.waitForTimeout(nextDelay());
        phase = await phaseNow();
      }
      phases[phase] = (phases[phase] ?? 0) + 1;
      await cdp.send('ServiceWorker.stopAllWorkers');
      await refreshing;
      // Any message wakes the worker again; it notices the unfinished job.
      await waitUntil(async () => {
        const reply = (await ask({ type: 'status', data: {} })) as { ok: boolean };
        return reply.ok;
      }, 'the worker to wake');
      const counts = await generations(page);
      const labels = Object.keys(counts).filter((name) => name !== 'other');
      expect(labels, `kill ${kill}: ${JSON.stringify(counts)}`).toHaveLength(1);
      expect(counts[labels[0] ?? '']).toBe(PAPERS);
      if (labels[0] === label) outcomes.new += 1;
      else {
        expect(labels[0], `kill ${kill}`).toBe(current);
        outcomes.old += 1;
      }
      current = labels[0] ?? current;
      expect(await readingList(page)).toBe(listBefore);
    }
    console.log(
      `a refresh takes ${refreshMs} ms; ${KILLS} stops (phase: ${JSON.stringify(phases)}): old digest ${outcomes.old} times, new ${outcomes.new} times`,
    );
    expect(outcomes.old).toBeGreaterThan(0);
    // Some stops must land while the transaction writes: that is the case that matters.
    expect(phases.writing ?? 0).toBeGreaterThan(0);
  }, 600_000);

  it('still shows cards, and the source says the refresh was interrupted', async () => {
    const status = (await ask({ type: 'status', data: {} })) as {
      value: { sources: { id: string; lastError?: string }[] };
    };
    const hf = status.value.sources.find((source) => source.id === 'hf-daily');
    expect(hf?.lastError ?? '').toMatch(/Interrupted|^$/);
    server.page(
      '/one.html',
      '<!doctype html><p style="margin:40px"><a id="l" href="https://arxiv.org/abs/2005.14165">GPT-3</a></p>',
    );
    const tab = await session.context.newPage();
    await tab.goto(server.url('/one.html'));
    const cards = await CardInspector.attach(tab);
    await tab.hover('#l');
    await expect
      .poll(async () => (await cards.card())?.title)
      .toBe('Language Models are Few-Shot Learners');
  });
});
