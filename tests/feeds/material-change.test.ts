/**
 * A rewritten feed story is news again only when its text changed materially: the rule on its
 * own, and end to end (fake outlet on 127.0.0.1 → poller → corpus file → the real corpus
 * watcher → the digest service over the real state database).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestService } from '../../src/digest/service.js';
import { PoliteFetcher } from '../../src/feeds/fetch.js';
import { FeedPoller } from '../../src/feeds/poller.js';
import { buildLibrary, type IndexedLibrary } from '../../src/library/build.js';
import { FeedState } from '../../src/store/feed-state.js';
import { SqliteStatePort } from '../../src/store/state-port.js';
import { changedMaterially } from '../../src/watch/material-change.js';
import { watchCorpus, type CorpusWatcher, type WatchSummary } from '../../src/watch/index.js';
import { fakeClock, makeArticle, recordingLogger, recordingPoster } from '../helpers/digest.js';
import { articlePage, rssFeed, startFakeSite, type FakeSite } from '../helpers/fake-feeds.js';

const PARAS = [
  'Negotiators from both countries met again on Tuesday in the capital, the foreign ministry said in a statement published late in the evening.',
  'The ministry described the talks as constructive and said both sides had agreed to meet again next month, though no date has been set.',
  'Opposition politicians criticised the government for what they called a lack of transparency about the process.',
];

const version = (body: string) => makeArticle('talks.md', { title: 'Talks resume' }, body);
const base = version(PARAS.join('\n\n'));

describe('changedMaterially', () => {
  it('is false for whitespace, punctuation, case and typo fixes', () => {
    expect(changedMaterially(base, version(PARAS.join('\n\n\n').replace('Tuesday in', 'Tuesday  in')))).toBe(false);
    expect(changedMaterially(base, version(PARAS.join('\n\n').replace('constructive and', 'constructive — and').replace(', though', '; though')))).toBe(false);
    expect(changedMaterially(base, version(PARAS.join('\n\n').replace('criticised', 'criticized').replace('met again', 'met once again')))).toBe(false);
  });

  it('is true for a sentence added or removed, and for a changed number', () => {
    expect(changedMaterially(base, version([...PARAS, 'Police said two protesters were detained outside the building.'].join('\n\n')))).toBe(true);
    expect(changedMaterially(base, version(PARAS.slice(0, 2).join('\n\n')))).toBe(true);
    const withCount = version([...PARAS, 'At least 12 people were injured in the clashes that followed.'].join('\n\n'));
    expect(changedMaterially(withCount, version([...PARAS, 'At least 21 people were injured in the clashes that followed.'].join('\n\n')))).toBe(true);
  });

  it('is true for a sentence rewritten beyond a typo fix', () => {
    const reworded = PARAS[2]!.replace('criticised the government for what they called a lack of transparency', 'praised the government for its openness');
    expect(changedMaterially(base, version([PARAS[0], PARAS[1], reworded].join('\n\n')))).toBe(true);
  });
});

describe('a rewritten feed story in the digests', () => {
  let site: FakeSite;
  let root: string;
  let corpus: string;
  let library: IndexedLibrary;
  let watcher: CorpusWatcher;
  let digest: DigestService;
  let feedState: FeedState;
  const clock = fakeClock('2026-03-02T06:00:00Z');
  const logger = recordingLogger();
  const slack = recordingPoster();
  const waiters: Array<(s: WatchSummary) => boolean> = [];

  beforeAll(async () => {
    site = await startFakeSite();
    root = mkdtempSync(path.join(tmpdir(), 'feeds-material-'));
    corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    ({ library } = await buildLibrary({ corpusDir: corpus, logger, snapshot: false }));
    digest = new DigestService({ store: SqliteStatePort.open({ dataDir: path.join(root, 'data'), logger, clock }), library: () => library, logger, clock });
    digest.setPoster('slack', slack);
    await digest.start();
    watcher = watchCorpus({
      corpusDir: corpus,
      library,
      logger,
      debounceMs: 50,
      onChange: (s) => {
        digest.noteChanges(s);
        for (const w of [...waiters]) if (w(s)) waiters.splice(waiters.indexOf(w), 1);
      },
    });
    await watcher.ready();
    feedState = FeedState.open(path.join(root, 'data'), logger);
  });
  afterAll(async () => {
    await watcher?.close();
    await digest?.stop();
    feedState?.close();
    await site?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Resolves when the watcher has taken a change of a feed story into the library. */
  const watcherTakes = () => new Promise<void>((resolve) => waiters.push((s) => s.upserted.some((a) => a.id.startsWith('feeds/')) && (resolve(), true)));

  it('a small edit rewrites the file and is not reposted; a material change is reposted once', async () => {
    const poller = new FeedPoller({ corpusDir: corpus, state: feedState, fetcher: new PoliteFetcher({ allowPrivate: true, hostDelayMs: 0, clock }), logger, clock });
    const item = { guid: 'urn:talks', title: 'Talks resume', link: site.url('/news/talks'), published: '2026-03-02T05:00:00.000Z', summary: 'Talks resumed.' };
    const publish = (paras: string[], stamp: string) => {
      site.serve('/news/talks', articlePage(item.title, paras), { 'content-type': 'text/html; charset=utf-8' });
      site.serve('/feed', rssFeed([{ ...item, published: stamp }]));
    };
    await digest.subscribe({ platform: 'slack', channel: 'C1', schedule: '0 9 * * *', timezone: 'UTC' });
    const pollAndWatch = async (expected: 'created' | 'updated') => {
      const took = watcherTakes();
      expect(await poller.pollFeed({ url: site.url('/feed'), outlet: 'Fake Outlet' })).toMatchObject({ [expected]: 1 });
      await took;
    };
    const digestAt = async (iso: string) => {
      clock.set(iso);
      return digest.tick();
    };

    publish(PARAS, item.published);
    await pollAndWatch('created');
    expect(await digestAt('2026-03-02T09:00:05Z')).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(JSON.stringify(slack.posts.at(-1)!.reply)).toContain('Negotiators from both countries met again');

    // A typo fix: the file is rewritten, the next digest has nothing new.
    clock.set('2026-03-02T12:00:00Z');
    publish([PARAS[0]!, PARAS[1]!, PARAS[2]!.replace('criticised', 'criticized')], '2026-03-02T11:00:00.000Z');
    await pollAndWatch('updated');
    expect(library.articles.find((a) => a.id.startsWith('feeds/'))!.text).toContain('criticized');
    expect(await digestAt('2026-03-03T09:00:05Z')).toEqual({ posted: 0, empty: 1, failed: 0 });

    // A new sentence: rewritten and in the next digest, once.
    clock.set('2026-03-03T12:00:00Z');
    const added = 'Police said two protesters were detained outside the ministry building during the talks.';
    publish([PARAS[0]!, PARAS[1]!, PARAS[2]!.replace('criticised', 'criticized'), added], '2026-03-03T11:00:00.000Z');
    await pollAndWatch('updated');
    expect(await digestAt('2026-03-04T09:00:05Z')).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(JSON.stringify(slack.posts.at(-1)!.reply)).toContain('Talks resume');
    expect(await digestAt('2026-03-05T09:00:05Z')).toEqual({ posted: 0, empty: 1, failed: 0 });
    expect(slack.posts).toHaveLength(2);
  });
});
