/**
 * `npm run bench`: newsdesk's library at newsroom-archive scale.
 *
 * Builds a corpus from Reuters-21578 repeated with distinct ids to BENCH_ARTICLES (default
 * 100,000) articles, then measures in separate processes (so peak RSS is per job): bare
 * MiniSearch over the same text as the reference, newsdesk's cold ingest + index + snapshot
 * write, and a fresh process starting from the snapshot and answering search, claim and
 * timeline queries, and a restart after 100 changed files (`npm run bench -- restart` alone). Prints a
 * table with the target verdicts and writes JSON to bench/out/; then
 * times one `newsdesk` call compiled against tsx (bench/cli-start.ts; `npm run bench -- cli-start`
 * alone) and one pathological passage (bench/pathological.ts; `npm run bench -- pathological` alone),
 * and the feeds phase: 1,000 article pages behind 10 feeds on a local site fetched, extracted,
 * written and indexed (bench/feeds.ts; `npm run bench -- feeds` alone).
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReuters, type ReutersStory } from './reuters.js';
import { runPathological } from './pathological.js';
import { runCliStart } from './cli-start.js';
import { runFeedsBench } from './feeds.js';
import { runPhase, type PhaseResult } from './phases.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Reuters-21578: REUTERS_DIR (or BENCH_REUTERS), else beside the checkout (../shared) or beside the folder of worktrees (../../shared). */
const REUTERS =
  process.env.REUTERS_DIR ??
  process.env.BENCH_REUTERS ??
  [path.resolve(ROOT, '../shared/data/reuters21578'), path.resolve(ROOT, '../../shared/data/reuters21578')].find((d) => existsSync(d)) ??
  path.resolve(ROOT, '../shared/data/reuters21578');
const OUT = path.join(ROOT, 'bench/out');
const TARGET = Number(process.env.BENCH_ARTICLES ?? 100_000);
/** Bump when the generated corpus files change, so a cached corpus folder is rewritten. */
const CORPUS_LAYOUT = 2;

/** Front matter + text for copy `copy` of a story; copies differ only in their id (file name). */
function articleFile(story: ReutersStory): string {
  const fm = ['---', `title: ${JSON.stringify(story.title)}`, 'outlet: Reuters'];
  if (story.published) fm.push(`published: ${story.published}`);
  fm.push('---', '');
  return fm.join('\n') + story.text + '\n';
}

/** Writes the corpus (or reuses one written earlier for the same size and layout); returns its folder and text size. */
function prepareCorpus(stories: ReutersStory[], n: number): { dir: string; textBytes: number; reused: boolean } {
  const dir = path.join(OUT, `corpus-${n}`);
  const marker = path.join(dir, '.complete');
  let textBytes = 0;
  for (let i = 0; i < n; i++) textBytes += Buffer.byteLength(stories[i % stories.length]!.text);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === `${CORPUS_LAYOUT}:${n}`) return { dir, textBytes, reused: true };
  rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < n; i++) {
    const copy = Math.floor(i / stories.length);
    const story = stories[i % stories.length]!;
    const sub = path.join(dir, `copy-${copy}`, story.newId.padStart(5, '0').slice(0, 2));
    if (i % stories.length < 100 || !existsSync(sub)) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `reuters-${story.newId}.md`), articleFile(story));
  }
  writeFileSync(marker, `${CORPUS_LAYOUT}:${n}`);
  return { dir, textBytes, reused: false };
}

/** Runs one phase in a child process with the same Node flags, returning what it reports. */
function child(phase: string, args: Record<string, string>): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), [phase, JSON.stringify(args)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: PhaseResult | undefined;
    proc.on('message', (m) => (result = m as PhaseResult));
    proc.on('error', reject);
    proc.on('exit', (code) => (result ? resolve(result) : reject(new Error(`phase ${phase} exited with ${code} and no result`))));
  });
}

