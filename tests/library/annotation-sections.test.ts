/**
 * Annotations in the snapshot: each analyser's results in a section of its own, read back equal,
 * and decoded per annotation on first read (a timeline reading `events` never parses `claims`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analyser, Logger } from '../../src/core/ports.js';
import { buildLibrary } from '../../src/library/build.js';

const logger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
const words: Analyser<{ count: number }> = { name: 'words', version: '1', analyse: (a) => ({ count: a.text.split(/\s+/).filter(Boolean).length }) };
// Only some articles get this one: the others must read it back as absent, not as null or {}.
const quakes: Analyser<string[] | undefined> = { name: 'quakes', version: '1', analyse: (a) => (/quake/i.test(a.text) ? ['quake'] : undefined) };

describe('annotations in the snapshot', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsdesk-ann-'));
    mkdirSync(path.join(root, 'corpus'));
    const file = (title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\npublished: 2024-03-01\n---\n${title}\n\n${body}\n`;
    writeFileSync(path.join(root, 'corpus', 'quake.md'), file('Earthquake strikes Gyumri', 'A strong earthquake struck Gyumri on Friday.'));
    writeFileSync(path.join(root, 'corpus', 'oil.md'), file('Oil prices rise', 'Oil prices rose on Monday after the producers met.'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads each annotation back equal, absent ones absent, and decodes one without the others', async () => {
    const opts = { corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data'), logger, analysers: [words, quakes] };
    const cold = await buildLibrary(opts);
    const warm = await buildLibrary(opts);
    expect(warm.fromSnapshot).toBe(true);
    const byId = (lib: typeof cold.library) => new Map(lib.articles.map((a) => [a.id, a]));
    const before = byId(cold.library);
    for (const article of warm.library.articles) {
      // One annotation read on its own gives the same value as through `annotations`.
      const one = (article as unknown as { annotation(name: string): unknown }).annotation('words');
      const ann = article.annotations;
      // Nothing decoded yet: both are still unread properties.
      expect(typeof Object.getOwnPropertyDescriptor(ann, 'words')?.get).toBe('function');
      expect((ann['words'] as { count: number }).count).toBeGreaterThan(3);
      expect(one).toEqual(ann['words']);
      // Reading `words` settled it and left `quakes` undecoded.
      expect(Object.getOwnPropertyDescriptor(ann, 'words')?.get).toBeUndefined();
      expect(Object.keys(ann)).toEqual(Object.keys(before.get(article.id)!.annotations).filter((k) => before.get(article.id)!.annotations[k] !== undefined));
      expect(JSON.parse(JSON.stringify(ann))).toEqual(JSON.parse(JSON.stringify(before.get(article.id)!.annotations)));
    }
    const oil = warm.library.articles.find((a) => a.id.includes('oil'))!;
    expect('quakes' in oil.annotations).toBe(false);
    const quake = warm.library.articles.find((a) => a.id.includes('quake'))!;
    expect(quake.annotations['quakes']).toEqual(['quake']);
    // Still assignable, as annotations of an article in memory are.
    quake.annotations['words'] = { count: 0 };
    expect(quake.annotations['words']).toEqual({ count: 0 });
  });

  it('reads back every copy of a value analysers share between identical copies', async () => {
    const corpus = path.join(root, 'corpus');
    const file = (title: string, body: string) => `---\ntitle: ${JSON.stringify(title)}\npublished: 2024-03-01\n---\n${title}\n\n${body}\n`;
    for (const n of [1, 2, 3]) writeFileSync(path.join(corpus, `quake-copy-${n}.md`), file('Earthquake strikes Gyumri', 'A strong earthquake struck Gyumri on Friday.'));
    // Like the analysers' memos: one object per text, shared by its copies (and a primitive for some).
    const shared = new Map<string, { words: string[] }>();
    const memo: Analyser<{ words: string[] }> = { name: 'memo', version: '1', analyse: (a) => shared.get(a.text) ?? shared.set(a.text, { words: a.text.split(/\s+/).slice(0, 4) }).get(a.text)! };
    const flag: Analyser<number> = { name: 'flag', version: '1', analyse: (a) => (a.id.includes('copy-2') ? 2 : 1) };
    const opts = { corpusDir: corpus, dataDir: path.join(root, 'data'), logger, analysers: [memo, flag] };
    const cold = await buildLibrary(opts);
    const warm = await buildLibrary(opts);
    expect(warm.fromSnapshot).toBe(true);
    const copies = cold.library.articles.filter((a) => a.id.includes('quake'));
    expect(copies).toHaveLength(4);
    expect(new Set(copies.map((a) => a.annotations['memo'])).size).toBe(1);
    for (const article of warm.library.articles) {
      const before = cold.library.articles.find((a) => a.id === article.id)!;
      expect(JSON.parse(JSON.stringify(article.annotations))).toEqual(JSON.parse(JSON.stringify(before.annotations)));
    }
  });
});
