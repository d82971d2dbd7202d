import { describe, expect, it } from 'vitest';
import {
  isSiteQuestion,
  SITE_QUESTION,
  siteOfActivePage,
  type TabsForSite,
} from '@/lib/protocol/page-site';

function tabs(
  focused: { id?: number }[],
  all: { id?: number }[],
  answers: Record<number, unknown>,
) {
  const asked: number[] = [];
  const api: TabsForSite = {
    query: async (query) => (query.lastFocusedWindow ? focused : all),
    sendMessage: async (tabId, message, options) => {
      asked.push(tabId);
      expect(message).toEqual({ type: SITE_QUESTION });
      expect(options).toEqual({ frameId: 0 });
      if (!(tabId in answers)) throw new Error('Could not establish connection');
      return answers[tabId];
    },
  };
  return { api, asked };
}

describe('the site of the page behind the popup', () => {
  it('asks the active tab of the last focused window', async () => {
    const { api, asked } = tabs([{ id: 3 }], [{ id: 3 }, { id: 9 }], {
      3: { hostname: 'example.org' },
    });
    expect(await siteOfActivePage(api)).toBe('example.org');
    expect(asked).toEqual([3]);
  });

  it('looks past a popup window of its own to the normal windows', async () => {
    const { api } = tabs([], [{ id: 9 }], { 9: { hostname: 'arxiv.org' } });
    expect(await siteOfActivePage(api)).toBe('arxiv.org');
  });

  it.each([
    ['no content script', {}],
    ['an answer without a host', { 3: { hostname: '' } }],
    ['a strange answer', { 3: 'example.org' }],
  ])('offers nothing for %s', async (_case, answers) => {
    const { api } = tabs([{ id: 3 }], [], answers);
    expect(await siteOfActivePage(api)).toBeNull();
  });

  it('recognises only its own question', () => {
    expect(isSiteQuestion({ type: SITE_QUESTION })).toBe(true);
    expect(isSiteQuestion({ type: 'lookup' })).toBe(false);
    expect(isSiteQuestion(null)).toBe(false);
  });
});