const ms = (x: number | undefined) => (x === undefined ? 'n/a' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'SKIPPED' : ok ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg()[0]!;
  console.log(`newsdesk bench: ${TARGET.toLocaleString('en')} articles from ${REUTERS}`);
  const stories = readReuters(REUTERS);
  const { dir, textBytes, reused } = prepareCorpus(stories, TARGET);
  console.log(`${stories.length} Reuters stories with a body; corpus ${dir} (${mb(textBytes)} of article text${reused ? ', reused' : ''})`);
  const dataDir = path.join(OUT, `data-${TARGET}`);
  rmSync(dataDir, { recursive: true, force: true });
  const args = { corpusDir: dir, dataDir, reuters: REUTERS, articles: String(TARGET) };

  console.log('1/5 bare MiniSearch (reference) …');
  const bare = await child('bare', args);
  console.log('2/5 newsdesk ingest + index (no analysers, no snapshot) …');
  const plain = await child('build-plain', args);
  console.log('3/5 newsdesk full cold start: ingest + claims/dates analysers + index + snapshot …');
  const build = await child('build', args);
  console.log('4/5 newsdesk start-up from snapshot + queries …');
  // While newsdesk's own code is being edited (ingest rules, analyser versions), the snapshot from step 3 can already be
  // stale: start-up then rebuilds it. Measure again in a fresh process until a start-up really comes from the snapshot.
  let serve = await child('serve', args);
  for (let attempt = 2; !serve.fromSnapshot && attempt <= 3; attempt++) {
    console.log(`    start-up rebuilt the snapshot (code or an analyser version changed meanwhile); measuring again (${attempt}/3) …`);
    serve = await child('serve', args);
  }
  console.log(`5/5 restart after ${CHANGED} changed files …`);
  const restart = await child('restart', { ...args, changed: String(CHANGED) });
  const p = plain.timings ?? {};
  const t = build.timings ?? {};
  const ingestIndex = (p.ingest ?? 0) + (p.duplicates ?? 0) + (p.index ?? 0);
  const full = (t.ingest ?? 0) + (t.duplicates ?? 0) + (t.analysers ?? 0) + (t.index ?? 0);
  const bareMs = bare.indexMs ?? NaN;
  const ratio = ingestIndex / bareMs;
  const peak = Math.max(plain.maxRssBytes, build.maxRssBytes, serve.maxRssBytes);
  const lat = serve.latency ?? {};
  const itemsOf = (command: string) => {
    const counts = Object.entries(serve.hits ?? {})
      .filter(([k]) => k.startsWith(`${command} `))
      .map(([, v]) => v);
    return counts.length ? `${Math.min(...counts)}–${Math.max(...counts)} items per topic` : 'no answers';
  };
  const threads = (build.workers ?? 0) > 1 ? ` on ${build.workers} worker threads` : '';
  const rows: [string, string][] = [
    ['articles (text)', `${(build.articles ?? 0).toLocaleString('en')} (${mb(textBytes)}), ${(build.passages ?? 0).toLocaleString('en')} passages`],
    ['bare MiniSearch index', `${ms(bareMs)}  (${(textBytes / 1e6 / (bareMs / 1000)).toFixed(2)} MB/s), peak RSS ${mb(bare.maxRssBytes)}`],
    ['bare MiniSearch search', `OR p50/p95/p99 ${ms(bare.latency?.or?.p50)} / ${ms(bare.latency?.or?.p95)} / ${ms(bare.latency?.or?.p99)}; AND p99 ${ms(bare.latency?.and?.p99)}`],
    ['ingest (read, parse)', `${ms(p.ingest)}${threads}`],
    ['duplicates', ms(p.duplicates)],
    ['index', ms(p.index)],
    [
      'ingest+index',
      `${ms(ingestIndex)}  (${(textBytes / 1e6 / (ingestIndex / 1000)).toFixed(2)} MB/s, ${Math.round((plain.articles ?? 0) / (ingestIndex / 1000)).toLocaleString('en')} articles/s), ${ratio.toFixed(2)}x bare, peak RSS ${mb(plain.maxRssBytes)}`,
    ],
    [
      'full cold build',
      `${ms(full)}  (${(full / bareMs).toFixed(2)}x bare): ingest+claims+dates ${ms((t.ingest ?? 0) + (t.analysers ?? 0))}${threads}, duplicates ${ms(t.duplicates)}, index ${ms(t.index)}`,
    ],
    ['corpus key (hash files)', `${ms(t.key)} (waited for after ingest; hashing runs alongside it)`],
    ['snapshot write', `${ms(t.snapshotWrite)}  (${mb(build.snapshotBytes ?? 0)})`],
    ['longest event-loop stall, cold load', `${ms(build.maxStallMs)}  (a chat command waits this long for its acknowledgement at worst)`],
    ['peak RSS full build / serve', `${mb(build.maxRssBytes)} / ${mb(serve.maxRssBytes)}`],
    ['start-up from snapshot', `${ms(serve.startupMs)}  (fromSnapshot=${serve.fromSnapshot}; key ${ms(serve.timings?.key)}, read ${ms(serve.timings?.snapshotRead)})`],
    ['topic table at start', ms(serve.topicsWarmMs)],
    ['search p50/p95/p99', `${ms(lat.search?.p50)} / ${ms(lat.search?.p95)} / ${ms(lat.search?.p99)}  (max ${ms(lat.search?.max)}, ${lat.search?.n ?? 0} queries)`],
    ['/search command p50/p95/p99', lat.searchCommand ? `${ms(lat.searchCommand.p50)} / ${ms(lat.searchCommand.p95)} / ${ms(lat.searchCommand.p99)}  (with citations and suggestions)` : 'skipped'],
    ['claim p50/p95/p99', lat.claim ? `${ms(lat.claim.p50)} / ${ms(lat.claim.p95)} / ${ms(lat.claim.p99)}  (${itemsOf('claim')})` : 'skipped (no claim command)'],
    ['timeline p50/p95/p99', lat.timeline ? `${ms(lat.timeline.p50)} / ${ms(lat.timeline.p95)} / ${ms(lat.timeline.p99)}  (${itemsOf('timeline')})` : 'skipped (no timeline command)'],
  ];
  rows.push(...restartRows(build, restart).slice(0, 2));
  const loadAfter = loadavg()[0]!;
  rows.push(['machine load (1-min avg)', `${loadBefore.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end, ${cpus().length} cores (timings stretch when other jobs share them)`]);
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log('\n' + rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
  const verdicts: [string, boolean | undefined][] = [
    ['ingest+index <= 2x bare MiniSearch', ratio <= 2],
    ['start-up from snapshot < 5 s', serve.fromSnapshot === true && (serve.startupMs ?? Infinity) < 5000],
    ['search p99 < 50 ms', (lat.search?.p99 ?? Infinity) < 50],
    ['claim p99 < 50 ms', lat.claim ? lat.claim.p99 < 50 : undefined],
    ['timeline p99 < 50 ms', lat.timeline ? lat.timeline.p99 < 50 : undefined],
    ['peak RSS < 2 GB', peak < 2e9],
    [`restart after ${CHANGED} changed files < 3 s`, (restart.startupMs ?? Infinity) < 3000],
  ];
  console.log('\nTargets:\n' + verdicts.map(([k, v]) => `  ${verdict(v).padEnd(7)} ${k}`).join('\n'));
  const first = serve.firstCallMax ?? {};
  console.log(
    `\nFirst call (cold: no JIT warm-up, no command caches), slowest: search ${ms(first.search)}, claim ${ms(first.claim)}, timeline ${ms(first.timeline)}` +
      '\n(search percentiles: 5 further passes of the query set; claim and timeline: 50 distinct topics, each asked once)',
  );
  if (serve.slowest?.length) console.log('\nSlowest searches: ' + serve.slowest.map((s) => `"${s.query}" ${ms(s.ms)}`).join(', '));
  const result = {
    when: new Date().toISOString(),
    articles: TARGET,
    textBytes,
    bare,
    plain,
    build,
    serve,
    restart,
    derived: { ingestIndexMs: ingestIndex, fullBuildMs: full, ratio, peakRssBytes: peak },
    load: { before: loadBefore, after: loadAfter, cores: cpus().length },
    verdicts: Object.fromEntries(verdicts.map(([k, v]) => [k, verdict(v)])),
    wallSeconds: (Date.now() - started) / 1000,
  };
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `bench-${TARGET}-${result.when.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  writeFileSync(path.join(OUT, 'latest.json'), JSON.stringify(result, null, 2));
  console.log(`\nWrote ${path.relative(ROOT, file)} (whole run ${result.wallSeconds.toFixed(0)} s)`);
  // One `newsdesk` call from the shell, compiled against tsx (issue #13).
  if (process.env.BENCH_CLI_START !== '0') {
    console.log('');
    await runCliStart();
  }
  // One passage with no sentence end through ingest, commands and both renderers (issue #11).
  if (process.env.BENCH_PATHOLOGICAL !== '0') {
    console.log('');
    await runPathological();
  }
  // Feeds into the corpus (issue #16).
  if (process.env.BENCH_FEEDS !== '0') {
    console.log('');
    await runFeedsBench();
  }
}

/**
 * `npm run bench -- restart`: a cold build (snapshot written), then a restart after `BENCH_CHANGED`
 * (default 100) files changed, side by side; the corpus files are put back afterwards.
 */
async function restartOnly(): Promise<void> {
  console.log(`newsdesk bench (restart): ${TARGET.toLocaleString('en')} articles from ${REUTERS}`);
  const stories = readReuters(REUTERS);
  const { dir, reused } = prepareCorpus(stories, TARGET);
  console.log(`corpus ${dir}${reused ? ' (reused)' : ''}`);
  const dataDir = path.join(OUT, `data-${TARGET}`);
  rmSync(dataDir, { recursive: true, force: true });
  const args = { corpusDir: dir, dataDir, reuters: REUTERS, articles: String(TARGET) };
  console.log('1/3 full cold build (ingest + analysers + index + snapshot) …');
  const build = await child('build', args);
  console.log('2/3 start-up over the unchanged corpus …');
  const unchanged = await child('restart', { ...args, changed: '0' });
  console.log(`3/4 restart after ${CHANGED} changed files …`);
  const restart = await child('restart', { ...args, changed: String(CHANGED) });
  console.log(`4/4 the next restart over the same ${CHANGED} changed files …`);
  const again = await child('restart', { ...args, changed: String(CHANGED) });
  const rows = restartRows(build, restart);
  rows.splice(1, 0, ['start-up, unchanged corpus', `${ms(unchanged.startupMs)}  (fromSnapshot=${unchanged.fromSnapshot}; CPU ${ms(unchanged.cpuMs)}; ${stepsOf(unchanged)})`]);
  rows.splice(3, 0, restartRow('the next restart, same changes', again));
  console.log('\n' + rows.map(([k, v]) => `${k.padEnd(34)}  ${v}`).join('\n'));
}

/** How many corpus files the restart phase changes. */
const CHANGED = Number(process.env.BENCH_CHANGED ?? 100);

/** A phase's build steps and their times. */
function stepsOf(phase: PhaseResult): string {
  return Object.entries(phase.timings ?? {})
    .map(([k, v]) => `${k} ${ms(v)}`)
    .join(', ');
}

/** One restart's row: time to answer, its CPU time and steps, and the work it did after answering. */
function restartRow(label: string, restart: PhaseResult): [string, string] {
  const inc = restart.incremental;
  const what = inc
    ? `reused ${inc.reused.toLocaleString('en')}, ingested ${inc.ingested}, removed ${inc.removed}, snapshot ${inc.snapshotRewritten ? 'rebuilt after answering' : 'kept, delta beside it'}`
    : 'full re-ingest';
  const after = restart.settledMs === undefined ? '' : `; after answering ${ms(restart.settledMs)} (CPU ${ms(restart.settledCpuMs)}, longest stall ${ms(restart.settledMaxStallMs)})`;
  return [label, `${ms(restart.startupMs)}  (CPU ${ms(restart.cpuMs)}; longest stall ${ms(restart.maxStallMs)}; ${what}; ${stepsOf(restart)}${after})`];
}

/** The restart rows of the table: a cold build and a restart after changes, at the same size. */
function restartRows(build: PhaseResult, restart: PhaseResult): [string, string][] {
  const t = build.timings ?? {};
  const cold = Object.values(t).reduce((sum, x) => sum + (x ?? 0), 0);
  return [
    ['full cold build (all steps)', `${ms(cold)}  (${(build.articles ?? 0).toLocaleString('en')} articles; longest event-loop stall ${ms(build.maxStallMs)})`],
    restartRow(`restart after ${CHANGED} changed files`, restart),
    [`restart < 3 s`, verdict((restart.startupMs ?? Infinity) < 3000)],
  ];
}

/**
 * `npm run bench -- --backend postgres`: the compact engine's cold build and serve phases, then
 * the same library written to PostgreSQL (bench/postgres.ts) and a serving replica over it.
 */
async function postgresOnly(): Promise<void> {
  const { startBenchPostgres } = await import('./postgres.js');
  console.log(`newsdesk bench (postgres): ${TARGET.toLocaleString('en')} articles from ${REUTERS}`);
  const { dir, reused } = prepareCorpus(readReuters(REUTERS), TARGET);
  console.log(`corpus ${dir}${reused ? ' (reused)' : ''}`);
  const dataDir = path.join(OUT, `data-${TARGET}`);
  rmSync(dataDir, { recursive: true, force: true });
  const db = await startBenchPostgres();
  try {
    const args = { corpusDir: dir, dataDir, reuters: REUTERS, articles: String(TARGET), databaseUrl: db.url };
    console.log('1/4 compact: full cold build (ingest + analysers + index + snapshot) …');
    const build = await child('build', args);
    console.log('2/4 compact: serving from the snapshot + queries …');
    const serve = await child('serve', args);
    console.log('3/4 postgres: the ingest role writes the library to PostgreSQL …');
    const ingest = await child('pg-ingest', args);
    console.log('4/4 postgres: a serving replica + queries …');
    const replica = await child('pg-serve', args);
    const t = build.timings ?? {};
    const cold = (t.ingest ?? 0) + (t.duplicates ?? 0) + (t.analysers ?? 0) + (t.index ?? 0);
    const write = ingest.indexMs ?? NaN;
    const rate = (n: number, msx: number) => `${Math.round(n / (msx / 1000)).toLocaleString('en')} articles/s`;
    const lat = (r: PhaseResult, k: 'search' | 'searchCommand' | 'claim' | 'timeline') => {
      const l = r.latency?.[k];
      return l ? `${ms(l.p50)} / ${ms(l.p99)}` : 'n/a';
    };
    const rows: [string, string, string][] = [
      ['', 'compact', 'postgres'],
      ['articles / passages', `${(build.articles ?? 0).toLocaleString('en')} / ${(build.passages ?? 0).toLocaleString('en')}`, `${(ingest.articles ?? 0).toLocaleString('en')} / ${(ingest.passages ?? 0).toLocaleString('en')}`],
      ['ingest (read+analyse+index)', `${ms(cold)} (${rate(build.articles ?? 0, cold)})`, `+ write ${ms(write)} (${rate(ingest.articles ?? 0, write)}; writer CPU ${ms(ingest.timings?.ingest)}); total ${rate(ingest.articles ?? 0, cold + write)}`],
      ['stored size', `snapshot ${mb(build.snapshotBytes ?? 0)}`, `database ${mb(ingest.snapshotBytes ?? 0)}`],
      ['search p50 / p99', lat(serve, 'search'), lat(replica, 'search')],
      ['/search command p50 / p99', lat(serve, 'searchCommand'), lat(replica, 'searchCommand')],
      ['claim p50 / p99', lat(serve, 'claim'), lat(replica, 'claim')],
      ['timeline p50 / p99', lat(serve, 'timeline'), lat(replica, 'timeline')],
      ['serving process peak RSS', mb(serve.maxRssBytes), mb(replica.maxRssBytes)],
      ['serving start-up', ms(serve.startupMs), ms(replica.startupMs)],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    console.log('\n' + rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`).join('\n'));
    const p99 = replica.latency?.search?.p99 ?? Infinity;
    console.log(`\nTargets (postgres):\n  ${verdict(p99 < 50).padEnd(7)} search p99 < 50 ms\n  ${verdict(replica.maxRssBytes < 300e6).padEnd(7)} serving replica RSS < 300 MB`);
    if (replica.slowest?.length) console.log('Slowest postgres searches: ' + replica.slowest.map((s) => `"${s.query}" ${ms(s.ms)}`).join(', '));
    console.log(`Replica NODE_OPTIONS (compose.scale.yml): "${replica.nodeOptions ?? ''}"`);
    if (replica.rssSteps?.length) console.log('Replica peak RSS by step: ' + replica.rssSteps.map((s) => `${s.step} ${mb(s.peakBytes)} (heap ${mb(s.heapUsedBytes)})`).join(', '));
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, `bench-postgres-${TARGET}.json`), JSON.stringify({ when: new Date().toISOString(), articles: TARGET, build, serve, ingest, replica }, null, 2));
  } finally {
    await db.stop();
  }
}

