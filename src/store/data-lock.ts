/**
 * One newsdesk per data folder: the long-running process holds an exclusive lock on
 * `DATA_DIR/newsdesk.lock` for its whole life, so a second process on the same folder cannot post
 * the same digests again.
 *
 * The lock is SQLite's own file lock (POSIX advisory locks on Unix, LockFileEx on Windows), held
 * with `locking_mode=EXCLUSIVE` after one write. The operating system drops such locks when the
 * holding process ends in any way, `kill -9` included, so a crash never leaves a stale lock (a pid
 * file alone would). The holder's pid is written beside it, in `newsdesk.pid`, only to name it in
 * the refusal: the lock, never the pid file, decides who holds the folder.
 */
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NewsdeskError } from '../core/errors.js';
import { makeDirectory } from '../core/make-dir.js';

/** File whose SQLite lock marks the folder as taken. */
export const LOCK_FILE = 'newsdesk.lock';
/** The holder's pid, for the message a second process prints. */
export const PID_FILE = 'newsdesk.pid';

/** The data folder, held by this process. */
export interface DataLock {
  readonly kind: 'held';
  /** The lock file. */
  readonly file: string;
  /** Gives the folder up (closing the lock's connection releases the OS lock). */
  release(): void;
}

/** The data folder cannot be written (read-only, not a folder, no permission): nothing is locked. */
export interface DataDirReadOnly {
  readonly kind: 'read-only';
  /** Why, as the file system put it (e.g. "EROFS: read-only file system"). */
  readonly reason: string;
}

/** SQLite's answer when another connection holds the lock. */
const isBusy = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};

/** A lock file someone overwrote with something that is not a database. */
const isGarbage = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
};

/** The pid the holder wrote, if it is readable. */
function holderPid(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path.join(dataDir, PID_FILE), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Opens the lock file and takes its exclusive lock; throws SQLite's error (SQLITE_BUSY when held). */
function lockFile(file: string): Database.Database {
  // No busy wait: a held lock is an answer, not something to wait out.
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // One write takes the EXCLUSIVE lock; in exclusive locking mode it is kept until the connection closes.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString());
    db.exec('COMMIT');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Takes the data folder for this process, creating it if needed.
 * @param dataDir - `DATA_DIR`
 * @returns the held lock, or `read-only` (with the reason) when the folder cannot be written
 * @throws NewsdeskError (code `state`) when another newsdesk holds the folder, naming its pid
 * @example
 * const lock = lockDataDir('./data');
 * if (lock.kind === 'held') process.once('exit', () => lock.release());
 */
export function lockDataDir(dataDir: string): DataLock | DataDirReadOnly {
  const file = path.resolve(dataDir, LOCK_FILE);
  let db: Database.Database;
  try {
    makeDirectory(dataDir);
    try {
      db = lockFile(file);
    } catch (err) {
      if (!isGarbage(err)) throw err;
      // Not a database any more. Truncate (never unlink: another process may have it open) and retry once.
      truncateSync(file, 0);
      db = lockFile(file);
    }
  } catch (err) {
    if (isBusy(err)) {
      const pid = holderPid(dataDir);
      throw new NewsdeskError(`DATA_DIR ${dataDir} is in use by another newsdesk (pid ${pid ?? 'unknown'})`, 'state', { cause: err });
    }
    return { kind: 'read-only', reason: (err as Error)?.message ?? String(err) };
  }
  const pidFile = path.join(dataDir, PID_FILE);
  try {
    writeFileSync(pidFile, `${process.pid}\n`);
  } catch {
    // The pid only improves another process's message; the lock is what counts.
  }
  let released = false;
  return {
    kind: 'held',
    file,
    release() {
      if (released) return;
      released = true;
      // Remove the pid file first, while the lock still keeps anyone else from writing theirs.
      if (holderPid(dataDir) === process.pid) rmSync(pidFile, { force: true });
      db.close();
    },
  };
}
