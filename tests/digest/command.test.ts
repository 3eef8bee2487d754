/**
 * The `/digest` command through the runtime every front end uses: on the CLI (no service, over
 * the sample corpus) and in a channel (with the digest service over a real state file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Command, Origin } from '../../src/core/command.js';
import { loadCommands } from '../../src/app/commands-loader.js';
import { loadConfig } from '../../src/app/config.js';
import { ingestText } from '../../src/ingest/index.js';
import { DigestService } from '../../src/digest/service.js';
import { buildLibrary, type IndexedLibrary } from '../../src/library/build.js';
import { createRuntime, type Runtime } from '../../src/app/runtime.js';
import { SqliteStatePort } from '../../src/store/state-port.js';
import type { Reply } from '../../src/core/types.js';
import { repoRoot } from '../helpers/cli.js';
import { fakeClock, recordingLogger, recordingPoster } from '../helpers/digest.js';

const CLI: Origin = { platform: 'cli' };
/** What the chat adapters say of a channel manager (the adapters' own tests check how they decide). */
const MANAGER = { who: 'channel managers', canManage: () => Promise.resolve(true) };
const SLACK: Origin = { platform: 'slack', channelId: 'C1', userId: 'U1', workspaceId: 'T1', authority: MANAGER };
const DISCORD: Origin = { platform: 'discord', channelId: '42', userId: '7', workspaceId: '9', authority: MANAGER };

let library: IndexedLibrary;
let commands: Map<string, Command>;
let dir: string;

beforeAll(async () => {
  commands = await loadCommands();
  const logger = recordingLogger();
  ({ library } = await buildLibrary({ corpusDir: path.join(repoRoot, 'corpus'), logger, snapshot: false }));
});

/** Every quoted item is exact text of the article its citation names. */
function expectVerbatim(reply: Reply): void {
  for (const item of reply.items) {
    const citation = reply.citations.find((c) => c.id === item.source)!;
    expect(library.get(citation.articleId)!.text.slice(item.span.start, item.span.end)).toBe(item.text);
  }
}

describe('on the CLI (no bot running): by publication date', () => {
  const clock = fakeClock('2026-11-23T12:00:00Z');
  const runtime = () => createRuntime({ commands, library: () => library, clock, logger: recordingLogger(), config: loadConfig({ LOG_LEVEL: 'silent' }) });

  it('lists the articles published since --since, newest first, each with its lead quoted', async () => {
    const reply = await runtime().execute('digest', { text: '--since 2021-06-01' }, CLI);
    expect(reply.error).toBeUndefined();
    expect(reply.headline).toBe('Digest: 4 new articles published since 2021-06-01');
    const published = reply.items.map((i) => reply.citations.find((c) => c.id === i.source)!.published);
    expect(published).toEqual([...published].sort().reverse());
    expect(published.every((p) => p! >= '2021-06-01')).toBe(true);
    expectVerbatim(reply);
    // The lead is reporting, never a dateline or chrome.
    for (const item of reply.items) {
      const article = library.get(reply.citations.find((c) => c.id === item.source)!.articleId)!;
      const sentence = article.sentences.find((s) => s.start === item.span.start)!;
      expect(['body', 'standfirst', 'title']).toContain(sentence.kind);
    }
  });

  it('a topic digest adds claims and timeline events from those articles only', async () => {
    const reply = await runtime().execute('digest', { text: '--since 2025-01-01 --topic gyumri' }, CLI);
    expect(reply.headline).toMatch(/^Digest on "gyumri": 2 new articles, \d+ claims and denials/);
    // The new articles report their news without dates: the timeline dates it to their publication.
    expect(new Set(reply.items.map((i) => i.fields?.section))).toEqual(new Set(['New articles', 'New claims and denials', 'New timeline events']));
    expect(reply.citations.every((c) => c.published! >= '2025-01-01')).toBe(true);
    const claims = reply.items.filter((i) => i.fields?.section === 'New claims and denials');
    expect(claims.some((i) => i.fields?.stance === 'denies')).toBe(true);
    expectVerbatim(reply);
  });

  it('takes its claims from the claims code itself, not from a command looked up by name', async () => {
    const withAll = await runtime().execute('digest', { text: '--since 2025-01-01 --topic gyumri' }, CLI);
    const noClaimCommand = new Map([...commands].filter(([name]) => name !== 'claim'));
    const without = createRuntime({ commands: noClaimCommand, library: () => library, clock, logger: recordingLogger(), config: loadConfig({ LOG_LEVEL: 'silent' }) });
    const reply = await without.execute('digest', { text: '--since 2025-01-01 --topic gyumri' }, CLI);
    const claims = reply.items.filter((i) => i.fields?.section === 'New claims and denials');
    expect(claims.length).toBeGreaterThan(0);
    expect(reply).toEqual(withAll);
  });

  it('says plainly when nothing is new, and refuses what needs the bot', async () => {
    const nothing = await runtime().execute('digest', { text: '' }, CLI);
    expect(nothing.error).toBeUndefined();
    expect(nothing.headline).toBe('Nothing new since 2026-11-22.');
    const sub = await runtime().execute('digest', { text: 'subscribe gyumri' }, CLI);
    expect(sub).toMatchObject({ error: true, errorCode: 'usage' });
    expect(sub.headline).toMatch(/needs the running bot/);
    const bad = await runtime().execute('digest', { text: '--since whenever' }, CLI);
    expect(bad).toMatchObject({ error: true, errorCode: 'usage' });
  });

  it('never crashes on odd input: property', async () => {
    const rt = runtime();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (text) => {
        const reply = await rt.execute('digest', { text }, CLI);
        expect(reply.errorCode).not.toBe('internal');
      }),
      { numRuns: 60 },
    );
  });
});

