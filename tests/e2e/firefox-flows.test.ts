/**
 * The product in Firefox ESR, for real: the Firefox build installed in Debian's Firefox and
 * driven over WebDriver BiDi. The card by pointer and by keyboard, Save from the card, popup
 * search and the reading list, importing a digest file, adding a feed (the permission the MV2
 * manifest must declare), the arXiv look-up consent, and no errors from the extension.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest, paper } from '../helpers/digests';
import {
  findFirefoxes,
  firefoxVersion,
  launchFirefoxExtension,
  NO_FIREFOX_HELP,
  type FirefoxSession,
} from './firefox-harness';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { waitUntil } from './harness';
import { startStandInServices, type StandInServices } from './stand-in-services';

const ATOM_ENTRY = `<entry><id>http://arxiv.org/abs/1706.03762v7</id><published>2017-06-12T17:57:34Z</published>
<title>Attention Is All You Need</title><summary>The dominant sequence transduction models are based
on complex recurrent or convolutional neural networks.</summary><author><name>Ashish Vaswani</name></author></entry>`;

const FIREFOXES = findFirefoxes();

it('finds a Firefox to test in', () => {
  if (FIREFOXES.length === 0) throw new Error(NO_FIREFOX_HELP);
});

describe.each(FIREFOXES.map((path) => [firefoxVersion(path), path] as const))(
  'PaperPeek in %s',
  (_version, executablePath) => {
    let session: FirefoxSession;
    let server: FixtureServer;
    let services: StandInServices;
    let extensionPage: Page;

    const send = (message: unknown) =>
      extensionPage.evaluate(
        (body) =>
          (
            globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): unknown } } }
          ).browser.runtime.sendMessage(body),
        message,
      ) as Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
    const setLocal = (items: Record<string, unknown>) =>
      extensionPage.evaluate(
        (values) =>
          (
            globalThis as unknown as {
              browser: { storage: { local: { set(items: object): Promise<void> } } };
            }
          ).browser.storage.local.set(values),
        items,
      );

    async function openTab(path: string): Promise<Page> {
      const page = await session.browser.newPage();
      await page.goto(server.url(path));
      return page;
    }
    async function pointAt(page: Page, selector: string) {
      const box = await page.$eval(selector, (element) => {
        const rect = element.getBoundingClientRect();
        return { x: rect.x + 4, y: rect.y + rect.height / 2 };
      });
      await page.mouse.move(box.x, box.y, { steps: 3 });
    }

    beforeAll(async () => {
      [session, server, services] = await Promise.all([
        launchFirefoxExtension(executablePath),
        startFixtureServer(),
        startStandInServices(),
      ]);
      extensionPage = await session.openExtensionPage('popup.html');
      await waitUntil(
        async () => {
          const reply = await send({ type: 'status', data: {} });
          return ((reply.value as { paperCount?: number } | undefined)?.paperCount ?? 0) === 71;
        },
        'the bundled digest in Firefox',
        20_000,
      );
      await setLocal({
        settings: { hoverDelayMs: 0 },
        endpoints: { huggingFace: services.huggingFaceUrl, arxiv: services.arxivUrl },
      });
    }, 120_000);
    afterAll(async () => {
      await session?.close();
      await server?.close();
      await services?.close();
    });

    it('opens the card by pointer and by keyboard focus, with the right title', async () => {
      const page = await openTab('/behaviour.html');
      await pointAt(page, '#paper');
      await expect
        .poll(async () => (await session.card(page))?.title ?? '', { timeout: 5_000 })
        .toMatch(/^Self-regulating Prompts/);
      await page.mouse.move(5, 600, { steps: 3 });
      await expect.poll(() => session.card(page), { timeout: 3_000 }).toBeNull();

      await page.focus('#before');
      await page.keyboard.press('Tab');
      await expect
        .poll(async () => (await session.card(page))?.title ?? '', { timeout: 5_000 })
        .toMatch(/^Self-regulating Prompts/);
      await page.keyboard.press('Tab');
      expect((await session.card(page))?.focused).toBe('Show more');
      await page.keyboard.press('Escape');
      await expect.poll(() => session.card(page)).toBeNull();
      await page.close();
    });

    it('saves from the card, which a second later still says Saved', async () => {
      const page = await openTab('/behaviour.html');
      await pointAt(page, '#paper');
      await expect
        .poll(async () => (await session.card(page))?.buttons ?? [], { timeout: 5_000 })
        .toContain('Save to reading list');
      const save = (await session.card(page))?.boxes['Save to reading list'];
      if (!save) throw new Error('no Save button');
      await page.mouse.move(save.x + 8, save.y + 8, { steps: 3 });
      await page.mouse.down();
      await page.mouse.up();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const card = await session.card(page);
      expect(card?.title).toMatch(/^Self-regulating Prompts/);
      expect(card?.buttons).toEqual(expect.arrayContaining(['Saved', 'Undo', 'Open reading list']));
      await page.close();
    });

    it('searches from the popup and shows the saved paper in the reading list', async () => {
      const popup = await session.openExtensionPage('popup.html');
      await popup.waitForSelector('[role=option]');
      await popup.type('input[type=search]', 'PromptSRC');
      await expect
        .poll(() => popup.$eval('[role=option] .result__title', (element) => element.textContent), {
          timeout: 5_000,
        })
        .toMatch(/^Self-regulating Prompts/);
      await popup.click('#tab-reading');
      await expect
        .poll(() =>
          popup.$$eval('.entry', (rows) => rows.map((row) => row.getAttribute('aria-label'))),
        )
        .toEqual([expect.stringMatching(/^Self-regulating Prompts/)]);
      await popup.close();
    });

    it('imports a digest file on the options page', async () => {
      const file = join(tmpdir(), `paperpeek-firefox-${Date.now()}.json`);
      writeFileSync(
        file,
        JSON.stringify(
          digest([
            paper({
              id: '2611.00001',
              arxivId: '2611.00001',
              title: 'A Paper Only Firefox Imported',
            }),
            paper({ id: '2611.00002', arxivId: '2611.00002', title: 'Its Companion' }),
          ]),
        ),
      );
      const options = await session.openExtensionPage('options.html');
      const input = await options.waitForSelector('label.file-button input[type=file]');
      await input?.uploadFile(file);
      const add = await options.waitForSelector('button ::-p-text(Add 2)');
      await add?.click();
      await expect
        .poll(() => options.$eval('body', (body) => body.textContent ?? ''), { timeout: 10_000 })
        .toMatch(/Imported paperpeek-firefox-\d+\.json: 2 added/);
      const found = await send({ type: 'lookup', data: { keys: ['arxiv:2611.00001'] } });
      expect(found.value).toHaveProperty('arxiv:2611.00001');
      await options.close();
    });

    it('adds a feed: the origin it asks for is declared, so Firefox can grant it', async () => {
      const options = await session.openExtensionPage('options.html');
      const feed = `${new URL(services.huggingFaceUrl).origin}/feed.json`;
      await options.type('input[aria-label="Feed address"]', feed);
      await (await options.waitForSelector('button ::-p-text(Add feed)'))?.click();
      await expect
        .poll(
          () =>
            options.$$eval('ul[aria-label="Custom feeds"] li', (items) =>
              items.map((item) => item.textContent ?? ''),
            ),
          {
            timeout: 5_000,
          },
        )
        .toEqual([expect.stringContaining(feed)]);
      expect(await options.$$('.options__list .error')).toHaveLength(0);
      await options.close();
    });

    it('asks for Firefox’s consent before arXiv look-ups, then looks up a paper no digest has', async () => {
      services.arxivEntries.set('1706.03762', ATOM_ENTRY);
      const options = await session.openExtensionPage('options.html');
      const toggle = 'label.options__toggle ::-p-text(Look up papers that are not in my digest)';
      // Without the consent the box is off, whatever the setting says.
      expect(
        await options.$eval(`${toggle} >>> input`, (box) => (box as HTMLInputElement).checked),
      ).toBe(false);
      await (await options.waitForSelector(toggle))?.click();
      await expect
        .poll(() =>
          options.$eval(`${toggle} >>> input`, (box) => (box as HTMLInputElement).checked),
        )
        .toBe(true);
      await options.close();

      const page = await openTab('/behaviour.html');
      await pointAt(page, '#unknown');
      await expect
        .poll(async () => (await session.card(page))?.title ?? '', { timeout: 10_000 })
        .toBe('Attention Is All You Need');
      expect((await session.card(page))?.text).toContain('From the arXiv API');
      await page.close();
    });

    it('leaves no error in the console of any of its contexts', async () => {
      // The extension's console does reach the test: a line written on purpose is seen...
      await extensionPage.evaluate(() => console.error('PaperPeek console check'));
      await expect
        .poll(() =>
          session.extensionErrors().some((line) => line.includes('PaperPeek console check')),
        )
        .toBe(true);
      // ...and nothing else went wrong in any of them, the background page included.
      expect(
        session.extensionErrors().filter((line) => !line.includes('PaperPeek console check')),
      ).toEqual([]);
    });
  },
);
