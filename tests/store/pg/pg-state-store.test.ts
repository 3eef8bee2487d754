/**
 * The PostgreSQL state store's operations against a real PostgreSQL, one fresh database per
 * test: the same behaviour the SQLite store promises (tests/store/state-store.test.ts).
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNewsdeskError } from '../../../src/core/errors.js';
import { PG_MIGRATIONS } from '../../../src/store/pg/pg-migrations.js';
import { PgStateStore } from '../../../src/store/pg/pg-state-store.js';
import type { StatePort } from '../../../src/store/state-port.js';
import { postgresDatabase } from '../../helpers/postgres.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const clock = { now: () => new Date('2026-11-23T06:00:00.000Z') };
const sub = { platform: 'slack' as const, channel: 'C1', topic: null, cron: '0 9 * * 1-5', timezone: 'Asia/Yerevan', createdBy: 'U1' };
const window = { kind: 'scheduled' as const, windowStartSeq: 0, windowEndSeq: 1, windowStart: new Date('2026-11-22T05:00:00Z'), windowEnd: clock.now() };

let url: string;
const opened: PgStateStore[] = [];
async function open(): Promise<PgStateStore> {
  const store = await PgStateStore.open({ url, logger: quiet, clock });
  opened.push(store);
  return store;
}

beforeEach(async () => {
  url = await postgresDatabase();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe('PgStateStore', () => {
  it('implements the state port (every operation of the SQLite store, asynchronously)', async () => {
    // A compile-time check (tsc over tests/): fails when the port gains an operation this store lacks.
    const ops: StatePort = await open();
    expect(typeof ops.recordArrivals).toBe('function');
  });

  it('adds, finds, lists and removes subscriptions, refusing a duplicate', async () => {
    const store = await open();
    await store.recordArrivals([{ id: 'a.md', contentHash: 'h' }, { id: 'b.md', contentHash: 'h' }]);
    const s = await store.addSubscription(sub);
    expect(s).toMatchObject({ ...sub, origin: 'chat', createdAt: clock.now(), createdSeq: 2 });
    const err = await store.addSubscription(sub).catch((e: unknown) => e);
    expect(isNewsdeskError(err, 'usage') && err.message).toContain(`subscription ${s.id}`);
    const topical = await store.addSubscription({ ...sub, topic: 'water', platform: 'discord', channel: 'D1' });
    expect(await store.findSubscription(sub)).toEqual(s);
    expect(await store.findSubscription({ ...sub, topic: 'water' })).toBeUndefined();
    expect(await store.listSubscriptions()).toEqual([s, topical]);
    expect(await store.listSubscriptions({ platform: 'discord' })).toEqual([topical]);
    expect(await store.listSubscriptions({ channel: 'C1' })).toEqual([s]);
    expect(await store.getSubscription(topical.id)).toEqual(topical);
    await store.createRun({ subscriptionId: s.id, slot: new Date('2026-11-23T05:00:00Z'), ...window });
    expect(await store.removeSubscription(s.id)).toBe(true);
    expect(await store.removeSubscription(s.id)).toBe(false);
    expect(await store.runs(s.id)).toEqual([]); // its history went with it
  });

  it('syncs env subscriptions, keeping the ones still configured, also when two replicas sync at once', async () => {
    const [a, b] = [await open(), await open()];
    const chat = await a.addSubscription({ ...sub, channel: 'C9' });
    const [first] = await a.syncEnvSubscriptions([sub, { ...sub, channel: 'C2' }]);
    // Replicas restarted together with a new configuration all sync it at once.
    const wanted = [sub, ...['C3', 'C4', 'C5'].map((channel) => ({ ...sub, channel }))];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).syncEnvSubscriptions(wanted)));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]![0]).toEqual(first);
    expect((await a.listSubscriptions()).map((s) => [s.channel, s.origin])).toEqual([
      ['C9', 'chat'],
      ['C1', 'env'],
      ['C3', 'env'],
      ['C4', 'env'],
      ['C5', 'env'],
    ]);
    expect(await a.getSubscription(chat.id)).toEqual(chat);
  });

  it('keeps one run per slot, with its intent, attempts and outcome', async () => {
    const store = await open();
    const s = await store.addSubscription(sub);
    const slot = new Date('2026-11-23T05:00:00Z');
    const run = (await store.createRun({ subscriptionId: s.id, slot, ...window }))!;
    expect(run).toMatchObject({ slot, status: 'pending', attempts: 0, postKey: null, intentAt: null, windowEnd: clock.now() });
    expect(await store.createRun({ subscriptionId: s.id, slot, ...window })).toBeUndefined();
    expect(await store.pendingRuns(s.id)).toEqual([run]);

    const intent = await store.recordIntent(run.id, 'key-1', new Date('2026-11-23T05:00:01Z'));
    expect(await store.recordIntent(run.id, 'key-2')).toEqual(intent);
    expect(intent).toEqual({ key: 'key-1', at: new Date('2026-11-23T05:00:01Z') });
    await store.countAttempt(run.id);
    await store.countAttempt(run.id);
    expect(await store.finishRun(run.id, { status: 'failed', error: 'x'.repeat(2000) })).toBe(true);
    expect(await store.lastRun(s.id)).toMatchObject({ status: 'failed', attempts: 2, postKey: 'key-1', postedAt: null });
    expect((await store.lastRun(s.id))!.error).toHaveLength(500);
    expect(await store.lastCompletedRun(s.id)).toBeUndefined();

    const later = (await store.createRun({ subscriptionId: s.id, slot: new Date('2026-11-24T05:00:00Z'), ...window, windowEndSeq: 5 }))!;
    await store.finishRun(later.id, { status: 'posted', articleCount: 3 });
    expect(await store.lastCompletedRun(s.id)).toMatchObject({ id: later.id, postedAt: clock.now(), articleCount: 3 });
    expect((await store.runs(s.id)).map((r) => r.id)).toEqual([run.id, later.id]);
    expect(await store.pendingRuns(s.id)).toEqual([]);
    await expect(store.recordIntent(9999, 'k')).rejects.toSatisfy((e) => isNewsdeskError(e, 'state'));
  });

  it('numbers arrivals, keeps the first-seen time of a changed article and remembers removed ones', async () => {
    const store = await open();
    const t1 = new Date('2026-11-23T06:00:00Z');
    const t2 = new Date('2026-11-23T07:00:00Z');
    expect(await store.latestArrival()).toBe(0);
    expect(await store.recordArrivals([{ id: 'a', contentHash: '1' }, { id: 'b', contentHash: '1' }], t1)).toEqual(['a', 'b']);
    expect(await store.recordArrivals([{ id: 'a', contentHash: '2' }, { id: 'c', contentHash: '1' }, { id: 'c', contentHash: '1' }], t2)).toEqual(['c']);
    expect(await store.latestArrival()).toBe(3);
    expect(await store.firstSeen('a')).toEqual(t1);
    expect(await store.firstSeen('zzz')).toBeUndefined();
    expect(await store.arrivalsBetween(1, 3)).toEqual(['b', 'c']);
    expect(await store.arrivalsSince(t2)).toEqual(['c']);

    await store.recordRemovals(['b'], t2);
    expect(await store.arrivalsBetween(0, 3)).toEqual(['a', 'c']);
    // Back with the same text: present again, but not news.
    expect(await store.recordArrivals([{ id: 'b', contentHash: '1' }], t2)).toEqual([]);
    expect(await store.arrivalsBetween(0, 3)).toEqual(['a', 'b', 'c']);
    expect(await store.latestArrival()).toBe(3);
  });

  it('numbers a materially revised article again, once, as the SQLite store does', async () => {
    const store = await open();
    const t1 = new Date('2026-11-23T06:00:00Z');
    const t2 = new Date('2026-11-23T07:00:00Z');
    await store.recordArrivals([{ id: 'a', contentHash: '1' }, { id: 'b', contentHash: '1' }], t1);
    // 'a' changed materially (revised), 'b' only lightly: 'a' arrives again after the new 'c'.
    expect(await store.recordArrivals([{ id: 'c', contentHash: '1' }, { id: 'a', contentHash: '2' }, { id: 'b', contentHash: '2' }], t2, ['a'])).toEqual(['c']);
    expect(await store.latestArrival()).toBe(4);
    expect(await store.arrivalsBetween(2, 4)).toEqual(['c', 'a']);
    expect(await store.firstSeen('a')).toEqual(t2);
    expect(await store.firstSeen('b')).toEqual(t1);
    // The same text again is not news a second time.
    expect(await store.recordArrivals([{ id: 'a', contentHash: '2' }], t2, ['a'])).toEqual([]);
    expect(await store.latestArrival()).toBe(4);
  });

  it('numbers arrivals from two replicas writing at once without a gap or a repeat', async () => {
    const [a, b] = [await open(), await open()];
    const batch = (prefix: string) => Array.from({ length: 40 }, (_, i) => ({ id: `${prefix}${i}`, contentHash: 'h' }));
    const results = await Promise.all([1, 2, 3, 4].map((n) => (n % 2 ? a : b).recordArrivals(batch(`r${n}-`))));
    expect(results.flat()).toHaveLength(160);
    expect(await a.latestArrival()).toBe(160);
    expect(await a.arrivalsBetween(0, 160)).toHaveLength(160);
  });

  it('refuses a database with a newer schema instead of guessing', async () => {
    await (await open()).close();
    opened.length = 0;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO schema_migrations (version) VALUES ($1)`, [PG_MIGRATIONS.length + 1]);
    await client.end();
    await expect(open()).rejects.toSatisfy((e) => isNewsdeskError(e, 'state') && /newer than this newsdesk/.test((e as Error).message));
  });
});
