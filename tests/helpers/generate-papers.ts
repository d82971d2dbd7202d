/**
 * A deterministic generator of realistic papers for tests and benchmarks: titles of about 80
 * characters, 1-9 authors, abstracts of about 1,200 characters, some with repos.
 */
import { readFileSync } from 'node:fs';
import type { Paper } from '../../lib/digest/schema';

// Abstract text is drawn from the bundled digest's real abstracts, so that word frequencies (and
// an index over them) look like real ones; each paper adds two coined names, the long tail.
const REAL_WORDS = (
  JSON.parse(readFileSync(new URL('../../assets/digest.json', import.meta.url), 'utf8')) as {
    papers: { abstract: string }[];
  }
).papers
  .map((paper) => paper.abstract)
  .join(' ')
  .split(/\s+/);
const SYLLABLES = 'ka ro mi tz ex ul an vi qo de sa ph or ix ne'.split(' ');

const WORDS = (
  'learning neural network transformer attention language model vision graph diffusion ' +
  'reinforcement policy optimization generalization robust efficient sparse scaling benchmark ' +
  'dataset retrieval reasoning instruction tuning multimodal contrastive representation ' +
  'adversarial federated continual memory compression distillation quantization pruning ' +
  'embedding alignment evaluation synthesis segmentation detection tracking generative ' +
  'probabilistic causal inference bayesian kernel spectral manifold temporal recurrent'
).split(' ');
const FIRST =
  'Ada Alan Grace Tim Barbara Donald Edsger John Leslie Margaret Ken Dennis Radia Yann Fei Andrew Geoffrey Yoshua Daphne Judea'.split(
    ' ',
  );
const LAST =
  'Lovelace Turing Hopper Berners Liskov Knuth Dijkstra McCarthy Lamport Hamilton Thompson Ritchie Perlman LeCun Li Ng Hinton Bengio Koller Pearl Sutskever Karpathy Vaswani Shazeer Parmar Uszkoreit Jones Gomez Kaiser Polosukhin'.split(
    ' ',
  );

/** A small, seedable pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatePapers(count: number, seed = 1): Paper[] {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const papers: Paper[] = [];
  for (let i = 0; i < count; i += 1) {
    const year = 15 + Math.floor(next() * 10);
    const month = 1 + Math.floor(next() * 12);
    const id = `${year}${String(month).padStart(2, '0')}.${String(10_000 + i).slice(-5)}`;
    let title = words(9);
    title = `${title[0]?.toUpperCase()}${title.slice(1)} ${i}`;
    const authors = Array.from(
      { length: 1 + Math.floor(next() * 9) },
      () => `${pick(FIRST)} ${pick(LAST)}`,
    );
    const abstract = realisticAbstract(random(seed * 100_003 + i));
    const repos = next() < 0.3 ? [`${pick(LAST).toLowerCase()}/${pick(WORDS)}-${i}`] : [];
    papers.push({
      id,
      arxivId: id,
      title,
      abstract,
      authors,
      repos,
      links: [],
      publishedAt: `20${year}-${String(month).padStart(2, '0')}-15T00:00:00.000Z`,
    });
  }
  return papers;
}

function realisticAbstract(next: () => number): string {
  const coined = () =>
    Array.from({ length: 3 }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
  const parts: string[] = [`We present ${coined()}${Math.floor(next() * 100)}.`];
  while (parts.join(' ').length < 1_200) {
    const start = Math.floor(next() * (REAL_WORDS.length - 30));
    parts.push(REAL_WORDS.slice(start, start + 12 + Math.floor(next() * 18)).join(' '));
    if (parts.length === 4) parts.push(`Unlike ${coined()},`);
  }
  return parts.join(' ').slice(0, 1_200);
}
