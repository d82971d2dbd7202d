/**
 * The reader in every browser under test: a PDF chosen from the computer opens on PDF.js's
 * viewer, its pages, text layer and links are there, a link to an arXiv paper in the digest gets
 * its card with no request, and a file that is not a PDF gets a message instead of a blank page.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  clickByText,
  clickCard,
  pointAt,
  send,
  setLocal,
  storedEntries,
  until,
  waitForBundledDigest,
  type FlowPage,
  type FlowSession,
} from '../browsers';

import { startFixtureServer, type FixtureServer } from '../fixture-server';
import { longPdf } from '../../helpers/long-pdf';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/pdf');

describe.each(BROWSERS)('the reader in $name', (browser) => {
  let session: FlowSession;
  let server: FixtureServer;
  let reader: FlowPage;

  beforeAll(async () => {
    [session, server] = await Promise.all([browser.launch(), startFixtureServer()]);
    const page = await session.openExtensionPage('popup.html');
    await waitForBundledDigest(page);
    await setLocal(page, { settings: { hoverDelayMs: 0 } });
    // On the reading list: its citations are marked as saved.
    await send(page, { type: 'save', data: { paperId: '2307.06948' } });
    reader = await session.openExtensionPage('reader.html');
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('asks for a PDF when it has none', async () => {
    await until(
      async () =>
        (await reader.$$eval('input[aria-label="Choose a PDF"]', (found) => found.length)) === 1,
      'the file chooser',
    );
    expect(await reader.$eval('.reader__choose h1', (heading) => heading.textContent)).toBe(
      'PaperPeek reader',
    );
  });

  it('opens a chosen PDF on PDF.js’s viewer: pages, text layer, links, page n of N', async () => {
    await session.upload(
      reader,
      'input[aria-label="Choose a PDF"]',
      `${FIXTURES}/numeric-two-column.pdf`,
    );
    await until(
      async () => (await reader.$$eval('.page[data-page-number]', (pages) => pages.length)) === 2,
      'two pages',
    );
    await until(
      async () =>
        (await reader.$$eval(
          '.page[data-page-number="1"] .textLayer span',
          (spans) => spans.length,
        )) > 20,
      'the first page’s text layer',
    );
    await until(
      async () =>
        (await reader.$$eval(
          '.annotationLayer a[href^="https://arxiv.org/abs/2307.06948"]',
          (links) => links.length,
        )) > 0,
      'the arXiv link annotation',
    );
    expect(await reader.$eval('.reader__page', (label) => label.textContent)).toContain('of 2');
    expect(await reader.$eval('.reader__title', (title) => title.textContent)).toBe(
      'numeric-two-column.pdf',
    );
  });

  it('shows the card of an arXiv link inside the PDF, from the digest', async () => {
    const link = '.annotationLayer a[href^="https://arxiv.org/abs/2307.06948"]';
    await reader.evaluate((selector) => {
      document.querySelector(selector)?.scrollIntoView({ block: 'center' });
    }, link);
    await new Promise((done) => setTimeout(done, 300));
    await pointAt(reader, link);
    await expect
      .poll(async () => (await session.card(reader))?.title ?? '', { timeout: 5_000 })
      .toMatch(/^Self-regulating Prompts/);
    // A second later it is still there.
    await new Promise((done) => setTimeout(done, 1_000));
    expect((await session.card(reader))?.title).toMatch(/^Self-regulating Prompts/);
    await reader.mouse.move(5, 5, { steps: 2 });
  });

  /** Types a page number into the toolbar's page field, as a reader does, and presses Enter. */
  async function goToPage(page: string) {
    await reader.focus('input[aria-label="Page"]');
    // Selected whole (a triple click), so that typing replaces it.
    await reader.evaluate(() => {
      document.querySelector<HTMLInputElement>('input[aria-label="Page"]')?.select();
    }, undefined);
    await reader.keyboard.type(page, { delay: 40 });
    await reader.keyboard.press('Enter');
  }

  /** Hovers the first link matching `selector` (scrolled into view first), and reads its card. */
  async function hoverCard(selector: string) {
    await reader.mouse.move(5, 5, { steps: 2 });
    await expect.poll(() => session.card(reader), { timeout: 3_000 }).toBeNull();
    await reader.evaluate((css) => {
      document.querySelector(css)?.scrollIntoView({ block: 'center' });
    }, selector);
    await new Promise((done) => setTimeout(done, 300));
    await pointAt(reader, selector);
    await expect
      .poll(async () => (await session.card(reader))?.title ?? '', { timeout: 5_000 })
      .not.toBe('');
    return session.card(reader);
  }

  it('reads the bibliography after the first page, and says how many references it knows', async () => {
    await expect
      .poll(() => reader.$eval('.reader__references', (status) => status.textContent), {
        timeout: 10_000,
      })
      .toBe('6 of 8 references found');
    // Which references are saved, which are in the digest, at a glance; unknown ones unmarked.
    const mark = (key: string) =>
      reader.$eval(`.annotationLayer a[href="#cite.${key}"]`, (link) =>
        link.getAttribute('data-paperpeek'),
      );
    await expect.poll(() => mark('khattak2023self')).toBe('saved');
    expect(await mark('brown2020language')).toBe('');
    expect(await mark('nobody2019study')).toBeNull();
  });

  it('shows the cited paper’s card on a numeric citation, from the digest', async () => {
    const card = await hoverCard('.annotationLayer a[href="#cite.khattak2023self"]');
    expect(card?.title).toMatch(/^Self-regulating Prompts/);
    expect(card?.buttons).toContain('Open reading list');
  });

  it('copies the cited paper’s citation from its card, and says so a second later', async () => {
    await hoverCard('.annotationLayer a[href="#cite.khattak2023self"]');
    await clickCard(session, reader, 'Copy citation');
    await expect
      .poll(async () => (await session.card(reader))?.text ?? '', { timeout: 20_000 })
      .toContain('Citation copied (APA).');
    await new Promise((done) => setTimeout(done, 1_000));
    expect((await session.card(reader))?.text).toContain('Citation copied (APA).');
    // The click left the focus in the card, and its closing gives it back to the citation: the
    // tests after this one start with nothing focused, as from a fresh page.
    await reader.keyboard.press('Escape');
    await reader.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), undefined);
  });

  it('shows the reference itself for a paper it does not know, with searches', async () => {
    const card = await hoverCard('.annotationLayer a[href="#cite.nobody2019study"]');
    expect(card?.title).toMatch(/^A study of nothing in particular/);
    expect(card?.text).toContain('Pat Nobody and Sam Somebody.');
    expect(card?.buttons).toEqual([]);
    // A second later it is all still there.
    await new Promise((done) => setTimeout(done, 1_000));
    expect((await session.card(reader))?.text).toContain('Journal of Imaginary Results');
  });

  it('opens a citation’s card from the keyboard, and Esc closes it', async () => {
    await reader.mouse.move(5, 5, { steps: 2 });
    await expect.poll(() => session.card(reader), { timeout: 3_000 }).toBeNull();
    await reader.focus('.annotationLayer a[href="#cite.khattak2023self"]');
    await expect
      .poll(async () => (await session.card(reader))?.title ?? '', { timeout: 5_000 })
      .toMatch(/^Self-regulating Prompts/);
    await reader.keyboard.press('Escape');
    await expect.poll(() => session.card(reader), { timeout: 3_000 }).toBeNull();
  });

  it('reaches the first page’s links and citations with Tab in reading order, each with its card', async () => {
    await reader.mouse.move(5, 5, { steps: 2 });
    await reader.keyboard.press('Escape');
    await goToPage('1');
    await until(
      async () =>
        (await reader.$$eval('.page[data-page-number="1"] .annotationLayer a', (a) => a.length)) >
        8,
      'page 1’s links',
    );
    await reader.focus('.reader__pages');
    const visited: { href: string; column: number; top: number; card: string }[] = [];
    // Tab, as a keyboard user goes: from a link whose card is open, Tab enters the card (its
    // Save and links), and leaving the card comes back to that link; the next Tab goes on.
    for (let step = 0; step < 120; step += 1) {
      await reader.keyboard.press('Tab');
      const focused = await reader.evaluate(() => {
        const active = document.activeElement;
        if (active?.tagName === 'PAPERPEEK-CARD') return 'card';
        const page = active?.closest('.page[data-page-number="1"]');
        if (!active || !page) return null;
        if (active.tagName !== 'A') return 'other';
        const box = active.getBoundingClientRect();
        const pageBox = page.getBoundingClientRect();
        return {
          href: active.getAttribute('href') ?? '',
          column: box.left < pageBox.left + pageBox.width / 2 ? 0 : 1,
          top: Math.round(box.top - pageBox.top),
        };
      }, null);
      if (focused === null) break;
      if (focused === 'card' || focused === 'other') continue;
      const before = visited.at(-1);
      if (before && before.href === focused.href && before.top === focused.top) continue;
      // A person reads the card before moving on: it is there while the link has focus.
      let card = '';
      if (focused.href.startsWith('#cite.')) {
        await expect
          .poll(async () => (await session.card(reader))?.title ?? '', { timeout: 5_000 })
          .not.toBe('');
        card = (await session.card(reader))?.title ?? '';
      }
      visited.push({ ...focused, card });
    }
    // Every citation of page 1 (8, one of them twice in one bracket) and its links, in order.
    expect(visited.filter((link) => link.href.startsWith('#cite.')).length).toBeGreaterThanOrEqual(
      8,
    );
    const order = visited.map((link) => [link.column, link.top] as const);
    for (let i = 1; i < order.length; i += 1) {
      const [column, top] = order[i] ?? [0, 0];
      const [previousColumn, previousTop] = order[i - 1] ?? [0, 0];
      expect(column > previousColumn || (column === previousColumn && top >= previousTop - 2)).toBe(
        true,
      );
    }
    expect(visited.find((link) => link.href === '#cite.khattak2023self')?.card).toMatch(
      /^Self-regulating Prompts/,
    );
    await reader.keyboard.press('Escape');
    await expect.poll(() => session.card(reader), { timeout: 3_000 }).toBeNull();
  });

  it('still jumps to the bibliography when a citation is clicked', async () => {
    await reader.mouse.move(5, 5, { steps: 2 });
    await reader.evaluate(() => {
      document
        .querySelector<HTMLElement>('.annotationLayer a[href="#cite.khattak2023self"]')
        ?.click();
    }, undefined);
    await expect
      .poll(() =>
        reader.$eval('input[aria-label="Page"]', (input) => (input as HTMLInputElement).value),
      )
      .toBe('2');
  });

  it('shows the card of an author-year citation found by its title alone', async () => {
    await session.upload(reader, 'input[aria-label="Open a PDF"]', `${FIXTURES}/author-year.pdf`);
    await until(
      async () =>
        (await reader.$eval('.reader__title', (title) => title.textContent)) === 'author-year.pdf',
      'the second PDF',
    );
    await until(
      async () =>
        (await reader.$$eval(
          '.annotationLayer a[href="#cite.brown2020language"]',
          (links) => links.length,
        )) > 0,
      'the citation links',
    );
    const card = await hoverCard('.annotationLayer a[href="#cite.brown2020language"]');
    expect(card?.title).toBe('Language Models are Few-Shot Learners');
  });

  /** The header's text, once it names a paper ('' while it names none). */
  const header = () =>
    reader.$eval('.reader__paper', (bar) => bar.textContent ?? '').catch(() => '');

  it('names a digest paper known by its title in the header; Save and Mark as read stay', async () => {
    await session.upload(reader, 'input[aria-label="Open a PDF"]', `${FIXTURES}/digest-title.pdf`);
    await until(async () => (await header()).startsWith('TaskExpert: Dynamically'), 'the header');
    await until(async () => (await header()).includes('Copy BibTeX'), 'its actions');
    await clickByText(reader, '.reader__paper button', 'Save');
    await until(async () => (await header()).includes('✓ On your reading list'), 'saved');
    await clickByText(reader, '.reader__paper button', 'Mark as read');
    await until(async () => (await header()).includes('✓ Read'), 'read');
    const stored = (await storedEntries(reader)).find((entry) => entry.paperId === '2307.15324');
    expect(stored).toMatchObject({ status: 'read' });
    // A second later (and after the messages have gone) the header still says so.
    await new Promise((done) => setTimeout(done, 4_500));
    expect(await header()).toContain('✓ On your reading list');
    expect(await header()).toContain('✓ Read');
    expect(await header()).not.toContain('Saved to your reading list.');
  });

  it('names a paper by arXiv’s stamp on its first page, and a PDF of no known paper not at all', async () => {
    await session.upload(reader, 'input[aria-label="Open a PDF"]', `${FIXTURES}/arxiv-stamp.pdf`);
    await until(async () => (await header()).startsWith('Uni-Perceiver v2'), 'the header');
    expect(await header()).toContain('Save');
    await session.upload(reader, 'input[aria-label="Open a PDF"]', `${FIXTURES}/author-year.pdf`);
    await until(
      async () =>
        (await reader.$eval('.reader__title', (title) => title.textContent)) === 'author-year.pdf',
      'the next PDF',
    );
    await new Promise((done) => setTimeout(done, 1_500));
    expect(await header()).toBe('');
  });

  it('shows the PDF’s outline beside the pages, and an entry goes to its section', async () => {
    await session.upload(
      reader,
      'input[aria-label="Open a PDF"]',
      `${FIXTURES}/long-two-column.pdf`,
    );
    const entry = 'nav[aria-label="Outline"] button';
    await until(
      async () => (await reader.$$eval(entry, (buttons) => buttons.length)) > 20,
      'the outline',
    );
    await clickByText(reader, entry, 'Part 30');
    await until(
      async () =>
        Number(
          await reader.$eval(
            'input[aria-label="Page"]',
            (input) => (input as HTMLInputElement).value,
          ),
        ) > 20,
      'the section’s page',
    );
    // Opened again, it shows the page the reader was on (remembered after half a second).
    const page = await reader.$eval(
      'input[aria-label="Page"]',
      (input) => (input as HTMLInputElement).value,
    );
    await new Promise((done) => setTimeout(done, 1_000));
    await session.upload(
      reader,
      'input[aria-label="Open a PDF"]',
      `${FIXTURES}/long-two-column.pdf`,
    );
    await until(
      async () => (await reader.$$eval(entry, (buttons) => buttons.length)) > 20,
      'again',
    );
    await expect
      .poll(() =>
        reader.$eval('input[aria-label="Page"]', (input) => (input as HTMLInputElement).value),
      )
      .toBe(page);
    // The toolbar's Outline button hides it and shows it again.
    await clickByText(reader, '.reader__bar button', 'Outline');
    await until(
      async () => (await reader.$$eval(entry, (buttons) => buttons.length)) === 0,
      'hidden',
    );
    await clickByText(reader, '.reader__bar button', 'Outline');
    await until(
      async () => (await reader.$$eval(entry, (buttons) => buttons.length)) > 20,
      'shown',
    );
  });

  it('opens a 1,000-page PDF, goes to page 999 and shows its citation’s card', async () => {
    const file = resolve(mkdtempSync(resolve(tmpdir(), 'paperpeek-long-')), 'thousand-pages.pdf');
    writeFileSync(file, longPdf(1_000));
    await session.upload(reader, 'input[aria-label="Open a PDF"]', file);
    await until(
      async () =>
        ((await reader.$eval('.reader__page', (label) => label.textContent)) ?? '').includes(
          'of 1000',
        ),
      'a thousand pages',
      20_000,
    );
    // Its references are read from the last page alone, once the first is painted.
    await expect
      .poll(
        () => reader.$eval('.reader__references', (status) => status.textContent).catch(() => ''),
        {
          timeout: 15_000,
        },
      )
      .toBe('2 of 3 references found');
    // The page field, as a reader types it.
    await goToPage('999');
    const link = '.page[data-page-number="999"] .annotationLayer a[href="#cite.ref3"]';
    await until(
      async () => (await reader.$$eval(link, (links) => links.length)) === 1,
      'page 999',
      20_000,
    );
    const card = await hoverCard(link);
    expect(card?.title).toBe('A study of nothing in particular');
  });

  it('turns the page number as pages scroll by without PDF.js taking it for a selection in the pages', async () => {
    // PDF.js lays out every drawn text layer again at each selectionchange the document hears;
    // the page field's own selection changes, as its number is rewritten, must not reach it.
    await reader.evaluate(() => {
      const heard: string[] = [];
      (globalThis as { selectionChanges?: string[] }).selectionChanges = heard;
      document.addEventListener('selectionchange', (event) =>
        heard.push(event.target === document ? 'the pages' : (event.target as Element).nodeName),
      );
    }, undefined);
    for (const page of [3, 9, 10, 12]) {
      await reader.evaluate((n) => {
        document.querySelector(`.page[data-page-number="${n}"]`)?.scrollIntoView();
      }, page);
      await until(
        async () =>
          (await reader.$eval(
            'input[aria-label="Page"]',
            (field) => (field as HTMLInputElement).value,
          )) === String(page),
        `page ${page} in the page field`,
      );
    }
    const heard = () =>
      reader.evaluate(
        () => (globalThis as { selectionChanges?: string[] }).selectionChanges ?? [],
        undefined,
      );
    expect(await heard()).toEqual([]);
    // A selection in the pages themselves still reaches PDF.js, which marks that text layer.
    await reader.evaluate(() => {
      const span = document.querySelector('.page[data-page-number="12"] .textLayer span');
      if (span) document.getSelection()?.selectAllChildren(span);
    }, undefined);
    await until(async () => (await heard()).includes('the pages'), 'the selection in the pages');
    await until(
      async () => (await reader.$$eval('.textLayer.selecting', (layers) => layers.length)) === 1,
      'PDF.js marking the text layer being selected',
    );
    await reader.evaluate(() => document.getSelection()?.removeAllRanges(), undefined);
  });

  it('makes arXiv ids written in the text of a PDF without links hoverable', async () => {
    await session.upload(reader, 'input[aria-label="Open a PDF"]', `${FIXTURES}/no-hyperref.pdf`);
    const id = '.textLayer a[href="https://arxiv.org/abs/2005.14165"]';
    await until(async () => (await reader.$$eval(id, (links) => links.length)) === 1, 'the id');
    // No citation links in it (PDF.js makes links only of the web addresses in its text).
    expect(await reader.$$eval('.annotationLayer a[href^="#"]', (links) => links.length)).toBe(0);
    const card = await hoverCard(id);
    expect(card?.title).toBe('Language Models are Few-Shot Learners');
  });

  it('asks for the password of a protected PDF, says when it is wrong, then opens it', async () => {
    await session.upload(reader, 'input[aria-label="Open a PDF"]', `${FIXTURES}/encrypted.pdf`);
    await until(
      async () =>
        (await reader.$$eval(
          'input[aria-label="Password of the PDF"]',
          (found) => found.length,
        )) === 1,
      'the password form',
    );
    await reader.type('input[aria-label="Password of the PDF"]', 'not-it');
    await reader.keyboard.press('Enter');
    await until(
      async () =>
        (
          (await reader
            .$eval('.reader__message [role=alert]', (alert) => alert.textContent)
            .catch(() => '')) ?? ''
        ).includes('That password is not this PDF’s.'),
      'the wrong-password message',
    );
    await reader.type('input[aria-label="Password of the PDF"]', 'paperpeek');
    await reader.keyboard.press('Enter');
    await until(
      async () => (await reader.$$eval('.page[data-page-number]', (pages) => pages.length)) === 2,
      'the pages',
    );
  });

  it('says a PDF cut short is damaged, never a blank page', async () => {
    await session.upload(reader, 'input[aria-label="Open a PDF"]', `${FIXTURES}/truncated.pdf`);
    await until(
      async () =>
        (
          (await reader
            .$eval('.reader__message[role=alert]', (alert) => alert.textContent)
            .catch(() => '')) ?? ''
        ).includes('damaged'),
      'the message',
    );
  });

  it('opens a PDF from another site only once the user allows that site', async () => {
    server.page('/paper.pdf', readFileSync(`${FIXTURES}/numeric-two-column.pdf`), {
      'content-type': 'application/pdf',
    });
    const page = await session.openExtensionPage(
      `reader.html?file=${encodeURIComponent(server.url('/paper.pdf'))}`,
    );
    const said = () =>
      page.$eval('.reader__message', (message) => message.textContent).catch(() => '');
    await until(
      async () =>
        ((await said()) ?? '').includes('needs your permission to read http://127.0.0.1:'),
      'the question',
    );
    // Chromium asks in a prompt a headless browser cannot answer; Firefox's is answered "yes" here.
    if (browser.kind === 'firefox') {
      await clickByText(page, 'button', 'Allow 127.0.0.1');
      await until(
        async () => (await page.$$eval('.page[data-page-number]', (pages) => pages.length)) === 2,
        'the pages',
      );
    }
    await page.close();
  });

  it('says what a file that is not a PDF is, and offers to choose another', async () => {
    await session.upload(
      reader,
      'input[aria-label="Open a PDF"]',
      resolve(FIXTURES, 'src/refs.bib'),
    );
    await until(
      async () =>
        (await reader.$$eval('.reader__message[role=alert]', (alerts) => alerts.length)) === 1,
      'the message',
    );
    expect(
      await reader.$eval('.reader__message[role=alert]', (alert) => alert.textContent),
    ).toContain('refs.bib is not a PDF.');
    expect(
      await reader.$$eval('input[aria-label="Choose another PDF"]', (inputs) => inputs.length),
    ).toBe(1);
    // The name of the PDF shown before goes with it.
    expect(await reader.$eval('.reader__title', (title) => title.textContent)).toBe('');
  });

  it('opens an arXiv PDF address in the reader; the browser’s viewer gets the original', async () => {
    const url = 'https://arxiv.org/pdf/2307.06948v2';
    // Followed from a web page, as a reader follows a link to a paper's PDF.
    const page = await session.openPage(server.url('/behaviour.html'));
    await page.evaluate((address) => location.assign(address), url);
    const inReader = async () =>
      (await session.pageUrls()).filter((address) => address.includes(`/reader.html?file=${url}`))
        .length;
    await until(async () => (await inReader()) === 1, 'the reader');
    // No internet here: the reader says so, and offers the browser's own viewer.
    await until(
      async () =>
        (
          (await page.$eval('[role=alert]', (alert) => alert.textContent).catch(() => '')) ?? ''
        ).includes('arxiv.org could not be reached'),
      'the message',
      15_000,
    );
    await clickByText(page, '[role=alert] button', 'Open in the browser’s viewer');
    await until(async () => (await inReader()) === 0, 'leaving the reader');
    // It stays out: no loop back into the reader.
    await new Promise((done) => setTimeout(done, 1_500));
    expect(await inReader()).toBe(0);
    await page.close();
  });

  it('reports no error from any of its contexts', () => {
    expect(session.errors()).toEqual([]);
  });
});
