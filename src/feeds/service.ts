/**
 * The feed desk the process runs: the feeds of FEEDS_FILE plus those added from chat, polled
 * beside the bot (or once, for `newsdesk feeds fetch --once`), and the `/feeds` command's port.
 */
import { NewsdeskError } from '../core/errors.js';
import type { Config } from '../app/config.js';
import type { Clock, Logger } from '../core/ports.js';
import type { FeedFetchInfo, FeedInfo, FeedsDesk } from '../core/services.js';
import type { FeedRecord, FeedStatePort } from '../store/feed-state.js';
import { openFeedState } from '../store/open-state.js';
import { readFeedsFile } from './feeds-file.js';
import { PoliteFetcher } from './fetch.js';
import { FeedPoller, type FeedSource } from './poller.js';

/** What the feed desk needs from the configuration. */
export interface FeedsServiceOptions {
  corpusDir: string;
  dataDir: string;
  /** DATABASE_URL: the feed state in PostgreSQL; undefined: the SQLite file in `dataDir`. */
  databaseUrl?: string | undefined;
  /** FEEDS_FILE; undefined for no file. */
  feedsFile: string | undefined;
  allowPrivate: boolean;
  userAgent: string;
  hostDelayMs: number;
  admins: readonly string[];
  logger: Logger;
  clock?: Clock;
  /** How often due feeds are looked for. @defaultValue 1 minute */
  tickMs?: number;
  /** Stand-in fetcher settings for tests (timeouts, sleep). */
  fetcher?: PoliteFetcher;
}

const toInfo = (r: FeedRecord): FeedInfo => ({
  url: r.url,
  outlet: r.outlet,
  origin: r.origin,
  lastFetch: r.lastFetch ? new Date(r.lastFetch) : null,
  items: r.items,
  lastError: r.lastError,
  failureStreak: r.failureStreak,
});

/**
 * The feed desk.
 * @example
 * const feeds = FeedsService.open({ corpusDir, dataDir, feedsFile: 'feeds.yml', allowPrivate: false, userAgent, hostDelayMs: 1000, admins: [], logger });
 * feeds.start();
 */
export class FeedsService implements FeedsDesk {
  readonly admins: readonly string[];
  private readonly state: FeedStatePort;
  private readonly poller: FeedPoller;
  private readonly clock: Clock;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /** Why the last tick failed as a whole, so a lasting problem is logged once. */
  private tickError: string | undefined;
  /** The fetch `/feeds fetch` started from chat or the console, while it runs. */
  private background: Promise<void> | undefined;

  private constructor(
    private readonly o: FeedsServiceOptions,
    state: FeedStatePort,
  ) {
    this.admins = o.admins;
    this.clock = o.clock ?? { now: () => new Date() };
    this.state = state;
    const fetcher = o.fetcher ?? new PoliteFetcher({ userAgent: o.userAgent, allowPrivate: o.allowPrivate, hostDelayMs: o.hostDelayMs, clock: this.clock });
    this.poller = new FeedPoller({ corpusDir: o.corpusDir, state: this.state, fetcher, logger: o.logger, clock: this.clock });
  }

  /**
   * Opens the desk: reads FEEDS_FILE and records its feeds in the state database.
   * @throws NewsdeskError (code `config`) for a malformed FEEDS_FILE
   */
  static async open(options: FeedsServiceOptions): Promise<FeedsService> {
    // The file is read before anything is opened, so a malformed one leaves nothing behind.
    if (options.feedsFile) readFeedsFile(options.feedsFile);
    const state = await openFeedState({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, logger: options.logger });
    const service = new FeedsService(options, state);
    try {
      await service.syncFile();
    } catch (err) {
      await state.close();
      throw err;
    }
    return service;
  }

  /** The feeds of the file, re-read so an edit takes effect at the next poll. */
  private fileFeeds(): FeedSource[] {
    return this.o.feedsFile ? readFeedsFile(this.o.feedsFile) : [];
  }

  private async syncFile(): Promise<FeedSource[]> {
    const fromFile = this.fileFeeds();
    for (const f of fromFile) await this.state.upsertFeed({ url: f.url, outlet: f.outlet, origin: 'file' }, this.clock.now());
    return fromFile;
  }

  /** Every followed feed: the file's (with their settings) and the chat-added ones. */
  async sources(): Promise<FeedSource[]> {
    const fromFile = await this.syncFile();
    const inFile = new Set(fromFile.map((f) => f.url));
    const fromChat = (await this.state.feeds())
      .filter((r) => r.origin === 'chat' && !inFile.has(r.url))
      .map((r) => ({ url: r.url, outlet: r.outlet }));
    return [...fromFile, ...fromChat];
  }

