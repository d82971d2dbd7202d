import { describe, expect, it } from 'vitest';
import { citedEntries } from '@/lib/reading-list/cited';
import { toBibTeX } from '@/lib/reading-list/export';
import { databasePerTest, putPaperRows } from '../../helpers/db';
import { paper, readingEntry } from '../../helpers/digests';

describe('what an export knows of where a saved paper was published', () => {
  const db = databasePerTest();

  it('takes the venue and DOI from the paper in the digest', async () => {
    await putPaperRows(db, [
      {
        ...paper({ doi: '10.18653/v1/n19-1423', id: '1810.04805', arxivId: '1810.04805' }),
        sourceId: 'bundled',
      },
    ]);
    const [cited] = await citedEntries(db, [
      readingEntry({ paperId: '1810.04805', arxivId: '1810.04805' }),
    ]);
    expect(cited?.venue).toEqual({ name: 'NAACL 2019', year: 2019, kind: 'proceedings' });
    expect(cited?.doi).toBe('10.18653/v1/n19-1423');
    // Cited with the venue's year, also in its key; the venue's acronym keeps its capitals.
    expect(toBibTeX(cited ? [cited] : [])).toMatch(
      /^@inproceedings\{brown2019language,\n[\s\S]*booktitle = \{\{NAACL\} 2019\},\n {2}year = \{2019\}/,
    );
  });

  it("reads the entry's own links once the paper has left the digest", async () => {
    const [cited] = await citedEntries(db, [
      readingEntry({
        links: [
          'https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html',
        ],
      }),
    ]);
    expect(cited?.venue?.name).toBe('NeurIPS 2020');
    expect(cited).not.toHaveProperty('doi');
  });

  it('says nothing of a venue when nothing names one', async () => {
    const [cited] = await citedEntries(db, [readingEntry()]);
    expect(cited).not.toHaveProperty('venue');
  });
});
