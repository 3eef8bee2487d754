/**
 * Reading a corpus folder: every `.md`, `.txt` and `.json` file below it, in path order. A file
 * that cannot be used is skipped with one warning naming it and why; the rest still loads.
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../command.js';
import { NewsdeskError } from '../errors.js';
import type { Article } from '../types.js';
import { FrontMatterError, splitFrontMatter } from './front-matter.js';
import { ingestText } from './ingest-text.js';
import { readJsonArticles } from './json-export.js';

/** A corpus file (or JSON entry) that was skipped, and why. */
export interface CorpusWarning {
  /** Path relative to the corpus folder (plus `#n` for a JSON array entry). */
  file: string;
  reason: string;
}

/** Options for `loadCorpus` and `ingestFile`. */
export interface LoadCorpusOptions {
  /** Receives one `warn` per skipped file. */
  logger?: Logger;
  /** Files larger than this are skipped. @defaultValue 5 MB (5 * 1024 * 1024) */
  maxFileBytes?: number;
}

/** Default options; merged with the caller's. */
export const defaultLoadCorpusOptions = { maxFileBytes: 5 * 1024 * 1024 } as const;

/** File name endings the corpus reads; anything else in the folder is ignored. */
export const CORPUS_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt', '.json'];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Article id for a file: its path relative to the corpus folder, with forward slashes. */
export function articleId(absPath: string, corpusDir: string): string {
  return path.relative(corpusDir, absPath).split(path.sep).join('/');
}

/** Why a file's bytes are not usable text, or undefined when they are. */
function decode(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: 'empty file' };
  if (bytes.includes(0)) return { reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
  if (text.trim().length === 0) return { reason: 'empty file (only whitespace)' };
  return { text };
}

function warnOf(file: string, reason: string, logger: Logger | undefined): CorpusWarning {
  logger?.warn({ file, reason }, `Skipped corpus file ${file}: ${reason}`);
  return { file, reason };
}

/** A file's bytes, or why they could not be had. */
type FileRead = { bytes: Buffer } | { reason: string };

/**
 * Reads a file synchronously: corpus files are small and many, and for those the promise-based
 * calls cost several times more CPU than the reading itself (measured: about half of a cold load).
 */
function readCorpusFile(absPath: string, maxFileBytes: number): FileRead {
  try {
    const info = statSync(absPath);
    if (!info.isFile()) return { reason: 'not a regular file' };
    if (info.size > maxFileBytes) return { reason: `too large (${info.size} bytes, limit ${maxFileBytes})` };
    const bytes = readFileSync(absPath);
    // The file may have grown between stat and read.
    if (bytes.length > maxFileBytes) return { reason: `too large (${bytes.length} bytes, limit ${maxFileBytes})` };
    return { bytes };
  } catch (err) {
    return { reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'I/O error'})` };
  }
}

/** What ingesting one file gives: its articles (several for a JSON array) and at most one warning for the file. */
export interface IngestedFile {
  articles: Article[];
  /** Why the whole file was skipped. */
  warning?: CorpusWarning;
  /** Entries of a JSON array that were skipped while the rest of the file loaded (`file#n`). */
  warnings?: CorpusWarning[];
}

function ingestRead(read: FileRead, absPath: string, id: string, logger: Logger | undefined): IngestedFile {
  const fail = (reason: string): IngestedFile => ({ articles: [], warning: warnOf(id, reason, logger) });
  if ('reason' in read) return fail(read.reason);
  const decoded = decode(read.bytes);
  if ('reason' in decoded) return fail(decoded.reason);

  if (absPath.toLowerCase().endsWith('.json')) return ingestJson(decoded.text, id, logger);

  let split;
  try {
    split = splitFrontMatter(decoded.text);
  } catch (err) {
    if (err instanceof FrontMatterError) return fail(err.message);
    throw err;
  }
  if (split.body.trim().length === 0) return fail('no article text after the front matter');
  return { articles: [ingestText(split.body, { id, meta: split.meta })] };
}

/**
 * Reads and ingests one corpus file. Never throws for a bad file: it returns a warning instead.
 * @param absPath - the file
 * @param corpusDir - the corpus folder (ids are relative to it)
 * @returns its articles (several for a JSON array) and at most one warning for the file
 */
export async function ingestFile(absPath: string, corpusDir: string, opts: LoadCorpusOptions = {}): Promise<IngestedFile> {
  const options = { ...defaultLoadCorpusOptions, ...opts };
  return ingestRead(readCorpusFile(absPath, options.maxFileBytes), absPath, articleId(absPath, corpusDir), options.logger);
}

function ingestJson(text: string, id: string, logger: Logger | undefined): IngestedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { articles: [], warning: warnOf(id, `malformed JSON (${String((err as Error).message).split('\n')[0]})`, logger) };
  }
  const { articles, problems } = readJsonArticles(data);
  if (articles.length === 0) {
    const reason = problems.length === 1 ? problems[0]!.reason : 'no usable articles in the JSON';
    return { articles: [], warning: warnOf(id, reason, logger) };
  }
  const entryWarnings = problems.map((p) => warnOf(p.index === undefined ? id : `${id}#${p.index}`, p.reason, logger));
  const out = articles.map((a) => ingestText(a.body, { id: a.index === undefined ? id : `${id}#${a.index}`, meta: a.meta }));
  return entryWarnings.length > 0 ? { articles: out, warnings: entryWarnings } : { articles: out };
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    const wanted = CORPUS_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x));
    if (e.isDirectory()) out.push(...(await listFiles(full)));
    else if (e.isFile() && wanted) out.push(full);
    // A linked file is read; a linked folder is not followed (it could loop back on itself).
    else if (e.isSymbolicLink() && wanted && (await stat(full).then((s) => s.isFile(), () => false))) out.push(full);
  }
  return out;
}

/**
 * Loads every article below a corpus folder, in path order.
 * @param dir - the corpus folder (`CORPUS_DIR`)
 * @throws NewsdeskError with code `corpus` when the folder does not exist or is not a folder
 * @example
 * const { articles, warnings } = await loadCorpus('./corpus', { logger });
 */
export async function loadCorpus(
  dir: string,
  opts: LoadCorpusOptions = {},
): Promise<{ articles: Article[]; warnings: CorpusWarning[] }> {
  const root = path.resolve(dir);
  try {
    if (!(await stat(root)).isDirectory()) throw new NewsdeskError(`Corpus folder not found: ${dir} (it is a file)`, 'corpus');
  } catch (err) {
    if (err instanceof NewsdeskError) throw err;
    throw new NewsdeskError(`Corpus folder not found: ${dir}`, 'corpus', { cause: err });
  }
  const files = (await listFiles(root)).map((f) => ({ f, id: articleId(f, root) }));
  files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const options = { ...defaultLoadCorpusOptions, ...opts };
  const articles: Article[] = [];
  const warnings: CorpusWarning[] = [];
  for (const { f, id } of files) {
    const result = ingestRead(readCorpusFile(f, options.maxFileBytes), f, id, options.logger);
    for (const a of result.articles) articles.push(a);
    if (result.warning) warnings.push(result.warning);
    if (result.warnings) warnings.push(...result.warnings);
  }
  return { articles, warnings };
}
