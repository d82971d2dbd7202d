/**
 * `npm run screenshots`: the pictures in docs/screenshots, taken from the built extension in
 * headless Chromium on the bundled digest, light and dark: the card after Save, a card with its
 * abstract expanded, the card for a paper with no abstract to show, a card that says where its
 * paper was published, a venue card for a paper no digest lists, a card after a Retry that got
 * no further, search after Alt+S, the reading list with ten entries (in the popup, with a
 * selection and a note, cited and sent to Zotero, and in a tab), the card after Save to Zotero,
 * the options' Zotero section, and an import of a file that is no digest. Run it after a
 * visible change and look at the result before committing.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import bundled from '../assets/digest.json';
import { CardInspector } from '../tests/e2e/card-inspector';
import { startFixtureServer } from '../tests/e2e/fixture-server';
import { ZOTERO_ORIGIN } from '../lib/zotero/connector';
import { startZoteroStandIn } from '../tests/helpers/zotero-stand-in';
import {
  launchExtension,
  request,
  setLocalStorage,
  waitForDigest,
  waitUntil,
} from '../tests/e2e/harness';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const SCHEMES = ['light', 'dark'] as const;

/** The card and the link it belongs to, with a margin. */
async function shootCard(page: Page, cards: CardInspector, file: string): Promise<void> {
  const card = (await cards.card())?.box;
  if (!card) throw new Error(`no card for ${file}`);
  const x = Math.max(0, Math.min(card.x, 20) - 12);
  const y = Math.max(0, 60);
  await page.screenshot({
    path: resolve(OUT, file),
    clip: { x, y, width: card.x + card.width - x + 16, height: card.y + card.height - y + 16 },
  });
}

const SEARCH_QUERY = 'learning promt';
const VENUE_PAPER = {
  id: '1810.04805',
  title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
  abstract:
    'We introduce a new language representation model called BERT, which stands for Bidirectional Encoder Representations from Transformers. BERT is designed to pre-train deep bidirectional representations from unlabeled text by jointly conditioning on both left and right context in all layers.',
  authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
  publishedAt: '2018-10-11T00:50:01Z',
  repos: ['google-research/bert'],
  links: [],
  doi: '10.18653/v1/N19-1423',
};

