/**
 * axe-core (the engine behind Lighthouse's accessibility audit) on every page PaperPeek shows:
 * the popup's search results, reading list and empty states, the options page, and the demo
 * page with its markers, in light and dark. Any violation fails.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import type { Digest } from '@/lib/digest/schema';
import { renderDemoPage } from '../../scripts/lib/demo-page';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchExtension, request, waitForDigest, type ExtensionSession } from './harness';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe on the page as it is now; evaluated through the DevTools protocol, so no CSP applies. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = (await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> };
    };
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    // axe takes a same-page link that comes before any other link for a skip link. In a PDF the
    // first links are often citations (`#cite.…`, PDF.js's links to a destination, no element):
    // they are not skip links, and are reached and named as links (the reader's tests).
    const inPdf = (target: string[]) =>
      document.querySelector(target.join(' '))?.closest('.annotationLayer') != null;
    return (violations as { id: string; nodes: { target: string[] }[] }[])
      .map((violation) =>
        violation.id === 'skip-link'
          ? { ...violation, nodes: violation.nodes.filter((node) => !inPdf(node.target)) }
          : violation,
      )
      .filter((violation) => violation.nodes.length > 0);
  })) as Violation[];
  return found.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (scheme) => {
  let session: ExtensionSession;
  let server: FixtureServer;

  const open = async (path: string, width = 400, height = 600) => {
    const page = await session.openExtensionPage(path);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height });
    return page;
  };

  beforeAll(async () => {
    [session, server] = await Promise.all([launchExtension(), startFixtureServer()]);
    await waitForDigest(await session.openExtensionPage('popup.html'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('the popup: newest papers, search results, abstract sentences, no results', async () => {
    const popup = await open('popup.html');
    await popup.getByRole('option').first().waitFor();
    expect(await violations(popup)).toEqual([]);
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('prompt learning');
    await expect.poll(() => popup.getByRole('option').count()).toBeGreaterThan(3);
    await popup.keyboard.press('ArrowDown');
    expect(await violations(popup)).toEqual([]);
    // Papers found through their abstracts, each with its marked sentence.
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('rehearsal-free promt');
    await popup.locator('.result__snippet mark').first().waitFor();
    expect(await violations(popup)).toEqual([]);
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('xyzzy qwerty');
    await expect.poll(() => popup.getByText('No paper matches').count()).toBe(1);
    expect(await violations(popup)).toEqual([]);
    // The a: filter over a digest without authors, with its note and settings button.
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('a:smith');
    await popup.getByText(/author names yet/).waitFor();
    expect(await violations(popup)).toEqual([]);
    // The note a save leaves over the count line.
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('prompt');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Alt+KeyS');
    await popup.getByText(/^Saved to your reading list/).waitFor();
    expect(await violations(popup)).toEqual([]);
    // The reading list's own checks start from an empty list: the save is taken back.
    const saved = await popup.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          indexedDB.open('paperpeek').onsuccess = (event) => {
            const db = (event.target as IDBOpenDBRequest).result;
            const keys = db.transaction('readingList').objectStore('readingList').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.map(String));
          };
        }),
    );
    for (const paperId of saved) await request(popup, { type: 'undoSave', data: { paperId } });
    await popup.close();
  });

  it('the reading list: empty, then with entries, a selection and details open', async () => {
    const popup = await open('popup.html#reading');
    await popup.getByText('Nothing saved yet').waitFor();
    expect(await violations(popup)).toEqual([]);
    for (const paper of bundled.papers.slice(0, 8)) {
      await request(popup, { type: 'save', data: { paperId: paper.id } });
    }
    await popup.reload();
    const rows = popup.getByRole('list', { name: 'Saved papers' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(8);
    await rows.first().getByRole('checkbox').check();
    await rows
      .nth(1)
      .getByRole('button', { name: /^Details of/ })
      .click();
    expect(await violations(popup)).toEqual([]);
    // A citation copied (what reaches the clipboard does not matter here), and what it says.
    await popup.evaluate(() => {
      navigator.clipboard.write = async () => undefined;
    });
    await rows
      .nth(1)
      .getByRole('button', { name: /^Copy citation of/ })
      .click();
    await popup.getByText('Citation copied (APA).').waitFor({ timeout: 20_000 });
    expect(await violations(popup)).toEqual([]);
    await popup.close();
    // The same page opened in a tab ("Open reading list" on a card).
    const tab = await open('popup.html#reading', 1200, 800);
    await expect
      .poll(() => tab.getByRole('list', { name: 'Saved papers' }).getByRole('listitem').count())
      .toBeGreaterThan(7);
    expect(await violations(tab)).toEqual([]);
    await tab.close();
  });

  it('the options page', async () => {
    const options = await open('options.html', 900, 1000);
    await options.getByRole('heading', { name: 'Your data' }).waitFor();
    expect(await violations(options)).toEqual([]);
    // A file that is no digest, and the message that says so.
    await options.getByLabel('Import digest').setInputFiles({
      name: 'paper.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj\n'),
    });
    await options.getByRole('alert').filter({ hasText: 'paper.pdf' }).waitFor();
    expect(await violations(options)).toEqual([]);
    await options.close();
  });

  it('the reader: asking for a PDF, a PDF with its pages, text and links, its header and outline', async () => {
    const reader = await open('reader.html', 1100, 800);
    await reader.getByLabel('Choose a PDF').waitFor({ state: 'attached' });
    expect(await violations(reader)).toEqual([]);
    await reader
      .getByLabel('Choose a PDF')
      .setInputFiles(resolve(import.meta.dirname, '../fixtures/pdf/numeric-two-column.pdf'));
    await reader.locator('.annotationLayer a').first().waitFor({ state: 'attached' });
    expect(await violations(reader)).toEqual([]);
    // The header of a paper in the digest, and a PDF's outline beside its pages.
    const fixture = (name: string) => resolve(import.meta.dirname, `../fixtures/pdf/${name}.pdf`);
    await reader.getByLabel('Open a PDF').setInputFiles(fixture('digest-title'));
    await reader.getByRole('button', { name: 'Copy BibTeX' }).waitFor();
    expect(await violations(reader)).toEqual([]);
    await reader.getByLabel('Open a PDF').setInputFiles(fixture('long-two-column'));
    await reader.getByRole('navigation', { name: 'Outline' }).waitFor();
    // Once its first page's links are drawn and the bibliography is read (PDF.js's links pass
    // through a state without their targets while a page's layers are made).
    await reader.locator('.page[data-page-number="1"] .annotationLayer a').first().waitFor();
    await reader.locator('.reader__references').waitFor();
    expect(await violations(reader)).toEqual([]);
    await reader.close();
  });

  it('the demo page with its markers', async () => {
    server.page('/demo.html', renderDemoPage(bundled as Digest));
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url('/demo.html'));
    await expect.poll(() => page.locator('a[data-paperpeek]').count()).toBeGreaterThan(70);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
