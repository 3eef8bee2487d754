import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../../src/feeds/fetch.js';
import { FeedPoller, type FeedSource } from '../../src/feeds/poller.js';
import { FeedState } from '../../src/store/feed-state.js';
import { buildLibrary } from '../../src/library/build.js';
import { splitFrontMatter } from '../../src/ingest/front-matter.js';
import { articlePage, atomFeed, jsonFeed, rssFeed, startFakeSite, wordPressPosts, type FakeSite, type FakeStory } from '../helpers/fake-feeds.js';

const PARAS = [
  'Negotiators from both countries met again on Tuesday in the capital, the foreign ministry said in a statement published late in the evening after the talks had ended.',
  'The ministry described the talks as constructive and said both sides had agreed to meet again next month, though no date has been set for the next round of negotiations.',
  'Opposition politicians criticised the government for what they called a lack of transparency about the process, demanding that the text of any agreement be published in full.',
];

interface Logged {
  level: string;
  obj: Record<string, unknown>;
  msg: string;
}

let site: FakeSite;
let dir: string;
let corpus: string;
let state: FeedState;
let logs: Logged[];
let now: number;
let poller: FeedPoller;

const logger = {
  info: (obj: unknown, msg = '') => void logs.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
  warn: (obj: unknown, msg = '') => void logs.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
  error: (obj: unknown, msg = '') => void logs.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  debug: () => undefined,
};

beforeAll(async () => {
  site = await startFakeSite();
});
afterAll(() => site.close());

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'feeds-'));
  corpus = path.join(dir, 'corpus');
  logs = [];
  now = Date.UTC(2026, 1, 10, 9);
  state = FeedState.open(path.join(dir, 'data'), logger);
  const clock = { now: () => new Date(now) };
  const fetcher = new PoliteFetcher({ allowPrivate: true, hostDelayMs: 0, timeoutMs: 300, clock, sleep: async (ms) => void (now += ms) });
  poller = new FeedPoller({ corpusDir: corpus, state, fetcher, logger, clock });
});
afterEach(() => {
  state.close();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
/** A story whose page lives on the fake site (and the page served). */
function story(title: string, extra: Partial<FakeStory> = {}): FakeStory {
  const slug = `/news/${++counter}-${title.toLowerCase().replace(/\W+/g, '-')}`;
  site.serve(slug, articlePage(title, [`${title}: ${PARAS[0]}`, ...PARAS.slice(1)]), { 'content-type': 'text/html; charset=utf-8' });
  return { guid: `urn:${counter}`, title, link: site.url(slug), published: '2026-02-09T08:00:00.000Z', summary: 'A short summary only.', author: 'Ani Petrosyan', ...extra };
}

function storedFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const full = path.join(d, n);
      if (n.endsWith('.md')) out.push(full);
      else walk(full);
    }
  };
  walk(corpus);
  return out.sort();
}

const feed = (p: string): FeedSource => ({ url: site.url(p), outlet: 'Fake Outlet' });

