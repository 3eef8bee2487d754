import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusKey, statFiles } from '../../src/library/corpus-key.js';
import { formatManifest, parseManifest, readManifest, writeManifest } from '../../src/library/corpus-manifest.js';

const EXT = ['.md', '.txt', '.json'];

describe('corpusKey', () => {
  let dir: string;
  const old = new Date(Date.now() - 3600_000);
  const put = (rel: string, text: string, when = old) => {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    utimesSync(file, when, when);
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-key-'));
    put('a.md', 'alpha');
    put('sub/b.txt', 'bravo');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is stable, and reuses remembered hashes for untouched files', async () => {
    const first = await corpusKey(dir, EXT, 'salt');
    expect(first.hashed).toBe(2);
    expect(first.files).toEqual(['a.md', 'sub/b.txt']);
    const again = await corpusKey(dir, EXT, 'salt', parseManifest(formatManifest(first.manifest)));
    expect(again.hashed).toBe(0);
    expect(again.key).toBe(first.key);
    expect((await corpusKey(dir, EXT, 'other salt')).key).not.toBe(first.key);
  });

  it('notices a same-size edit, a new file and a removed file', async () => {
    const first = await corpusKey(dir, EXT, 'salt');
    put('a.md', 'ALPHA', new Date(Date.now() - 1800_000));
    const edited = await corpusKey(dir, EXT, 'salt', first.manifest);
    expect(edited.hashed).toBe(1);
    expect(edited.key).not.toBe(first.key);
    put('c.json', '{}');
    const added = await corpusKey(dir, EXT, 'salt', edited.manifest);
    expect(added.key).not.toBe(edited.key);
    rmSync(path.join(dir, 'c.json'));
    expect((await corpusKey(dir, EXT, 'salt', added.manifest)).key).toBe(edited.key);
  });

  it('ignores hidden files and files ingest does not read', async () => {
    const first = await corpusKey(dir, EXT, 'salt');
    put('.hidden.md', 'x');
    put('.git/config.md', 'x');
    put('notes.docx', 'x');
    expect((await corpusKey(dir, EXT, 'salt')).key).toBe(first.key);
  });

  it('re-reads a file modified just before it was hashed (its time may not change on the next edit)', async () => {
    put('a.md', 'alpha', new Date());
    const first = await corpusKey(dir, EXT, 'salt');
    const again = await corpusKey(dir, EXT, 'salt', first.manifest);
    expect(again.hashed).toBe(1);
  });

  it('keys what symbolic links read: a link added, re-pointed or removed changes the key; a link inside is listed', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'newsdesk-key-out-'));
    try {
      writeFileSync(path.join(outside, 'one.md'), 'first target');
      writeFileSync(path.join(outside, 'two.md'), 'other target');
      utimesSync(path.join(outside, 'one.md'), old, old);
      utimesSync(path.join(outside, 'two.md'), old, old);
      const follow = { followSymlinks: true };
      const base = await corpusKey(dir, EXT, 'salt', null, follow);
      symlinkSync(path.join(outside, 'one.md'), path.join(dir, 'link.md'));
      symlinkSync('sub', path.join(dir, 'alias'));
      const linked = await corpusKey(dir, EXT, 'salt', base.manifest, follow);
      expect(linked.files).toEqual(['a.md', 'alias/b.txt', 'link.md', 'sub/b.txt']);
      expect(linked.key).not.toBe(base.key);
      // Same size, same times, another file: the remembered hash is not reused, and the key changes.
      unlinkSync(path.join(dir, 'link.md'));
      symlinkSync(path.join(outside, 'two.md'), path.join(dir, 'link.md'));
      const repointed = await corpusKey(dir, EXT, 'salt', linked.manifest, follow);
      expect(repointed.hashed).toBe(1);
      expect(repointed.key).not.toBe(linked.key);
      // The target edited in place.
      writeFileSync(path.join(outside, 'two.md'), 'OTHER TARGET');
      const edited = await corpusKey(dir, EXT, 'salt', repointed.manifest, follow);
      expect(edited.key).not.toBe(repointed.key);
      // Refused without CORPUS_FOLLOW_SYMLINKS: not read, but keyed as skipped, so adding or removing it still changes the key.
      const refused = await corpusKey(dir, EXT, 'salt', edited.manifest);
      expect(refused.files).toEqual(['a.md', 'alias/b.txt', 'sub/b.txt']);
      expect(refused.listing.skipped).toEqual([{ file: 'link.md', reason: expect.stringMatching(/outside the corpus folder/) }]);
      unlinkSync(path.join(dir, 'link.md'));
      const gone = await corpusKey(dir, EXT, 'salt', refused.manifest);
      expect(gone.key).not.toBe(refused.key);
      unlinkSync(path.join(dir, 'alias'));
      expect((await corpusKey(dir, EXT, 'salt', gone.manifest)).key).toBe(base.key);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does not hang on a symbolic link loop', async () => {
    symlinkSync(dir, path.join(dir, 'sub', 'up'));
    symlinkSync(path.join(dir, 'sub'), path.join(dir, 'sub', 'self'));
    const key = await corpusKey(dir, EXT, 'salt');
    expect(key.files).toEqual(['a.md', 'sub/b.txt']);
  });

  it('stats on a thread of its own exactly as on this one (sizes, times, -1 for a missing file)', async () => {
    put('sub/é ü.md', 'unicode name');
    const files = ['a.md', 'sub/b.txt', 'sub/é ü.md', 'gone.md'];
    const base = dir + path.sep;
    const here = await statFiles(base, files, false);
    const thread = await statFiles(base, files, true);
    expect(Array.from(thread)).toEqual(Array.from(here));
    expect(here[0]).toBe(5);
    expect(here[1]).toBe(statSync(path.join(dir, 'a.md')).mtimeMs);
    expect(Array.from(here.subarray(6))).toEqual([-1, -1]);
  });

  it('gives the same key and manifest whether the files are stat\'ed on a thread or here, and reads a manifest given as a function', async () => {
    const first = await corpusKey(dir, EXT, 'salt', null, {}, false);
    put('a.md', 'ALPHA!', new Date(Date.now() - 1800_000));
    put('c.md', 'charlie');
    let reads = 0;
    const manifest = () => (reads++, parseManifest(formatManifest(first.manifest)));
    const here = await corpusKey(dir, EXT, 'salt', first.manifest, {}, false);
    const thread = await corpusKey(dir, EXT, 'salt', manifest, {}, true);
    expect(reads).toBe(1);
    expect(thread.key).toBe(here.key);
    expect(thread.hashed).toBe(2);
    expect(thread.newContent).toEqual(['a.md', 'c.md']);
    const { entries, stats, hashes } = parseManifest(formatManifest(thread.manifest))!;
    expect({ entries, stats: Array.from(stats), hashes }).toEqual({ entries: here.manifest.entries, stats: Array.from(here.manifest.stats), hashes: here.manifest.hashes });
  });

  it('keeps a manifest in bytes and reads it back as it was: names, links, sizes, times, hashes', () => {
    const m = {
      hashedAt: 1733270000123.5,
      entries: ['a.md', 'sub/é ü.md', 'sub/link.md\u0000/elsewhere/real.md', 'z.txt'],
      stats: [5, 1733260000000.25, 12, 1733260000001, 7, 1733260000002.125, 0, 1733260000003],
      hashes: ['f'.repeat(40), '0123456789abcdef0123456789abcdef01234567', 'unreadable', ''],
    };
    const back = parseManifest(formatManifest(m))!;
    expect({ ...back, stats: Array.from(back.stats) }).toEqual(m);
    expect(parseManifest(formatManifest({ hashedAt: 1, entries: [], stats: [], hashes: [] }))).toEqual({ hashedAt: 1, entries: [], stats: new Float64Array(0), hashes: [] });
  });

  it.each([true, false])('reads the manifest file (on the stat thread: %s); a damaged one lends no hash, so every file is read again and the key is right', async (thread) => {
    put('sub/é ü.md', 'unicode name');
    const file = path.join(dir, '..', `${path.basename(dir)}.files`);
    try {
      const first = await corpusKey(dir, EXT, 'salt', null, {}, thread);
      writeManifest(file, first.manifest, { debug() {}, info() {}, warn() {}, error() {} });
      const again = await corpusKey(dir, EXT, 'salt', () => readManifest(file), {}, thread);
      expect(again.hashed).toBe(0);
      expect(again.key).toBe(first.key);
      // The thread started before the listing ends with it when the folder is gone.
      await expect(corpusKey(path.join(dir, 'gone'), EXT, 'salt', () => readManifest(file), {}, thread)).rejects.toThrow();
      // One changed hash byte: without the checksum, a.md would keep a wrong hash (and the key a wrong state).
      const bytes = readFileSync(file);
      const at = bytes.indexOf(Buffer.from(first.manifest.hashes[0]!, 'hex'));
      expect(at).toBeGreaterThan(0);
      bytes[at] = bytes[at]! ^ 1;
      writeFileSync(file, bytes);
      expect(parseManifest(bytes)).toBeNull();
      const damaged = await corpusKey(dir, EXT, 'salt', () => readManifest(file), {}, thread);
      expect(damaged.hashed).toBe(3);
      expect(damaged.key).toBe(first.key);
      // The first text format is still read: an upgrade re-reads no file.
      const m = first.manifest;
      const text = [`newsdesk-files\t1\t${m.hashedAt}`, ...m.entries.map((e, i) => `${e}\t${m.stats[2 * i]}\t${m.stats[2 * i + 1]}\t${m.hashes[i]}`)].join('\n');
      writeFileSync(file, text);
      const upgraded = await corpusKey(dir, EXT, 'salt', () => readManifest(file), {}, thread);
      expect(upgraded.hashed).toBe(0);
      expect(upgraded.key).toBe(first.key);
      put('a.md', 'ALPHA', new Date(Date.now() - 1800_000));
      writeManifest(file, upgraded.manifest, { debug() {}, info() {}, warn() {}, error() {} });
      const edited = await corpusKey(dir, EXT, 'salt', () => readManifest(file), {}, thread);
      expect(edited.hashed).toBe(1);
      expect(edited.newContent).toEqual(['a.md']);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('rejects a manifest that is not one', () => {
    expect(parseManifest('{"hashedAt":1}')).toBeNull();
    expect(parseManifest('')).toBeNull();
  });
});
