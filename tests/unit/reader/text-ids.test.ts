/** arXiv ids written in a PDF's text layer become links; numbers and other text stay as they are. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { linkArxivIds, quietDuplicateLinks } from '@/lib/reader/text-ids';

function layer(...spans: string[]) {
  const { document } = parseHTML(
    '<!doctype html><html><body><div class="textLayer"></div></body></html>',
  );
  const div = document.querySelector('.textLayer') as unknown as HTMLElement;
  for (const text of spans) {
    const span = document.createElement('span');
    span.textContent = text;
    div.append(span);
  }
  return div;
}

describe('arXiv ids in a text layer', () => {
  it.each([
    ['We build on GPT-3 (arXiv:2005.14165).', ['https://arxiv.org/abs/2005.14165']],
    [
      'see arXiv: 2307.06948v2 and arxiv.org/abs/2210.03869',
      ['https://arxiv.org/abs/2307.06948', 'https://arxiv.org/abs/2210.03869'],
    ],
    ['An old one: arXiv:hep-th/9901001.', ['https://arxiv.org/abs/hep-th/9901001']],
    ['Trained for 2005.14165 steps in 1999.', []],
    ['arXiv:9913.99999 is no id.', []],
  ])('%s', (text, hrefs) => {
    const div = layer(text);
    expect(linkArxivIds(div)).toBe(hrefs.length);
    expect([...div.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(hrefs);
    // The text a reader selects and copies is the same.
    expect(div.textContent).toBe(text);
  });

  it('does a span once, whatever the number of renders', () => {
    const div = layer('arXiv:2005.14165');
    linkArxivIds(div);
    expect(linkArxivIds(div)).toBe(0);
    expect(div.querySelectorAll('a')).toHaveLength(1);
  });
});

describe('an id hyperref linked already', () => {
  it('stays hoverable in the text but is one Tab stop, the link annotation’s', () => {
    const { document } = parseHTML(
      '<!doctype html><html><body><div class="page"><div class="textLayer"><span>see arXiv:2307.06948 and arXiv:2005.14165</span></div><div class="annotationLayer"><a href="https://arxiv.org/abs/2307.06948"></a></div></div></body></html>',
    );
    const page = document.querySelector('.page') as unknown as HTMLElement;
    linkArxivIds(page.querySelector('.textLayer') as unknown as HTMLElement);
    quietDuplicateLinks(page);
    const links = Array.from(
      page.querySelectorAll<HTMLAnchorElement>('.textLayer a'),
      (link) => [link.getAttribute('href'), link.getAttribute('tabindex')] as const,
    );
    expect(links).toEqual([
      ['https://arxiv.org/abs/2307.06948', '-1'],
      ['https://arxiv.org/abs/2005.14165', null],
    ]);
  });
});
