/**
 * Generated bad digests (fast-check): a valid digest with one part broken (a field removed or
 * replaced by any JSON value, a paper replaced, the whole document wrapped or cut), in every
 * format the extension reads. Each must be refused with a readable reason, without a crash, and
 * leave the stored digest and the reading list exactly as they were.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import { loadDigest } from '@/lib/digest/load';
import { validateDigest } from '@/lib/digest/schema';
import { parsePapers } from '@/lib/sources/formats';
import { databasePerTest, snapshot } from '../../helpers/db';
import { readingEntry } from '../../helpers/digests';

const RUNS = 10_000;
const base = { ...bundled, papers: bundled.papers.slice(0, 3) } as Record<string, unknown>;
const PAPER_FIELDS = [
  'id',
  'arxivId',
  'title',
  'abstract',
  'authors',
  'repos',
  'links',
  'publishedAt',
  'upvotes',
];
const TOP_FIELDS = ['format', 'version', 'generatedAt', 'source', 'papers'];

/** Any JSON value, and the odd values JSON.parse never makes but a careless caller might pass. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(undefined, Number.NaN, Infinity, -0, '', ' ', '\u0000', 'a'.repeat(20_000)),
);

const brokenDigest = fc.oneof(
  // One top-level field replaced or removed.
  fc.record({ field: fc.constantFrom(...TOP_FIELDS), value: anyValue }).map(({ field, value }) => ({
    ...base,
    [field]: value,
  })),
  // One field of one paper replaced or removed.
  fc
    .record({ index: fc.nat(2), field: fc.constantFrom(...PAPER_FIELDS), value: anyValue })
    .map(({ index, field, value }) => ({
      ...base,
      papers: (base.papers as Record<string, unknown>[]).map((paper, at) =>
        at === index ? { ...paper, [field]: value } : paper,
      ),
    })),
  // One paper replaced by anything.
  fc.record({ index: fc.nat(2), value: anyValue }).map(({ index, value }) => ({
    ...base,
    papers: (base.papers as unknown[]).map((paper, at) => (at === index ? value : paper)),
  })),
  // The document replaced by anything.
  anyValue,
);

describe(`${RUNS} generated bad digests`, () => {
  const db = databasePerTest();

  it(
    'are each refused with a reason, and change nothing stored',
    { timeout: 120_000 },
    async () => {
      await loadDigest(db, bundled, 'bundled');
      await db.readingList.put(readingEntry({ note: 'keep me', tags: ['x'] }));
      const before = await snapshot(db);
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(brokenDigest, async (document) => {
          const checked = validateDigest(document);
          if (checked.ok) return; // the change happened to leave a valid digest
          refused += 1;
          expect(checked.problems.length).toBeGreaterThan(0);
          for (const problem of checked.problems) {
            expect(problem).toMatch(
              /^(document|format|version|generatedAt|source|papers)|^…and \d+ more/,
            );
            expect(problem.length).toBeLessThan(500);
          }
          const result = await loadDigest(db, document, 'bundled');
          expect(result.ok).toBe(false);
        }),
        { numRuns: RUNS, seed: 20261126 },
      );
      expect(refused).toBeGreaterThan(RUNS * 0.8);
      expect(await snapshot(db)).toBe(before);
    },
  );

  it('as text in any format: never a crash, a reason for each refusal', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          brokenDigest.map((document) => JSON.stringify(document) ?? ''),
          brokenDigest.map((document) => `[${JSON.stringify(document) ?? ''}]`),
          brokenDigest.map((document) => (JSON.stringify(document) ?? '').slice(0, 200)),
          fc.string({ maxLength: 2_000 }),
        ),
        (text) => {
          const parsed = parsePapers(text);
          if (!parsed.ok) expect(parsed.problems.length).toBeGreaterThan(0);
          else for (const paper of parsed.papers) expect(paper.title.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS, seed: 20261126 },
    );
  });
});
