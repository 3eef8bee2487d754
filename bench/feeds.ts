/**
 * `npm run bench -- feeds` (and the last step of the full run): 1,000 article pages behind 10
 * RSS feeds that carry only summaries, on a local site (bench/feeds-site.ts, its own process),
 * polled the way `npm start` polls them — the feed desk (FEEDS_FILE, per-host delay 0) fetches
 * each page, extracts the article, writes it under CORPUS_DIR/feeds/, and the live corpus
 * watcher reads it into the library. Measures articles per minute from the first request to
 * the last article searchable, and the process's peak RSS (worker threads included).
 *
 * Network or us? Before the real run the same fetcher reads the same 1,000 pages with no
 * extraction: that rate is what the network (here: the site process and loopback) allows.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../src/core/ports.js';
import { FeedsService } from '../src/feeds/service.js';
import { PoliteFetcher, type Validators } from '../src/feeds/fetch.js';
import { buildLibrary } from '../src/library/build.js';
import { watchCorpus } from '../src/watch/index.js';
import { FEEDS, PER_FEED } from './feeds-site.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REUTERS = path.resolve(ROOT, '../shared/data/reuters21578');
/** The goal of issue 16: at least this many articles a minute with the per-host delay at 0. */
const GOAL_PER_MINUTE = 600;

/** What the measuring process reports. */
interface FeedsResult {
  articles: number;
  /** Reading the pages alone, no extraction (the network's rate). */
  networkOnlyMs: number;
  /** First request to the last story written. */
  pollMs: number;
  /** Of which waiting for responses. */
  fetchMs: number;
  /** First request to the last story in the library. */
  indexedMs: number;
  /** The same poll with no corpus watcher running (fetch, extract, write only). */
  pollAloneMs: number;
  /** CPU time (all threads) of the network-alone pass, the poll alone, and the full run. */
  cpuNetworkMs: number;
  cpuPollAloneMs: number;
  /** Time the watcher spent in the library's applyChanges (main thread), and how many calls. */
  applyMs: number;
  applyCalls: number;
  maxRssBytes: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  warnings: number;
}

const quietLogger = (): Logger & { warnings: number } => {
  const l = { warnings: 0, info() {}, debug() {}, warn() {}, error: (o: unknown, m?: string) => console.error('error:', m, o) };
  l.warn = () => void l.warnings++;
  return l;
};

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/** The fetcher with a stopwatch: time spent waiting for responses. */
class TimedFetcher extends PoliteFetcher {
  waitedMs = 0;
  override async fetch(url: string, validators?: Validators) {
    const t = performance.now();
    try {
      return await super.fetch(url, validators);
    } finally {
      this.waitedMs += performance.now() - t;
    }
  }
}

