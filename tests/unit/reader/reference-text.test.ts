/**
 * Reading a bibliography entry's text, from a table of entries as published papers set them
 * (natbib's plainnat and abbrvnat, ACL's, IEEE's, APA's and biblatex's styles).
 */
import { describe, expect, it } from 'vitest';
import {
  joinEntryLines,
  referenceFacts,
  titleCandidates,
  titleKey,
} from '@/lib/reader/reference-text';

describe('an entry’s arXiv id, DOI and links', () => {
  it.each([
    ['arXiv preprint arXiv:2104.06486, 2021.', '2104.06486'],
    ['arXiv preprint arXiv:2104.06486v3, 2021.', '2104.06486'],
    ['arXiv: 2307.06948.', '2307.06948'],
    ['CoRR, abs/1909.07755, 2019.', '1909.07755'],
    ['CoRR abs/1909.07755 (2019)', '1909.07755'],
    ['URL https://arxiv.org/abs/2210.03869.', '2210.03869'],
    ['https://arxiv.org/pdf/2005.14165v4.pdf', '2005.14165'],
    ['http://arxiv.org/abs/ 2210.03869 (a URL broken at its slash)', '2210.03869'],
    ['arXiv:hep-th/9901001, 1999.', 'hep-th/9901001'],
    ['arXiv preprint, 2303.08774, 2023.', '2303.08774'],
    ['doi: 10.48550/arXiv.2005.14165.', '2005.14165'],
  ])('%s names arXiv %s', (text, id) => expect(referenceFacts(text).arxivId).toBe(id));

  it.each([
    [
      'In Proceedings of NAACL-HLT, pages 4171–4186, 2019. doi: 10.18653/v1/N19-1423.',
      '10.18653/v1/N19-1423',
    ],
    ['Nature, 521(7553):436–444, 2015. https://doi.org/10.1038/nature14539', '10.1038/nature14539'],
    ['doi:10.1145/3292500.3330701', '10.1145/3292500.3330701'],
  ])('%s names DOI %s', (text, doi) => expect(referenceFacts(text).doi).toBe(doi));

  it.each([
    ['In NeurIPS, pages 5998–6008, 2017.'],
    ['Journal of Imaginary Results, 12(3):1–10, 2019.'],
    ['Model 2104.06486 was trained for 1909.07755 steps.'],
  ])('%s names no arXiv id and no DOI', (text) => {
    const facts = referenceFacts(text);
    expect(facts.arxivId).toBeUndefined();
    expect(facts.doi).toBeUndefined();
  });
});

describe('the title of an entry', () => {
  it.each([
    [
      'plainnat',
      'Tom B. Brown, Benjamin Mann, Nick Ryder, et al. Language models are few-shot learners. In Advances in Neural Information Processing Systems, volume 33, pages 1877–1901, 2020.',
      'Language models are few-shot learners',
    ],
    [
      'abbrvnat, initials only',
      'A. Vaswani, N. Shazeer, N. Parmar, J. Uszkoreit, L. Jones, A. N. Gomez, Ł. Kaiser, and I. Polosukhin. Attention is all you need. In NIPS, 2017.',
      'Attention is all you need',
    ],
    [
      'IEEE',
      '[12] J. Devlin, M.-W. Chang, K. Lee, and K. Toutanova, “BERT: Pre-training of deep bidirectional transformers for language understanding,” in Proc. NAACL, 2019, pp. 4171–4186.',
      'BERT: Pre-training of deep bidirectional transformers for language understanding',
    ],
    [
      'APA',
      'Mishra, S., Khashabi, D., Baral, C., & Hajishirzi, H. (2022). Cross-task generalization via natural language crowdsourcing instructions. In Proceedings of ACL (pp. 3470–3487).',
      'Cross-task generalization via natural language crowdsourcing instructions',
    ],
    [
      'biblatex',
      '[3] Ashish Vaswani et al. “Attention is All you Need”. In: Advances in Neural Information Processing Systems. 2017, pp. 5998–6008.',
      'Attention is All you Need',
    ],
    [
      'a title that asks',
      'Jane Doe and John Roe. Are sixteen heads really better than one? In NeurIPS, 2019.',
      'Are sixteen heads really better than one?',
    ],
  ])('%s', (_style, text, title) => {
    expect(titleCandidates(text).map(titleKey)).toContain(titleKey(title));
  });

  it('compares titles whatever their case, accents, hyphens and line breaks', () => {
    expect(titleKey('Language Models are Few-Shot Learners')).toBe(
      titleKey(joinEntryLines(['Language models are few-', 'shot learners'])),
    );
    expect(titleKey('Über Transformer')).toBe('ubertransformer');
  });
});

describe('an entry’s lines joined as read', () => {
  it.each([
    [['Prafulla Dhari-', 'wal and others'], 'Prafulla Dhariwal and others'],
    [['Vision-', 'Language Tasks'], 'Vision-Language Tasks'],
    [['https://arxiv.org/abs/', '2210.03869, 2022.'], 'https://arxiv.org/abs/2210.03869, 2022.'],
    [['one', '', '  two  '], 'one two'],
  ])('%j reads %j', (lines, text) => expect(joinEntryLines(lines)).toBe(text));
});