  async list(): Promise<FeedInfo[]> {
    const followed = new Set((await this.sources()).map((s) => s.url));
    return (await this.state.feeds()).filter((r) => followed.has(r.url)).map(toInfo);
  }

  async add(request: { url: string; outlet?: string; addedBy?: string | null }): Promise<FeedInfo> {
    let url: URL;
    try {
      url = new URL(request.url.trim().replace(/^<|>$/g, ''));
    } catch {
      throw new NewsdeskError(`"${request.url.slice(0, 100)}" is not a URL`, 'usage');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new NewsdeskError('Only http and https feeds can be followed.', 'usage');
    const key = url.toString();
    if ((await this.sources()).some((s) => s.url === key)) throw new NewsdeskError(`${key} is already followed.`, 'usage');
    const outlet = request.outlet?.trim() || url.hostname.replace(/^www\./, '');
    return toInfo(await this.state.upsertFeed({ url: key, outlet, origin: 'chat', addedBy: request.addedBy ?? null }, this.clock.now()));
  }

  async remove(url: string): Promise<FeedInfo> {
    const key = URL.canParse(url.trim()) ? new URL(url.trim()).toString() : url.trim();
    const record = await this.state.feed(key);
    if (!record || !(await this.sources()).some((s) => s.url === key)) throw new NewsdeskError(`${key.slice(0, 200)} is not followed.`, 'not_found');
    if (this.fileFeeds().some((f) => f.url === key)) throw new NewsdeskError(`${key} comes from FEEDS_FILE; remove it there.`, 'usage');
    await this.state.removeFeed(key);
    return toInfo(record);
  }

  async fetchNow(): Promise<FeedFetchInfo[]> {
    return this.serially(async () => this.poller.pollDue(await this.sources(), true));
  }

  async fetchInBackground(): Promise<{ feeds: number; started: boolean }> {
    // Checked and set before any await, so two asks at once start one fetch.
    if (this.background) return { feeds: (await this.sources()).length, started: false };
    this.background = this.fetchNow()
      .then(
        (results) => {
          const sum = (key: 'created' | 'updated') => results.reduce((n, r) => n + r[key], 0);
          const failed = results.filter((r) => r.status === 'failed').length;
          this.o.logger.info({ feeds: results.length, created: sum('created'), updated: sum('updated'), failed }, 'feeds fetched');
        },
        (err: unknown) => this.o.logger.error({ reason: (err as Error).message }, 'feeds fetch failed'),
      )
      .finally(() => {
        this.background = undefined;
      });
    return { feeds: (await this.sources()).length, started: true };
  }

  /** Polls the feeds that are due, then again every tick, until `stop`. */
  start(): void {
    const tick = async (): Promise<void> => {
      if (this.stopped) return;
      try {
        await this.serially(async () => this.poller.pollDue(await this.sources()));
        if (this.tickError !== undefined) this.o.logger.info({}, 'feeds poll works again');
        this.tickError = undefined;
      } catch (err) {
        // A FEEDS_FILE broken while running: said once (again only if the reason changes), the poller stays up.
        const reason = (err as Error).message;
        if (reason !== this.tickError) this.o.logger.error({ reason }, 'feeds poll failed');
        this.tickError = reason;
      }
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.o.tickMs ?? 60_000);
    };
    void tick();
  }

  /** Stops polling after the poll in progress, and closes the state database. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running.catch(() => undefined);
    await this.state.close();
  }

  /** One poll at a time, whether from the timer or from `/feeds fetch`. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const next = this.running.catch(() => undefined).then(task);
    this.running = next;
    return next;
  }
}

/**
 * The feed desk for a configuration (CORPUS_DIR, DATA_DIR and the FEEDS_* settings).
 * @throws NewsdeskError (code `config`) for a malformed FEEDS_FILE
 */
export function feedsServiceFor(config: Config, logger: Logger): Promise<FeedsService> {
  return FeedsService.open({
    corpusDir: config.CORPUS_DIR,
    dataDir: config.DATA_DIR,
    databaseUrl: config.DATABASE_URL,
    feedsFile: config.FEEDS_FILE,
    allowPrivate: config.FEEDS_ALLOW_PRIVATE,
    userAgent: config.FEEDS_USER_AGENT,
    hostDelayMs: config.FEEDS_HOST_DELAY_SECONDS * 1000,
    admins: config.FEEDS_ADMINS,
    logger,
  });
}
