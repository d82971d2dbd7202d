import { describe, expect, it } from 'vitest';
import { extractAbstractLinks } from '@/lib/digest/abstract-links';

describe('extractAbstractLinks', () => {
  it.each([
    ['Code: https://github.com/muzairkhattak/PromptSRC.', ['muzairkhattak/promptsrc'], []],
    [
      '(Our implementation is available in https://github.com/LZY-the-boys/Twin-Mergin.)',
      ['lzy-the-boys/twin-mergin'],
      [],
    ],
    [
      'accessed by https://github.com/WxxShirley/Awesome-Graph-Prompt, and https://github.com/sheldonresearch/ProG, respectively.',
      ['wxxshirley/awesome-graph-prompt', 'sheldonresearch/prog'],
      [],
    ],
    ['at github.com/Owner/Repo.git; see', ['owner/repo'], []],
    ['see https://github.com/owner/repo/tree/main/src/model.py for details', ['owner/repo'], []],
    ['https://www.github.com/a-b/c.d.e!', ['a-b/c.d.e'], []],
    ['twice: https://github.com/x/y and https://github.com/X/Y.', ['x/y'], []],
    [
      'https://github.com/topics/llm and https://github.com/orgs/foo',
      [],
      ['https://github.com/topics/llm', 'https://github.com/orgs/foo'],
    ],
    ['data: https://huggingface.co/datasets/x/y.', [], ['https://huggingface.co/datasets/x/y']],
    [
      'page https://en.wikipedia.org/wiki/Foo_(bar).',
      [],
      ['https://en.wikipedia.org/wiki/Foo_(bar)'],
    ],
    ['javascript:alert(1) and ftp://x.org/file', [], []],
    ['no links at all', [], []],
  ])('%s', (text, repos, links) => {
    expect(extractAbstractLinks(text)).toEqual({ repos, links });
  });
});
