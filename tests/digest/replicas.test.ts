/**
 * The digest service on PostgreSQL shared by two replicas (two services, each with its own
 * store and pool, over one real database): each slot is posted once, and a replica that dies
 * mid-slot has its run taken over after the lease and posted once. The lease runs on the
 * database's clock, so the takeover is waited for by asking again, never by a timed sleep.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestService } from '../../src/digest/service.js';
import type { DigestOutlet, DigestPosters } from '../../src/digest/types.js';
import { PgStateStore } from '../../src/store/pg/pg-state-store.js';
import type { Reply } from '../../src/core/types.js';
import { fakeClock, liveLibrary, makeArticle, recordingLogger, recordingPoster } from '../helpers/digest.js';
import { postgresDatabase } from '../helpers/postgres.js';

const OLD = makeArticle('old.md', { title: 'An older story', published: '2026-11-01' }, 'This was known before anyone subscribed. It stays old.');
const QUAKE = makeArticle('quake.md', { title: 'Tremor felt in Gyumri', published: '2026-11-23' }, 'A tremor was felt in Gyumri on Monday morning. No damage was reported.');
const DAILY_9_UTC = { schedule: '0 9 * * *', timezone: 'UTC' };
const LEASE_MS = 600;

let url: string;
const services: DigestService[] = [];

beforeEach(async () => {
  url = await postgresDatabase();
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop().catch(() => undefined);
});

/** A channel both replicas post to and can read back, like the Slack and Discord outlets (history by run key). */
function channelOutlet(): DigestOutlet & { posts: Array<{ reply: Reply; runId: string | undefined }> } {
  const posts: Array<{ reply: Reply; runId: string | undefined }> = [];
  return {
    posts,
    postReply: async (_channel, reply, delivery) => void posts.push({ reply, runId: delivery?.runId }),
    findDigest: async (_channel, delivery) => ({ status: posts.some((p) => p.runId === delivery.runId) ? 'posted' : 'absent' }),
  };
}

/** One replica: its own store (pool) over the shared database. */
async function replica(name: string, parts: { clock: ReturnType<typeof fakeClock>; library: ReturnType<typeof liveLibrary>; posters: DigestPosters; logger?: ReturnType<typeof recordingLogger> }) {
  const logger = parts.logger ?? recordingLogger();
  const store = await PgStateStore.open({ url, logger, clock: parts.clock });
  const service = new DigestService({ store, replicaId: name, leaseMs: LEASE_MS, library: () => parts.library, logger, clock: parts.clock, posters: parts.posters, retry: { attempts: 1 } });
  services.push(service);
  return { service, store, logger };
}

describe('digests on PostgreSQL shared by two replicas', () => {
  it('posts each slot once, whichever replica gets to it, and both see the same subscriptions', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([OLD]);
    const slack = recordingPoster();
    const a = await replica('a', { clock, library, posters: { slack } });
    const b = await replica('b', { clock, library, posters: { slack } });
    await a.service.start();
    await b.service.start();
    const sub = await a.service.subscribe({ platform: 'slack', channel: 'C1', ...DAILY_9_UTC });
    expect(await b.service.list()).toEqual([sub]);
    library.applyChanges({ upsert: [QUAKE], remove: [] });
    await Promise.all([a.service.noteChanges({ upserted: [QUAKE], removed: [] }), b.service.noteChanges({ upserted: [QUAKE], removed: [] })]);

    clock.set('2026-11-23T09:00:05Z');
    const reports = await Promise.all([a.service.tick(), b.service.tick(), a.service.tick(), b.service.tick()]);
    expect(reports.reduce((n, r) => n + r.posted, 0)).toBe(1);
    expect(slack.posts).toHaveLength(1);
    expect(JSON.stringify(slack.posts[0]!.reply)).toContain('A tremor was felt in Gyumri on Monday morning.');

    // The next day's slot, nothing new: used up once, posted by no one.
    clock.set('2026-11-24T09:00:05Z');
    const next = await Promise.all([b.service.tick(), a.service.tick()]);
    expect(next.reduce((n, r) => n + r.empty, 0)).toBe(1);
    expect(slack.posts).toHaveLength(1);
    expect((await a.store.runs(sub.id)).map((r) => r.status)).toEqual(['posted', 'empty']);
  });

  it('a replica that dies mid-post: the other takes the run over after the lease and posts it once', async () => {
    const clock = fakeClock('2026-11-23T03:00:00Z');
    const library = liveLibrary([OLD]);
    let inFlight!: () => void;
    const posting = new Promise<void>((resolve) => (inFlight = resolve));
    // Replica a's post never comes back: it is stuck in the chat API when it dies.
    const stuck = async (): Promise<void> => {
      inFlight();
      await new Promise<never>(() => undefined);
    };
    const a = await replica('a', { clock, library, posters: { slack: stuck } });
    await a.service.start();
    const sub = await a.service.subscribe({ platform: 'slack', channel: 'C1', ...DAILY_9_UTC });
    library.applyChanges({ upsert: [QUAKE], remove: [] });
    await a.service.noteChanges({ upserted: [QUAKE], removed: [] });
    clock.set('2026-11-23T09:00:05Z');
    void a.service.tick();
    await posting;
    // Dead: its connections are gone, so it renews nothing and records nothing more.
    await a.store.close();
    services.splice(services.indexOf(a.service), 1);

    // b posts to the same channel, which it can read back (as the Slack and Discord outlets do):
    // a's post never reached it.
    const slack = channelOutlet();
    const logger = recordingLogger();
    const b = await replica('b', { clock, library, posters: { slack }, logger });
    // While a's lease lasts, b leaves the run alone, and claims no newer slot over the same news.
    expect(await b.service.start()).toEqual({ posted: 0, empty: 0, failed: 0 });
    clock.set('2026-11-24T09:00:05Z');
    let report = await b.service.tick();
    if (report.posted === 0) expect((await b.store.runs(sub.id)).map((r) => r.status)).toEqual(['pending']);
    for (let i = 0; i < 200 && report.posted === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      report = await b.service.tick();
    }
    // The taken-over run is posted; the day's slot after it has nothing new.
    expect(report).toEqual({ posted: 1, empty: 1, failed: 0 });
    expect(logger.warnings).toContain('digest slot taken over: the replica that claimed it stopped renewing its lease');
    expect(slack.posts).toHaveLength(1);
    const texts = (r: Reply) => r.items.map((i) => i.text);
    expect(texts(slack.posts[0]!.reply)).toEqual(['A tremor was felt in Gyumri on Monday morning.']);
    const runs = await b.store.runs(sub.id);
    expect(runs.map((r) => [r.slot.toISOString(), r.status])).toEqual([
      ['2026-11-23T09:00:00.000Z', 'posted'],
      ['2026-11-24T09:00:00.000Z', 'empty'],
    ]);
    // The post carries the key a recorded before it died.
    expect(slack.posts[0]!.runId).toBe(runs[0]!.postKey);
    expect(await b.service.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
    expect(slack.posts).toHaveLength(1);
  });
});
