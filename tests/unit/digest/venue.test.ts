import { describe, expect, it } from 'vitest';
import { paperVenue, venueOfKey } from '@/lib/digest/venue';
import { PMLR_VOLUME_ROWS } from '@/lib/digest/pmlr-volumes';
import { validateDigest } from '@/lib/digest/schema';
import { toCardView } from '@/lib/content/card/view';
import { digest, paper } from '../../helpers/digests';

describe('what a venue key says of the venue', () => {
  it.each([
    ['acl:2023.acl-long.754', 'ACL 2023', 'proceedings'],
    ['acl:2023.emnlp-main.298', 'EMNLP 2023', 'proceedings'],
    ['acl:2023.findings-acl.234', 'Findings of ACL 2023', 'proceedings'],
    ['acl:2025.findings-naacl.306', 'Findings of NAACL 2025', 'proceedings'],
    ['acl:2023.americasnlp-1.21', 'ACL Anthology 2023', 'proceedings'],
    ['acl:2023.tacl-1.5', 'TACL 2023', 'journal'],
    ['acl:N19-1423', 'NAACL 2019', 'proceedings'],
    ['acl:D13-1170', 'EMNLP 2013', 'proceedings'],
    ['acl:P98-1001', 'ACL 1998', 'proceedings'],
    ['acl:J93-2004', 'Computational Linguistics 1993', 'journal'],
    ['neurips:2020/1457c0d6bfcb4967418bfb8ac142f64a', 'NeurIPS 2020', 'proceedings'],
    ['neurips:2017/3f5ee243547dee91fbd053c1c4a845aa', 'NIPS 2017', 'proceedings'],
    ['cvf:CVPR2021/Zhang_X_CVPR_2021_paper', 'CVPR 2021', 'proceedings'],
    ['cvf:CVPR2020W/Pacheco_X_CVPRW_2020_paper', 'CVPR 2020 Workshops', 'proceedings'],
    ['pmlr:v202/kandpal23a', 'ICML 2023', 'proceedings'],
    ['pmlr:v9/glorot10a', 'AISTATS 2010', 'proceedings'],
    // Volumes of the other conferences PMLR publishes (lib/digest/pmlr-volumes.ts, from PMLR's
    // own records); papers' keys as their PMLR addresses give them.
    ['pmlr:v164/chen22a', 'CoRL 2021', 'proceedings'],
    ['pmlr:v247/agrawal24a', 'COLT 2024', 'proceedings'],
    ['pmlr:v19/bubeck11a', 'COLT 2011', 'proceedings'],
    ['pmlr:v180/zhang22a', 'UAI 2022', 'proceedings'],
    ['pmlr:v242/abate24a', 'L4DC 2024', 'proceedings'],
    ['pmlr:v227/oguz23a', 'MIDL 2023', 'proceedings'],
    ['pmlr:v157/li21a', 'ACML 2021', 'proceedings'],
    ['pmlr:v260/nguyen25a', 'ACML 2024', 'proceedings'],
    ['pmlr:v177/scholkopf22a', 'CLeaR 2022', 'proceedings'],
    ['pmlr:v232/chandar23a', 'CoLLAs 2023', 'proceedings'],
    ['pmlr:v237/vernade24a', 'ALT 2024', 'proceedings'],
    ['pmlr:v267/singh25a', 'ICML 2025', 'proceedings'],
    // Volumes added from PMLR's records (a key's paper part does not change its venue).
    ['pmlr:v306/kim26a', 'ICML 2026', 'proceedings'],
    ['pmlr:v305/lee25a', 'CoRL 2025', 'proceedings'],
    ['pmlr:v49/abernethy16', 'COLT 2016', 'proceedings'],
    ['pmlr:v83/bubeck18a', 'ALT 2018', 'proceedings'],
    // A volume named by the papers that cite it (its record is not in the stored copies).
    ['pmlr:v195/jang23a', 'COLT 2023', 'proceedings'],
    // The other conferences, symposia and workshops PMLR publishes, each volume by its record.
    ['pmlr:v298/chen25a', 'MLHC 2025', 'proceedings'],
    ['pmlr:v231/wang24a', 'LoG 2023', 'proceedings'],
    ['pmlr:v1/lawrence07a', 'Gaussian Processes in Practice 2006', 'proceedings'],
    [
      'pmlr:v137/forde20a',
      "I Can't Believe It's Not Better! (NeurIPS workshop) 2020",
      'proceedings',
    ],
    // Named by the year it was held (December 2019), not the year its volume came out (2020).
    ['pmlr:v116/hyland20a', 'ML4H 2019', 'proceedings'],
    // A volume PMLR's records here do not name: its number, never a guess.
    ['pmlr:v999/nobody99a', 'PMLR v999', 'proceedings'],
  ])('%s → %s', (key, name, kind) => {
    expect(venueOfKey(key)).toMatchObject({ name, kind });
  });

  it.each(['doi:10.1109/cvpr.2016.90', 'openreview:YicbFdNTTy', 's2:' + 'a'.repeat(40)])(
    '%s names no venue',
    (key) => expect(venueOfKey(key)).toBeNull(),
  );
});

