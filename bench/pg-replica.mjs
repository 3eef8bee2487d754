// A serving replica measured in its own process (the postgres bench's `pg-serve` phase forks it):
// plain Node on the compiled dist/ (no tsx, none of the bench's imports), loading the modules
// `newsdesk start` loads (src/app/main.js with its platform adapters), then opening the archive
// as a replica does and answering the bench's searches, /search, /claim and /timeline. Its peak RSS
// is a replica's. Arguments: one JSON object { databaseUrl, queries, topics, timedTopics, passes };
// the result goes back over IPC (bench/phases.ts `PhaseResult`). BENCH_SKIP_SOURCES=1 leaves /sources out,
// BENCH_SKIP_DIGEST=1 the 2,000-arrival digest;
// the replica's Node options are the shipped replicas' (bench/postgres.ts reads them from compose.scale.yml).
const args = JSON.parse(process.argv[2] ?? '{}');
const dist = new URL('../dist/src/', import.meta.url);
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const rssSteps = [];
const step = (name) => rssSteps.push({ step: name, peakBytes: maxRss(), heapUsedBytes: process.memoryUsage().heapUsed });
step('process start');
// What `newsdesk start` imports: the app's wiring, then the chat adapters it starts. main.js loads
// an adapter only when its platform is configured; a replica serving both loads both, as here.
await import(new URL('app/main.js', dist).href);
step('main.js loaded');
await import(new URL('adapters/slack/index.js', dist).href);
await import(new URL('adapters/discord/index.js', dist).href);
const { openReplicaLibrary } = await import(new URL('library/pg/pg-open.js', dist).href);
const { PgSearchIndex } = await import(new URL('library/pg/pg-search-index.js', dist).href);
const { loadCommands } = await import(new URL('app/commands-loader.js', dist).href);
const { loadConfig } = await import(new URL('app/config.js', dist).href);
const { createRuntime } = await import(new URL('app/runtime.js', dist).href);
step('modules loaded');

const logger = { info() {}, debug() {}, warn() {}, error: (o, m) => console.error('error:', m, o) };
function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? NaN };
}

const t0 = performance.now();
const { library, pool } = await openReplicaLibrary(args.databaseUrl, logger);
const startupMs = performance.now() - t0;
step('replica open');
const index = new PgSearchIndex(pool);
const hits = {};
const searchTimes = [];
const perQuery = new Map();
for (let pass = 0; pass <= args.passes; pass++) {
  for (const q of args.queries) {
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
const latency = { search: percentiles(searchTimes) };
step('index searches');
const commands = await loadCommands();
step('commands loaded');
const runtime = createRuntime({ commands, library: () => library, logger, config: loadConfig({}) });
const times = [];
for (let pass = 0; pass <= 1; pass++) {
  for (const q of args.queries) {
    const t = performance.now();
    await runtime.execute('search', { text: q }, { platform: 'cli' });
    if (pass > 0) times.push(performance.now() - t);
  }
}
latency.searchCommand = percentiles(times);
step('/search commands');
for (const name of ['claim', 'timeline']) {
  for (const topic of args.topics) {
    const reply = await runtime.execute(name, { text: topic }, { platform: 'cli' });
    hits[`${name} ${topic}`] = reply.items.length;
  }
  const t = [];
  for (const topic of args.timedTopics) {
    const s = performance.now();
    await runtime.execute(name, { text: topic }, { platform: 'cli' });
    t.push(performance.now() - s);
  }
  latency[name] = percentiles(t);
  step(`/${name} commands`);
}
if (!process.env.BENCH_SKIP_SOURCES) {
  // /sources a page at a time: the first page, one in the middle and the last (the deepest seek).
  const first = await runtime.execute('sources', { text: '' }, { platform: 'cli' });
  const total = Number(/^(\d+) article/.exec(first.headline)?.[1] ?? 0);
  const pages = Math.max(1, Math.ceil(total / Math.max(1, first.items.length || 1)));
  const t = [];
  const sizes = [];
  for (const page of [1, Math.ceil(pages / 2), pages]) {
    const s = performance.now();
    const reply = await runtime.execute('sources', { text: `--page ${page}` }, { platform: 'cli' });
    t.push(performance.now() - s);
    sizes.push(`page ${page}: ${reply.items.length} items, ${JSON.stringify(reply).length} bytes, ${(performance.now() - s).toFixed(0)} ms`);
  }
  latency.sources = percentiles(t);
  hits.sources = total;
  step(`/sources (${total} articles; ${sizes.join('; ')})`);
}
// The heaviest bounded request: a digest of the most arrivals one digest reads (MAX_FETCHED_ARRIVALS,
// every one fetched whole), everything new and on a topic, as the digest service builds it.
if (!process.env.BENCH_SKIP_DIGEST) {
  const { digestFrom, MAX_FETCHED_ARRIVALS } = await import(new URL('digest/content.js', dist).href);
  const { rows } = await pool.query('SELECT id FROM search_articles ORDER BY seq DESC LIMIT $1', [MAX_FETCHED_ARRIVALS + 1]);
  const ids = rows.map((r) => r.id).reverse();
  const clock = { now: () => new Date() };
  const t = [];
  let shown = 0;
  for (const topic of [null, 'oil']) {
    const s = performance.now();
    const reply = await digestFrom(library, { articleIds: ids, topic, windowLabel: 'bench', commands, clock, logger });
    t.push(performance.now() - s);
    shown += reply?.items.length ?? 0;
  }
  latency.digest = percentiles(t);
  step(`digest of ${MAX_FETCHED_ARRIVALS} arrivals, all and "oil" (${shown} items; ${t.map((x) => x.toFixed(0)).join(' / ')} ms)`);
}
await pool.end();
const slowest = [...perQuery.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([query, ms]) => ({ query, ms }));
// The replica's peak over the whole workload, /sources pages included.
const result = { phase: 'pg-serve', maxRssBytes: maxRss(), startupMs, latency, slowest, hits, rssSteps };
if (process.send) process.send(result, () => process.exit(0));
else console.log(JSON.stringify(result, null, 1));