// Zotero allowed, as after the user's yes (the pictures show a save to it), and a stand-in of
// Zotero desktop's server to take it.
const session = await launchExtension({ grantedOrigins: [ZOTERO_ORIGIN] });
const server = await startFixtureServer();
const zotero = await startZoteroStandIn();
try {
  await mkdir(OUT, { recursive: true });
  const extensionPage = await session.openExtensionPage('options.html');
  await waitForDigest(extensionPage);
  await setLocalStorage(extensionPage, {
    settings: { hoverDelayMs: 0 },
    sourceSettings: { arxivLookups: false },
    endpoints: { zotero: zotero.url },
  });
  for (const scheme of SCHEMES) {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 720, height: 760 });
    await page.goto(server.url('/behaviour.html'));
    const cards = await CardInspector.attach(page);

    await page.hover('#paper');
    await waitUntil(
      async () => (await cards.card())?.buttons.includes('Show more') ?? false,
      'card',
    );
    await cards.click('Show more');
    await page.waitForTimeout(300);
    await shootCard(page, cards, `card-expanded-${scheme}.png`);
    await cards.click('Show less');
    await cards.click('Save to reading list');
    await waitUntil(async () => (await cards.card())?.buttons.includes('Undo') ?? false, 'saved');
    await page.waitForTimeout(300);
    await shootCard(page, cards, `card-saved-${scheme}.png`);
    await cards.click('Undo');
    await waitUntil(
      async () => (await cards.card())?.buttons.includes('Save to reading list') ?? false,
      'undo',
    );

    await cards.click('Save to Zotero');
    await waitUntil(
      async () => (await cards.card())?.text.includes('Saved to Zotero.') ?? false,
      'the save to Zotero',
    );
    await page.waitForTimeout(300);
    await shootCard(page, cards, `card-zotero-${scheme}.png`);

    await cards.click('Copy citation');
    await waitUntil(
      async () => (await cards.card())?.text.includes('Citation copied') ?? false,
      'the citation copied',
    );
    await page.waitForTimeout(300);
    await shootCard(page, cards, `card-citation-${scheme}.png`);

    await page.mouse.move(700, 740);
    await waitUntil(async () => (await cards.card()) === null, 'the card to close');
    await page.hover('#unknown');
    await waitUntil(async () => (await cards.card())?.title.startsWith('arXiv:') ?? false, 'card');
    await page.waitForTimeout(300);
    await shootCard(page, cards, `card-not-in-digest-${scheme}.png`);
    await page.close();

    // A venue link no digest paper lists, look-ups off: the card links its page.
    server.page(
      '/acl.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ACL</title></head>
<body style="margin:40px;font:16px sans-serif"><p>See <a id="acl" href="https://aclanthology.org/2023.acl-long.754/">Self-Instruct</a>.</p></body></html>`,
    );
    const aclPage = await session.context.newPage();
    await aclPage.emulateMedia({ colorScheme: scheme });
    await aclPage.setViewportSize({ width: 720, height: 420 });
    await aclPage.goto(server.url('/acl.html'));
    const aclCards = await CardInspector.attach(aclPage);
    await aclPage.hover('#acl');
    await waitUntil(async () => (await aclCards.card()) !== null, 'the ACL card');
    await aclPage.waitForTimeout(300);
    await shootCard(aclPage, aclCards, `card-venue-not-in-digest-${scheme}.png`);
    await aclPage.close();
  }

  // Look-ups on, and no arXiv to reach (the stand-in address refuses): Retry gets no further.
  await setLocalStorage(extensionPage, {
    sourceSettings: { arxivLookups: true },
    endpoints: { arxiv: 'http://127.0.0.1:9/api/query', zotero: zotero.url },
  });
  for (const scheme of SCHEMES) {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 720, height: 420 });
    await page.goto(server.url('/behaviour.html'));
    const cards = await CardInspector.attach(page);
    await page.hover('#unknown');
    await waitUntil(async () => (await cards.card())?.buttons.includes('Retry') ?? false, 'Retry');
    await cards.click('Retry');
    await waitUntil(
      async () => (await cards.card())?.text.includes('Still unreachable') ?? false,
      'the retry',
    );
    await page.waitForTimeout(300);
    await shootCard(page, cards, `card-retried-${scheme}.png`);
    await page.close();
  }
  await setLocalStorage(extensionPage, { sourceSettings: { arxivLookups: false } });

  for (const scheme of SCHEMES) {
    // Words in another order, a typo, and papers found through their abstracts, with the
    // sentence that matched.
    const popup = await session.openExtensionPage('popup.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.locator('.result').first().waitFor();
    await popup.fill('input[type=search]', SEARCH_QUERY);
    await waitUntil(
      async () => (await popup.locator('.result__snippet').count()) > 0,
      'abstract matches',
    );
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: resolve(OUT, `search-${scheme}.png`) });
    await popup.close();
  }

  for (const paper of bundled.papers.slice(0, 10)) {
    await request(extensionPage, { type: 'save', data: { paperId: paper.id } });
  }
  for (const scheme of SCHEMES) {
    const popup = await session.openExtensionPage('popup.html#reading');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await waitUntil(async () => (await popup.locator('.entry').count()) === 10, 'ten entries');
    await popup.screenshot({ path: resolve(OUT, `reading-list-${scheme}.png`) });
    // Two selected (the select-all box is mixed), and an entry's note and tags open.
    const checkboxes = popup.locator('.entry__select');
    await checkboxes.nth(0).check();
    await checkboxes.nth(1).check();
    await popup.locator('.entry__more').nth(2).click();
    await popup.locator('.entry__note').fill('Baseline for our ICLR submission: compare with §4.');
    await popup.locator('.entry__tags').fill('to-cite, vision');
    await popup.locator('.entry__note').focus();
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: resolve(OUT, `reading-list-selection-${scheme}.png`) });
    // The selection cited in IEEE (what reaches the clipboard is recorded: a headless browser's
    // clipboard is not the point here) and sent to Zotero.
    await popup.evaluate(() => {
      navigator.clipboard.write = async () => undefined;
      navigator.clipboard.writeText = async () => undefined;
    });
    await popup.locator('.entry__more').nth(2).click();
    await popup.locator('.selection__actions select').selectOption('ieee');
    await popup.locator('.selection__actions button', { hasText: 'Copy citation' }).click();
    await popup.locator('.selection__actions button', { hasText: 'Save to Zotero' }).click();
    await waitUntil(
      async () =>
        ((await popup.locator('.selection__actions').textContent()) ?? '').includes(
          'Saved 2 papers to Zotero.',
        ) &&
        ((await popup.locator('.selection__actions').textContent()) ?? '').includes(
          'Citation copied',
        ),
      `the citation and the save to Zotero (${await popup.locator('.selection__actions').textContent()})`,
    );
    await popup.screenshot({ path: resolve(OUT, `reading-list-cite-zotero-${scheme}.png`) });
    await popup.locator('.selection__actions select').selectOption('apa');
    await popup.close();

    // "Open reading list" on a card opens this page in a tab.
    const tab = await session.openExtensionPage('popup.html#reading');
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.setViewportSize({ width: 1100, height: 760 });
    await waitUntil(async () => (await tab.locator('.entry').count()) === 10, 'ten entries');
    await tab.screenshot({ path: resolve(OUT, `reading-list-tab-${scheme}.png`) });
    await tab.close();
  }

  // Alt+S on a result down the list: the highlight stays, the note covers the count line. (After
  // the reading-list pictures, which show ten entries; each scheme saves a paper of its own.)
  for (const scheme of SCHEMES) {
    const popup = await session.openExtensionPage('popup.html');
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.locator('.result').first().waitFor();
    await popup.fill('input[type=search]', 'prompt');
    await popup.waitForTimeout(300);
    // Down to the fourth result or below, to one not saved yet.
    for (let i = 0; i < 3; i += 1) await popup.keyboard.press('ArrowDown');
    while ((await popup.locator('.result--active .badge--saved').count()) > 0) {
      await popup.keyboard.press('ArrowDown');
    }
    await popup.keyboard.press('Alt+KeyS');
    await waitUntil(
      async () => ((await popup.locator('.search__saved').textContent()) ?? '') !== '',
      'the saved note',
    );
    await popup.screenshot({ path: resolve(OUT, `search-saved-${scheme}.png`) });
    await popup.close();
  }

  // The options page's Zotero section: what is sent where, and the permission given.
  for (const scheme of SCHEMES) {
    const options = await session.openExtensionPage('options.html');
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 900, height: 700 });
    const section = options.locator('#zotero');
    await section.getByText('PaperPeek may reach Zotero.').waitFor();
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: resolve(OUT, `options-zotero-${scheme}.png`) });
    await options.close();
  }

  // A paper's PDF picked for import by mistake: what it is, and what import takes.
  for (const scheme of SCHEMES) {
    const options = await session.openExtensionPage('options.html');
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 900, height: 700 });
    await options.getByLabel('Import digest').setInputFiles({
      name: 'attention.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.5\n%\xd0\xd4\xc5\xd8\n1 0 obj\n<< /Type /Catalog >>\n'),
    });
    const alert = options.getByRole('alert').filter({ hasText: 'attention.pdf' });
    await alert.waitFor();
    await alert.scrollIntoViewIfNeeded();
    const box = await alert.boundingBox();
    if (!box) throw new Error('no import message');
    await options.screenshot({
      path: resolve(OUT, `import-not-a-digest-${scheme}.png`),
      clip: { x: 0, y: Math.max(0, box.y - 80), width: 900, height: box.height + 120 },
    });
    await options.close();
  }
  // Last: the import adds a paper, which the search and list pictures must not count.
  // A paper known by its venue page: the card says where it was published.
  const begun = (await request(extensionPage, {
    type: 'importBegin',
    data: { label: 'venues.json' },
  })) as { value: { importId: string } };
  const { importId } = begun.value;
  await request(extensionPage, {
    type: 'importChunk',
    data: { importId, papers: [VENUE_PAPER] },
  });
  const committed = (await request(extensionPage, {
    type: 'importCommit',
    data: { importId },
  })) as { ok: boolean };
  if (!committed.ok) throw new Error('the venue paper was not imported');
  server.page(
    '/venue.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Venue</title></head>
<body style="margin:40px;font:16px sans-serif"><p>Read <a id="venue" href="https://aclanthology.org/N19-1423.pdf">the NAACL paper</a>.</p></body></html>`,
  );
  for (const scheme of SCHEMES) {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 720, height: 560 });
    await page.goto(server.url('/venue.html'));
    const cards = await CardInspector.attach(page);
    await page.hover('#venue');
    await waitUntil(
      async () => (await cards.card())?.text.includes('Published in') ?? false,
      'venue',
    );
    await page.waitForTimeout(300);
    await shootCard(page, cards, `card-venue-${scheme}.png`);
    await page.close();
  }

  // The reader: a fixture PDF, its arXiv link's card.
  for (const scheme of SCHEMES) {
    const reader = await session.openExtensionPage('reader.html');
    await reader.emulateMedia({ colorScheme: scheme });
    await reader.setViewportSize({ width: 1100, height: 760 });
    await reader
      .getByLabel('Choose a PDF')
      .setInputFiles(resolve(import.meta.dirname, '../tests/fixtures/pdf/numeric-two-column.pdf'));
    const link = reader.locator('.annotationLayer a[href^="https://arxiv.org/abs/2307.06948"]');
    await link.waitFor();
    await link.scrollIntoViewIfNeeded();
    await reader.waitForTimeout(500);
    const cards = await CardInspector.attach(reader);
    await link.hover();
    await waitUntil(async () => (await cards.card()) !== null, 'the card in the reader');
    await reader.waitForTimeout(300);
    await reader.screenshot({ path: resolve(OUT, `reader-link-card-${scheme}.png`) });
    // A numeric citation of a digest paper, and one of a paper PaperPeek does not know.
    for (const [name, key] of [
      ['reader-citation-card', 'khattak2023self'],
      ['reader-reference-card', 'nobody2019study'],
    ] as const) {
      await reader.mouse.move(5, 700);
      await waitUntil(async () => (await cards.card()) === null, 'the card to close');
      const citation = reader.locator(`.annotationLayer a[href="#cite.${key}"]`).first();
      await citation.scrollIntoViewIfNeeded();
      await reader.waitForTimeout(300);
      await citation.hover();
      await waitUntil(async () => (await cards.card()) !== null, `the card of ${key}`);
      await reader.waitForTimeout(300);
      await reader.screenshot({ path: resolve(OUT, `${name}-${scheme}.png`) });
    }
    // The header of a paper the digest has (known by its title), just saved.
    await reader.mouse.move(5, 700);
    await reader
      .getByLabel('Choose another PDF')
      .or(reader.getByLabel('Open a PDF'))
      .first()
      .setInputFiles(resolve(import.meta.dirname, '../tests/fixtures/pdf/digest-title.pdf'));
    await reader.locator('.reader__paper-actions').waitFor();
    // Saved from the light page already, in the dark one it says so.
    const save = reader.getByRole('button', { name: 'Save', exact: true });
    if (await save.isVisible()) {
      await save.click();
      await reader.getByText('Saved to your reading list.').waitFor();
    }
    await reader.screenshot({
      path: resolve(OUT, `reader-paper-header-${scheme}.png`),
      clip: { x: 0, y: 0, width: 1100, height: 300 },
    });
    await reader.close();
  }

  console.log(`Screenshots written to ${OUT}`);
} finally {
  await zotero.close();
  await session.close();
  await server.close();
}
