// Whether dist/ holds a current build of the TypeScript sources. Plain JavaScript: the bin reads it
// before anything is compiled, and it must stay cheap (a stat per source file, ~2 ms for 150 files).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The file `npm run build` touches (with the time the build started) once dist/ is complete. */
export const STAMP = path.join('dist', '.built');

/** The folders compiled into dist/ (tsconfig.build.json `include`). */
export const SOURCE_DIRS = ['src', 'commands'];

/**
 * The newest change under `dir`: a file edited or added (a `.ts` source, or a file the build copies
 * as it is, such as the attribution model's weights), or a folder whose entries changed (a deleted
 * or renamed source changes only its folder's time).
 * @returns the path and time of the newest entry, or null when `dir` is not there
 */
function newestChange(dir) {
  const here = statSync(dir, { throwIfNoEntry: false });
  if (!here?.isDirectory()) return null;
  let newest = { file: dir, mtimeMs: here.mtimeMs };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const found = entry.isDirectory()
      ? newestChange(full)
      : { file: full, mtimeMs: statSync(full).mtimeMs };
    if (found && found.mtimeMs > newest.mtimeMs) newest = found;
  }
  return newest;
}

/**
 * Whether the compiled code in `root`/dist matches the sources beside it.
 * `current`: run dist. `missing`: never built. `stale`: a source changed after the build started
 * (`changed` names it). Without sources beside dist (a container image ships dist only) a built
 * dist is current.
 * @param {string} root - the repository folder (the one holding package.json)
 * @returns {{ state: 'current' | 'missing' | 'stale', changed?: string }}
 */
export function buildStatus(root) {
  const stamp = statSync(path.join(root, STAMP), { throwIfNoEntry: false });
  if (!stamp) return { state: 'missing' };
  for (const dir of SOURCE_DIRS) {
    const newest = newestChange(path.join(root, dir));
    if (newest && newest.mtimeMs > stamp.mtimeMs) return { state: 'stale', changed: path.relative(root, newest.file) };
  }
  return { state: 'current' };
}
