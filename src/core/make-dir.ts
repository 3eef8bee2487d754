/**
 * Creating a folder and its missing parents, bounded by the path's depth.
 *
 * Node 20's `mkdirSync(dir, { recursive: true })` never returns when a parent exists but refuses
 * children with ENOENT (any path under `/proc/self/`): it climbs to the parent, finds it there,
 * tries the child again, forever, at 100 % CPU. A mistyped `DATA_DIR` must not do that.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes `dir` and any missing parents (like `mkdir -p`), one `mkdir` per missing level.
 * @param dir - the folder to make; nothing happens when it exists
 * @throws the file system's error (`ENOTDIR` when a part is a file, `ENOENT`, `EACCES` …), never loops
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      if (!statSync(current).isDirectory()) {
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: current });
      }
      break;
    } catch (err) {
      const failure = err as NodeJS.ErrnoException;
      if (failure.code !== 'ENOENT') {
        // Say it as mkdir would ("ENOTDIR: not a directory, mkdir 'DIR'"), not as the stat behind it.
        if (failure.syscall === 'stat') failure.message = failure.message.replace(/, stat '.*'$/s, `, mkdir '${dir}'`);
        throw failure;
      }
      missing.push(current);
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
