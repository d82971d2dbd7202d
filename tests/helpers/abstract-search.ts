/** Papers whose abstracts have every word of `text` as typed: the abstract index asked directly. */
import { createAbstractLookup, type ReadBucket } from '@/lib/search/abstract-lookup';
import { queryWords } from '@/lib/search/query';
import { matchWords, wordSets } from '@/lib/search/word-sets';

export async function papersWithAbstractWords(
  readBucket: ReadBucket,
  stamp: string,
  paperCount: number,
  text: string,
): Promise<number[]> {
  const words = queryWords(text);
  const found = await createAbstractLookup(readBucket, stamp)(words);
  if (!found) return [];
  const { strict } = matchWords(
    words.length,
    (i) => {
      const word = words[i];
      if (!word || !found.indexed(word)) return { strict: null, loose: null };
      return wordSets(found.source, word, paperCount);
    },
    () => undefined,
  );
  return Array.from(strict ?? []);
}
