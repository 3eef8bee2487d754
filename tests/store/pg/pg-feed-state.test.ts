/**
 * The feed poller's state in PostgreSQL (DATABASE_URL): the real poller against the fake feed
 * site, its state in a real PostgreSQL. What one process stored is known to the next (another
 * replica, or the same after a restart with an empty DATA_DIR): a story is written once, a
 * failing feed's streak and backoff carry over, and the records read as the SQLite ones do.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../../../src/feeds/fetch.js';
import { FeedPoller } from '../../../src/feeds/poller.js';
import { FeedState, type FeedStatePort } from '../../../src/store/feed-state.js';
import { PgFeedState } from '../../../src/store/pg/pg-feed-state.js';
import { articlePage, rssFeed, startFakeSite, type FakeSite } from '../../helpers/fake-feeds.js';
import { postgresDatabase } from '../../helpers/postgres.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const PARAS = [
  'The harbour authority said on Monday that the eastern pier would close for repairs until the end of March, after divers found cracks in two of its pillars.',
  'Fishing crews will moor at the western quay meanwhile. The authority said the work would cost about 40 million drams and would be paid from its reserve.',
];

let site: FakeSite;
let url: string;
let dir: string;
const opened: FeedStatePort[] = [];

beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());
beforeEach(async () => {
  url = await postgresDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'pg-feeds-'));
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pgState(): Promise<PgFeedState> {
  const state = await PgFeedState.open({ url, logger: quiet });
  opened.push(state);
  return state;
}

/** A poller over `state` writing into `dir/corpus`, on a clock the test sets. */
function pollerOver(state: FeedStatePort, at: number): FeedPoller {
  const clock = { now: () => new Date(at) };
  const fetcher = new PoliteFetcher({ allowPrivate: true, hostDelayMs: 0, timeoutMs: 300, clock, sleep: async () => undefined });
  return new FeedPoller({ corpusDir: path.join(dir, 'corpus'), state, fetcher, logger: quiet, clock });
}

const files = (): string[] => readdirSync(path.join(dir, 'corpus'), { recursive: true }).map(String).filter((f) => f.endsWith('.md'));

describe('feed state in PostgreSQL', () => {
  it('a story stored by one process is not written again by the next, which knows the feed record', async () => {
    site.serve('/harbour/pier', articlePage('Pier closes for repairs', PARAS), { 'content-type': 'text/html; charset=utf-8' });
    site.serve('/harbour/feed', rssFeed([{ guid: 'urn:pier', title: 'Pier closes for repairs', link: site.url('/harbour/pier'), published: '2026-02-09T08:00:00.000Z', summary: 'Short.' }]));
    const feed = { url: site.url('/harbour/feed'), outlet: 'Harbour News' };
    const t = Date.UTC(2026, 1, 10, 9);
    expect(await pollerOver(await pgState(), t).pollFeed(feed)).toMatchObject({ status: 'ok', created: 1 });
    // Another process (its own pool, no local file): the same story is known, not written again.
    const other = await pgState();
    expect(await pollerOver(other, t + 3600_000).pollFeed(feed)).toMatchObject({ status: 'ok', created: 0, unchanged: 1 });
    expect(files()).toHaveLength(1);
    expect(await other.feed(feed.url)).toMatchObject({ outlet: 'Harbour News', origin: 'file', items: 1, failureStreak: 0, lastError: null });
    const stored = await other.findArticle(feed.url, site.url('/harbour/pier'), null);
    expect(stored).toMatchObject({ file: files()[0]!.split(path.sep).join('/'), guid: 'urn:pier' });
    expect(await other.fileTaken(stored!.file)).toBe(true);
  });

  it('keeps the same records as the SQLite state for the same operations', async () => {
    const sqlite = FeedState.open(path.join(dir, 'data'), quiet);
    opened.push(sqlite);
    const engines: FeedStatePort[] = [sqlite, await pgState()];
    const results = [];
    for (const s of engines) {
      const now = new Date('2026-02-10T09:00:00.000Z');
      await s.upsertFeed({ url: 'https://b.example/feed', outlet: 'Beta', origin: 'chat', addedBy: 'U1' }, now);
      await s.upsertFeed({ url: 'https://a.example/feed', outlet: 'Alpha', origin: 'file' }, now);
      // A chat feed that appears in the file becomes a file feed, and stays one.
      await s.upsertFeed({ url: 'https://b.example/feed', outlet: 'Beta Wire', origin: 'file' }, now);
      await s.upsertFeed({ url: 'https://b.example/feed', outlet: 'Beta Wire', origin: 'chat' }, now);
      await s.recordSuccess('https://a.example/feed', { etag: '"v1"', lastModified: null, added: 2, nextFetch: null }, now);
      const streak = [await s.recordFailure('https://b.example/feed', 'HTTP 500 '.repeat(100), new Date('2026-02-10T09:30:00.000Z'), now), await s.recordFailure('https://b.example/feed', 'HTTP 503', null, now)];
      await s.saveArticle({ file: 'feeds/alpha/x.md', feedUrl: 'https://a.example/feed', canonicalUrl: 'https://a.example/x', guid: 'g1', textHash: 'h1', updated: null }, now);
      await s.saveArticle({ file: 'feeds/alpha/x.md', feedUrl: 'https://a.example/feed', canonicalUrl: null, guid: null, textHash: 'h2', updated: '2026-02-10' }, now);
      results.push({
        feeds: await s.feeds(),
        streak,
        byUrl: await s.findArticle('https://a.example/feed', 'https://a.example/x', null),
        byGuid: await s.findArticle('https://a.example/feed', null, 'g1'),
        none: await s.findArticle('https://a.example/feed', null, 'nope'),
        removed: [await s.removeFeed('https://a.example/feed'), await s.removeFeed('https://a.example/feed')],
      });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.streak).toEqual([1, 2]);
    expect(results[0]!.byUrl).toMatchObject({ textHash: 'h2', guid: 'g1', canonicalUrl: 'https://a.example/x' });
    expect(results[0]!.feeds.map((f) => [f.outlet, f.origin])).toEqual([['Alpha', 'file'], ['Beta Wire', 'file']]);
  });
});
