import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DigestService } from '../../src/digest/service.js';
import type { DigestPosters } from '../../src/digest/types.js';
import { isNewsdeskError } from '../../src/core/errors.js';
import { STATE_FILE } from '../../src/store/state-db.js';
import { StateStore } from '../../src/store/state-store.js';
import { SqliteStatePort } from '../../src/store/state-port.js';
import type { Article, Reply } from '../../src/core/types.js';
import { fakeClock, liveLibrary, makeArticle, recordingLogger, recordingPoster } from '../helpers/digest.js';

// Monday 23 November 2026. 09:00 in Yerevan (UTC+4) is 05:00 UTC.
const WEEKDAYS_9_YEREVAN = { schedule: '0 9 * * 1-5', timezone: 'Asia/Yerevan' };

const OLD = makeArticle('old.md', { title: 'An older story', published: '2026-11-01' }, 'This was known before anyone subscribed. It stays old.');
const QUAKE = makeArticle(
  'gyumri-quake.md',
  { title: 'Tremor felt in Gyumri', outlet: 'Armenpress', published: '2026-11-23', url: 'https://example.org/gyumri' },
  'A tremor was felt in Gyumri on Monday morning. No damage was reported.',
);
const TALKS = makeArticle('talks.md', { title: 'Border talks resume', published: '2026-11-24' }, 'Delegations met at the border on Tuesday. Talks continue.');