describe('in a channel, with the digest service', () => {
  let runtime: Runtime;
  let service: DigestService;
  const slack = recordingPoster();
  const clock = fakeClock('2026-11-23T03:00:00Z');

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nd-digest-cmd-'));
    const logger = recordingLogger();
    service = new DigestService({
      store: SqliteStatePort.open({ dataDir: dir, logger, clock }),
      library: () => library,
      logger,
      clock,
      commands,
      posters: { slack },
      envSubscriptions: [{ platform: 'discord', channel: '42', topic: null, cron: '0 9 * * *', timezone: 'UTC', createdBy: null }],
      defaults: { schedule: '0 8 * * *', timezone: 'Asia/Yerevan' },
    });
    runtime = createRuntime({ commands, library: () => library, clock, logger, config: loadConfig({ LOG_LEVEL: 'silent' }), services: { digest: service } });
  });
  afterEach(async () => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => undefined);

  const run = (text: string, origin: Origin = SLACK) => runtime.execute('digest', { text }, origin);

  it('subscribe, list, unsubscribe', async () => {
    await service.start();
    const a = await run('subscribe gyumri 0 9 * * 1-5 Asia/Yerevan');
    expect(a.error).toBeUndefined();
    expect(a.headline).toBe('Subscribed: digest #2 on "gyumri" for this channel.');
    expect(a.lines![0]).toMatch(/^#2 on "gyumri" — "0 9 \* \* 1-5" Asia\/Yerevan; next Mon, 23 Nov 2026, 09:00 \(Asia\/Yerevan\)$/);
    // Defaults come from DIGEST_SCHEDULE / DIGEST_TIMEZONE.
    const b = await run('subscribe');
    expect(b.lines![0]).toMatch(/^#3 everything new — "0 8 \* \* \*" Asia\/Yerevan/);
    expect((await run('subscribe')).headline).toMatch(/already has that digest \(subscription 3\)/);

    const list = await run('list');
    expect(list.headline).toBe('This channel has 2 digests.');
    expect(list.lines).toHaveLength(2);
    // The env subscription lives in another channel; it is not listed here.
    expect(list.lines!.some((l) => l.startsWith('#1'))).toBe(false);

    const which = await run('unsubscribe');
    expect(which).toMatchObject({ error: true, errorCode: 'usage' });
    expect(which.headline).toMatch(/has 2 digests \(2, 3\); name one by its id/);
    expect((await run('unsubscribe 99')).errorCode).toBe('not_found');
    expect((await run('unsubscribe 2')).headline).toMatch(/^Unsubscribed: digest #2 on "gyumri"/);
    expect((await run('list')).headline).toBe('This channel has 1 digest.');
    // Another channel cannot remove this one, and env subscriptions are refused with the reason.
    expect((await run('unsubscribe 3', { ...SLACK, channelId: 'C2' })).errorCode).toBe('not_found');
    expect((await run('unsubscribe 1', DISCORD)).headline).toMatch(/comes from the DIGEST_\* settings.*DIGEST_DISCORD_CHANNELS/);
  });

  it('works from Discord options too', async () => {
    await service.start();
    const reply = await runtime.execute('digest', { options: { action: 'subscribe', topic: 'armenia-russia', schedule: 'weekdays', timezone: 'Europe/London' } }, DISCORD);
    expect(reply.headline).toBe('Subscribed: digest #2 on "armenia-russia" for this channel.');
    expect((await service.list({ platform: 'discord', channel: '42' })).map((s) => [s.topic, s.cron, s.timezone])).toEqual([
      [null, '0 9 * * *', 'UTC'],
      ['armenia-russia', '0 9 * * 1-5', 'Europe/London'],
    ]);
    const bad = await runtime.execute('digest', { options: { action: 'unsubscribe', id: 'three' } }, DISCORD);
    expect(bad).toMatchObject({ error: true, errorCode: 'usage' });
  });

  it('refuses a bad schedule or time zone with a working example', async () => {
    const cron = await run('subscribe "61 9 * * *"');
    expect(cron).toMatchObject({ error: true, errorCode: 'usage' });
    expect(cron.headline).toMatch(/not a valid schedule.*"0 9 \* \* 1-5" \(weekdays at 09:00\)/);
    const tz = await run('subscribe gyumri daily Yerevan/Armenia');
    expect(tz.headline).toMatch(/not a time zone I know.*Asia\/Yerevan/);
    expect(await service.list({ platform: 'slack', channel: 'C1' })).toEqual([]);
  });

  it('`now` posts the channel digest with what arrived since it subscribed', async () => {
    await run('subscribe');
    expect((await run('now')).headline).toBe('No digest posted.');
    // An article arrives (as the watcher would report it): the next `now` posts it.
    clock.advance(60_000);
    const fresh = ingestText('Bakeries reopen in Gyumri\n\nThree bakeries reopened in Gyumri on Monday after repairs. Queues formed early.', {
      id: 'wire/fresh-copy.md',
      meta: { title: 'Bakeries reopen in Gyumri', published: '2026-11-23' },
    });
    await service.noteChanges({ upserted: [fresh], removed: [] });
    library.applyChanges({ upsert: [fresh], remove: [] });
    try {
      const reply = await run('now');
      expect(reply.headline).toBe('Posted 1 digest to this channel.');
      expect(slack.posts.at(-1)!.channel).toBe('C1');
      expect(slack.posts.at(-1)!.reply.citations.map((c) => c.articleId)).toEqual(['wire/fresh-copy.md']);
      // Preview: what arrived in the last hour, posted nowhere.
      const before = slack.posts.length;
      const preview = await run('--since 1h');
      expect(preview.citations.map((c) => c.articleId)).toEqual(['wire/fresh-copy.md']);
      expect(slack.posts.length).toBe(before);
      expect((await run('--since 1h --tz Mars/Olympus')).headline).toMatch(/not a time zone I know/);
    } finally {
      library.applyChanges({ upsert: [], remove: ['wire/fresh-copy.md'] });
    }
    expect((await run('now', { ...SLACK, channelId: 'C9' })).errorCode).toBe('not_found');
  });
});
