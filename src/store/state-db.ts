/**
 * The state database file (`DATA_DIR/newsdesk.db`): opened, checked and migrated in one place.
 *
 * A state file that is corrupt, not a database, or deleted while the bot runs must never stop
 * the bot: the bad file is moved aside with a clear warning and a fresh database starts.
 */
import { existsSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../core/ports.js';
import { NewsdeskError } from '../core/errors.js';
import { MIGRATIONS } from './migrations.js';
import { makeDirectory } from '../core/make-dir.js';

/** File name of the state database inside `DATA_DIR`. */
export const STATE_FILE = 'newsdesk.db';

/** What happened when the state file was opened. */
export type StateOpenOutcome =
  | 'opened' // an existing, healthy database
  | 'created' // no file was there: a fresh database
  | 'recovered'; // the file was unusable: moved aside, a fresh database started

/** An open state database plus what it took to open it. */
export interface StateDb {
  readonly db: Database.Database;
  readonly file: string;
  readonly outcome: StateOpenOutcome;
  /** Where the unusable file was moved, when `outcome` is `recovered`. */
  readonly movedTo?: string;
}

/** SQLite error codes that mean the file itself is unusable (not a passing lock or a full disk). */
const UNUSABLE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CANTOPEN_ISDIR']);

/** True when an error from better-sqlite3 means the database file is corrupt or not a database. */
export function isUnusableDbError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (UNUSABLE_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

/** Highest schema version this build knows. */
export const SCHEMA_VERSION = MIGRATIONS.length;

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    // A newer newsdesk wrote this file; guessing at its layout could lose subscriptions.
    throw new NewsdeskError(
      `The state database has schema version ${current}, newer than this newsdesk understands (${SCHEMA_VERSION}); upgrade newsdesk or point DATA_DIR elsewhere.`,
      'state',
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version]!;
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function openAndCheck(file: string): Database.Database {
  const db = new Database(file);
  try {
    // Reading the header and a quick structural check is where a garbage file shows itself.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      const err = new Error(`quick_check: ${String(check)}`) as Error & { code: string };
      err.code = 'SQLITE_CORRUPT';
      throw err;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Moves `file` and its WAL/SHM companions aside; returns the new name of the main file. */
function moveAside(file: string, when: Date): string {
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.broken-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens (creating if needed) the state database under `dataDir`, migrated to the current schema.
 * A corrupt or foreign file is moved aside as `newsdesk.db.broken-<time>` with a warning, and a
 * fresh database is started.
 * @param dataDir - `DATA_DIR`; created if missing
 * @param logger - where the warning goes
 * @param now - time used to name a moved-aside file
 * @throws NewsdeskError (code `state`) when the folder cannot be written or the schema is newer than this build
 * @example
 * const { db } = openStateDb('./data', logger);
 */
export function openStateDb(dataDir: string, logger: Logger, now: Date = new Date()): StateDb {
  try {
    makeDirectory(dataDir);
  } catch (err) {
    throw new NewsdeskError(`Cannot create DATA_DIR ${dataDir}: ${(err as Error).message}`, 'state', { cause: err });
  }
  const file = path.resolve(dataDir, STATE_FILE);
  const existed = existsSync(file);
  try {
    return { db: openAndCheck(file), file, outcome: existed ? 'opened' : 'created' };
  } catch (err) {
    if (!isUnusableDbError(err)) {
      if (err instanceof NewsdeskError) throw err;
      throw new NewsdeskError(`Cannot open the state database ${file}: ${(err as Error).message}`, 'state', { cause: err });
    }
    const movedTo = moveAside(file, now);
    logger.warn(
      { file, movedTo, reason: (err as Error).message },
      'state database is unreadable (corrupt or not a database); moved it aside and started a fresh one — chat subscriptions must be made again',
    );
    return { db: openAndCheck(file), file, outcome: 'recovered', movedTo };
  }
}

/** Identity of the file on disk, to notice it being deleted or replaced while open. */
export function fileIdentity(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}
