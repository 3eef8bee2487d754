/**
 * The polite, safe HTTP client every feed and page request goes through: only http/https, only
 * public addresses (checked at connect time, see address-guard.ts), a bounded response (size,
 * time, redirects), compressed bodies decoded, conditional GET, robots.txt honoured, one request
 * at a time per host with a delay between them, and a host that answered 429/503 with
 * Retry-After left alone until then.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import robotsModule from 'robots-parser';
import type { Clock } from '../core/ports.js';
import { checkLiteralHost, guardedLookup, type GuardHooks } from './address-guard.js';
import { decodeBody } from './charset.js';

/** What we read from robots.txt (robots-parser's object). */
interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS whose typings declare a namespace; its export is the parse function.
const robotsParser = robotsModule as unknown as (url: string, contents: string) => RobotsRules;

/** Why a fetch failed; the poller logs and stores it, tests assert it. */
export type FetchFailure =
  | 'scheme' // not http or https
  | 'private-address' // the host resolves to a loopback, private or link-local address
  | 'too-large' // the body passed the size limit
  | 'too-many-redirects'
  | 'timeout'
  | 'http' // a status other than 2xx/304
  | 'robots' // robots.txt disallows the URL for our User-Agent
  | 'backoff' // the host asked us to wait (Retry-After) and the time has not come
  | 'network'; // DNS, refused connection, reset, bad compression …

/** A failed fetch, with what the poller needs to back off. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly failure: FetchFailure,
    readonly url: string,
    readonly status?: number,
    /** When the server said to come back (Retry-After), as milliseconds from now. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Settings of the fetcher; every one has a default in `FETCH_DEFAULTS`. */
export interface FetchSettings {
  /** Sent with every request, robots.txt is read for it. */
  userAgent: string;
  /** Whole-request limit, connect to last byte, in ms. */
  timeoutMs: number;
  /** Most bytes of a body (after decompression). */
  maxBytes: number;
  maxRedirects: number;
  /** Reach loopback/private/link-local hosts (intranet CMSs, tests). */
  allowPrivate: boolean;
  /** Pause between two requests to one host, in ms. */
  hostDelayMs: number;
  /** Read and obey robots.txt. */
  respectRobots: boolean;
  clock: Clock;
  /** How waiting is done; tests pass one that advances a fake clock. */
  sleep: (ms: number) => Promise<void>;
  /** A stand-in resolver and address policy for the address guard (tests); the system's and `isPublicAddress` when empty. */
  guard: GuardHooks;
}

/** Defaults of `FetchSettings`. */
export const FETCH_DEFAULTS: FetchSettings = {
  userAgent: 'newsdesk-feeds/1.0 (+https://github.com/newsdesk)',
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
  hostDelayMs: 1_000,
  respectRobots: true,
  clock: { now: () => new Date() },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  guard: {},
};

/** Validators from an earlier response, for a conditional GET. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** A response that arrived whole. */
export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  /** True on 304: the body is empty and the caller keeps what it had. */
  notModified: boolean;
  contentType: string | undefined;
  etag: string | undefined;
  lastModified: string | undefined;
  body: Buffer;
  /** All response headers (lower-case names). */
  headers: http.IncomingHttpHeaders;
  /** The body as text in its declared encoding. */
  text(): string;
}

/** How long robots.txt is trusted before it is read again. */
const ROBOTS_TTL_MS = 24 * 3600_000;
/** Longest Retry-After honoured; a server asking for a week gets a day. */
const MAX_RETRY_AFTER_MS = 24 * 3600_000;
/** Wait after a 429/503 without Retry-After. */
const DEFAULT_BACKOFF_MS = 60_000;

/**
 * Reads Retry-After (seconds or an HTTP date) as milliseconds from `now`.
 * @returns undefined when absent or unreadable
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now.getTime();
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : undefined;
}

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.BrotliDecompress | zlib.Inflate | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'deflate':
      return zlib.createInflate();
    default:
      return undefined;
  }
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const header = (h: http.IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The fetcher. One instance per process, so the per-host queue and backoff cover every feed.
 * @example
 * const fetcher = new PoliteFetcher({ userAgent: 'newsdesk (+https://desk.example)' });
 * const page = await fetcher.fetch('https://oc-media.org/feed/');
 */
