/**
 * Which files a corpus folder holds, by one rule shared by every reader of the corpus (the load
 * on one thread, the worker-thread pool, the snapshot key and the live watcher):
 *
 * - hidden files and folders (a name starting with `.`) are not read;
 * - a symbolic link (to a file or a folder) is followed only when its real target is inside the
 *   real corpus folder, or when the operator allows every link (`CORPUS_FOLLOW_SYMLINKS=true`),
 *   so a link cannot make `/etc/passwd` quotable;
 * - a link that is refused or broken, and a folder that cannot be read, is skipped with one
 *   warning, and the rest of the corpus still loads;
 * - a folder is never entered twice on one path (a link back to a folder that contains it), and
 *   each folder reached through links is read through one link only, so links cannot make the
 *   walk endless or exponential. Such a link is skipped quietly: what it leads to is read anyway.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { NewsdeskError } from '../core/errors.js';

/** How symbolic links in the corpus are treated. */
export interface SymlinkPolicy {
  /** Follow links whose target is outside the corpus folder too. @defaultValue false */
  followSymlinks?: boolean;
}

/** A path that was skipped while listing the corpus, and why (the shape of a `CorpusWarning`). */
export interface SkippedPath {
  /** Path relative to the corpus folder, `/`-separated. */
  file: string;
  reason: string;
}

/** What {@link walkCorpus} finds. */
export interface CorpusListing {
  /** The real (symlink-free) path of the corpus folder. */
  realRoot: string;
  /** Files ingest reads, relative to the corpus folder, `/`-separated, sorted. */
  files: string[];
  /** Real paths of the files reached through a symbolic link (keyed by relative path): what is actually read. */
  linked: Map<string, string>;
  /** Links refused or broken, and folders that could not be read, in path order. */
  skipped: SkippedPath[];
}

/** Reason given for a link whose target is outside the corpus. */
export const OUTSIDE_LINK_REASON = 'symbolic link to a target outside the corpus folder (set CORPUS_FOLLOW_SYMLINKS=true to follow it)';

const errCode = (err: unknown): string => (err as NodeJS.ErrnoException)?.code ?? 'I/O error';

/** True when `real` is `realRoot` or below it. */
export function isInside(real: string, realRoot: string): boolean {
  if (real === realRoot) return true;
  const prefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
  return real.startsWith(prefix);
}

/**
 * The real path of the corpus folder.
 * @throws NewsdeskError with code `corpus` when it is missing or not a folder
 */
export function realCorpusRoot(dir: string): string {
  let real: string;
  try {
    real = realpathSync.native(path.resolve(dir));
  } catch (err) {
    throw new NewsdeskError(`Corpus folder not found: ${dir}`, 'corpus', { cause: err });
  }
  if (!statSync(real).isDirectory()) throw new NewsdeskError(`Corpus folder not found: ${dir} (it is a file)`, 'corpus');
  return real;
}

/**
 * Lists the files of a corpus folder that ingest reads.
 * @param dir - the corpus folder
 * @param extensions - lower-case name endings to keep, e.g. ".md"
 * @param policy - the symlink rule, and `under`: list only this subfolder (relative, `/`-separated; the live watcher's moved-in folder)
 * @throws NewsdeskError with code `corpus` when the folder is missing or cannot be read itself
 */
export function walkCorpus(dir: string, extensions: readonly string[], policy: SymlinkPolicy & { under?: string } = {}): CorpusListing {
  const root = path.resolve(dir);
  const realRoot = realCorpusRoot(dir);
  const follow = policy.followSymlinks === true;
  const files: string[] = [];
  const linked = new Map<string, string>();
  const skipped: SkippedPath[] = [];
  /** Real folders entered through a link. */
  const enteredByLink = new Set<string>();
  const wanted = (name: string) => {
    const lower = name.toLowerCase();
    return extensions.some((x) => lower.endsWith(x));
  };

  /**
   * @param rel - folder relative to the corpus ('' for the corpus itself)
   * @param real - its real path
   * @param onPath - real paths of the folders from the corpus down to this one (loop check)
   * @param viaLink - whether this folder was reached through a link (its files are then recorded in `linked`)
   */
  const walk = (rel: string, real: string, onPath: Set<string>, viaLink: boolean): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(rel ? path.join(root, rel) : root, { withFileTypes: true });
    } catch (err) {
      if (!rel) throw new NewsdeskError(`Corpus folder cannot be read: ${dir} (${errCode(err)})`, 'corpus', { cause: err });
      skipped.push({ file: rel, reason: `folder cannot be read (${errCode(err)})` });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      const realChild = path.join(real, e.name);
      if (e.isDirectory()) {
        walk(child, realChild, new Set(onPath).add(realChild), viaLink);
      } else if (e.isFile()) {
        if (!wanted(e.name)) continue;
        files.push(child);
        if (viaLink) linked.set(child, realChild);
      } else if (e.isSymbolicLink()) {
        followLink(child, path.join(root, child), wanted(e.name), onPath);
      }
      // Sockets, pipes and devices are never read.
    }
  };

  const followLink = (child: string, abs: string, isWanted: boolean, onPath: Set<string>): void => {
    let target: string;
    let isDir: boolean;
    try {
      target = realpathSync.native(abs);
      const info = statSync(target);
      if (!info.isDirectory() && !info.isFile()) return;
      isDir = info.isDirectory();
    } catch (err) {
      // A broken link, or a chain of links that loops (ELOOP): only worth a word when it looks like an article.
      if (isWanted) skipped.push({ file: child, reason: `symbolic link cannot be followed (${errCode(err)})` });
      return;
    }
    if (!isDir && !isWanted) return;
    if (!follow && !isInside(target, realRoot)) {
      skipped.push({ file: child, reason: OUTSIDE_LINK_REASON });
      return;
    }
    if (!isDir) {
      files.push(child);
      linked.set(child, target);
      return;
    }
    // A link back to a folder on the way here would loop; a second link to the same folder would read it again.
    if (onPath.has(target) || enteredByLink.has(target)) return;
    enteredByLink.add(target);
    walk(child, target, new Set(onPath).add(target), true);
  };

  const under = policy.under?.split('/').filter(Boolean).join('/');
  if (!under) walk('', realRoot, new Set([realRoot]), false);
  else {
    // The subfolder, reached by the same rule as if the walk had come down to it.
    let real: string | undefined;
    try {
      real = realpathSync.native(path.join(root, under));
      if (!statSync(real).isDirectory()) real = undefined;
    } catch {
      real = undefined; // Gone already: nothing to list.
    }
    if (real !== undefined && (follow || isInside(real, realRoot))) {
      walk(under, real, new Set([realRoot, real]), real !== path.join(realRoot, under));
    } else if (real !== undefined) {
      skipped.push({ file: under, reason: OUTSIDE_LINK_REASON });
    }
  }
  files.sort();
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { realRoot, files, linked, skipped };
}
