/** The benchmark's jobs, each run in its own process by bench/run.ts. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import type { Logger } from '../src/core/ports.js';
import { loadCommands } from '../src/app/commands-loader.js';
import { loadConfig } from '../src/app/config.js';
import { buildLibrary, snapshotPath, type BuildStep, type IncrementalStats } from '../src/library/build.js';
import { createRuntime } from '../src/app/runtime.js';
import type { SegmentedLibrary } from '../src/library/indexed-library.js';
import { ingestWorkers } from '../src/library/ingest-pool.js';
import { listCorpusFiles } from '../src/library/corpus-key.js';
import { CORPUS_EXTENSIONS } from '../src/ingest/index.js';
import { SEARCH_QUERIES, TIMED_TOPICS, TOPICS } from './queries.js';
import { listTopics } from '../src/topics/index.js';
import { readReuters } from './reuters.js';

/** Latency percentiles in milliseconds. */
export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What a phase reports to the parent. */
export interface PhaseResult {
  phase: string;
  maxRssBytes: number;
  indexMs?: number;
  articles?: number;
  passages?: number;
  timings?: Partial<Record<BuildStep, number>>;
  snapshotBytes?: number;
  startupMs?: number;
  fromSnapshot?: boolean;
  warnings?: number;
  latency?: Partial<Record<'search' | 'searchCommand' | 'claim' | 'timeline' | 'sources' | 'digest' | 'or' | 'and', Percentiles>>;
  slowest?: { query: string; ms: number }[];
  hits?: Record<string, number>;
  /** Peak RSS (bytes) after each step of a phase, in order: where a serving process's memory goes. */
  rssSteps?: Array<{ step: string; peakBytes: number; heapUsedBytes: number }>;
  /** The Node options a phase's process ran with (the replica: compose.scale.yml's). */
  nodeOptions?: string;
  /** Slowest first call per query set (before any cache or JIT warm-up), in milliseconds. */
  firstCallMax?: Partial<Record<'search' | 'claim' | 'timeline', number>>;
  /** Worker threads the cold ingest used (they also ran the analysers). */
  workers?: number;
  /** Building the corpus's topic table once at start, as the running bot does (ms). */
  topicsWarmMs?: number;
  /** A restart that reused the snapshot's unchanged articles: how many, and how many files were ingested or dropped. */
  incremental?: IncrementalStats;
  /** Longest event-loop stall while the library loaded (ms): how long a chat command could wait for its acknowledgement. */
  maxStallMs?: number;
  /** CPU time (user + system, all threads of the process) until the library answered (ms). */
  cpuMs?: number;
  /** After the library answered: how long until the restart's own background work was done (ms), and its CPU time. */
  settledMs?: number;
  settledCpuMs?: number;
  /** Longest event-loop stall during that background work (ms). */
  settledMaxStallMs?: number;
}

/**
 * Watches the event loop while `load` runs; returns its result and the longest stall (ms, 10 ms
 * resolution). `monitorEventLoopDelay` records nothing before its first tick, so the synchronous
 * stretch `load` starts with (listing the corpus) is caught by a timer's lateness instead.
 */
async function watchingStalls<T>(load: () => Promise<T>): Promise<{ result: T; maxStallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  let last = performance.now();
  let late = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    late = Math.max(late, now - last - 10);
    last = now;
  }, 10);
  delay.enable();
  try {
    const result = await load();
    return { result, maxStallMs: Math.max(delay.max / 1e6, late) };
  } finally {
    delay.disable();
    clearInterval(timer);
  }
}

/** Timed passes over each query set (after one warm-up pass). */
const PASSES = 5;

function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? NaN };
}

const maxRss = () => process.resourceUsage().maxRSS * 1024;

const quietLogger = (): Logger & { warnings: number } => {
  const l = { warnings: 0, info() {}, debug() {}, error: (o: unknown, m?: string) => console.error('error:', m, o), warn() {} };
  l.warn = () => {
    l.warnings++;
  };
  return l;
};

/** Runs one named phase with the parent's arguments. */
export async function runPhase(phase: string, args: Record<string, string>): Promise<PhaseResult> {
  if (phase === 'bare') return bare(args);
  if (phase === 'build') return build(args);
  if (phase === 'build-plain') return build({ ...args, analysers: 'none' });
  if (phase === 'serve') return serve(args);
  if (phase === 'restart') return restart(args);
  if (phase.startsWith('pg-')) return (await import('./postgres.js')).runPgPhase(phase, args);
  throw new Error(`unknown phase ${phase}`);
}