export class PoliteFetcher {
  private readonly settings: FetchSettings;
  /** The tail of each host's queue: a request starts when the previous one to that host ended. */
  private readonly hostQueue = new Map<string, Promise<unknown>>();
  private readonly hostLastEnd = new Map<string, number>();
  /** Hosts that said "come back later", and when. */
  private readonly hostNotBefore = new Map<string, number>();
  private readonly robots = new Map<string, { rules: Promise<RobotsRules | null>; at: number }>();

  constructor(settings: Partial<FetchSettings> = {}) {
    this.settings = { ...FETCH_DEFAULTS, ...settings };
  }

  /**
   * GETs `url`, following redirects (each hop checked again), as a conditional GET when
   * `validators` are given.
   * @throws FetchError with the reason it failed
   */
  async fetch(url: string, validators: Validators = {}): Promise<FetchResult> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const target = this.checkUrl(current);
      if (this.settings.respectRobots && !(await this.robotsAllow(target))) {
        throw new FetchError(`robots.txt of ${target.host} disallows ${target.pathname} for our User-Agent`, 'robots', current);
      }
      const raw = await this.politely(target, () => this.request(target, validators));
      const location = header(raw.headers, 'location');
      if ([301, 302, 303, 307, 308].includes(raw.status) && location) {
        if (hop >= this.settings.maxRedirects) {
          throw new FetchError(`more than ${this.settings.maxRedirects} redirects (last to ${location})`, 'too-many-redirects', url);
        }
        current = new URL(location, target).toString();
        continue;
      }
      return this.toResult(current, raw);
    }
  }

  /** When the host of `url` may be asked again after a Retry-After, or undefined when it may now. */
  notBefore(url: string): Date | undefined {
    const at = this.hostNotBefore.get(new URL(url).host);
    return at !== undefined && at > this.settings.clock.now().getTime() ? new Date(at) : undefined;
  }

  private checkUrl(url: string): URL {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new FetchError(`not a URL: ${url.slice(0, 200)}`, 'scheme', url);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new FetchError(`only http and https URLs are fetched, not ${target.protocol}`, 'scheme', url);
    }
    try {
      checkLiteralHost(target.hostname, this.settings.allowPrivate, this.settings.guard.isPublic);
    } catch (err) {
      throw new FetchError((err as Error).message, 'private-address', url);
    }
    return target;
  }

  private toResult(url: string, raw: RawResponse): FetchResult {
    const now = this.settings.clock.now();
    const host = new URL(url).host;
    if (raw.status === 429 || raw.status === 503) {
      const wait = parseRetryAfter(header(raw.headers, 'retry-after'), now) ?? DEFAULT_BACKOFF_MS;
      this.hostNotBefore.set(host, now.getTime() + wait);
      throw new FetchError(`HTTP ${raw.status}; asked to wait ${Math.round(wait / 1000)} s`, 'http', url, raw.status, wait);
    }
    if (raw.status !== 304 && (raw.status < 200 || raw.status > 299)) {
      const wait = parseRetryAfter(header(raw.headers, 'retry-after'), now);
      throw new FetchError(`HTTP ${raw.status}`, 'http', url, raw.status, wait);
    }
    const contentType = header(raw.headers, 'content-type');
    const body = raw.body;
    return {
      url,
      status: raw.status,
      notModified: raw.status === 304,
      contentType,
      etag: header(raw.headers, 'etag'),
      lastModified: header(raw.headers, 'last-modified'),
      body,
      headers: raw.headers,
      text: () => decodeBody(body, contentType),
    };
  }

  /** Runs `task` when the host's previous request has ended and the delay has passed. */
  private politely<T>(target: URL, task: () => Promise<T>): Promise<T> {
    const host = target.host;
    const waitFor = this.hostQueue.get(host) ?? Promise.resolve();
    const run = waitFor
      .catch(() => undefined)
      .then(async () => {
        const { clock, sleep, hostDelayMs } = this.settings;
        const notBefore = this.hostNotBefore.get(host);
        if (notBefore !== undefined && notBefore > clock.now().getTime()) {
          const wait = notBefore - clock.now().getTime();
          throw new FetchError(`${host} asked us to wait; ${Math.ceil(wait / 1000)} s to go`, 'backoff', target.toString(), undefined, wait);
        }
        const last = this.hostLastEnd.get(host);
        const gap = last === undefined ? 0 : last + hostDelayMs - clock.now().getTime();
        if (gap > 0) await sleep(gap);
        try {
          return await task();
        } finally {
          this.hostLastEnd.set(host, clock.now().getTime());
        }
      });
    this.hostQueue.set(host, run);
    return run;
  }

  private async robotsAllow(target: URL): Promise<boolean> {
    const origin = target.origin;
    const now = this.settings.clock.now().getTime();
    let entry = this.robots.get(origin);
    if (!entry || now - entry.at > ROBOTS_TTL_MS) {
      // The promise is cached, so requests arriving together read robots.txt once.
      const fresh = { rules: this.readRobots(new URL('/robots.txt', origin)), at: now };
      // A refusal (private address, a host asking us to wait) is not cached: robots.txt is read again next time.
      fresh.rules.catch(() => this.robots.get(origin) === fresh && this.robots.delete(origin));
      entry = fresh;
      this.robots.set(origin, entry);
    }
    const rules = await entry.rules;
    return rules?.isAllowed(target.toString(), this.settings.userAgent) !== false;
  }

  private async readRobots(robotsUrl: URL): Promise<RobotsRules | null> {
    try {
      const raw = await this.politely(robotsUrl, () => this.request(robotsUrl, {}));
      // A missing robots.txt (4xx) allows everything; so, leniently, does an unreadable one.
      if (raw.status >= 200 && raw.status < 300) return robotsParser(robotsUrl.toString(), decodeBody(raw.body, header(raw.headers, 'content-type')));
    } catch (err) {
      if (err instanceof FetchError && (err.failure === 'private-address' || err.failure === 'backoff')) throw err;
    }
    return null;
  }

  private request(target: URL, validators: Validators): Promise<RawResponse> {
    const { userAgent, timeoutMs, maxBytes, allowPrivate, guard } = this.settings;
    const url = target.toString();
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      'accept-encoding': 'gzip, br, deflate',
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const lib = target.protocol === 'https:' ? https : http;
    return new Promise<RawResponse>((resolve, reject) => {
      let settled = false;
      const fail = (err: FetchError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(err);
      };
      const req = lib.request(target, { method: 'GET', headers, lookup: guardedLookup(allowPrivate, guard) as never, agent: false }, (res) => {
        const status = res.statusCode ?? 0;
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          return fail(new FetchError(`response of ${declared} bytes is over the ${maxBytes}-byte limit`, 'too-large', url, status));
        }
        const decoder = decoderFor(header(res.headers, 'content-encoding'));
        const stream: Readable = decoder ? res.pipe(decoder) : res;
        if (decoder) res.on('error', (err) => decoder.destroy(err));
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          // Counted after decompression, so a small gzip bomb is cut off as soon as it grows.
          if (size > maxBytes) return fail(new FetchError(`response passed the ${maxBytes}-byte limit; cut off`, 'too-large', url, status));
          chunks.push(chunk);
        });
        stream.on('error', (err) => fail(new FetchError(`reading the response failed: ${err.message}`, 'network', url, status)));
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
        });
      });
      const timer = setTimeout(() => fail(new FetchError(`no complete response within ${timeoutMs} ms`, 'timeout', url)), timeoutMs);
      req.on('error', (err: Error & { code?: string }) =>
        fail(
          err.code === 'EPRIVATEADDRESS'
            ? new FetchError(err.message, 'private-address', url)
            : new FetchError(`request failed: ${err.message}`, 'network', url),
        ),
      );
      req.end();
    });
  }
}
