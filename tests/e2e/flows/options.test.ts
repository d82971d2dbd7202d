/**
 * The options page in every browser under test: importing a digest file. In Firefox also adding
 * a feed (its origin must be declared for Firefox to grant it) and the consent Firefox asks for
 * before arXiv look-ups; Chrome prompts for a feed's site in a dialog a headless browser cannot
 * answer, and has no such consent.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest, paper } from '../../helpers/digests';
import {
  BROWSERS,
  waitForBundledDigest,
  clickByText,
  pointAt,
  send,
  setLocal,
  type FlowPage,
  type FlowSession,
} from '../browsers';
import { startFixtureServer, type FixtureServer } from '../fixture-server';
import { startStandInServices, type StandInServices } from '../stand-in-services';

const ATOM_ENTRY = `<entry><id>http://arxiv.org/abs/1706.03762v7</id><published>2017-06-12T17:57:34Z</published>
<title>Attention Is All You Need</title><summary>The dominant sequence transduction models are based
on complex recurrent or convolutional neural networks.</summary><author><name>Ashish Vaswani</name></author></entry>`;

describe.each(BROWSERS)('the options page in $name', (browser) => {
  let session: FlowSession;
  let server: FixtureServer;
  let services: StandInServices;
  let extensionPage: FlowPage;
  const bodyText = (page: FlowPage) => page.$eval('body', (body) => body.textContent ?? '');

  beforeAll(async () => {
    [session, server, services] = await Promise.all([
      browser.launch(),
      startFixtureServer(),
      startStandInServices(),
    ]);
    extensionPage = await session.openExtensionPage('popup.html');
    await waitForBundledDigest(extensionPage);
    await setLocal(extensionPage, {
      settings: { hoverDelayMs: 0 },
      endpoints: { huggingFace: services.huggingFaceUrl, arxiv: services.arxivUrl },
    });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await services?.close();
  });

  it('imports a digest file after showing what it found', async () => {
    const name = `paperpeek-${browser.kind}-${Date.now()}.json`;
    const file = join(tmpdir(), name);
    writeFileSync(
      file,
      JSON.stringify(
        digest([
          paper({ id: '2611.00001', arxivId: '2611.00001', title: 'A Paper Only Imported' }),
          paper({ id: '2611.00002', arxivId: '2611.00002', title: 'Its Companion' }),
        ]),
      ),
    );
    const options = await session.openExtensionPage('options.html');
    await session.upload(options, 'label.file-button input[type=file]', file);
    await expect.poll(() => bodyText(options), { timeout: 5_000 }).toContain('2 papers');
    await clickByText(options, 'button', 'Add 2');
    await expect
      .poll(() => bodyText(options), { timeout: 10_000 })
      .toContain(`Imported ${name}: 2 added`);
    const found = await send(extensionPage, {
      type: 'lookup',
      data: { keys: ['arxiv:2611.00001'] },
    });
    expect(found.value).toHaveProperty('arxiv:2611.00001');
    await options.close();
  });

  it.runIf(browser.kind === 'firefox')(
    'adds a feed: the origin it asks for is declared, so the browser can grant it',
    async () => {
      const options = await session.openExtensionPage('options.html');
      const feed = `${new URL(services.huggingFaceUrl).origin}/feed.json`;
      await options.type('input[aria-label="Feed address"]', feed);
      await clickByText(options, 'button', 'Add feed');
      await expect
        .poll(
          () =>
            options.$$eval('ul[aria-label="Custom feeds"] li', (items) =>
              items.map((item) => item.textContent ?? ''),
            ),
          { timeout: 5_000 },
        )
        .toEqual([expect.stringContaining(feed)]);
      expect(await options.$$eval('.options__list .error', (errors) => errors.length)).toBe(0);
      await options.close();
    },
  );

  it.runIf(browser.kind === 'firefox')(
    'asks for the consent before arXiv look-ups, then looks up a paper no digest has',
    async () => {
      services.arxivEntries.set('1706.03762', ATOM_ENTRY);
      const options = await session.openExtensionPage('options.html');
      const lookups = () =>
        options.$$eval('label.options__toggle', (labels) => {
          const label = labels.find((each) => each.textContent?.includes('Look up papers'));
          return (label?.querySelector('input') as HTMLInputElement | null)?.checked ?? null;
        });
      // Without the consent the box is off, whatever the setting says.
      expect(await lookups()).toBe(false);
      await clickByText(options, 'label.options__toggle', 'Look up papers');
      await expect.poll(lookups).toBe(true);
      await options.close();

      const page = await session.openPage(server.url('/behaviour.html'));
      await pointAt(page, '#unknown');
      await expect
        .poll(async () => (await session.card(page))?.title ?? '', { timeout: 10_000 })
        .toBe('Attention Is All You Need');
      expect((await session.card(page))?.text).toContain('From the arXiv API');
      await page.close();
    },
  );

  it('reports no error from any of its contexts', () => {
    expect(session.errors()).toEqual([]);
  });
});
