/**
 * The content key of a corpus folder, computed without ingesting it: every file's relative
 * path and content hash, plus whatever else decides the index (format, analysers, ingest rules).
 * A restart over an unchanged folder gets the same key and loads the snapshot.
 *
 * Hashing 100,000 files on every start would cost seconds, so the hashes are remembered in a
 * manifest (path → size, mtime, hash), as git's index does: a file whose size and mtime are
 * unchanged, and was not modified in the moments before it was hashed, keeps its hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { walkCorpus, type CorpusListing, type SymlinkPolicy } from '../ingest/corpus-walk.js';
import { takeTurns } from '../core/take-turns.js';
import { makeDirectory } from '../core/make-dir.js';
import type { Logger } from '../core/ports.js';
import { ManifestCursor, manifestBytes, type FileManifest } from './corpus-manifest.js';

/** How many files are read at once; enough to hide disk latency without exhausting descriptors. */
const CONCURRENCY = 32;
/** A file modified this close to when it was hashed may have changed again within the same mtime tick. */
const RACY_MS = 2000;

/**
 * The share of the files the stat thread stats; this thread stats the rest meanwhile (it would mostly
 * wait: the snapshot is read on threads of its own then, and the key is what the restart waits for).
 */
const STAT_THREAD_SHARE = 0.5;

/** From this many files on, they are stat'ed on a thread of their own (starting one costs tens of milliseconds). */
const STAT_THREAD_FILES = 4000;

/**
 * The stat thread: plain JavaScript on Node's built-ins (no loader needed). Paths come joined by NUL
 * (which no file name holds); sizes and mtimes go back in one transferred array, -1 for a file that
 * cannot be stat'ed.
 *
 * Given the manifest file (`manifest`), it also reads it (the binary format of {@link formatManifest})
 * and compares it with the files: per file, the manifest entry of the same name (`match`, -1 when
 * none) and whether its hash can be kept (`keep`: same size and mtime, not modified just before it was
 * hashed). Then the calling thread only turns the kept hashes into text. `manifest` in the reply: `used`,
 * `none` (no file), `damaged` (not one, or its checksum fails: no hash is kept), `text` (an older text manifest: the caller reads it).
 */
