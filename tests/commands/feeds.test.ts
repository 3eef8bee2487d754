import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import feeds from '../../commands/feeds.js';
import type { Command, Origin } from '../../src/core/command.js';
import { loadConfig } from '../../src/app/config.js';
import { silentLogger } from '../../src/app/log.js';
import { createRuntime } from '../../src/app/runtime.js';
import { FeedsService } from '../../src/feeds/service.js';
import { PoliteFetcher } from '../../src/feeds/fetch.js';
import { parseEvery, parseFeedsFile } from '../../src/feeds/feeds-file.js';
import { isNewsdeskError } from '../../src/core/errors.js';
import { cleanEnv, runNewsdesk } from '../helpers/cli.js';
import { articlePage, rssFeed, startFakeSite, type FakeSite } from '../helpers/fake-feeds.js';

const PARAS = [
  'The harbour authority confirmed on Monday that the new container terminal will open in the spring, two years later than first planned, because of delays in dredging.',
  'Officials said the cost of the project had risen by a third since construction began, and that the government would cover the difference from the transport budget.',
];

let site: FakeSite;
let dir: string;
let service: FeedsService;

beforeAll(async () => {
  site = await startFakeSite();
  site.serve('/news/harbour', articlePage('Harbour terminal delayed', PARAS));
  site.serve('/feed', rssFeed([{ guid: 'h1', title: 'Harbour terminal delayed', link: site.url('/news/harbour'), published: '2026-03-02T09:00:00Z', summary: 'Delays.' }]));
});
afterAll(() => site.close());

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'feeds-cmd-'));
  writeFileSync(path.join(dir, 'feeds.yml'), `feeds:\n  - url: ${site.url('/feed')}\n    outlet: Harbour News\n    every: 30m\n`);
  service = await FeedsService.open({
    corpusDir: path.join(dir, 'corpus'),
    dataDir: path.join(dir, 'data'),
    feedsFile: path.join(dir, 'feeds.yml'),
    allowPrivate: true,
    userAgent: 'test',
    hostDelayMs: 0,
    admins: ['U-ADMIN'],
    logger: silentLogger,
    fetcher: new PoliteFetcher({ allowPrivate: true, hostDelayMs: 0 }),
  });
});
afterEach(async () => {
  await service.stop();
  rmSync(dir, { recursive: true, force: true });
});

function runtime() {
  const commands = new Map<string, Command>([['feeds', feeds as Command]]);
  const library = { articles: [], get: () => undefined, search: () => [], searchArticles: () => [], suggest: () => [], version: '' };
  return createRuntime({ commands, library: () => library, logger: silentLogger, config: loadConfig({}), services: { feeds: service } });
}

const slack = (userId: string): Origin => ({ platform: 'slack', channelId: 'C1', userId });