async function measure(origin: string): Promise<FeedsResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'nd-bench-feeds-'));
  try {
    const corpus = path.join(root, 'corpus');
    const dataDir = path.join(root, 'data');
    mkdirSync(corpus);
    const feedsFile = path.join(root, 'feeds.yml');
    const urls = Array.from({ length: FEEDS }, (_, o) => `${origin}/o${o}/feed.xml`);
    writeFileSync(feedsFile, 'feeds:\n' + urls.map((u, o) => `  - url: ${u}\n    outlet: Outlet ${o}\n`).join(''));
    const logger = quietLogger();
    const userAgent = 'newsdesk-bench/1.0';

    // The network alone: every page once, in the order the poller reads them, nothing extracted.
    const plain = new PoliteFetcher({ allowPrivate: true, hostDelayMs: 0, userAgent });
    const links: string[] = [];
    const nc = process.cpuUsage();
    const n0 = performance.now();
    for (const u of urls) {
      const rss = (await plain.fetch(u)).text();
      for (const m of rss.matchAll(/<link>([^<]+)<\/link>/g)) if (m[1]!.includes('/story/')) links.push(m[1]!);
    }
    for (const link of links) (await plain.fetch(link)).body.length;
    const networkOnlyMs = performance.now() - n0;
    const cpuNetworkMs = cpuMs(process.cpuUsage(nc));

    // The poll alone (no watcher): fetch, extract, write.
    const aloneDir = path.join(root, 'alone');
    mkdirSync(path.join(aloneDir, 'corpus'), { recursive: true });
    const alone = await FeedsService.open({ corpusDir: path.join(aloneDir, 'corpus'), dataDir: path.join(aloneDir, 'data'), feedsFile, allowPrivate: true, userAgent, hostDelayMs: 0, admins: [], logger });
    const ac = process.cpuUsage();
    const a0 = performance.now();
    await alone.fetchNow();
    const pollAloneMs = performance.now() - a0;
    const cpuPollAloneMs = cpuMs(process.cpuUsage(ac));
    await alone.stop();

    // As `npm start` runs it: the library, the live corpus watcher, the feed desk polling FEEDS_FILE.
    const { library } = await buildLibrary({ corpusDir: corpus, dataDir, logger, snapshot: false });
    const target = FEEDS * PER_FEED;
    // Time the library spends taking changes (the watcher applies the files ready together as one batch).
    let applyMs = 0;
    let applyCalls = 0;
    const apply = library.applyChanges.bind(library);
    library.applyChanges = (changes) => {
      const t = performance.now();
      try {
        return apply(changes);
      } finally {
        applyMs += performance.now() - t;
        applyCalls++;
      }
    };
    let allIn: () => void = () => undefined;
    const indexed = new Promise<void>((resolve) => (allIn = resolve));
    const watcher = watchCorpus({
      corpusDir: corpus,
      library,
      logger,
      onChange: () => {
        if (library.articles.length >= target) allIn();
      },
    });
    await watcher.ready();
    const fetcher = new TimedFetcher({ allowPrivate: true, hostDelayMs: 0, userAgent });
    const desk = await FeedsService.open({ corpusDir: corpus, dataDir, feedsFile, allowPrivate: true, userAgent, hostDelayMs: 0, admins: [], logger, fetcher });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const outcomes = await desk.fetchNow();
    const pollMs = performance.now() - t0;
    const created = outcomes.reduce((n, o) => n + o.created, 0);
    if (created !== target) console.error(`warning: ${created} stories stored, expected ${target}`, outcomes.filter((o) => o.status !== 'ok'));
    await Promise.race([indexed, new Promise((resolve) => setTimeout(resolve, 600_000))]);
    const indexedMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const articles = library.articles.length;
    await watcher.close();
    await desk.stop();
    return {
      articles,
      networkOnlyMs,
      pollMs,
      fetchMs: fetcher.waitedMs,
      indexedMs,
      pollAloneMs,
      cpuNetworkMs,
      cpuPollAloneMs,
      applyMs,
      applyCalls,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      warnings: logger.warnings,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function start(args: string[]): ChildProcess {
  return fork(fileURLToPath(import.meta.url), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}
const firstMessage = <T>(proc: ChildProcess): Promise<T> =>
  new Promise((resolve, reject) => {
    proc.once('message', (m) => resolve(m as T));
    proc.once('exit', (code) => reject(new Error(`child exited with ${code} before reporting`)));
  });

const perMinute = (n: number, ms: number) => Math.round((n / ms) * 60_000);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs the feeds bench and prints its table; returns the result with the verdict. */
export async function runFeedsBench(): Promise<FeedsResult & { perMinute: number; pass: boolean }> {
  console.log(`feeds bench: ${FEEDS} feeds x ${PER_FEED} article pages (summaries only) on 127.0.0.1, per-host delay 0`);
  const load0 = loadavg()[0]!;
  const site = fork(fileURLToPath(new URL('./feeds-site.ts', import.meta.url)), ['feeds-site', REUTERS], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const info = await firstMessage<{ port: number; pages: number; pageBytes: number }>(site);
    const siteCpu0 = await new Promise<NodeJS.CpuUsage>((resolve) => {
      site.once('message', (m) => resolve((m as { cpu: NodeJS.CpuUsage }).cpu));
      site.send('cpu');
    });
    const child = start(['measure', `http://127.0.0.1:${info.port}`]);
    const r = await firstMessage<FeedsResult>(child);
    const siteCpu = await new Promise<NodeJS.CpuUsage>((resolve) => {
      site.once('message', (m) => resolve((m as { cpu: NodeJS.CpuUsage }).cpu));
      site.send('cpu');
    });
    const siteCpuMs = (siteCpu.user - siteCpu0.user + siteCpu.system - siteCpu0.system) / 1000;
    const rate = perMinute(r.articles, r.indexedMs);
    const n = FEEDS * PER_FEED;
    const networkRate = perMinute(FEEDS * PER_FEED, r.networkOnlyMs);
    const ours = r.pollMs - r.fetchMs;
    const limit =
      rate >= networkRate * 0.8
        ? 'the network (the site) is the limit: fetching alone is about as fast'
        : `we are the limit: fetching alone runs at ${networkRate.toLocaleString('en')}/min; of the poll's ${s(r.pollMs)}, ${s(r.fetchMs)} waited for responses and ${s(ours)} was ours (parse, extract, chrome, write)`;
    const rows: [string, string][] = [
      ['pages (HTML)', `${info.pages.toLocaleString('en')} (${(info.pageBytes / info.pages / 1024).toFixed(0)} KB each on average)`],
      ['network alone (fetch, no extraction)', `${s(r.networkOnlyMs)}  (${networkRate.toLocaleString('en')} pages/min)`],
      ['poll: fetched, extracted, written', `${s(r.pollMs)}  (${perMinute(FEEDS * PER_FEED, r.pollMs).toLocaleString('en')} articles/min; waiting for responses ${s(r.fetchMs)})`],
      ['... and indexed by the watcher', `${s(r.indexedMs)}  (${r.articles.toLocaleString('en')} articles in the library; applyChanges ${s(r.applyMs)} over ${r.applyCalls} calls)`],
      ['poll alone (no watcher running)', `${s(r.pollAloneMs)}  (${perMinute(FEEDS * PER_FEED, r.pollAloneMs).toLocaleString('en')} articles/min fetched, extracted, written)`],
      ['articles per minute (end to end)', `${rate.toLocaleString('en')}  (goal >= ${GOAL_PER_MINUTE})`],
      ['peak RSS', `${(r.maxRssBytes / 1e6).toFixed(0)} MB`],
      ['CPU: newsdesk / site', `${s(r.cpuUserMs + r.cpuSystemMs)} / ${s(siteCpuMs)} (poll and indexing; the site's includes its other passes)`],
      [
        'CPU per article (all threads)',
        `fetch ${(r.cpuNetworkMs / n).toFixed(1)} ms, fetch+extract+write ${(r.cpuPollAloneMs / n).toFixed(1)} ms, end to end ${((r.cpuUserMs + r.cpuSystemMs) / n).toFixed(1)} ms` +
          ` (so ${perMinute(n, (r.cpuUserMs + r.cpuSystemMs) / 2).toLocaleString('en')}/min at most if 2 idle cores were all ours)`,
      ],
      ['limit', limit],
      ['machine load (1-min avg)', `${load0.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end, ${cpus().length} cores`],
    ];
    const width = Math.max(...rows.map((x) => x[0].length));
    console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
    const pass = r.articles >= FEEDS * PER_FEED && rate >= GOAL_PER_MINUTE;
    console.log(`  ${pass ? 'PASS' : 'FAIL'}    feeds: >= ${GOAL_PER_MINUTE} articles/min fetched, extracted, written and indexed`);
    if (r.warnings) console.log(`  (${r.warnings} warnings logged during the run)`);
    return { ...r, perMinute: rate, pass };
  } finally {
    site.send('stop');
  }
}

// As a child process: measure against the site at argv[3] and report.
if (process.send && process.argv[2] === 'measure') {
  measure(process.argv[3]!)
    .then((r) => process.send!(r, () => process.exit(0)))
    .catch((err: unknown) => {
      console.error('feeds bench failed:', err);
      process.exit(1);
    });
}