/** Bare MiniSearch 7.2 over the same article texts: one document per article, fields title + text. */
async function bare(args: Record<string, string>): Promise<PhaseResult> {
  const stories = readReuters(args.reuters!);
  const n = Number(args.articles);
  const docs = Array.from({ length: n }, (_, i) => {
    const s = stories[i % stories.length]!;
    return { id: i, title: s.title, text: s.text };
  });
  global.gc?.();
  const t0 = performance.now();
  const ms = new MiniSearch({ fields: ['title', 'text'] });
  for (const d of docs) ms.add(d);
  const indexMs = performance.now() - t0;
  const or: number[] = [];
  const and: number[] = [];
  for (const q of SEARCH_QUERIES) {
    let t = performance.now();
    ms.search(q);
    or.push(performance.now() - t);
    t = performance.now();
    ms.search(q, { combineWith: 'AND' });
    and.push(performance.now() - t);
  }
  return { phase: 'bare', maxRssBytes: maxRss(), indexMs, articles: n, latency: { or: percentiles(or), and: percentiles(and) } };
}

/**
 * newsdesk cold: ingest every file, mark copies, analyse, index, write the snapshot. With
 * `analysers: "none"` it measures ingest + index alone (what bare MiniSearch is compared with),
 * without a snapshot.
 */
async function build(args: Record<string, string>): Promise<PhaseResult> {
  const timings: Partial<Record<BuildStep, number>> = {};
  const logger = quietLogger();
  const plain = args.analysers === 'none';
  const { result: built, maxStallMs } = await watchingStalls(() =>
    buildLibrary({
      corpusDir: args.corpusDir!,
      dataDir: args.dataDir!,
      logger,
      onTiming: (step, ms) => (timings[step] = ms),
      ...(plain ? { analysers: [], snapshot: false } : {}),
    }),
  );
  const lib = built.library as SegmentedLibrary;
  return {
    phase: 'build',
    maxRssBytes: maxRss(),
    articles: lib.articles.length,
    passages: lib.mainSegment.passageCount,
    timings,
    ...(plain ? {} : { snapshotBytes: statSync(snapshotPath(args.dataDir!, args.corpusDir!)).size }),
    fromSnapshot: built.fromSnapshot,
    warnings: built.warnings.length + logger.warnings,
    workers: ingestWorkers(lib.articles.length),
    maxStallMs,
  };
}

/** A fresh process: start from the snapshot, then answer the fixed query and topic sets. */
async function serve(args: Record<string, string>): Promise<PhaseResult> {
  const timings: Partial<Record<BuildStep, number>> = {};
  const logger = quietLogger();
  const t0 = performance.now();
  const built = await buildLibrary({ corpusDir: args.corpusDir!, dataDir: args.dataDir!, logger, onTiming: (s, ms) => (timings[s] = ms) });
  const startupMs = performance.now() - t0;
  const library = built.library;
  // A rebuild here means the code or an analyser version changed since the build phase; the parent runs this phase again.
  if (!built.fromSnapshot) return { phase: 'serve', maxRssBytes: maxRss(), startupMs, fromSnapshot: false, timings };

  const searchTimes: number[] = [];
  const firstCallMax: NonNullable<PhaseResult['firstCallMax']> = {};
  const perQuery = new Map<string, number>();
  const hits: Record<string, number> = {};
  for (let pass = 0; pass <= PASSES; pass++) {
    for (const q of SEARCH_QUERIES) {
      const t = performance.now();
      const found = library.search(q, { limit: 10, perArticle: 2 });
      const took = performance.now() - t;
      if (pass === 0) {
        hits[q] = found.length;
        firstCallMax.search = Math.max(firstCallMax.search ?? 0, took);
        continue;
      }
      searchTimes.push(took);
      perQuery.set(q, Math.max(perQuery.get(q) ?? 0, took));
    }
  }
  const slowest = [...perQuery.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([query, ms]) => ({ query, ms }));

  const latency: PhaseResult['latency'] = { search: percentiles(searchTimes) };
  const commands = await loadCommands();
  const runtime = createRuntime({ commands, library: () => library, logger, config: loadConfig({}) });
  // The running bot builds the corpus's topic table at start (src/app/main.ts); so does this phase, timed apart.
  const topicsStart = performance.now();
  listTopics(library);
  const topicsWarmMs = performance.now() - topicsStart;
  // The whole /search command as a user gets it: parsing, search, citations and, when nothing is found, suggestions.
  if (commands.has('search')) {
    const times: number[] = [];
    for (let pass = 0; pass <= PASSES; pass++) {
      for (const q of SEARCH_QUERIES) {
        const t = performance.now();
        await runtime.execute('search', { text: q }, { platform: 'cli' });
        if (pass > 0) times.push(performance.now() - t);
      }
    }
    latency.searchCommand = percentiles(times);
  }
  for (const name of ['claim', 'timeline'] as const) {
    if (!commands.has(name)) {
      console.log(`  ${name}: no such command yet, skipped`);
      continue;
    }
    // Warm-up topics first (their slowest call is reported as the first call), then each timed topic once:
    // repeating a topic would time the command's memo of it, not the work.
    for (const topic of TOPICS) {
      const t = performance.now();
      const reply = await runtime.execute(name, { text: topic }, { platform: 'cli' });
      hits[`${name} ${topic}`] = reply.items.length;
      firstCallMax[name] = Math.max(firstCallMax[name] ?? 0, performance.now() - t);
    }
    const times: number[] = [];
    for (const topic of TIMED_TOPICS) {
      const t = performance.now();
      await runtime.execute(name, { text: topic }, { platform: 'cli' });
      times.push(performance.now() - t);
    }
    latency[name] = percentiles(times);
  }
  return {
    phase: 'serve',
    maxRssBytes: maxRss(),
    startupMs,
    fromSnapshot: built.fromSnapshot,
    articles: library.articles.length,
    timings,
    topicsWarmMs,
    latency,
    slowest,
    hits,
    firstCallMax,
  };
}