let dir: string;
const services: DigestService[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nd-digest-'));
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A service over the real database file in `dir`, as a fresh process would create it. */
function boot(parts: {
  clock: ReturnType<typeof fakeClock>;
  library: ReturnType<typeof liveLibrary>;
  posters: DigestPosters;
  logger?: ReturnType<typeof recordingLogger>;
  sleeps?: number[];
  env?: ConstructorParameters<typeof DigestService>[0]['envSubscriptions'];
}): DigestService {
  const logger = parts.logger ?? recordingLogger();
  const store = SqliteStatePort.open({ dataDir: dir, logger, clock: parts.clock });
  const service = new DigestService({
    store,
    library: () => parts.library,
    logger,
    clock: parts.clock,
    posters: parts.posters,
    envSubscriptions: parts.env ?? [],
    retry: { attempts: 3, baseDelayMs: 1000, sleep: async (ms) => void parts.sleeps?.push(ms) },
  });
  services.push(service);
  return service;
}

/** The corpus watcher's part: the library changes and the service notes the arrival. */
async function arrive(library: ReturnType<typeof liveLibrary>, service: DigestService, ...articles: Article[]): Promise<void> {
  library.applyChanges({ upsert: articles, remove: [] });
  await service.noteChanges({ upserted: articles, removed: [] });
}

const quotedTexts = (reply: Reply) => reply.items.map((i) => i.text);

describe('scheduled digests', () => {
  it('posts a new article once at its slot, and a restart does not repeat it', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([OLD]);
    const slack = recordingPoster();
    let service = boot({ clock, library, posters: { slack } });
    await service.start();
    const sub = await service.subscribe({ platform: 'slack', channel: 'C1', ...WEEKDAYS_9_YEREVAN, createdBy: 'U1' });

    clock.set('2026-11-23T04:30:00Z');
    await arrive(library, service, QUAKE);
    clock.set('2026-11-23T04:59:59Z');
    expect(await service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });

    clock.set('2026-11-23T05:00:02Z');
    expect(await service.tick()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(slack.posts).toHaveLength(1);
    const { channel, reply } = slack.posts[0]!;
    expect(channel).toBe('C1');
    // The window starts when the channel subscribed (03:00 UTC is 07:00 in Yerevan).
    expect(reply.headline).toBe('Digest: 1 new article since Mon, 23 Nov 2026, 07:00 (Asia/Yerevan)');
    // Lead sentence, verbatim, with the article's citation; the older article is not news.
    expect(quotedTexts(reply)).toEqual(['A tremor was felt in Gyumri on Monday morning.']);
    expect(reply.items[0]!.text).toBe(QUAKE.text.slice(reply.items[0]!.span.start, reply.items[0]!.span.end));
    expect(reply.items[0]!.label).toBe('Tremor felt in Gyumri');
    expect(reply.citations).toEqual([
      { id: 1, articleId: 'gyumri-quake.md', title: 'Tremor felt in Gyumri', outlet: 'Armenpress', published: '2026-11-23', publishedInferred: false, url: 'https://example.org/gyumri' },
    ]);

    expect(await service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
    await service.stop();

    // Restart: a new process over the same file, a minute later.
    clock.set('2026-11-23T05:01:00Z');
    service = boot({ clock, library, posters: { slack } });
    expect(await service.start()).toEqual({ posted: 0, empty: 0, failed: 0 });
    expect(await service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
    expect(slack.posts).toHaveLength(1);

    // Next slot with nothing new: no post, but the slot is used up.
    clock.set('2026-11-24T05:00:30Z');
    expect(await service.tick()).toEqual({ posted: 0, empty: 1, failed: 0 });
    expect(slack.posts).toHaveLength(1);
    expect(await service.list({ platform: 'slack', channel: 'C1' })).toEqual([sub]);
  });

  it('catches up a missed slot once, not once per missed slot', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([OLD]);
    const slack = recordingPoster();
    let service = boot({ clock, library, posters: { slack } });
    await service.start();
    await service.subscribe({ platform: 'slack', channel: 'C1', ...WEEKDAYS_9_YEREVAN });
    clock.set('2026-11-23T05:00:00Z');
    await service.tick();
    expect(slack.posts).toHaveLength(0); // nothing new yet
    await service.stop();

    // Down from Monday to Thursday noon: three slots missed (Tue, Wed, Thu). Articles arrived meanwhile.
    library.applyChanges({ upsert: [QUAKE, TALKS], remove: [] });
    clock.set('2026-11-26T08:00:00Z');
    service = boot({ clock, library, posters: { slack } });
    expect(await service.start()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(slack.posts).toHaveLength(1);
    expect(slack.posts[0]!.reply.citations.map((c) => c.articleId).sort()).toEqual(['gyumri-quake.md', 'talks.md']);
    // Newest publication first.
    expect(quotedTexts(slack.posts[0]!.reply)).toEqual(['Delegations met at the border on Tuesday.', 'A tremor was felt in Gyumri on Monday morning.']);
    expect(await service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });

    // The catch-up stands for Thursday's slot: Friday's comes as usual, with nothing new.
    clock.set('2026-11-27T05:00:00Z');
    expect(await service.tick()).toEqual({ posted: 0, empty: 1, failed: 0 });
    expect(slack.posts).toHaveLength(1);
  });

  it('a digest interrupted by a crash (claimed, not posted) is posted once at restart', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([]);
    const slack = recordingPoster();
    let service = boot({ clock, library, posters: { slack } });
    await service.start();
    const sub = await service.subscribe({ platform: 'slack', channel: 'C1', ...WEEKDAYS_9_YEREVAN });
    await arrive(library, service, QUAKE);
    await service.stop();
    // What a process that died between claiming the slot and posting leaves behind.
    const store = StateStore.open({ dataDir: dir, logger: recordingLogger(), clock });
    clock.set('2026-11-23T05:00:00Z');
    store.createRun({ subscriptionId: sub.id, slot: clock.now(), kind: 'scheduled', windowStartSeq: sub.createdSeq, windowEndSeq: store.latestArrival(), windowStart: sub.createdAt, windowEnd: clock.now() });
    store.close();

    clock.set('2026-11-23T05:03:00Z');
    service = boot({ clock, library, posters: { slack } });
    expect(await service.start()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(slack.posts.map((p) => p.reply.citations.map((c) => c.articleId))).toEqual([['gyumri-quake.md']]);
    expect(await service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
  });

  it('retries a failing chat API and posts exactly once', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([]);
    const discord = recordingPoster(2);
    const sleeps: number[] = [];
    const logger = recordingLogger();
    const service = boot({ clock, library, posters: { discord }, sleeps, logger });
    await service.start();
    await service.subscribe({ platform: 'discord', channel: '42', ...WEEKDAYS_9_YEREVAN });
    await arrive(library, service, QUAKE);
    clock.set('2026-11-23T05:00:00Z');
    expect(await service.tick()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(discord.calls).toBe(3);
    expect(discord.posts).toHaveLength(1);
    expect(sleeps).toEqual([1000, 2000]);
    expect(logger.warnings.filter((w) => /retrying/.test(w))).toHaveLength(2);
    clock.set('2026-11-23T05:10:00Z');
    expect(await service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
    expect(discord.calls).toBe(3);
  });

  it('one platform failing does not block the other, and its news rolls into its next digest', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([]);
    const slack = recordingPoster(3); // down for all three tries
    const discord = recordingPoster();
    const service = boot({ clock, library, posters: { slack, discord } });
    await service.start();
    await service.subscribe({ platform: 'slack', channel: 'C1', ...WEEKDAYS_9_YEREVAN });
    await service.subscribe({ platform: 'discord', channel: '42', ...WEEKDAYS_9_YEREVAN });
    await arrive(library, service, QUAKE);
    clock.set('2026-11-23T05:00:00Z');
    expect(await service.tick()).toEqual({ posted: 1, empty: 0, failed: 1 });
    expect(discord.posts.map((p) => p.channel)).toEqual(['42']);
    expect(slack.posts).toHaveLength(0);

    clock.set('2026-11-23T12:00:00Z');
    await arrive(library, service, TALKS);
    clock.set('2026-11-24T05:00:00Z');
    expect(await service.tick()).toEqual({ posted: 2, empty: 0, failed: 0 });
    // Slack gets both (the failed one's news is not lost); Discord only what is new since its last.
    expect(slack.posts[0]!.reply.citations.map((c) => c.articleId).sort()).toEqual(['gyumri-quake.md', 'talks.md']);
    expect(discord.posts[1]!.reply.citations.map((c) => c.articleId)).toEqual(['talks.md']);
  });

  it('a topic digest carries only reporting on the topic; nothing on it, no post', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([]);
    const slack = recordingPoster();
    const service = boot({ clock, library, posters: { slack } });
    await service.start();
    await service.subscribe({ platform: 'slack', channel: 'C1', topic: 'gyumri', ...WEEKDAYS_9_YEREVAN });
    await arrive(library, service, TALKS);
    clock.set('2026-11-23T05:00:00Z');
    expect(await service.tick()).toEqual({ posted: 0, empty: 1, failed: 0 });
    await arrive(library, service, QUAKE);
    clock.set('2026-11-24T05:00:00Z');
    expect(await service.tick()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(slack.posts[0]!.reply.headline).toMatch(/^Digest on "gyumri": 1 new article, 1 claim or denial since/);
    expect(slack.posts[0]!.reply.citations.map((c) => c.articleId)).toEqual(['gyumri-quake.md']);
  });

  it('`now` posts at once and the next scheduled digest starts from there', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([]);
    const slack = recordingPoster();
    const service = boot({ clock, library, posters: { slack } });
    await service.start();
    await service.subscribe({ platform: 'slack', channel: 'C1', ...WEEKDAYS_9_YEREVAN });
    await arrive(library, service, QUAKE);
    clock.set('2026-11-23T04:00:00Z');
    const results = await service.runNow({ platform: 'slack', channel: 'C1' });
    expect(results.map((r) => r.outcome)).toEqual(['posted']);
    clock.set('2026-11-23T05:00:00Z');
    expect(await service.tick()).toEqual({ posted: 0, empty: 1, failed: 0 });
    expect(slack.posts).toHaveLength(1);
    await expect(service.runNow({ platform: 'slack', channel: 'C2' })).rejects.toThrow(/no digest yet/);
  });

  it('waits while a platform is not running and catches up once when it is', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([]);
    const service = boot({ clock, library, posters: {} });
    await service.start();
    await service.subscribe({ platform: 'discord', channel: '42', ...WEEKDAYS_9_YEREVAN });
    await arrive(library, service, QUAKE);
    clock.set('2026-11-25T06:00:00Z');
    expect(await service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
    const discord = recordingPoster();
    service.setPoster('discord', discord);
    expect(await service.tick()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(await service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
    expect(discord.posts).toHaveLength(1);
  });

  it('start() keeps waking for the next slot by itself', async () => {
    // The fake clock decides which slot is due; fake timers decide when the scheduler looks.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const clock = fakeClock('2026-11-23T04:59:59.900Z');
      const library = liveLibrary([]);
      const slack = recordingPoster();
      let posted!: () => void;
      const firstPost = new Promise<void>((resolve) => (posted = resolve));
      const service = boot({ clock, library, posters: { slack: async (channel, reply) => (await slack(channel, reply), posted()) } });
      await service.subscribe({ platform: 'slack', channel: 'C1', ...WEEKDAYS_9_YEREVAN });
      await arrive(library, service, QUAKE);
      await service.start();
      expect(slack.posts).toHaveLength(0);
      clock.set('2026-11-23T05:00:01Z');
      // The slot was 100 ms away at start: the scheduler sleeps its minimum of 250 ms, then looks.
      await vi.advanceTimersByTimeAsync(249);
      expect(slack.posts).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      await firstPost;
      expect(slack.posts.map((p) => p.channel)).toEqual(['C1']);
      expect(JSON.stringify(slack.posts[0]!.reply)).toContain('A tremor was felt in Gyumri on Monday morning.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses an invalid schedule or time zone with an example', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const service = boot({ clock, library: liveLibrary([]), posters: {} });
    const refusal = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (err) {
        expect(isNewsdeskError(err, 'usage')).toBe(true);
        return (err as Error).message;
      }
      throw new Error('not refused');
    };
    expect(await refusal(() => service.subscribe({ platform: 'slack', channel: 'C1', schedule: '0 25 * * *' }))).toMatch(/not a valid schedule.*"0 9 \* \* 1-5" \(weekdays at 09:00\)/);
    expect(await refusal(() => service.subscribe({ platform: 'slack', channel: 'C1', timezone: 'Yerevan' }))).toMatch(/Asia\/Yerevan/);
    expect(await service.list()).toEqual([]);
  });
});

describe('state that goes bad', () => {
  it('a state file deleted while running: a warning and a fresh start, not a crash, and no flood of old news', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([OLD]);
    const slack = recordingPoster();
    const logger = recordingLogger();
    const env = [{ platform: 'slack' as const, channel: 'CENV', topic: null, cron: '0 9 * * 1-5', timezone: 'Asia/Yerevan', createdBy: null }];
    const service = boot({ clock, library, posters: { slack }, logger, env });
    await service.start();
    await service.subscribe({ platform: 'slack', channel: 'C1', ...WEEKDAYS_9_YEREVAN });
    await arrive(library, service, QUAKE);
    for (const f of readdirSync(dir)) rmSync(path.join(dir, f));

    clock.set('2026-11-23T05:00:00Z');
    // The env subscription is re-created at this very moment, so this slot is not yet its own.
    expect(await service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
    expect(logger.warnings.some((w) => /deleted while running.*fresh/.test(w))).toBe(true);
    // The chat subscription is gone (it lived in the file); the env one was restored.
    expect((await service.list()).map((s) => s.channel)).toEqual(['CENV']);
    expect(slack.posts).toHaveLength(0);
    await arrive(library, service, TALKS);
    clock.set('2026-11-24T05:00:00Z');
    expect(await service.tick()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(slack.posts[0]!.reply.citations.map((c) => c.articleId)).toEqual(['talks.md']);
  });

  it('a corrupted state file at start: a warning, the file moved aside, a fresh start', async () => {
    writeFileSync(path.join(dir, STATE_FILE), Buffer.alloc(4096, 0x5a));
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const logger = recordingLogger();
    const slack = recordingPoster();
    const service = boot({ clock, library: liveLibrary([OLD]), posters: { slack }, logger });
    expect(await service.start()).toEqual({ posted: 0, empty: 0, failed: 0 });
    expect(logger.warnings.some((w) => /unreadable.*moved it aside/.test(w))).toBe(true);
    expect(readdirSync(dir).some((f) => f.startsWith(`${STATE_FILE}.broken-`))).toBe(true);
    expect((await service.subscribe({ platform: 'slack', channel: 'C1', ...WEEKDAYS_9_YEREVAN })).id).toBe(1);
  });
});
