import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildLibrary, snapshotPath } from '../../src/library/build.js';
import { decodeSnapshot, readSnapshotChecked, SnapshotError } from '../../src/library/snapshot.js';

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
});