describe('FeedPoller', () => {
  for (const [name, make] of [
    ['rss', rssFeed],
    ['atom', atomFeed],
    ['json', jsonFeed],
    ['wordpress', wordPressPosts],
  ] as const) {
    it(`stores the full text of each ${name} story once, with front matter`, async () => {
      const path0 = name === 'wordpress' ? `/${name}/wp-json/wp/v2/posts` : `/${name}/feed`;
      const s = story(`Talks resume ${name}`);
      site.route(name === 'wordpress' ? `${path0}?page=1&per_page=20&_embed=author` : path0, (_q, res) => void res.writeHead(200).end(make([s])));
      const first = await poller.pollFeed({ ...feed(path0), tags: ['caucasus', 'talks'] });
      expect(first).toMatchObject({ status: 'ok', created: 1 });
      const files = storedFiles();
      expect(files).toHaveLength(1);
      expect(path.relative(corpus, files[0]!)).toBe(`feeds/fake-outlet/2026-02-09-talks-resume-${name}.md`);
      const { meta, body } = splitFrontMatter(readFileSync(files[0]!, 'utf8'));
      expect(meta).toMatchObject({ title: `Talks resume ${name}`, outlet: 'Fake Outlet', url: s.link, author: 'Ani Petrosyan', tags: ['caucasus', 'talks'] });
      expect(body.trim()).toBe([`Talks resume ${name}: ${PARAS[0]}`, ...PARAS.slice(1)].join('\n\n'));
      expect(body).not.toMatch(/Share on|Comments|Related|All rights reserved/);
      expect(await poller.pollFeed(feed(path0))).toMatchObject({ status: 'ok', created: 0, unchanged: 1 });
      expect(storedFiles()).toHaveLength(1);
    });
  }

  it('reads WordPress posts page by page, as X-WP-TotalPages says (at most 3 pages a poll)', async () => {
    const base = '/wpsite/wp-json/wp/v2/posts';
    for (let page = 1; page <= 4; page++) {
      const s = story(`Page ${page} story`, { content: `<p>${PARAS.join('</p><p>')} (page ${page})</p>`.repeat(2) });
      site.serve(`${base}?page=${page}&per_page=20&_embed=author`, wordPressPosts([s]), { 'x-wp-totalpages': '4', 'content-type': 'application/json' });
    }
    expect(await poller.pollFeed(feed(base))).toMatchObject({ status: 'ok', created: 3 });
    expect(site.requests.some((r) => r.path.startsWith(`${base}?page=4`))).toBe(false);
  });

  it('an item added later is stored and found by search exactly once', async () => {
    const a = story('Parliament debates budget');
    const items = [a];
    site.route('/later/feed', (_q, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed(items)));
    await poller.pollFeed(feed('/later/feed'));
    items.unshift(story('Zanzibar delegation visits the harbour'));
    expect(await poller.pollFeed(feed('/later/feed'))).toMatchObject({ created: 1, unchanged: 1 });
    await poller.pollFeed(feed('/later/feed'));
    const { library } = await buildLibrary({ corpusDir: corpus, logger, snapshot: false });
    expect(library.articles).toHaveLength(2);
    const hits = library.search('Zanzibar delegation harbour', { limit: 10, perArticle: 5 });
    expect(new Set(hits.map((h) => h.articleId)).size).toBe(1);
    expect(library.searchArticles('Zanzibar')).toHaveLength(1);
  });

  it('duplicate GUIDs give one file; an updated item rewrites it only when the text changed', async () => {
    const a = story('Ceasefire holds');
    const twin = { ...a, title: 'Ceasefire holds (again)' };
    let items = [a, twin];
    site.route('/dupes/feed', (_q, res) => void res.writeHead(200).end(rssFeed(items)));
    expect(await poller.pollFeed(feed('/dupes/feed'))).toMatchObject({ created: 1, unchanged: 1 });
    expect(storedFiles()).toHaveLength(1);
    const file = storedFiles()[0]!;
    const before = readFileSync(file, 'utf8');
    // Same text under a new stamp: the file is left alone.
    items = [{ ...a, published: '2026-02-09T09:00:00.000Z' }];
    expect(await poller.pollFeed(feed('/dupes/feed'))).toMatchObject({ unchanged: 1, updated: 0 });
    expect(readFileSync(file, 'utf8')).toBe(before);
    // Changed text: the same file is rewritten.
    site.serve(new URL(a.link).pathname, articlePage(a.title, [...PARAS, 'The ministry later corrected the date of the next meeting, which will now take place in the spring instead.']));
    items = [{ ...a, published: '2026-02-09T10:00:00.000Z' }];
    expect(await poller.pollFeed(feed('/dupes/feed'))).toMatchObject({ updated: 1 });
    expect(storedFiles()).toEqual([file]);
    expect(readFileSync(file, 'utf8')).toContain('corrected the date');
  });

  it('broken XML, 404, and 500 then 200: clear errors, logged once per change, nothing stored is lost', async () => {
    const a = story('Harvest figures');
    let mode: 'ok' | 'broken' | '404' | '500' = 'ok';
    site.route('/flaky/feed', (_q, res) => {
      if (mode === 'broken') return void res.writeHead(200).end('<rss><channel><item><title>cut');
      if (mode === '404') return void res.writeHead(404).end('gone');
      if (mode === '500') return void res.writeHead(500).end('oops');
      res.writeHead(200).end(rssFeed([a]));
    });
    await poller.pollFeed(feed('/flaky/feed'));
    const stored = storedFiles();
    expect(stored).toHaveLength(1);
    mode = 'broken';
    expect((await poller.pollFeed(feed('/flaky/feed'))).error).toMatch(/not a readable feed/);
    mode = '500';
    for (let i = 0; i < 3; i++) expect((await poller.pollFeed(feed('/flaky/feed'))).error).toBe('HTTP 500');
    expect(await state.feed(site.url('/flaky/feed'))).toMatchObject({ failureStreak: 4, lastError: 'HTTP 500' });
    mode = '404';
    expect((await poller.pollFeed(feed('/flaky/feed'))).error).toBe('HTTP 404');
    mode = 'ok';
    expect((await poller.pollFeed(feed('/flaky/feed'))).status).toBe('ok');
    const feedLogs = logs.filter((l) => l.obj.feed === site.url('/flaky/feed') && l.level !== 'error').map((l) => `${l.msg}: ${String(l.obj.error ?? '')}`);
    expect(feedLogs).toEqual([
      'feed stories stored: ',
      'feed failed: not a readable feed: ' + String(logs.find((l) => l.msg === 'feed failed')!.obj.error).slice('not a readable feed: '.length),
      'feed fails differently: HTTP 500',
      'feed fails differently: HTTP 404',
      'feed is working again: ',
    ]);
    expect(await state.feed(site.url('/flaky/feed'))).toMatchObject({ failureStreak: 0, lastError: null, items: 1 });
    expect(storedFiles()).toEqual(stored);
  });

  it('backs off after failures and honours Retry-After when polling what is due', async () => {
    site.serve('/busy2/feed', 'slow down', { 'retry-after': '3600' }, 429);
    const busy = { url: site.url('/busy2/feed'), outlet: 'Busy' };
    expect((await poller.pollDue([busy]))[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/HTTP 429/) });
    now += 30 * 60_000;
    expect(await poller.pollDue([busy])).toEqual([]);
    now += 31 * 60_000;
    site.serve('/busy2/feed', rssFeed([]).replace('</channel>', '</channel>'));
    expect((await poller.pollDue([busy]))[0]!.status).not.toBe('failed');
  });

  it('keeps going past a timeout, a 10 MB feed, a redirect loop and a robots.txt refusal', async () => {
    site.route('/slow/feed', (_q, res) => {
      res.writeHead(200);
      res.write('<rss>');
      setTimeout(() => res.end('</rss>'), 2000).unref();
    });
    site.serve('/huge/feed', Buffer.alloc(10 * 1024 * 1024, ' '));
    site.serve('/loop/feed', '', { location: '/loop/feed' }, 302);
    const good = story('Good story');
    site.serve('/good/feed', rssFeed([good]));
    const outcomes = await poller.pollDue([feed('/slow/feed'), feed('/huge/feed'), feed('/loop/feed'), feed('/good/feed')]);
    expect(outcomes.map((o) => o.error ?? o.status)).toEqual([
      'no complete response within 300 ms',
      expect.stringMatching(/over the 5242880-byte limit|passed the 5242880-byte limit/),
      'more than 5 redirects (last to /loop/feed)',
      'ok',
    ]);
    expect(storedFiles()).toHaveLength(1);
  });

  it('decodes Windows-1251 and ISO-8859-1 pages and a gzipped feed', async () => {
    const cyrTitle = 'Переговоры возобновились';
    const cyrParas = ['Переговоры между делегациями возобновились во вторник в столице, сообщило министерство иностранных дел в заявлении, опубликованном поздно вечером после окончания встречи.', ...PARAS.slice(1)];
    const latinParas = ['Les négociateurs se sont retrouvés mardi à Zürich, a déclaré le ministère dans un communiqué publié tard dans la soirée après la fin des discussions entre les délégations.', ...PARAS.slice(1)];
    site.serve('/cyr/page', Buffer.from(new TextEncoder().encode('')), {});
    const iconv = (text: string, table: (c: number) => number) => Buffer.from([...text].map((ch) => table(ch.codePointAt(0)!)));
    const cp1251 = (c: number) => (c < 0x80 ? c : c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c === 0x2014 ? 0x97 : 0x3f);
    site.serve('/cyr/page', iconv(articlePage(cyrTitle, cyrParas, 'windows-1251'), cp1251), { 'content-type': 'text/html' });
    site.serve('/latin/page', Buffer.from(articlePage('Négociations', latinParas), 'latin1'), { 'content-type': 'text/html; charset=iso-8859-1' });
    const items: FakeStory[] = [
      { guid: 'c1', title: cyrTitle, link: site.url('/cyr/page'), published: '2026-02-09T08:00:00.000Z' },
      { guid: 'l1', title: 'Négociations', link: site.url('/latin/page'), published: '2026-02-09T08:00:00.000Z' },
    ];
    site.serve('/gz/feed', gzipSync(rssFeed(items)), { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' });
    expect(await poller.pollFeed(feed('/gz/feed'))).toMatchObject({ created: 2 });
    const texts = storedFiles().map((f) => readFileSync(f, 'utf8'));
    expect(texts.some((t) => t.includes(cyrParas[0]!))).toBe(true);
    expect(texts.some((t) => t.includes(latinParas[0]!))).toBe(true);
  });

  it('a story page disallowed by robots.txt is skipped and the feed still works', async () => {
    const blocked = story('Blocked story');
    site.serve('/robots.txt', 'User-agent: *\nDisallow: /news/\n');
    try {
      site.serve('/robo/feed', rssFeed([blocked]));
      const outcome = await poller.pollFeed(feed('/robo/feed'));
      expect(outcome).toMatchObject({ status: 'ok', created: 0, skipped: 1 });
      expect(logs.some((l) => l.msg.startsWith('story page not read') && /robots\.txt/.test(String(l.obj.error)))).toBe(true);
    } finally {
      site.serve('/robots.txt', '', {}, 404);
    }
  });

  it('a failing story page (404, robots.txt) is logged once per change of state, not at every poll', async () => {
    const a = story('Missing page story');
    const pagePath = new URL(a.link).pathname;
    site.serve(pagePath, 'gone', {}, 404);
    site.serve('/storyfail/feed', rssFeed([a]));
    const storyLogs = () => logs.filter((l) => l.obj.page === a.link).map((l) => `${l.level} ${l.msg}: ${String(l.obj.error ?? '')}`);
    for (let i = 0; i < 3; i++) expect(await poller.pollFeed(feed('/storyfail/feed'))).toMatchObject({ status: 'ok', skipped: 1 });
    expect(storyLogs()).toEqual(['warn story page not read; will try again next poll: HTTP 404']);
    // A different failure is a change of state: said once more (robots.txt is read again after a day).
    now += 25 * 3600_000;
    site.serve('/robots.txt', 'User-agent: *\nDisallow: /news/\n');
    try {
      for (let i = 0; i < 3; i++) await poller.pollFeed(feed('/storyfail/feed'));
    } finally {
      site.serve('/robots.txt', '', {}, 404);
    }
    expect(storyLogs()).toHaveLength(2);
    expect(storyLogs()[1]).toMatch(/^warn story page fails differently: robots\.txt/);
    // The page is back: stored, and the recovery said once.
    now += 25 * 3600_000;
    site.serve(pagePath, articlePage(a.title, PARAS), { 'content-type': 'text/html; charset=utf-8' });
    for (let i = 0; i < 2; i++) await poller.pollFeed(feed('/storyfail/feed'));
    expect(storyLogs()).toHaveLength(3);
    expect(storyLogs()[2]).toBe('info story page read again: ');
    expect(storedFiles()).toHaveLength(1);
  });

  it('refuses a feed on a private address by default', async () => {
    const clock = { now: () => new Date(now) };
    const strict = new FeedPoller({ corpusDir: corpus, state, fetcher: new PoliteFetcher({ hostDelayMs: 0, clock }), logger, clock });
    site.serve('/private/feed', rssFeed([story('Never stored')]));
    const outcome = await strict.pollFeed(feed('/private/feed'));
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/private or local address.*FEEDS_ALLOW_PRIVATE/);
    expect(storedFiles()).toEqual([]);
    writeFileSync(path.join(dir, 'x'), '');
  });
});
