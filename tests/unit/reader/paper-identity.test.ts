/**
 * Which paper an open PDF is, for the reader's header: the arXiv id of its address, else arXiv's
 * stamp on the first page, else the first page's title matched against the digest (the worker's
 * resolver on the bundled digest, as the reader asks it).
 */
import { describe, expect, it, vi } from 'vitest';
import bundled from '@/assets/digest.json';
import type { CardView } from '@/lib/content/card/view';
import { arxivStampOf, firstPageTitle, paperOfPdf } from '@/lib/reader/paper-identity';
import { createPaperService } from '@/lib/worker/paper-service';
import { databasePerTest } from '../../helpers/db';
import { withFixturePdf } from '../../helpers/pdf';

const item = (str: string, x = 0, y = 700, height = 10) => ({
  str,
  transform: [height, 0, 0, height, x, y],
  width: str.length * height * 0.5,
  height,
});

describe('arXiv’s stamp on a first page', () => {
  it.each([
    ['arXiv:1810.04805v2 [cs.CL] 24 May 2019', '1810.04805'],
    ['arXiv:1706.03762v7 [cs.CL] 2 Aug 2023', '1706.03762'],
    ['arXiv:2211.09808v1  [cs.CV]  17 Nov 2022', '2211.09808'],
    ['arXiv:hep-th/9901001v3 [hep-th] 5 Feb 1999', 'hep-th/9901001'],
    ['arXiv:1411.2738v4 [cs.CL] 5 Jun 2016', '1411.2738'],
  ])('%s names %s', (stamp, id) => {
    expect(arxivStampOf([item('Some text'), item(stamp)])).toBe(id);
  });

  it('is not an id cited in the text', () => {
    expect(arxivStampOf([item('as shown in arXiv:2104.06486, the model')])).toBeNull();
  });
});

describe('the first page’s title', () => {
  it.each([
    ['numeric-two-column', 'A Fixture Paper with Numeric Citations'],
    ['author-year', 'A Fixture Paper with Author-Year Citations'],
    ['no-hyperref', 'A Fixture Paper without Links'],
    [
      'digest-title',
      'TaskExpert: Dynamically Assembling Multi-Task Representations with Memorial Mixture-of-Experts',
    ],
  ])('%s: %s', async (name, title) => {
    const found = await withFixturePdf(name, async (pdf) => {
      const page = await pdf.getPage(1);
      return firstPageTitle((await page.getTextContent()).items, page.view[3] ?? 0);
    });
    expect(found).toBe(title);
  });

  it('joins small capitals set on one baseline into their words', () => {
    // `A N I MAGE I S W ORTH`: capitals at 14pt, the rest of each word at 11pt.
    const runs = [
      item('A', 100, 700, 14),
      item('N', 107, 700, 11),
      item('I', 116, 700, 14),
      item('MAGE', 120, 700, 11),
      item('body text of the paper', 100, 300),
      item('more body text', 100, 290),
    ];
    expect(firstPageTitle(runs, 792)).toBe('AN IMAGE');
  });

  it('is none when nothing at the top is set larger than the text', () => {
    expect(firstPageTitle([item('Just text', 0, 700), item('more text', 0, 680)], 792)).toBeNull();
  });
});

describe('identifying the open PDF', () => {
  const db = databasePerTest();
  const service = createPaperService(db, { bundledDigest: () => bundled, now: () => 1_000 });
  const sender = { id: 'ext' };
  const lookedUp: CardView = {
    paperId: '2401.00001',
    title: 'A paper looked up on arXiv',
    meta: '',
    abstract: 'abstract',
    links: [],
    saved: false,
    from: 'From arXiv',
  };
  const services = () => ({
    resolve: (texts: string[]) => service.resolveReferences({ texts }, sender),
    fetchCard: vi.fn(async () => lookedUp),
  });

  it('names the paper by the arXiv id of its address, from the digest', async () => {
    await service.ensureBundledDigest();
    const found = await withFixturePdf('numeric-two-column', (pdf) =>
      paperOfPdf(services())(pdf, '2307.06948'),
    );
    expect(found?.title).toMatch(/^Self-regulating Prompts/);
  });

  it('names the paper by arXiv’s stamp when the PDF came from a file', async () => {
    await service.ensureBundledDigest();
    const found = await withFixturePdf('arxiv-stamp', (pdf) => paperOfPdf(services())(pdf, null));
    expect(found?.title).toMatch(/^Uni-Perceiver v2/);
  });

  it('names the paper by its title when the digest has that title', async () => {
    await service.ensureBundledDigest();
    const found = await withFixturePdf('digest-title', (pdf) => paperOfPdf(services())(pdf, null));
    expect(found).toMatchObject({
      paperId: '2307.15324',
      title: expect.stringMatching(/^TaskExpert/),
    });
  });

  it('asks for the card of an arXiv paper the digest lacks, as a hover would', async () => {
    await service.ensureBundledDigest();
    const asked = services();
    const found = await withFixturePdf('numeric-two-column', (pdf) =>
      paperOfPdf(asked)(pdf, '2401.00001'),
    );
    expect(asked.fetchCard).toHaveBeenCalledWith('arxiv:2401.00001');
    expect(found).toBe(lookedUp);
  });

  it('names nothing for a PDF whose title no digest paper has', async () => {
    await service.ensureBundledDigest();
    const asked = services();
    const found = await withFixturePdf('author-year', (pdf) => paperOfPdf(asked)(pdf, null));
    expect(found).toBeNull();
    expect(asked.fetchCard).not.toHaveBeenCalled();
  });
});