describe('/feeds', () => {
  it('refuses chat users who are neither channel managers nor in FEEDS_ADMINS, with one line naming who can', async () => {
    const reply = await runtime().execute('feeds', { text: 'add http://example.org/feed' }, slack('U-OTHER'));
    expect(reply.error).toBe(true);
    expect(reply.errorCode).toBe('forbidden');
    expect(reply.headline).toBe('Only the channel managers can manage feeds.');
    const refused = await runtime().execute('feeds', { text: 'list' }, { ...slack('U-OTHER'), authority: { who: 'workspace admins and owners', canManage: () => Promise.resolve(false) } });
    expect(refused.headline).toBe('Only workspace admins and owners can manage feeds.');
    const manager = await runtime().execute('feeds', { text: 'list' }, { ...slack('U-OTHER'), authority: { who: 'workspace admins and owners', canManage: () => Promise.resolve(true) } });
    expect(manager.error).toBeUndefined();
    expect((await service.list()).map((f) => f.url)).toEqual([site.url('/feed')]);
  });

  it('lets an admin add, list, fetch and remove', async () => {
    const rt = runtime();
    const added = await rt.execute('feeds', { text: 'add https://example.org/rss Example Times' }, slack('U-ADMIN'));
    expect(added.headline).toBe('Following Example Times <https://example.org/rss>; its stories arrive with the next poll.');
    const list = await rt.execute('feeds', { text: 'list' }, slack('U-ADMIN'));
    expect(list.headline).toBe('2 feeds followed');
    expect(list.lines).toEqual([
      'Example Times <https://example.org/rss>: 0 stories, not fetched yet (added from chat)',
      `Harbour News <${site.url('/feed')}>: 0 stories, not fetched yet`,
    ]);
    const fileRemove = await rt.execute('feeds', { text: `remove ${site.url('/feed')}` }, slack('U-ADMIN'));
    expect(fileRemove.headline).toMatch(/comes from FEEDS_FILE; remove it there/);
    expect((await rt.execute('feeds', { text: 'remove https://example.org/rss' }, slack('U-ADMIN'))).headline).toMatch(/^No longer following Example Times/);
    const fetched = await rt.execute('feeds', { text: 'fetch --once' }, { platform: 'cli' });
    expect(fetched.headline).toBe('Fetched 1 feed: 1 new story, 0 updated');
    expect(readdirSync(path.join(dir, 'corpus', 'feeds', 'harbour-news'))).toEqual(['2026-03-02-harbour-terminal-delayed.md']);
  });

  it('in chat and the console, fetch answers at once; the result is logged when every feed is read, and a second fetch meanwhile starts none', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    site.route('/held/feed', (_q, res) => {
      asked();
      void held.then(() => res.writeHead(200).end(rssFeed([{ guid: 'h1', title: 'Harbour terminal delayed', link: site.url('/news/harbour'), published: '2026-03-02T09:00:00Z', summary: 'Delays.' }])));
    });
    const logs: Array<{ msg: string; obj: Record<string, unknown> }> = [];
    const log = (obj: unknown, msg = '') => void logs.push({ msg, obj: obj as Record<string, unknown> });
    writeFileSync(path.join(dir, 'held.yml'), `feeds:\n  - url: ${site.url('/held/feed')}\n    outlet: Harbour News\n`);
    const desk = await FeedsService.open({
      corpusDir: path.join(dir, 'corpus'),
      dataDir: path.join(dir, 'held-data'),
      feedsFile: path.join(dir, 'held.yml'),
      allowPrivate: true,
      userAgent: 'test',
      hostDelayMs: 0,
      admins: ['U-ADMIN'],
      logger: { info: log, warn: log, error: log, debug: () => undefined },
    });
    try {
      const commands = new Map<string, Command>([['feeds', feeds as Command]]);
      const rt = createRuntime({ commands, library: () => runtime().library(), logger: silentLogger, config: loadConfig({}), services: { feeds: desk } });
      // The feed does not answer until released: the reply cannot wait for it.
      const reply = await rt.execute('feeds', { text: 'fetch' }, slack('U-ADMIN'));
      expect(reply.headline).toBe('Fetching 1 feed now; new stories go into the corpus as they are read (the result is logged).');
      await requested;
      const again = await rt.execute('feeds', { text: 'fetch' }, { platform: 'console', userId: 'console' });
      expect(again.headline).toBe('Already fetching the feeds; new stories go into the corpus as they are read (the result is logged).');
      release();
      for (let i = 0; i < 2000 && !logs.some((l) => l.msg === 'feeds fetched'); i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(logs.find((l) => l.msg === 'feeds fetched')?.obj).toMatchObject({ feeds: 1, created: 1, updated: 0, failed: 0 });
      expect(site.requests.filter((r) => r.path === '/held/feed')).toHaveLength(1);
    } finally {
      release();
      await desk.stop();
    }
  });

  it('refuses non-http URLs', async () => {
    await expect(service.add({ url: 'file:///etc/passwd' })).rejects.toThrow(/Only http and https/);
  });
});

describe('FEEDS_FILE', () => {
  it('reads entries and durations, and names a bad entry', () => {
    expect(parseFeedsFile('- url: https://a.example/feed\n  outlet: A\n  tags: [x, 2]\n  every: 2h\n', 'f.yml')).toEqual([
      { url: 'https://a.example/feed', outlet: 'A', tags: ['x', '2'], everyMs: 7_200_000 },
    ]);
    expect(parseEvery(45)).toBe(2_700_000);
    let err: unknown;
    try {
      parseFeedsFile('feeds:\n  - url: https://a.example/feed\n    outlet: A\n  - url: ftp://b.example/\n    outlet: B\n', 'f.yml');
    } catch (e) {
      err = e;
    }
    expect(isNewsdeskError(err, 'config') && err.message).toBe('f.yml (feed 2): url must be an http or https URL');
  });
});

describe('newsdesk feeds fetch --once', () => {
  it('fetches the file feeds into the corpus without a chat platform', async () => {
    const result = await runNewsdesk(['feeds', 'fetch', '--once'], {
      env: cleanEnv({
        CORPUS_DIR: path.join(dir, 'corpus'),
        DATA_DIR: path.join(dir, 'cli-data'),
        FEEDS_FILE: path.join(dir, 'feeds.yml'),
        FEEDS_ALLOW_PRIVATE: 'true',
        FEEDS_HOST_DELAY_SECONDS: '0',
        NEWSDESK_FROM_SOURCE: '1',
      }),
    });
    expect(result.stderr + result.stdout).toContain("Fetched 1 feed: 1 new story, 0 updated");
    expect(result.code).toBe(0);
  }, 60_000);

  it('is refused a private address by default', async () => {
    const result = await runNewsdesk(['feeds', 'fetch'], {
      env: cleanEnv({ CORPUS_DIR: path.join(dir, 'corpus'), DATA_DIR: path.join(dir, 'cli-data'), FEEDS_FILE: path.join(dir, 'feeds.yml'), NEWSDESK_FROM_SOURCE: '1' }),
    });
    expect(result.stdout).toMatch(/failed \(127\.0\.0\.1 .*private or local address/);
  }, 60_000);
});
