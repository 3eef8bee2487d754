/**
 * The content key of a corpus folder, computed without ingesting it: every file's relative
 * path and content hash, plus whatever else decides the index (format, analysers, ingest rules).
 * A restart over an unchanged folder gets the same key and loads the snapshot.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** How many files are read at once; enough to hide disk latency without exhausting descriptors. */
const CONCURRENCY = 64;

/**
 * The files under `dir` that ingest reads (hidden files and folders skipped), as paths relative to `dir`, sorted.
 * @param extensions - lower-case name endings to keep, e.g. ".md"
 */
export async function listCorpusFiles(dir: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (extensions.some((x) => e.name.toLowerCase().endsWith(x))) out.push(child);
    }
  };
  await walk('');
  return out.sort();
}

/**
 * Hashes a corpus folder's files and `salt` into one key.
 * @param extensions - the file endings ingest reads
 * @param salt - format and analyser versions; a change in them changes the key
 */
export async function corpusKey(dir: string, extensions: readonly string[], salt: string): Promise<string> {
  const files = await listCorpusFiles(dir, extensions);
  const digests = new Array<string>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      try {
        const content = await readFile(path.join(dir, files[i]!));
        digests[i] = createHash('sha1').update(content).digest('hex');
      } catch {
        // Unreadable now; ingest will report it. Key it as such so it is retried when it becomes readable.
        digests[i] = 'unreadable';
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  const hash = createHash('sha256').update(salt).update('\n');
  files.forEach((f, i) => hash.update(f).update('\u0000').update(digests[i]!).update('\n'));
  return hash.digest('hex').slice(0, 32);
}
