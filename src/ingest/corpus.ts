/**
 * Reading a corpus folder: every `.md`, `.txt` and `.json` file below it, in path order. A file
 * that cannot be used is skipped with one warning naming it and why; the rest still loads.
 */
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/ports.js';
import type { Article } from '../core/types.js';
import { takeTurns } from '../core/take-turns.js';
import { isInside, OUTSIDE_LINK_REASON, walkCorpus, type SymlinkPolicy } from './corpus-walk.js';
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
export interface LoadCorpusOptions extends SymlinkPolicy {
  /** Receives one `warn` per skipped file. */
  logger?: Logger;
  /** Files larger than this are skipped. @defaultValue 5 MB (5 * 1024 * 1024) */
  maxFileBytes?: number;
  /** Called after each listed file is read (`loadCorpus` progress). */
  onFile?: () => void;
}

/** Options of `ingestFile` only. */
export interface IngestFileOptions extends LoadCorpusOptions {
  /** The real path of the corpus folder, when the caller already knows it (saves a system call per file). */
  realRoot?: string;
  /**
   * The file was listed by walking the corpus (`walkCorpus`), so the folders above it keep to
   * the symlink rule and only the file itself is checked again. @defaultValue false: every
   * component of the path is resolved (the live watcher reads files it did not list).
   */
  listed?: boolean;
  /**
   * Given the file's bytes once read, with the size and mtime it had when checked just before the
   * read (the corpus key hashes the same bytes, so a cold build need not read each file twice).
   */
  onRead?: (bytes: Buffer, size: number, mtimeMs: number) => void;
}

/** Default options; merged with the caller's. */
export const defaultLoadCorpusOptions = { maxFileBytes: 5 * 1024 * 1024, followSymlinks: false } as const;

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
type FileRead = { bytes: Buffer; size: number; mtimeMs: number } | { reason: string };

/**
 * How a read keeps to the symlink rule: links must resolve inside `realRoot`. `full` resolves
 * every component of the path (a file nobody listed); otherwise only the file itself is checked
 * (the walk checked the folders above it), which costs no more than the stat it replaces.
 */
interface ReadGuard {
  realRoot: string;
  full: boolean;
}

/**
 * Reads a file synchronously: corpus files are small and many, and for those the promise-based
 * calls cost several times more CPU than the reading itself (measured: about half of a cold load).
 * With a guard, the file is checked again just before it is read, since it may have been swapped
 * for a link after the folder was listed.
 */
function readCorpusFile(absPath: string, maxFileBytes: number, guard?: ReadGuard): FileRead {
  try {
    let info = guard ? lstatSync(absPath) : statSync(absPath);
    if (guard && (guard.full || info.isSymbolicLink())) {
      const target = realpathSync.native(absPath);
      if (!isInside(target, guard.realRoot)) return { reason: OUTSIDE_LINK_REASON };
      if (info.isSymbolicLink()) info = statSync(target);
    }
    if (!info.isFile()) return { reason: 'not a regular file' };
    if (info.size > maxFileBytes) return { reason: `too large (${info.size} bytes, limit ${maxFileBytes})` };
    const bytes = readFileSync(absPath);
    // The file may have grown between stat and read.
    if (bytes.length > maxFileBytes) return { reason: `too large (${bytes.length} bytes, limit ${maxFileBytes})` };
    return { bytes, size: info.size, mtimeMs: info.mtimeMs };
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
export async function ingestFile(absPath: string, corpusDir: string, opts: IngestFileOptions = {}): Promise<IngestedFile> {
  const options = { ...defaultLoadCorpusOptions, ...opts };
  let guard: ReadGuard | undefined;
  if (!options.followSymlinks) {
    let realRoot = options.realRoot;
    try {
      realRoot ??= realpathSync.native(path.resolve(corpusDir));
    } catch (err) {
      // No corpus folder any more: nothing below it can be read.
      const reason = `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'I/O error'})`;
      return ingestRead({ reason }, absPath, articleId(absPath, corpusDir), options.logger);
    }
    guard = { realRoot, full: options.listed !== true };
  }
  const read = readCorpusFile(absPath, options.maxFileBytes, guard);
  if (opts.onRead && 'bytes' in read) opts.onRead(read.bytes, read.size, read.mtimeMs);
  return ingestRead(read, absPath, articleId(absPath, corpusDir), options.logger);
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

/**
 * Loads every article below a corpus folder, in path order. Symbolic links are followed only to
 * targets inside the folder (or everywhere with `followSymlinks`); a refused link and a folder
 * that cannot be read are skipped with one warning each, like an unreadable file.
 * @param dir - the corpus folder (`CORPUS_DIR`)
 * @throws NewsdeskError with code `corpus` when the folder does not exist, is not a folder or cannot be read
 * @example
 * const { articles, warnings } = await loadCorpus('./corpus', { logger });
 */
export async function loadCorpus(
  dir: string,
  opts: LoadCorpusOptions = {},
): Promise<{ articles: Article[]; warnings: CorpusWarning[] }> {
  const root = path.resolve(dir);
  const options = { ...defaultLoadCorpusOptions, ...opts };
  const listing = walkCorpus(root, CORPUS_EXTENSIONS, options);
  const articles: Article[] = [];
  const warnings: CorpusWarning[] = listing.skipped.map((w) => warnOf(w.file, w.reason, options.logger));
  const turn = takeTurns(); // a bot that is already connected keeps answering while the corpus is read
  for (const rel of listing.files) {
    const f = path.join(root, rel);
    const guard = options.followSymlinks ? undefined : { realRoot: listing.realRoot, full: false };
    const result = ingestRead(readCorpusFile(f, options.maxFileBytes, guard), f, rel, options.logger);
    for (const a of result.articles) articles.push(a);
    if (result.warning) warnings.push(result.warning);
    if (result.warnings) warnings.push(...result.warnings);
    options.onFile?.();
    await turn();
  }
  return { articles, warnings };
}