const STATTER = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync, readFileSync } = require('node:fs');
const { crc32 } = require('node:zlib');
const { base, manifest, racyMs } = workerData;
// The binary manifest (see formatManifest), or null when damaged.
function parse(buf) {
  if (buf.length < 36 || buf.toString('latin1', 0, 8) !== 'NDFILES2') return null;
  const body = buf.length - 4;
  if (crc32(buf.subarray(0, body)) !== buf.readUInt32LE(body)) return null;
  const hashedAt = buf.readDoubleLE(8);
  const n = buf.readUInt32LE(16);
  const blobBytes = buf.readUInt32LE(20);
  const statsEnd = 32 + 16 * n;
  const endsEnd = statsEnd + 4 * n;
  const flagsEnd = endsEnd + n;
  const hashesEnd = flagsEnd + 20 * n;
  if (hashesEnd + blobBytes !== body) return null;
  const stats = new Float64Array(2 * n);
  Buffer.from(stats.buffer).set(buf.subarray(32, statsEnd));
  const ends = new Uint32Array(n);
  Buffer.from(ends.buffer).set(buf.subarray(statsEnd, endsEnd));
  const flags = new Uint8Array(buf.subarray(endsEnd, flagsEnd));
  const hashes = new Uint8Array(buf.subarray(flagsEnd, hashesEnd));
  const blob = buf.subarray(hashesEnd, body);
  for (let i = 0, start = 0; i < n; start = ends[i++] + 1) if (ends[i] < start || ends[i] > blob.length) return null;
  const entries = () => {
    const out = new Array(n);
    for (let i = 0, start = 0; i < n; start = ends[i++] + 1) out[i] = blob.toString('utf8', start, ends[i]);
    return out;
  };
  return { hashedAt, stats, flags, hashes, blob, links: buf.readUInt32LE(24) !== 0, entries };
}
// Started before the corpus is listed: the manifest is read meanwhile, then the list comes.
let manifestBytes = null;
if (manifest) {
  try {
    manifestBytes = readFileSync(manifest);
  } catch {}
}
let count;
let list;
let links;
let out;
parentPort.once('message', (job) => {
  ({ list, links } = job);
  const own = job.own;
  // Only its own part is split into names (100,000 strings make work for this thread's collector); all only if the manifest needs them.
  const mine = job.mine.split('\\u0000');
  count = job.count;
  out = new Float64Array(count * 2);
  // The first \`own\` files are stat'ed here; the calling thread stats the rest meanwhile and sends their stats.
  if (own < count) {
    parentPort.once('message', (rest) => {
      out.set(rest, 2 * own);
      finish();
    });
  }
  for (let i = 0; i < own; i++) {
    let size = -1;
    let mtime = -1;
    try {
      const st = statSync(base + mine[i]);
      size = st.size;
      mtime = st.mtimeMs;
    } catch {}
    out[2 * i] = size;
    out[2 * i + 1] = mtime;
  }
  if (own >= count) finish();
});
function finish() {
const reply = { stats: out, manifest: 'none' };
const transfer = [out.buffer];
if (manifest) {
  const buf = manifestBytes;
  if (buf && buf.length >= 8 && buf.toString('latin1', 0, 8) !== 'NDFILES2') reply.manifest = 'text';
  else if (buf) {
    const m = parse(buf);
    if (!m) reply.manifest = 'damaged';
    else {
      reply.manifest = 'used';
      const n = count;
      const match = new Int32Array(n).fill(-1);
      const keep = new Uint8Array(n);
      if (!links && !m.links && m.blob.length === Buffer.byteLength(list) && m.blob.toString('utf8') === list) {
        for (let i = 0; i < n; i++) match[i] = i;
      } else {
        // Names as the manifest keeps them: the path, or path NUL target for a followed link.
        const files = list.split('\\u0000');
        const names = links ? files.slice() : files;
        if (links) for (const [i, target] of links) names[i] = files[i] + '\\u0000' + target;
        const entries = m.entries();
        const pathOf = (e) => { const z = e.indexOf('\\u0000'); return z < 0 ? e : e.slice(0, z); };
        let at = 0;
        for (let i = 0; i < n; i++) {
          const name = names[i];
          if (at < entries.length && entries[at] === name) { match[i] = at++; continue; }
          const p = pathOf(name);
          while (at < entries.length && pathOf(entries[at]) < p) at++;
          for (let j = at; j < entries.length && pathOf(entries[j]) === p; j++) if (entries[j] === name) { match[i] = j; break; }
        }
      }
      for (let i = 0; i < n; i++) {
        const j = match[i];
        if (j >= 0 && m.flags[j] !== 2 && m.stats[2 * j] === out[2 * i] && m.stats[2 * j + 1] === out[2 * i + 1] && out[2 * i + 1] < m.hashedAt - racyMs) keep[i] = 1;
      }
      Object.assign(reply, { match, keep, hashes: m.hashes, flags: m.flags });
      transfer.push(match.buffer, keep.buffer);
    }
  }
}
parentPort.postMessage(reply, transfer);
}
`;

/** Size and mtime of each file on this thread, `[size0, mtime0, size1, …]` (-1 when it cannot be stat'ed), handing the event loop back now and then. */
async function statHere(base: string, files: readonly string[]): Promise<Float64Array> {
  const out = new Float64Array(files.length * 2);
  // 100,000 stats take most of a second: the loop hands the event loop back now and then (a bot may be connected).
  const turn = takeTurns();
  for (let i = 0; i < files.length; i++) {
    if (i % 256 === 255) await turn();
    let size = -1;
    let mtime = -1;
    try {
      const st = statSync(base + files[i]!);
      size = st.size;
      mtime = st.mtimeMs;
    } catch {
      // Vanished or unreadable: hashed as such.
    }
    out[2 * i] = size;
    out[2 * i + 1] = mtime;
  }
  return out;
}

/** What the stat thread sends back (see `STATTER`). */
interface StatReply {
  stats: Float64Array;
  manifest: 'used' | 'none' | 'damaged' | 'text';
  match?: Int32Array;
  keep?: Uint8Array;
  hashes?: Uint8Array;
  flags?: Uint8Array;
}

/** A stat thread started before the files are listed (see `STATTER`). */
interface StatThread {
  /** Stats `files` (the first `own` on the thread, the rest here meanwhile); null when the thread cannot run or died. */
  run(files: readonly string[], links: Array<[number, string]> | null, own?: number): Promise<StatReply | null>;
  /** Ends the thread unused. */
  stop(): void;
}

/** Starts a stat thread, which reads the manifest file `manifest` while the files are listed. */
function startStatThread(base: string, manifest: string | null): StatThread {
  let worker: Worker | null = null;
  let reply: ((r: StatReply | null) => void) | null = null;
  let early: StatReply | null | undefined;
  let settled = false;
  const settle = (r: StatReply | null): void => {
    if (settled) return;
    settled = true;
    void worker?.terminate();
    if (reply) reply(r);
    else early = r;
  };
  try {
    worker = new Worker(STATTER, { eval: true, workerData: { base, manifest, racyMs: RACY_MS }, stdout: true, stderr: true });
    worker.once('message', (r: StatReply) => settle(r));
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
  } catch {
    settle(null);
  }
  return {
    run(files, links, own = files.length) {
      return new Promise<StatReply | null>((resolve) => {
        const check = (r: StatReply | null): void => resolve(r && r.stats.length === files.length * 2 ? r : null);
        if (settled) return check(early ?? null);
        reply = check;
        const list = files.join('\u0000');
        // The thread's own files are the first of the list: a prefix of it (joining them again cost a second pass over 100,000 strings).
        let ownChars = Math.max(0, own - 1);
        for (let i = 0; i < own && i < files.length; i++) ownChars += files[i]!.length;
        const mine = own >= files.length ? list : list.slice(0, ownChars);
        worker!.postMessage({ list, mine, count: files.length, links, own });
        if (own < files.length) {
          // The rest here, meanwhile (this thread mostly waits otherwise), handed over once done.
          statHere(base, files.slice(own)).then(
            (rest) => {
              if (!settled) worker!.postMessage(rest, [rest.buffer as ArrayBuffer]);
            },
            () => settle(null),
          );
        }
      });
    },
    stop() {
      settle(null);
    },
  };
}

/**
 * {@link statHere} on a thread of its own, so this thread is free meanwhile (a restart decodes the
 * snapshot then); here when the thread cannot run.
 */
export async function statFiles(base: string, files: readonly string[], thread = files.length >= STAT_THREAD_FILES): Promise<Float64Array> {
  if (!thread || files.length === 0) return statHere(base, files);
  return (await startStatThread(base, null).run(files, null))?.stats ?? statHere(base, files);
}

/**
 * The files under `dir` that ingest reads (hidden files and folders skipped, symbolic links by
 * the corpus rule), as paths relative to `dir`, sorted.
 * @param extensions - lower-case name endings to keep, e.g. ".md"
 */
export function listCorpusFiles(dir: string, extensions: readonly string[], policy: SymlinkPolicy = {}): string[] {
  return walkCorpus(dir, extensions, policy).files;
}

/** What {@link corpusKey} gives. */
export interface CorpusKey {
  key: string;
  /** The manifest to keep for next time. */
  manifest: FileManifest;
  /** How many files had to be read. */
  hashed: number;
  /** The files ingest reads (relative, sorted). */
  files: string[];
  /**
   * Per file (aligned with `files`), what it adds to the key besides its path: its content hash
   * and the target of a followed link. Equal entries mean ingest would read the same thing.
   */
  entries: string[];
  /** The whole listing: files, the real paths of linked ones, and what was skipped. */
  listing: CorpusListing;
  /** Files (in `files` order) whose content the previous manifest did not know: new, or changed since it was saved. */
  newContent: string[];
}

/**
 * The manifest's name for each listed file: its path, or for a followed link its path and target
 * joined by NUL, so a re-pointed link is hashed afresh.
 */
export function manifestEntries(listing: CorpusListing): readonly string[] {
  const linked = listing.linked;
  return linked.size ? listing.files.map((f) => (linked.has(f) ? `${f}\u0000${linked.get(f)!}` : f)) : listing.files;
}

/**
 * Hashes a corpus folder's files and `salt` into one key. The key is of what ingest reads: the
 * content reached through a followed symbolic link, with the link's real target (so re-pointing
 * a link changes it), and every skipped link or unreadable folder (so adding or removing one does).
 * @param extensions - the file endings ingest reads
 * @param salt - format and analyser versions; a change in them changes the key
 * @param previousManifest - the manifest from the last run, to skip re-reading unchanged files (or a function reading it)
 * @param policy - how symbolic links are treated (as ingest treats them)
 * @param statThread - stat the files on a thread of their own. @defaultValue from 4,000 files on
 * @throws NewsdeskError with code `corpus` when the folder is missing or cannot be read
 */
export async function corpusKey(
  dir: string,
  extensions: readonly string[],
  salt: string,
  previousManifest?: FileManifest | null | (() => FileManifest | null),
  policy: SymlinkPolicy = {},
  statThread?: boolean,
): Promise<CorpusKey> {
  const hashedAt = Date.now();
  // Paths joined by hand: path.join normalises each of 100,000 paths, which costs more than the stat.
  const base = dir.endsWith(path.sep) || dir.endsWith('/') ? dir : dir + path.sep;
  let previous = typeof previousManifest === 'function' ? previousManifest() : previousManifest;
  // A large manifest means a large corpus: its stat thread starts (and reads the manifest) while the files are listed.
  const pending = statThread !== false && previous?.source && (statThread || manifestBytes(previous.source) > STAT_THREAD_FILES * 32) ? startStatThread(base, previous.source) : null;
  let listing: CorpusListing;
  try {
    listing = walkCorpus(dir, extensions, policy);
  } catch (err) {
    pending?.stop();
    throw err;
  }
  // Listing 100,000 files takes a few tenths of a second: the event loop turns before the next stretch (a bot may be connected).
  if (listing.files.length >= STAT_THREAD_FILES) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  const files = listing.files;
  const digests = new Array<string>(files.length);
  const toRead: number[] = [];
  const names = manifestEntries(listing);
  /** Per file, the hash the previous manifest remembered for it (also when it changed since). */
  let remembered: (i: number) => string | undefined = () => undefined;
  const thread = files.length > 0 && (statThread ?? files.length >= STAT_THREAD_FILES);
  // On their thread, the files are stat'ed and compared with a manifest read from its file there too.
  const links = listing.linked.size ? files.flatMap((f, i): Array<[number, string]> => (listing.linked.has(f) ? [[i, listing.linked.get(f)!]] : [])) : null;
  if (!thread) pending?.stop();
  const reply = thread ? await (pending ?? startStatThread(base, previous?.source ?? null)).run(files, links, Math.ceil(files.length * STAT_THREAD_SHARE)) : null;
  const stats = reply?.stats ?? (await statHere(base, files));
  if (reply?.manifest === 'used' && reply.match && reply.keep && reply.hashes && reply.flags) {
    const { match, keep, flags } = reply;
    const hashes = Buffer.from(reply.hashes.buffer, reply.hashes.byteOffset, reply.hashes.byteLength);
    const hashAt = (j: number): string | undefined => (flags[j] === 0 ? hashes.toString('hex', 20 * j, 20 * j + 20) : flags[j] === 1 ? 'unreadable' : undefined);
    for (let i = 0; i < files.length; i++) {
      if (keep[i]) digests[i] = hashAt(match[i]!)!;
      else toRead.push(i);
    }
    remembered = (i) => (match[i]! >= 0 ? hashAt(match[i]!) : undefined);
  } else {
    // Here: no thread, or a manifest the thread did not read (an older text one). A damaged one or none keeps no hash.
    if (reply && previous?.source && reply.manifest !== 'text') previous = null;
    const known = new Array<string | undefined>(files.length);
    const cursor = previous ? new ManifestCursor(previous) : null;
    for (let i = 0; i < files.length; i++) {
      const size = stats[2 * i]!;
      const mtime = stats[2 * i + 1]!;
      const j = cursor ? cursor.find(names[i]!) : -1;
      const hash = j >= 0 ? previous!.hashes[j] : undefined;
      if (hash) known[i] = hash;
      if (hash && previous!.stats[2 * j] === size && previous!.stats[2 * j + 1] === mtime && mtime < previous!.hashedAt - RACY_MS) digests[i] = hash;
      else toRead.push(i);
    }
    remembered = (i) => known[i];
  }
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      const i = toRead[next++]!;
      try {
        const content = await readFile(path.join(dir, files[i]!));
        digests[i] = createHash('sha1').update(content).digest('hex');
      } catch {
        // Unreadable now; ingest will report it. Key it as such so it is retried when it becomes readable.
        digests[i] = 'unreadable';
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, toRead.length) }, worker));
  const manifest: FileManifest = { hashedAt, entries: names, stats, hashes: digests };
  const newContent = toRead.filter((i) => remembered(i) !== digests[i]).map((i) => files[i]!);
  const hash = createHash('sha256').update(salt).update('\n');
  // Without links, each file's key material is its hash: the digests are the entries.
  const entries = listing.linked.size
    ? files.map((f, i) => {
        const target = listing.linked.get(f);
        return target === undefined ? digests[i]! : `${digests[i]!}\u0000link\u0000${target}`;
      })
    : digests;
  // The same bytes as one update per file, in fewer, larger updates (100,000 calls into the hash cost more than the hashing).
  let chunk = '';
  for (let i = 0; i < files.length; i++) {
    chunk += `${files[i]!}\u0000${entries[i]!}\n`;
    if (chunk.length > 1 << 16) {
      hash.update(chunk);
      chunk = '';
    }
  }
  hash.update(chunk);
  for (const s of listing.skipped) hash.update(s.file).update('\u0000skipped\u0000').update(s.reason).update('\n');
  return { key: hash.digest('hex').slice(0, 32), manifest, hashed: toRead.length, files, entries, listing, newContent };
}
