/**
 * A card's Copy citation, in the module the content script loads on the first copy: the worker's
 * items formatted in the remembered style and put on the page's clipboard, what the card then
 * says, and a page with no `navigator.clipboard` (plain http) copied through the copy command.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { copyCommandClipboard } from '@/lib/citations/clipboard';
import { citationItems } from '@/lib/citations/items';
import { citationUi } from '@/lib/content/card/citation-ui';
import type { CitedEntry } from '@/lib/reading-list/export';
import { readingEntry } from '../../helpers/digests';

const worker = vi.hoisted(() => ({ requestFromWorker: vi.fn() }));
vi.mock('@/lib/protocol/client', () => worker);

const bert: CitedEntry = {
  ...readingEntry({
    paperId: '1810.04805',
    arxivId: '1810.04805',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    authors: ['Jacob Devlin', 'Ming-Wei Chang'],
    note: 'my private thoughts',
  }),
  publishedAt: '2018-10-11',
};

/** A page whose clipboard records what it is given, or refuses as a browser can. */
function pageWith(clipboard: { writeText(text: string): Promise<void> } | undefined) {
  return { defaultView: { navigator: { clipboard } } } as unknown as Document;
}

describe('a card’s Copy citation', () => {
  beforeEach(() => worker.requestFromWorker.mockReset());

  it('copies the worker’s item in the remembered style and says which', async () => {
    worker.requestFromWorker.mockResolvedValue(citationItems([bert]));
    const copied: string[] = [];
    const page = pageWith({ writeText: async (text) => void copied.push(text) });
    expect(await citationUi.copy('1810.04805', 'vancouver', page)).toEqual({
      ok: true,
      message: 'Citation copied (Vancouver).',
    });
    expect(worker.requestFromWorker).toHaveBeenCalledWith('citationItems', {
      paperIds: ['1810.04805'],
    });
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^1\.\s*Devlin J, Chang MW\. BERT: Pre-training/);
    expect(copied[0]).not.toContain('private');
  });

  it('takes an unknown remembered style as APA', async () => {
    worker.requestFromWorker.mockResolvedValue(citationItems([bert]));
    const copied: string[] = [];
    const page = pageWith({ writeText: async (text) => void copied.push(text) });
    expect(await citationUi.copy('1810.04805', 'comic-sans', page)).toMatchObject({
      message: 'Citation copied (APA).',
    });
    expect(copied[0]).toMatch(/^Devlin, J\., & Chang, M\.-W\. \(2018\)/);
  });

  it('says so when the browser refuses the clipboard, or the paper is gone', async () => {
    worker.requestFromWorker.mockResolvedValue(citationItems([bert]));
    const refusing = pageWith({
      writeText: () => Promise.reject(new Error('Document is not focused.')),
    });
    expect(await citationUi.copy('1810.04805', 'apa', refusing)).toEqual({
      ok: false,
      message: 'Not copied: Document is not focused.',
    });
    worker.requestFromWorker.mockResolvedValue([]);
    expect(await citationUi.copy('1810.04805', 'apa', refusing)).toEqual({
      ok: false,
      message: 'Not copied: PaperPeek no longer has this paper.',
    });
  });
});

describe('the copy command, for a page without navigator.clipboard', () => {
  /** A document whose copy command fires its copy listeners, as a browser's does. */
  function documentWithCopy(allowed: boolean) {
    const listeners = new Set<(event: ClipboardEvent) => void>();
    const data = new Map<string, string>();
    const doc = {
      addEventListener: (_: string, listener: (event: ClipboardEvent) => void) =>
        listeners.add(listener),
      removeEventListener: (_: string, listener: (event: ClipboardEvent) => void) =>
        listeners.delete(listener),
      execCommand: () => {
        if (!allowed) return false;
        const event = {
          clipboardData: { setData: (type: string, value: string) => data.set(type, value) },
          preventDefault: vi.fn(),
        } as unknown as ClipboardEvent;
        for (const listener of [...listeners]) listener(event);
        return true;
      },
    } as unknown as Document;
    return { doc, data, listeners };
  }

  it('puts the text on the clipboard from its copy event, and leaves no listener', async () => {
    const { doc, data, listeners } = documentWithCopy(true);
    await copyCommandClipboard(doc).writeText('Devlin, J. (2018). BERT.');
    expect(data.get('text/plain')).toBe('Devlin, J. (2018). BERT.');
    expect(listeners.size).toBe(0);
  });

  it('fails with the reason when the browser refuses the command', async () => {
    const { doc, listeners } = documentWithCopy(false);
    await expect(copyCommandClipboard(doc).writeText('x')).rejects.toThrow(
      'The browser refused to copy.',
    );
    expect(listeners.size).toBe(0);
  });
});