/** `npm run bench -- pg-replica URL`: the replica phase alone, its latencies and peak RSS by step. */
async function replicaOnlyReport(databaseUrl: string): Promise<void> {
  const { replicaOnly } = await import('./postgres.js');
  const before = loadavg()[0]!.toFixed(1);
  const replica = await replicaOnly(databaseUrl);
  console.log(`load ${before} → ${loadavg()[0]!.toFixed(1)}`);
  for (const [k, l] of Object.entries(replica.latency ?? {})) if (l) console.log(`${k.padEnd(14)} p50 ${ms(l.p50)}  p99 ${ms(l.p99)}  max ${ms(l.max)}  (n=${l.n})`);
  console.log(`serving peak RSS ${mb(replica.maxRssBytes)}; start-up ${ms(replica.startupMs)}; NODE_OPTIONS "${replica.nodeOptions ?? ''}"`);
  for (const s of replica.rssSteps ?? []) console.log(`  ${s.step.padEnd(40)} peak ${mb(s.peakBytes)}  heap ${mb(s.heapUsedBytes)}`);
}

const [phase, rawArgs] = process.argv.slice(2);
if (phase === '--backend' && rawArgs === 'postgres') {
  postgresOnly().catch((err: unknown) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  });
} else if (phase === 'pg-replica' && rawArgs !== undefined) {
  // `npm run bench -- pg-replica postgres://…`: a serving replica alone over an archive already written (bench/pg-keep.ts).
  replicaOnlyReport(rawArgs).catch((err: unknown) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  });
} else if (phase === 'cli-start') {
  runCliStart().catch((err: unknown) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  });
} else if (phase === 'restart' && rawArgs === undefined) {
  restartOnly().catch((err: unknown) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  });
} else if (phase === 'corpus' && rawArgs === undefined) {
  // `npm run bench -- corpus`: writes (or reuses) the BENCH_ARTICLES corpus only and prints its folder,
  // e.g. for bench/pg-keep.ts.
  const { dir, reused } = prepareCorpus(readReuters(REUTERS), TARGET);
  console.log(`${dir}${reused ? ' (reused)' : ''}`);
} else if (phase === 'feeds') {
  runFeedsBench().catch((err: unknown) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  });
} else if (phase === 'pathological') {
  runPathological().catch((err: unknown) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  });
} else if (phase) {
  runPhase(phase, JSON.parse(rawArgs ?? '{}') as Record<string, string>)
    .then((r) => process.send?.(r, () => process.exit(0)))
    .catch((err: unknown) => {
      console.error(`phase ${phase} failed:`, err);
      process.exit(1);
    });
} else {
  main().catch((err: unknown) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  });
}
