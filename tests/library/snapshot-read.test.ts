import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibrary, snapshotPath } from '../../src/library/build.js';
import { decodeSnapshot, decodeSnapshotOfSalt } from '../../src/library/snapshot.js';
import { readSnapshotChecked } from '../../src/library/snapshot-file.js';
import { SnapshotError } from '../../src/library/snapshot-format.js';
import type { Analyser } from '../../src/core/ports.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('reading a snapshot on its own thread', () => {
  let root: string;
  let corpus: string;
  let data: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsdesk-snapread-'));
    corpus = path.join(root, 'corpus');
    data = path.join(root, 'data');
    mkdirSync(corpus, { recursive: true });
    writeFileSync(path.join(corpus, 'quake.md'), '---\ntitle: Earthquake strikes Gyumri\npublished: 2024-03-01\n---\nA strong earthquake struck Gyumri on Friday. Rescue teams arrived from Yerevan.\n');
    writeFileSync(path.join(corpus, 'oil.md'), '---\ntitle: Oil prices rise\npublished: 2024-03-02\n---\nOil prices rose on Monday after OPEC agreed to cut output.\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Where a snapshot file's regions lie, from its footer. */
  const regions = (buf: Buffer): { lazy: number; footerStart: number } => {
    const footerStart = buf.length - 8 - 4 - buf.readUInt32LE(buf.length - 12);
    const footer = JSON.parse(buf.toString('utf8', footerStart, buf.length - 12)) as { lazy: { bytes: number } };
    return { lazy: footer.lazy.bytes, footerStart };
  };

  it('reads the magic, the region a start needs and the footer, with that region\'s checksum; the lazy region stays in the file', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const file = snapshotPath(data, corpus);
    const onDisk = readFileSync(file);
    const { lazy, footerStart } = regions(onDisk);
    expect(lazy).toBeGreaterThan(0);
    const read = (await readSnapshotChecked(file))!;
    expect(read.buf.equals(Buffer.concat([onDisk.subarray(0, 8), onDisk.subarray(8 + lazy)]))).toBe(true);
    expect(read.file).toBeDefined();
    // Typed-array views need the buffer to start on 8 bytes.
    expect(read.buf.byteOffset % 8).toBe(0);
    expect(read.bodyCrc).toBe(crc32(onDisk.subarray(8 + lazy, footerStart)));
    const fromThread = decodeSnapshot(read, null)!;
    const here = decodeSnapshot(onDisk, null)!;
    const plain = (x: typeof here) => x.segment.articles.map((a) => JSON.parse(JSON.stringify(a)) as unknown);
    expect(plain(fromThread)).toEqual(plain(here));
    expect(fromThread.segment.articles.map((a) => a.meta.title)).toEqual(['Oil prices rise', 'Earthquake strikes Gyumri']);
    expect(fromThread.key).toBe(here.key);
  });

  it('an article read from the file is the article built: texts spanning blocks, more blocks than are kept, copy marks', async () => {
    // 90 articles of about 70 KiB: the lazy region is over 90 blocks (64 are kept), and most texts span two.
    const words = ['harbour', 'cranes', 'grain', 'vessels', 'tariffs', 'quotas', 'ministers', 'strikes'];
    for (let i = 0; i < 90; i++) {
      const body = Array.from({ length: 9000 }, (_, k) => words[(k * 7 + i) % words.length]).join(' ');
      writeFileSync(path.join(corpus, `big-${String(i).padStart(2, '0')}.md`), `---\ntitle: Port story ${i}\npublished: 2024-04-${String((i % 28) + 1).padStart(2, '0')}\n---\nStory ${i}. ${body}.\n`);
    }
    // An exact copy, marked as one.
    writeFileSync(path.join(corpus, 'quake-copy.md'), readFileSync(path.join(corpus, 'quake.md')));
    const count: Analyser<number> = { name: 'count', version: '1', analyse: (a) => a.text.length };
    const cold = await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent, analysers: [count] });
    const want = cold.library.articles.map((a) => JSON.parse(JSON.stringify(a)) as unknown);
    const read = (await readSnapshotChecked(snapshotPath(data, corpus)))!;
    expect(read.file).toBeDefined();
    const snap = decodeSnapshot(read, null)!;
    // Last to first, then first to last: blocks are read again after they left the kept ones.
    const articles = snap.segment.articles;
    const backwards = [...articles].reverse().map((a) => JSON.parse(JSON.stringify(a)) as unknown).reverse();
    expect(backwards).toEqual(want);
    const fresh = decodeSnapshot((await readSnapshotChecked(snapshotPath(data, corpus)))!, null)!;
    expect(fresh.segment.articles.map((a) => JSON.parse(JSON.stringify(a)) as unknown)).toEqual(want);
    expect(fresh.segment.articles.find((a) => a.id === 'quake.md')!.duplicateOf).toBe('quake-copy.md');
    expect(fresh.segment.articles.find((a) => a.id === 'big-42.md')!.annotations['count']).toBeGreaterThan(65536);
  });

  it('read by two threads, each a part, gives the same bytes and checksum; a damaged one is still found damaged', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const file = snapshotPath(data, corpus);
    const one = (await readSnapshotChecked(file))!;
    const two = (await readSnapshotChecked(file, 0))!;
    expect(two.buf.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(two.buf.equals(one.buf)).toBe(true);
    expect(two.bodyCrc).toBe(one.bodyCrc);
    const a = decodeSnapshot(two, null)!;
    expect(a.segment.articles.map((x) => [x.id, x.text, x.sentences.length])).toEqual(decodeSnapshot(one, null)!.segment.articles.map((x) => [x.id, x.text, x.sentences.length]));
    // A byte of the region read at start, in the second thread's part.
    const buf = readFileSync(file);
    const { lazy, footerStart } = regions(buf);
    const from = 8 + lazy;
    const split = from + Math.floor((footerStart - from) * 0.45);
    const at = Math.floor((split + footerStart) / 2);
    expect(at).toBeGreaterThan(split);
    buf[at] = buf[at]! ^ 0xff;
    writeFileSync(file, buf);
    const damaged = (await readSnapshotChecked(file, 0))!;
    expect(damaged.buf.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(() => decodeSnapshot(damaged, null)).toThrow('checksum mismatch');
  });

  it('the checksum computed on the thread is the one checked', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const read = (await readSnapshotChecked(snapshotPath(data, corpus)))!;
    expect(() => decodeSnapshot({ ...read, bodyCrc: (read.bodyCrc! ^ 1) >>> 0 }, null)).toThrow(SnapshotError);
  });

  it('resolves to null when there is no snapshot; a damaged lazy region is found when read from the file, and at once when read whole', async () => {
    expect(await readSnapshotChecked(path.join(root, 'none.snap'))).toBeNull();
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const file = snapshotPath(data, corpus);
    const buf = readFileSync(file);
    // Byte 20 is in the lazy region (it comes first): an article's metadata or text.
    expect(regions(buf).lazy).toBeGreaterThan(20);
    buf[20] = buf[20]! ^ 0xff;
    writeFileSync(file, buf);
    const read = (await readSnapshotChecked(file))!;
    const snap = decodeSnapshot(read, null)!;
    let told = 0;
    snap.lazy!.onDamage = () => told++;
    const readAll = () => snap.segment.articles.map((a) => [a.meta, a.text]);
    expect(readAll).toThrow('snapshot damaged');
    expect(readAll).toThrow(SnapshotError);
    expect(told).toBe(1);
    // The whole file in memory: checked when decoded.
    expect(() => decodeSnapshot(buf, null)).toThrow('checksum mismatch');
  });

  it('a start from a snapshot whose lazy region is damaged never serves its bytes: the read throws, is reported once, and the next start rebuilds', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const old = new Date(Date.now() - 3600_000);
    for (const f of ['quake.md', 'oil.md']) utimesSync(path.join(corpus, f), old, old);
    // Once more, so the manifest trusts the files' hashes and the start reads none.
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const file = snapshotPath(data, corpus);
    const buf = readFileSync(file);
    buf[20] = buf[20]! ^ 0xff;
    // In place, as a failing disk would: the same file, its footer and start region intact.
    const fd = openSync(file, 'r+');
    writeSync(fd, buf, 20, 1, 20);
    closeSync(fd);
    const warnings: string[] = [];
    const logger = { ...silent, warn: (_: unknown, msg?: string) => void warnings.push(msg ?? '') };
    const started = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(started.fromSnapshot).toBe(true);
    expect(warnings).toEqual([]);
    const oil = started.library.get('oil.md')!;
    expect(() => [oil.meta.title, oil.text]).toThrow(SnapshotError);
    expect(warnings.filter((w) => /snapshot damaged/.test(w))).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
    const next = await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    expect(next.fromSnapshot).toBe(false);
    expect(next.incremental).toBeUndefined();
    expect(next.library.get('oil.md')!.meta.title).toBe('Oil prices rise');
    expect(next.library.search('opec')[0]?.articleId).toBe('oil.md');
  });

  it('decodes a snapshot of the same salt while the key is computed: exact when unchanged, incremental when a file changed, rebuilt under another salt', async () => {
    const steps = (): { seen: string[]; onTiming: (step: string) => void } => {
      const seen: string[] = [];
      return { seen, onTiming: (step: string) => void seen.push(step) };
    };
    const cold = await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    // Old file times, so the hashes remembered by the cold start are trusted.
    const old = new Date(Date.now() - 3600_000);
    for (const f of ['quake.md', 'oil.md']) utimesSync(path.join(corpus, f), old, old);
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const same = steps();
    const again = await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent, onTiming: same.onTiming });
    expect(same.seen).toContain('snapshotDecode');
    expect(again.fromSnapshot).toBe(true);
    expect(again.library.articles.map((a) => a.id)).toEqual(cold.library.articles.map((a) => a.id));

    writeFileSync(path.join(corpus, 'oil.md'), '---\ntitle: Oil prices fall\npublished: 2024-03-02\n---\nOil prices fell on Monday; zanzibar traders said OPEC would wait.\n');
    const changed = steps();
    const restarted = await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent, onTiming: changed.onTiming });
    expect(changed.seen).toContain('snapshotDecode');
    expect(restarted.fromSnapshot).toBe(false);
    expect(restarted.incremental).toMatchObject({ reused: 1, ingested: 1, removed: 0 });
    expect(restarted.library.search('zanzibar')[0]?.articleId).toBe('oil.md');
    await restarted.settled;

    const other: Analyser<number> = { name: 'words', version: '1', analyse: () => 1 };
    const otherSalt = steps();
    const rebuilt = await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent, analysers: [other], onTiming: otherSalt.onTiming });
    expect(otherSalt.seen).not.toContain('snapshotDecode');
    expect(rebuilt.fromSnapshot).toBe(false);
    expect(rebuilt.incremental).toBeUndefined();
    expect(rebuilt.library.get('oil.md')!.annotations['words']).toBe(1);
  });

  it('decodeSnapshotOfSalt: null under another salt; the file list parsed on first read', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const read = (await readSnapshotChecked(snapshotPath(data, corpus)))!;
    expect(decodeSnapshotOfSalt(read, 'another salt')).toBeNull();
    const salt = decodeSnapshot(read, null)!.salt!;
    const decoded = decodeSnapshotOfSalt(read, salt)!;
    expect(decoded.exact).toBe(false);
    expect([...decoded.files.keys()].sort()).toEqual(['oil.md', 'quake.md']);
    expect(decoded.files).toBe(decoded.files);
  });
});
