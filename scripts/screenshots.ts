/**
 * `npm run screenshots`: the pictures in docs/screenshots, taken from the built extension in
 * headless Chromium on the bundled digest, light and dark: the card after Save, a card with its
 * abstract expanded, the card for a paper with no abstract to show, a card that says where its
 * paper was published, and the reading list with ten entries. Run it after a visible change and look at the result before committing.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import bundled from '../assets/digest.json';
import { CardInspector } from '../tests/e2e/card-inspector';
import { startFixtureServer } from '../tests/e2e/fixture-server';
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

const session = await launchExtension();
const server = await startFixtureServer();
try {
  await mkdir(OUT, { recursive: true });
  const extensionPage = await session.openExtensionPage('options.html');
  await waitForDigest(extensionPage);
  await setLocalStorage(extensionPage, {
    settings: { hoverDelayMs: 0 },
    sourceSettings: { arxivLookups: false },
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

    await page.mouse.move(700, 740);
    await waitUntil(async () => (await cards.card()) === null, 'the card to close');
    await page.hover('#unknown');
    await waitUntil(async () => (await cards.card())?.title.startsWith('arXiv:') ?? false, 'card');
    await page.waitForTimeout(300);
    await shootCard(page, cards, `card-not-in-digest-${scheme}.png`);
    await page.close();
  }

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
    await popup.close();
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

  console.log(`Screenshots written to ${OUT}`);
} finally {
  await session.close();
  await server.close();
}
