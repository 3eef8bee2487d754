/** Clearing what an interrupted snapshot or manifest write left in the data folder. */
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/ports.js';

/**
 * A snapshot's, delta's or manifest's temp file: `library-<tag>.snap.<pid>.tmp`,
 * `library-<tag>.delta.snap.<pid>.tmp`, `library-<tag>.files.tsv.<pid>.tmp`.
 */
const TEMP_FILE = /^library-[0-9a-f]+\.(?:snap|delta\.snap|files\.tsv)\.(\d+)\.tmp$/;

/** True when a process with this id is running (one of another user counts). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files that writing a snapshot or manifest leaves when the process dies midway
 * (a crash, `kill -9`): those of a process that is no longer running, of this process's id (its own
 * writes are synchronous, so none is in progress now), and any older than this run (the id was reused).
 * Logs one info line when it removed any.
 * @returns the names removed
 */
export function removeStaleTempFiles(dataDir: string, logger: Logger): string[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return []; // No data folder yet: nothing left over.
  }
  const startedAt = Date.now() - process.uptime() * 1000;
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const file = path.join(dataDir, name);
    try {
      const stale = pid === process.pid || !processAlive(pid) || statSync(file).mtimeMs < startedAt;
      if (!stale) continue;
      rmSync(file, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: the next start tries again.
    }
  }
  if (removed.length) logger.info({ dataDir, files: removed }, `removed ${removed.length} temp file(s) left by an interrupted snapshot write`);
  return removed;
}