/**
 * A restart after `args.changed` corpus files changed (a paragraph appended to files spread over
 * the corpus): the time to a library that answers, from the snapshot of the build phase. The
 * files are put back afterwards, so the cached bench corpus stays as generated.
 */
async function restart(args: Record<string, string>): Promise<PhaseResult> {
  const corpusDir = args.corpusDir!;
  const files = listCorpusFiles(corpusDir, CORPUS_EXTENSIONS);
  const changed = Math.min(files.length, Number(args.changed ?? 100));
  const step = Math.max(1, Math.floor(files.length / Math.max(1, changed)));
  const originals = new Map<string, Buffer>();
  for (let i = 0; i < changed; i++) {
    const file = path.join(corpusDir, files[i * step]!);
    const before = readFileSync(file);
    originals.set(file, before);
    writeFileSync(file, Buffer.concat([before, Buffer.from(`\nCorrection: an earlier version of this story (bench change ${i}) gave the wrong figure.\n`)]));
  }
  try {
    const timings: Partial<Record<BuildStep, number>> = {};
    const logger = quietLogger();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const h0 = process.hrtime.bigint();
    // BENCH_STALLS=1: each stall of the event loop over 100 ms, with the steps reported before and after it (on stderr).
    const stalls: string[] = [];
    let lastStep = 'start';
    let tick = performance.now();
    const watch = process.env.BENCH_STALLS
      ? setInterval(() => {
          const now = performance.now();
          if (now - tick > 100) stalls.push(`stall ${(now - tick).toFixed(0)} ms at ${(tick - t0).toFixed(0)} ms, after ${lastStep}`);
          tick = now;
        }, 5)
      : null;
    const onTiming = (s: BuildStep, ms: number): void => {
      timings[s] = (timings[s] ?? 0) + ms;
      lastStep = `${s} (reported at ${(performance.now() - t0).toFixed(0)} ms)`;
    };
    const { result: built, maxStallMs } = await watchingStalls(() => buildLibrary({ corpusDir, dataDir: args.dataDir!, logger, onTiming }));
    if (watch) {
      clearInterval(watch);
      console.error(stalls.join('\n'));
    }
    const startupMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    // For profiles (--cpu-prof): the window of the restart, on the profiler's clock (microseconds).
    if (process.env.BENCH_WINDOW) console.error(`window ${h0 / 1000n} ${process.hrtime.bigint() / 1000n}`);
    // What the start does after answering (keeping the delta, or rebuilding the exact index and snapshot) must finish
    // before the files are put back; it is timed apart, as the bot answers meanwhile.
    const cpu1 = process.cpuUsage();
    const t1 = performance.now();
    const { maxStallMs: settledMaxStallMs } = await watchingStalls(async () => built.settled);
    const settledMs = performance.now() - t1;
    const settledCpu = process.cpuUsage(cpu1);
    return {
      phase: 'restart',
      maxStallMs,
      maxRssBytes: maxRss(),
      startupMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      ...(built.settled ? { settledMs, settledCpuMs: (settledCpu.user + settledCpu.system) / 1000, settledMaxStallMs } : {}),
      fromSnapshot: built.fromSnapshot,
      articles: built.library.articles.length,
      timings,
      ...(built.incremental ? { incremental: built.incremental } : {}),
    };
  } finally {
    for (const [file, bytes] of originals) writeFileSync(file, bytes);
  }
}
