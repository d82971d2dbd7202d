/**
 * The worker's half of the reader's citations, on the bundled digest: each fixture PDF's entries
 * resolve to the digest paper they cite (by arXiv id, `CoRR abs/`, an arXiv address, or the
 * title alone), a DOI the digest lacks stays a key to look up on hover, and an entry that names
 * nothing known gets the reference's own card.
 */
import { describe, expect, it } from 'vitest';
import bundled from '@/assets/digest.json';
import { citationKeyOf } from '@/lib/reader/bibliography';
import { createPaperService } from '@/lib/worker/paper-service';
import { databasePerTest } from '../../helpers/db';
import { fixtureEntries } from '../../helpers/pdf';

const sender = { id: 'ext' };

describe('resolving a PDF’s references against the digest', () => {
  const db = databasePerTest();
  const service = createPaperService(db, { bundledDigest: () => bundled, now: () => 1_000 });

  it.each(['numeric-two-column', 'author-year'])(
    '%s: every entry, the way it can be',
    async (name) => {
      await service.ensureBundledDigest();
      const entries = await fixtureEntries(name);
      const answers = await service.resolveReferences(
        { texts: entries.map((entry) => entry.text) },
        sender,
      );
      const byKey = Object.fromEntries(
        entries.map((entry, i) => [citationKeyOf(entry.id), answers[i]]),
      );
      // By arXiv id, by `CoRR abs/`, by an arXiv address: the digest's cards.
      expect(byKey.khattak2023self?.card?.title).toMatch(/^Self-regulating Prompts/);
      expect(byKey.mishra2022cross?.card?.title).toMatch(/^Cross-Task Generalization/);
      expect(byKey.wang2022tame?.card?.title).toMatch(/^TAME/);
      // By the title alone (no identifier in the entry).
      expect(byKey.brown2020language).toMatchObject({
        key: 'arxiv:2005.14165',
        card: { title: 'Language Models are Few-Shot Learners', from: 'From your digest' },
      });
      expect(byKey.ye2023unified?.card?.title).toMatch(/^A Unified Generative Retriever/);
      // A DOI the digest does not list: a key, looked up on hover under the user's setting.
      // (an ACL DOI is the Anthology paper's key).
      expect(byKey.devlin2019bert).toEqual({ key: 'acl:N19-1423', card: null });
      // Nothing known: the reference itself, readable, and searches that send nothing until clicked.
      const nobody = byKey.nobody2019study;
      expect(nobody?.key).toBeNull();
      expect(nobody?.card?.title).toMatch(/^A study of nothing in particular/);
      expect(nobody?.card?.missing?.reason).toMatch(/^(\[6\] )?Pat Nobody and Sam Somebody\./);
      expect(nobody?.card?.links.map((link: { label: string }) => link.label)).toEqual([
        'Search arXiv',
        'Search Google Scholar',
      ]);
      expect(nobody?.card?.links[1]?.href).toMatch(
        /^https:\/\/scholar\.google\.com\/scholar\?q=A%20study/,
      );
      expect(byKey.vaswani2017attention?.card?.title).toBe('Attention is all you need');
      expect(byKey.vaswani2017attention?.card?.missing).toBeDefined();
    },
  );

  it('matches no title shorter than a few words (a one-word title names many papers)', async () => {
    await service.ensureBundledDigest();
    const [answer] = await service.resolveReferences(
      { texts: ['A. Author. Learning. In Venue, 2020.'] },
      sender,
    );
    expect(answer?.key).toBeNull();
  });
});

describe('the 40-page fixture’s 80 references', () => {
  const db = databasePerTest();
  const service = createPaperService(db, { bundledDigest: () => bundled, now: () => 1_000 });

  it('resolves the 20 cited by arXiv id and the 20 cited by title alone, and no other', async () => {
    await service.ensureBundledDigest();
    const entries = await fixtureEntries('long-two-column');
    const answers = await service.resolveReferences(
      { texts: entries.map((entry) => entry.text) },
      sender,
    );
    const found = answers.map((answer) => answer.card !== null && !answer.card.missing);
    // ref00, ref04, ... by id; ref01, ref05, ... by title; the rest are no digest paper.
    expect(
      found
        .map((hit, i) => (hit ? i % 4 : -1))
        .filter((kind) => kind >= 0)
        .sort(),
    ).toEqual([...Array(20).fill(0), ...Array(20).fill(1)]);
  });
});