describe('the PMLR volume table', () => {
  it('names each volume once, each row with where PMLR says so', () => {
    const volumes = PMLR_VOLUME_ROWS.map(([volume]) => volume);
    expect(new Set(volumes).size).toBe(volumes.length);
    for (const [volume, conference, year, seen] of PMLR_VOLUME_ROWS) {
      expect(volume).toBeGreaterThan(0);
      // A short name, trimmed, without the year: the year is added to it ("COLT 2016").
      expect(conference).toMatch(/^[\p{L}\p{N}][\p{L}\p{N} ()'!*:,./&-]*[\p{L}\p{N})!*]$/u);
      expect(conference.length).toBeLessThanOrEqual(60);
      expect(conference).not.toMatch(/\b(?:19|20)\d\d\b/);
      expect(year).toBeGreaterThanOrEqual(2006);
      expect(year).toBeLessThanOrEqual(2026);
      expect(seen).not.toBe('');
    }
  });

  it('names every volume up to 348 whose record or citations were to be had', () => {
    // These volumes' records are missing from the stored copies of PMLR's records this table was
    // built from, and no paper cites them by volume: they stay "PMLR v<N>".
    const unknown = [
      59, 61, 110, 111, 112, 113, 114, 135, 140, 169, 175, 182, 192, 219, 221, 225, 233, 239, 276,
      324, 335, 338, 342, 343, 344, 345, 346, 347,
    ];
    const named = new Set(PMLR_VOLUME_ROWS.map(([volume]) => volume));
    for (let volume = 1; volume <= 348; volume += 1)
      expect(named.has(volume), `v${volume}`).toBe(!unknown.includes(volume));
  });

  it('holds the conferences researchers cite from PMLR beyond ICML and AISTATS', () => {
    const conferences = new Set(PMLR_VOLUME_ROWS.map(([, conference]) => conference));
    for (const name of ['CoRL', 'COLT', 'UAI', 'L4DC', 'MIDL', 'ACML', 'CLeaR', 'CoLLAs', 'ALT'])
      expect(conferences).toContain(name);
  });
});

describe("a paper's venue", () => {
  it("is the digest's own words first, with the year they hold", () => {
    expect(
      paperVenue(
        paper({ venue: 'ICLR 2024 (oral)', links: ['https://aclanthology.org/N19-1423/'] }),
      ),
    ).toEqual({ name: 'ICLR 2024 (oral)', year: 2024, kind: 'proceedings' });
    expect(paperVenue(paper({ venue: 'Nature' }))).toEqual({ name: 'Nature', kind: 'journal' });
    expect(paperVenue(paper({ venue: 'Transactions on Machine Learning Research' }))?.kind).toBe(
      'journal',
    );
  });

  it('else comes from its DOI or links, and is absent when nothing names one', () => {
    expect(paperVenue(paper({ doi: '10.18653/v1/n19-1423' }))?.name).toBe('NAACL 2019');
    expect(
      paperVenue(
        paper({
          links: ['https://example.org/', 'https://proceedings.mlr.press/v97/laroche19a.html'],
        }),
      )?.name,
    ).toBe('ICML 2019');
    expect(paperVenue(paper({ doi: '10.1038/nature14539' }))).toBeNull();
    expect(paperVenue(paper())).toBeNull();
  });

  it('last, the journal reference its authors gave arXiv, as they wrote it', () => {
    expect(paperVenue(paper({ journalRef: 'Accepted at ICML 2023' }))).toEqual({
      name: 'ICML 2023',
      year: 2023,
      kind: 'proceedings',
    });
    expect(paperVenue(paper({ journalRef: 'Nature 596, 583-589 (2021)' }))).toEqual({
      name: 'Nature 596, 583-589 (2021)',
      year: 2021,
      kind: 'journal',
    });
    // The venue keys say it more precisely than free text.
    expect(
      paperVenue(paper({ journalRef: 'NAACL-HLT 2019', doi: '10.18653/v1/n19-1423' }))?.name,
    ).toBe('NAACL 2019');
    expect(paperVenue(paper({ journalRef: 'x'.repeat(121) }))).toBeNull();
  });

  it('is shown on the card, as text', () => {
    const view = toCardView(paper({ venue: '<b>ICML</b> 2023' }), false);
    expect(view.venue).toBe('<b>ICML</b> 2023');
    expect(toCardView(paper(), false)).not.toHaveProperty('venue');
  });

  it('is read from a digest as clean text, and a venue that is not text is a problem', () => {
    const ok = validateDigest(digest([paper({ venue: '  NeurIPS\n2023 ' })]));
    expect(ok.ok && ok.digest.papers[0]?.venue).toBe('NeurIPS 2023');
    const bad = validateDigest({ ...digest([]), papers: [{ ...paper(), venue: 42 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toEqual(['papers[0].venue: not usable: number 42']);
  });
});

describe('the card of a published paper', () => {
  it("links its DOI, never arXiv's own DOI", () => {
    const labels = (doi: string) =>
      toCardView(paper({ doi }), false).links.map((link) => `${link.label} ${link.href}`);
    expect(labels('10.18653/v1/n19-1423')).toContain('DOI https://doi.org/10.18653/v1/n19-1423');
    expect(labels('10.48550/arxiv.2005.14165').some((label) => label.startsWith('DOI'))).toBe(
      false,
    );
  });
});
