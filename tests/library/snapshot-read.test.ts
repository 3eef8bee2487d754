import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibrary, snapshotPath } from '../../src/library/build.js';
import { decodeSnapshot, decodeSnapshotOfSalt, readSnapshotChecked, SnapshotError } from '../../src/library/snapshot.js';
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

  it('gives the file bytes and the checksum of the body as the footer places it', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const file = snapshotPath(data, corpus);
    const onDisk = readFileSync(file);
    const read = (await readSnapshotChecked(file))!;
    expect(read.buf.equals(onDisk)).toBe(true);
    // Typed-array views need the buffer to start on 8 bytes.
    expect(read.buf.byteOffset % 8).toBe(0);
    const footerStart = onDisk.length - 8 - 4 - onDisk.readUInt32LE(onDisk.length - 12);
    expect(read.bodyCrc).toBe(crc32(onDisk.subarray(8, footerStart)));
    const fromThread = decodeSnapshot(read, null)!;
    const here = decodeSnapshot(onDisk, null)!;
    expect(fromThread.segment.articles.map((a) => [a.id, a.text])).toEqual(here.segment.articles.map((a) => [a.id, a.text]));
    expect(fromThread.key).toBe(here.key);
  });

  it('read by two threads, each a part, gives the same bytes and checksum; a damaged one is still found damaged', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const file = snapshotPath(data, corpus);
    const one = (await readSnapshotChecked(file))!;
    const two = (await readSnapshotChecked(file, 0))!;
    expect(two.buf.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(one.buf.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(two.buf.equals(one.buf)).toBe(true);
    expect(two.bodyCrc).toBe(one.bodyCrc);
    const a = decodeSnapshot(two, null)!;
    expect(a.segment.articles.map((x) => [x.id, x.text, x.sentences.length])).toEqual(decodeSnapshot(one, null)!.segment.articles.map((x) => [x.id, x.text, x.sentences.length]));
    // A byte of the body in the second thread's part.
    const buf = readFileSync(file);
    const footerStart = buf.length - 8 - 4 - buf.readUInt32LE(buf.length - 12);
    const at = Math.floor((Math.floor(buf.length * 0.45) + footerStart) / 2);
    expect(at).toBeGreaterThan(buf.length * 0.45);
    buf[at] = buf[at]! ^ 0xff;
    writeFileSync(file, buf);
    const damaged = (await readSnapshotChecked(file, 0))!;
    expect(damaged.buf.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(() => decodeSnapshot(damaged, null)).toThrow('checksum mismatch');
  });

  it('the checksum computed on the thread is the one checked', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const read = (await readSnapshotChecked(snapshotPath(data, corpus)))!;
    expect(() => decodeSnapshot({ buf: read.buf, bodyCrc: (read.bodyCrc! ^ 1) >>> 0 }, null)).toThrow(SnapshotError);
  });

  it('resolves to null when there is no snapshot, and a damaged one is found damaged', async () => {
    expect(await readSnapshotChecked(path.join(root, 'none.snap'))).toBeNull();
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger: silent });
    const file = snapshotPath(data, corpus);
    const buf = readFileSync(file);
    buf[20] = buf[20]! ^ 0xff;
    writeFileSync(file, buf);
    const read = (await readSnapshotChecked(file))!;
    expect(() => decodeSnapshot(read, null)).toThrow('checksum mismatch');
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
