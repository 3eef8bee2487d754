/**
 * Opening the archive in PostgreSQL: for a serving replica (`SEARCH_BACKEND=postgres`, a
 * `PgLibrary` that holds no copy of the archive) and for the ingest role (the writer).
 */
import pg from 'pg';
import { NewsdeskError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import type { Article } from '../../core/types.js';
import type { IndexedLibrary, LibraryChanges } from '../indexed-library.js';
import { PgLibrary } from './pg-library.js';
import { PgSearchIndex } from './pg-search-index.js';
import { enableTrigrams, migrateSearch } from './search-schema.js';

/** Connections a replica keeps: a command's fetches run a few at a time. */
const POOL_SIZE = 8;

/** A pool on the archive database, its schema brought up to date; says why when there is no URL. */
export async function openArchivePool(databaseUrl: string | undefined, logger: Logger): Promise<pg.Pool> {
  if (!databaseUrl) throw new NewsdeskError('SEARCH_BACKEND=postgres (and newsdesk ingest) need DATABASE_URL=postgres://… to reach the archive.', 'config');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  // An idle connection the server dropped must not end the process.
  pool.on('error', (err) => logger.warn({ reason: err.message }, 'archive database connection lost; reconnecting on next use'));
  try {
    await migrateSearch(pool);
    if (!(await enableTrigrams(pool))) logger.info({}, 'pg_trgm is not available: "did you mean" offers completions only');
  } catch (err) {
    await pool.end().catch(() => undefined);
    // The URL carries a password: say what failed, never the URL.
    throw new NewsdeskError(`Could not open the archive database: ${(err as Error).message}`, 'config');
  }
  return pool;
}

/** A replica's library over the archive: `IndexedLibrary`'s shape, whose live changes belong to the ingest role. */
export class ReplicaLibrary extends PgLibrary implements IndexedLibrary {
  /** The archive is written by `newsdesk ingest`; a serving replica takes no corpus changes itself. */
  applyChanges(_changes: LibraryChanges): void {}
}

/** Opens a serving replica's library (see `PgLibrary`). */
export async function openReplicaLibrary(databaseUrl: string | undefined, logger: Logger): Promise<{ library: ReplicaLibrary; pool: pg.Pool; articles: number }> {
  const pool = await openArchivePool(databaseUrl, logger);
  const index = new PgSearchIndex(pool);
  const library = new ReplicaLibrary(pool, index, logger);
  await library.refresh();
  const articles = await index.size();
  logger.info({ articles }, 'serving the archive from PostgreSQL');
  return { library, pool, articles };
}

/**
 * A replica's start (`SEARCH_BACKEND=postgres`) as `buildLibrary` reports one: it holds no copy of
 * the archive, which the ingest role (`newsdesk ingest`) wrote to PostgreSQL.
 */
export async function replicaStart(databaseUrl: string | undefined, logger: Logger): Promise<{ library: ReplicaLibrary; warnings: []; fromSnapshot: true }> {
  const { library } = await openReplicaLibrary(databaseUrl, logger);
  return { library, warnings: [], fromSnapshot: true };
}

/** No articles in memory: the type `BuiltLibrary.library.articles` needs. */
export const NO_ARTICLES: readonly Article[] = [];
