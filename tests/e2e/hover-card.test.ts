import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import type { Digest } from '@/lib/digest/schema';
import { escapeHtml, renderDemoPage } from '../../scripts/lib/demo-page';
import type { LinkFacts } from '@/lib/links/paper-link';
import { ARXIV_URLS, GITHUB_URLS, SHORTENED_LINKS, WRAPPED_URLS } from '../unit/links/url-tables';
import { CardInspector } from './card-inspector';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import {
  launchExtension,
  request,
  setLocalStorage,
  waitForDigest,
  type ExtensionSession,
} from './harness';

/** The title PaperPeek should show for a key, or '' when the digest does not have the paper. */
function expectedTitle(key: string): string {
  const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const paper = bundled.papers.find((p) =>
    kind === 'arxiv' ? p.id === value : (p.repos as string[]).includes(value),
  );
  return paper?.title ?? '';
}

/** Every link form from the unit tables, as one page. */
function linkFormsPage(): {
  html: string;
  cases: { id: string; label: string; key: string; title: string }[];
} {
  const links: [LinkFacts, string][] = [
    ...Object.entries(ARXIV_URLS).map(([href, id]): [LinkFacts, string] => [
      { href },
      `arxiv:${id}`,
    ]),
    ...Object.entries(GITHUB_URLS).map(([href, repo]): [LinkFacts, string] => [
      { href },
      `github:${repo}`,
    ]),
    ...Object.entries(WRAPPED_URLS).map(([href, key]): [LinkFacts, string] => [{ href }, key]),
    ...SHORTENED_LINKS.filter(([, key]) => key),
  ];
  const cases = links.map(([link, key], index) => ({
    id: `l${index}`,
    label: link.href,
    key,
    title: expectedTitle(key),
  }));
  const items = links.map(([link], index) => {
    const title = link.title ? ` title="${escapeHtml(link.title)}"` : '';
    const expanded = link.expandedUrl ? ` data-expanded-url="${escapeHtml(link.expandedUrl)}"` : '';
    return `<li><a id="l${index}" href="${escapeHtml(link.href)}"${title}${expanded}>${escapeHtml(link.text ?? link.href)}</a></li>`;
  });
  return {
    cases,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link forms</title>
<style>body{margin:20px;font:14px sans-serif}li{margin:6px 0}</style></head><body><ul>${items.join('')}</ul></body></html>`,
  };
}

describe('hover cards in Chromium', () => {
  let session: ExtensionSession;
  let server: FixtureServer;
  let extensionPage: Page;

  const setSettings = (settings: Record<string, unknown>) =>
    setLocalStorage(extensionPage, { settings });

  async function open(path: string): Promise<{ page: Page; cards: CardInspector }> {
    const page = await session.context.newPage();
    await page.goto(server.url(path));
    return { page, cards: await CardInspector.attach(page) };
  }

  beforeAll(async () => {
    [session, server] = await Promise.all([launchExtension(), startFixtureServer()]);
    extensionPage = await session.openExtensionPage('popup.html');
    await waitForDigest(extensionPage);
    // These tests are about the digest's papers: no arXiv look-ups for the others.
    await setLocalStorage(extensionPage, { sourceSettings: { arxivLookups: false } });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('shows the right paper for every link form in the tables; for other arXiv papers, why not', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { html, cases } = linkFormsPage();
    server.page('/forms.html', html);
    const { page, cards } = await open('/forms.html');
    const known = cases.filter((c) => c.title);
    expect(known.length).toBeGreaterThan(50);
    for (const { id, label, title } of known) {
      await page.hover(`#${id}`);
      await expect
        .poll(async () => (await cards.card())?.title, { message: label, timeout: 3_000 })
        .toBe(title);
    }
    for (const { id, label, key } of cases.filter((c) => !c.title)) {
      await page.mouse.move(700, 5);
      await expect.poll(() => cards.card(), { timeout: 3_000 }).toBeNull();
      await page.hover(`#${id}`);
      if (key.startsWith('arxiv:')) {
        // No abstract without a look-up: a small card names the paper and says why.
        await expect
          .poll(async () => (await cards.card())?.title, { message: label, timeout: 3_000 })
          .toBe(`arXiv:${key.slice('arxiv:'.length)}`);
        const card = await cards.card();
        expect(card?.text).toContain('arXiv look-ups are off');
        expect(card?.links).toEqual(['arXiv', 'PDF']);
        expect(card?.buttons).toEqual(['Open PaperPeek settings']);
      } else {
        await page.waitForTimeout(150);
        expect(await cards.card(), label).toBeNull();
      }
    }
    await page.close();
  });

  it('waits for the dwell, survives the trip onto the card, and closes after the grace period', async () => {
    await setSettings({ hoverDelayMs: 300 });
    const { page, cards } = await open('/behaviour.html');
    await page.hover('#paper');
    await page.waitForTimeout(120);
    expect(await cards.card()).toBeNull();
    await expect
      .poll(async () => (await cards.card())?.title ?? '')
      .toMatch(/^Self-regulating Prompts/);
    const card = await cards.card();
    expect(card?.links).toEqual(['arXiv', 'PDF', 'Hugging Face', 'Code: muzairkhattak/promptsrc']);
    expect(card?.buttons).toEqual([
      'Show more',
      'Save to reading list',
      'Save to Zotero',
      'Copy citation',
      'PaperPeek settings',
    ]);
    // The link's own tooltip is out of the way while the card is open.
    expect(await page.getAttribute('#paper', 'title')).toBeNull();

    const box = card?.box;
    expect(box).toBeTruthy();
    await page.mouse.move((box?.x ?? 0) + 40, (box?.y ?? 0) + 40, { steps: 4 });
    await page.waitForTimeout(600);
    expect((await cards.card())?.title).toMatch(/^Self-regulating Prompts/);

    await page.mouse.move(5, 700);
    await page.waitForTimeout(150);
    expect(await cards.card()).not.toBeNull();
    await expect.poll(() => cards.card(), { timeout: 2_000 }).toBeNull();
    expect(await page.getAttribute('#paper', 'title')).toBe('The PromptSRC paper');
    await page.close();
  });

  it('opens from the keyboard, lets Tab into the card, and closes with Esc back on the link', async () => {
    await setSettings({ hoverDelayMs: 100 });
    const { page, cards } = await open('/behaviour.html');
    await page.focus('#before');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('paper');
    await expect
      .poll(async () => (await cards.card())?.title ?? '')
      .toMatch(/^Self-regulating Prompts/);
    await page.keyboard.press('Tab');
    // Focus is inside the card: the page only sees the card's host element.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PAPERPEEK-CARD');
    await page.keyboard.press('Escape');
    await expect.poll(() => cards.card()).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('paper');
    // Back on the link, the card stays closed: Esc is not undone by the focus returning.
    await page.waitForTimeout(1_000);
    expect(await cards.card()).toBeNull();
    await page.close();
  });

  it('expands a long abstract inside a card of bounded height, the actions still in view', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page, cards } = await open('/behaviour.html');
    await page.setViewportSize({ width: 900, height: 1000 });
    await page.hover('#paper');
    await expect.poll(async () => (await cards.card())?.buttons).toContain('Show more');
    const before = await cards.card();
    if (!before?.box) throw new Error('no card');
    await cards.click('Show more');
    await page.waitForTimeout(1_000);
    const after = await cards.card();
    expect(after?.buttons).toContain('Show less');
    expect(after?.box?.height).toBeGreaterThan(before.box.height);
    expect(after?.box?.height).toBeLessThanOrEqual(462);
    const save = await cards.controlBox('Save to reading list');
    const card = after?.box;
    if (!save || !card) throw new Error('no Save button');
    expect(save.y + save.height).toBeLessThanOrEqual(card.y + card.height);
    expect(save.y + save.height).toBeLessThanOrEqual(1000);
    await page.close();
  });

  /** Every open tab's badge text (reading tabs' URLs would need the "tabs" permission). */
  const allBadges = () =>
    extensionPage.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id: number }[]> };
          action: { getBadgeText(d: object): Promise<string> };
        };
      };
      const tabs = await chrome.tabs.query({});
      return Promise.all(tabs.map((tab) => chrome.action.getBadgeText({ tabId: tab.id })));
    });

  /** Whether the worker has the PromptSRC paper in the reading list. */
  async function promptSrcSaved(): Promise<boolean> {
    const reply = (await request(extensionPage, {
      type: 'lookup',
      data: { keys: ['arxiv:2307.06948'] },
    })) as { value: Record<string, { saved: boolean }> };
    return reply.value['arxiv:2307.06948']?.saved ?? false;
  }

  it('saves with the mouse: a second later the card is still open, says Saved, offers Undo', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page, cards } = await open('/behaviour.html');
    await page.hover('#paper');
    await expect.poll(async () => (await cards.card())?.buttons).toContain('Save to reading list');
    await cards.click('Save to reading list');
    await page.waitForTimeout(1_000);
    const card = await cards.card();
    expect(card?.title).toMatch(/^Self-regulating Prompts/);
    expect(card?.buttons).toEqual(
      expect.arrayContaining(['Undo', 'Open reading list', 'PaperPeek settings']),
    );
    // "Saved" is what the paper is now, not a button that does nothing.
    expect(card?.buttons).not.toContain('Saved');
    expect(card?.text).toContain('Saved');
    expect(card?.text).toContain('Saved to your reading list.');
    expect(await promptSrcSaved()).toBe(true);

    // "Open reading list" opens the popup's page in a tab, on the reading list, with the paper.
    const opened = session.context.waitForEvent('page', {
      predicate: (candidate) => candidate.url().includes('/popup.html'),
    });
    await cards.click('Open reading list');
    const popup = await opened;
    await expect
      .poll(() => popup.getAttribute('#tab-reading', 'aria-selected'), { timeout: 5_000 })
      .toBe('true');
    await expect
      .poll(() => popup.getByText('Self-regulating Prompts', { exact: false }).count())
      .toBeGreaterThan(0);
    await popup.close();
    await page.bringToFront();

    // Undo takes the entry back out; the card stays, ready to save again.
    await cards.click('Undo');
    await page.waitForTimeout(1_000);
    expect((await cards.card())?.buttons).toContain('Save to reading list');
    expect(await promptSrcSaved()).toBe(false);

    // The usual rule still closes it: the pointer leaves, and the grace time passes.
    await page.mouse.move(5, 700, { steps: 3 });
    await expect.poll(() => cards.card(), { timeout: 2_000 }).toBeNull();
    await page.close();
  });

  it('saves from the keyboard: focus goes on to Undo, Tab goes on inside the card', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page, cards } = await open('/behaviour.html');
    await page.focus('#paper');
    await expect.poll(async () => (await cards.card())?.buttons).toContain('Save to reading list');
    for (let i = 0; i < 12 && (await cards.card())?.focused !== 'Save to reading list'; i += 1) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1_000);
    let card = await cards.card();
    expect(card?.title).toMatch(/^Self-regulating Prompts/);
    expect(card?.focused).toBe('Undo');
    expect(card?.text).toContain('Saved');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PAPERPEEK-CARD');
    await page.keyboard.press('Tab');
    card = await cards.card();
    expect(card?.focused).toBe('Open reading list');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    card = await cards.card();
    expect(card?.focused).toBe('Undo');
    // Undo from the keyboard: the focus goes back to Save, in the card.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1_000);
    card = await cards.card();
    expect(card?.focused).toBe('Save to reading list');
    expect(await promptSrcSaved()).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => cards.card()).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('paper');
    await page.close();
  });

  it('turns itself off for a site from the card’s settings menu, live in open tabs', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page, cards } = await open('/behaviour.html');
    await page.focus('#paper');
    await expect
      .poll(async () => (await cards.card())?.buttons ?? [])
      .toContain('PaperPeek settings');
    for (let i = 0; i < 10 && (await cards.card())?.focused !== 'PaperPeek settings'; i += 1) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await cards.card())?.buttons ?? [])
      .toContain('Turn off on this site');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => cards.card()).toBeNull();
    const stored = await extensionPage.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          storage: {
            local: { get(k: string): Promise<Record<string, { disabledSites?: string[] }>> };
          };
        };
      };
      return (await chrome.storage.local.get('settings')).settings?.disabledSites;
    });
    expect(stored).toEqual(['127.0.0.1']);
    await page.hover('#paper');
    await page.waitForTimeout(300);
    expect(await cards.card()).toBeNull();
    expect(await page.locator('a[data-paperpeek]').count()).toBe(0);
    await setSettings({});
    await page.close();
  });

  it('opens nothing for a link the pointer crossed or the focus passed before the dwell ended', async () => {
    await setSettings({ hoverDelayMs: 300 });
    const { page, cards } = await open('/behaviour.html');
    await page.hover('#paper');
    await page.waitForTimeout(100);
    await page.mouse.move(5, 700);
    await page.waitForTimeout(700);
    expect(await cards.card()).toBeNull();

    await page.focus('#before');
    await page.keyboard.press('Tab'); // the paper link
    await page.waitForTimeout(100);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // past the links, onto the button after them
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('after');
    await page.waitForTimeout(700);
    expect(await cards.card()).toBeNull();
    // The same link still opens when the pointer stays.
    await page.hover('#paper');
    await expect
      .poll(async () => (await cards.card())?.title ?? '')
      .toMatch(/^Self-regulating Prompts/);
    await page.close();
  });

  it('follows a link whose href the page rewrites, as single-page apps do: marker and card', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page, cards } = await open('/behaviour.html');
    await expect.poll(() => page.locator('a[data-paperpeek]').count()).toBe(1);
    await page.hover('#paper'); // known before the rewrite
    await expect.poll(async () => (await cards.card())?.title ?? '').toMatch(/^Self-regulating/);
    await page.mouse.move(5, 700);
    await expect.poll(() => cards.card(), { timeout: 2_000 }).toBeNull();

    await page.evaluate(() => {
      document.querySelector('#plain')?.setAttribute('href', 'https://arxiv.org/abs/2005.14165');
      document.querySelector('#paper')?.setAttribute('href', 'https://example.org/elsewhere');
    });
    await expect.poll(() => page.locator('#plain[data-paperpeek]').count()).toBe(1);
    await expect.poll(() => page.locator('#paper[data-paperpeek]').count()).toBe(0);
    await page.hover('#plain');
    await expect
      .poll(async () => (await cards.card())?.title ?? '')
      .toBe(expectedTitle('arxiv:2005.14165'));
    await page.mouse.move(5, 700);
    await expect.poll(() => cards.card(), { timeout: 2_000 }).toBeNull();
    await page.hover('#paper');
    await page.waitForTimeout(300);
    expect(await cards.card()).toBeNull();
    await page.close();
  });

  it('ignores a page’s synthetic events, and shows nothing for ordinary links', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const { page, cards } = await open('/behaviour.html');
    await page.evaluate(() => (window as unknown as { fakeHover(): void }).fakeHover());
    await page.waitForTimeout(300);
    expect(await cards.card()).toBeNull();
    await page.hover('#plain');
    await page.waitForTimeout(300);
    expect(await cards.card()).toBeNull();
    await page.close();
  });

  it('loads the card’s code only when the pointer reaches a paper link, which the page never sees', async () => {
    await setSettings({ hoverDelayMs: 0 });
    const page = await session.context.newPage();
    // Scripts parsed in every world of the page, the content script's isolated world included.
    const cdp = await session.context.newCDPSession(page);
    const parsed: string[] = [];
    cdp.on('Debugger.scriptParsed', ({ url }) => void parsed.push(url));
    await cdp.send('Debugger.enable');
    await page.goto(server.url('/behaviour.html'));
    const cards = await CardInspector.attach(page);
    await expect.poll(() => page.locator('a[data-paperpeek]').count()).toBe(1);
    await page.hover('#plain');
    await page.waitForTimeout(300);
    expect(parsed.filter((url) => url.endsWith('/link-previews.js'))).toHaveLength(1);
    expect(parsed.filter((url) => url.endsWith('/card-ui.js'))).toEqual([]);

    await page.hover('#paper');
    await expect.poll(async () => (await cards.card())?.title ?? '').toMatch(/^Self-regulating/);
    const loaded = parsed.filter((url) => url.endsWith('/card-ui.js'));
    expect(loaded).toHaveLength(1);
    const seenByPage = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(seenByPage.filter((name) => name.includes('card-ui'))).toEqual([]);
    await cdp.detach();
    await page.close();
  });

  it('marks known links, including links appended later, and counts them on the badge', async () => {
    const { page } = await open('/behaviour.html');
    await expect.poll(() => page.locator('a[data-paperpeek]').count()).toBe(1);
    await page.evaluate(() =>
      (window as unknown as { appendLinks(n: number): void }).appendLinks(40),
    );
    await expect.poll(() => page.locator('a[data-paperpeek]').count()).toBe(21);
    expect(await page.locator('#unknown[data-paperpeek], #plain[data-paperpeek]').count()).toBe(0);
    await expect.poll(allBadges).toContain('2');
    await setSettings({ markersEnabled: false });
    await expect.poll(() => page.locator('a[data-paperpeek]').count()).toBe(0);
    await setSettings({});
    await page.close();
  });

  it('counts papers, not links, on the badge: the demo page links 71 papers, some twice', async () => {
    server.page('/demo.html', renderDemoPage(bundled as Digest));
    const { page } = await open('/demo.html');
    const withRepo = bundled.papers.filter((paper) => paper.repos.length > 0).length;
    expect(withRepo).toBeGreaterThan(10); // the page links those papers twice
    await expect.poll(() => page.locator('a[data-paperpeek]').count()).toBe(71 + withRepo);
    await expect.poll(allBadges).toContain('71');
    expect(await allBadges()).not.toContain(String(71 + withRepo));
    await page.close();
  });

  it('does on the demo page what the demo page says: a card for a paper not in the digest too', async () => {
    await setSettings({ hoverDelayMs: 0 });
    server.page('/demo.html', renderDemoPage(bundled as Digest));
    const { page, cards } = await open('/demo.html');
    const says = ((await page.locator('#not-in-digest').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(says).not.toMatch(/no card/);
    expect(says).toContain('says why it cannot (look-ups are off');
    await page.hover('#not-in-digest a[href*="1706.03762"]');
    await expect.poll(async () => (await cards.card())?.title).toBe('arXiv:1706.03762');
    expect((await cards.card())?.text).toContain('look-ups are off');
    await page.mouse.move(700, 5);
    await expect.poll(() => cards.card()).toBeNull();
    await page.hover('#not-in-digest a[href*="example.org"]');
    await page.waitForTimeout(500);
    expect(await cards.card()).toBeNull();
    await page.close();
  });

  it.each(['/hostile-css.html', '/strict-csp.html'])('looks right on %s', async (path) => {
    await setSettings({ hoverDelayMs: 0 });
    const { page, cards } = await open(path);
    await page.hover('#paper');
    await expect
      .poll(async () => (await cards.card())?.title)
      .toBe('Language Models are Few-Shot Learners');
    const card = await cards.card();
    // Styled as designed: the card's own width, not collapsed by page CSS or a blocked stylesheet.
    expect(card?.box?.width).toBeGreaterThan(380);
    expect(card?.box?.width).toBeLessThanOrEqual(422);
    expect(card?.buttons).toContain('Save to reading list');
    await page.close();
  });
});
