/** markDuplicatesDelta: after removals and additions, the same marks as markDuplicates over the whole corpus. */
import { describe, expect, it } from 'vitest';
import { articleFingerprint, ingestText, markDuplicates, markDuplicatesDelta, type Fingerprint } from '../../src/ingest/index.js';
import type { Article } from '../../src/core/types.js';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'minister said the talks would resume after the border incident while officials in the capital denied any troop movement near the river crossing and the opposition called for an inquiry into the contract'.split(' ');

/**
 * A corpus of few stories in many versions: exact copies, copies with a word or two edited or a
 * sentence cut (near copies that LSH buckets hold together), and template stories whose figures differ.
 */
function makeCorpus(rand: () => number, count: number, prefix: string): Article[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const stories = Array.from({ length: 2 }, () => Array.from({ length: 60 }, () => pick(WORDS)));
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const words = [...pick(stories)];
    const kind = rand();
    // Edits of every size, so that some versions are copies of each other and some only through a third.
    if (kind < 0.6) for (let e = Math.floor(rand() * 9); e > 0; e--) words[Math.floor(rand() * words.length)] = pick(WORDS);
    else if (kind < 0.75) words.splice(Math.floor(rand() * 40), 5 + Math.floor(rand() * 15));
    else if (kind < 0.85) words.push(`${Math.floor(rand() * 3) * 100} tonnes`, `in ${1990 + Math.floor(rand() * 3)}`);
    const text = `${words.slice(0, 30).join(' ')}.\n\n${words.slice(30).join(' ')}.`;
    const published = rand() < 0.2 ? undefined : `2025-07-${String(1 + Math.floor(rand() * 4)).padStart(2, '0')}`;
    out.push(ingestText(text, { id: `${prefix}${String(Math.floor(rand() * 1e6)).padStart(6, '0')}-${i}.txt`, meta: published ? { published } : {} }));
  }
  return out;
}

const marks = (articles: readonly Article[]) => articles.map((a) => `${a.id}→${a.duplicateOf ?? '-'}`);

describe('markDuplicatesDelta', () => {
  it('marks as a full markDuplicates does after random removals, additions and edits (200 corpora)', () => {
    let groupsChanged = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rand = random(seed);
      const before = makeCorpus(rand, 30 + Math.floor(rand() * 60), 'a');
      // Half the runs fingerprint only what markDuplicates fingerprinted (the first of each text), as a restart does.
      const prints = new Map<Article, Fingerprint | null>();
      const cached = (a: Article) => {
        if (!prints.has(a)) prints.set(a, articleFingerprint(a) ?? null);
        return prints.get(a) ?? undefined;
      };
      const known = seed % 2 === 0 ? (a: Article) => prints.get(a) : undefined;
      markDuplicates(before, cached);
      const earlier = new Map(before.map((a) => [a, a.duplicateOf]));
      // Remove some, add some new ones (some under a removed article's id: an edited file).
      const removed = before.filter(() => rand() < 0.15);
      const kept = before.filter((a) => !removed.includes(a));
      const fresh = makeCorpus(rand, Math.floor(rand() * 6), 'b');
      for (const r of removed) if (rand() < 0.5) fresh.push(ingestText(`${r.text} Correction: a figure was wrong.`, { id: r.id, meta: r.meta }));
      const now = [...kept, ...fresh];
      markDuplicatesDelta(now, removed, new Set(fresh), cached, known);
      const got = marks(now);
      const exact = now.map((a) => ingestText(a.text, { id: a.id, meta: a.meta }));
      markDuplicates(exact);
      expect(got, `seed ${seed}`).toEqual(marks(exact));
      if (kept.some((a) => a.duplicateOf !== earlier.get(a))) groupsChanged++;
    }
    // The corpora must exercise groups that change, not only untouched ones.
    expect(groupsChanged).toBeGreaterThan(50);
  });

  it('keeps the marks when nothing changed', () => {
    const corpus = makeCorpus(random(7), 40, 'a');
    markDuplicates(corpus);
    const earlier = marks(corpus);
    markDuplicatesDelta(corpus, [], new Set());
    expect(marks(corpus)).toEqual(earlier);
  });
});
