/**
 * What several replicas sharing one PostgreSQL rely on, raced for real: two stores with their
 * own pools are two replicas. Each guarantee is checked by many concurrent attempts.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../../src/store/pg/pg-migrations.js';
import { PgStateStore, type NewRun } from '../../../src/store/pg/pg-state-store.js';
import { postgresDatabase, queryOnce } from '../../helpers/postgres.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const sub = { platform: 'slack' as const, channel: 'C1', topic: null, cron: '0 9 * * 1-5', timezone: 'Asia/Yerevan', createdBy: 'U1' };
const ATTEMPTS = 50;

let url: string;
let a: PgStateStore;
let b: PgStateStore;
let run: NewRun;
const extra: PgStateStore[] = [];

/** Runs one statement on the test's database directly (what no store offers: reading the clock, peeking at rows). */
function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  return queryOnce<T>(url, text, params);
}

/** Waits until the database's clock is past `until` (leases and event keys expire by that clock). */
async function untilDbTimePasses(until: Date): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const [row] = await sql<{ past: boolean }>(`SELECT now() > $1 AS past`, [until]);
    if (row!.past) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the database clock never passed ${until.toISOString()}`);
}

/** Half the attempts on each replica, all at once, interleaved. */
function race<T>(attempt: (store: PgStateStore, i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: ATTEMPTS }, (_, i) => attempt(i % 2 ? a : b, i)));
}

beforeEach(async () => {
  url = await postgresDatabase();
  [a, b] = await Promise.all([PgStateStore.open({ url, logger: quiet }), PgStateStore.open({ url, logger: quiet })]);
  const s = await a.addSubscription(sub);
  run = { subscriptionId: s.id, slot: new Date('2026-11-23T05:00:00Z'), kind: 'scheduled', windowStartSeq: 0, windowEndSeq: 0, windowStart: s.createdAt, windowEnd: s.createdAt };
});
afterEach(async () => {
  await Promise.all([a, b, ...extra.splice(0)].map((s) => s.close()));
});

describe('slot claims across replicas', () => {
  it('gives a slot to exactly one of many concurrent claims', async () => {
    const claims = await race((store, i) => store.claimSlot(run, { replicaId: `replica-${i}`, leaseMs: 60_000 }));
    const won = claims.filter((c) => c !== undefined);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ takenOver: false, run: { status: 'pending' } });
    expect(await a.runs(run.subscriptionId)).toHaveLength(1);
  });

  it('lets a live claim be renewed by its holder only, and never taken over', async () => {
    const claim = (await a.claimSlot(run, { replicaId: 'a', leaseMs: 60_000 }))!;
    expect(await b.claimSlot(run, { replicaId: 'b', leaseMs: 60_000 })).toBeUndefined();
    expect(await b.renewLease(claim.run.id, { replicaId: 'b', leaseMs: 60_000 })).toBeUndefined();
    const renewed = await a.renewLease(claim.run.id, { replicaId: 'a', leaseMs: 120_000 });
    expect(renewed!.getTime()).toBeGreaterThan(claim.leaseUntil.getTime());
    expect(await b.finishRun(claim.run.id, { status: 'posted' }, { replicaId: 'b' })).toBe(false);
    expect(await a.finishRun(claim.run.id, { status: 'posted', articleCount: 2 }, { replicaId: 'a' })).toBe(true);
    expect(await a.lastRun(run.subscriptionId)).toMatchObject({ status: 'posted', articleCount: 2 });
  });

  it('hands an expired claim to exactly one other replica, keeping the run and its post key', async () => {
    const first = (await a.claimSlot(run, { replicaId: 'dead', leaseMs: 50 }))!;
    const intent = await a.recordIntent(first.run.id, 'post-key-1');
    await untilDbTimePasses(first.leaseUntil);

    const claims = await race((store, i) => store.claimSlot(run, { replicaId: `replica-${i}`, leaseMs: 60_000 }));
    const won = claims.filter((c) => c !== undefined);
    expect(won).toHaveLength(1);
    const taker = won[0]!;
    expect(taker).toMatchObject({ takenOver: true, run: { id: first.run.id, postKey: intent.key, intentAt: intent.at } });

    // The replica that stalled has lost the run: it can neither renew nor finish it.
    expect(await a.renewLease(first.run.id, { replicaId: 'dead', leaseMs: 60_000 })).toBeUndefined();
    expect(await a.finishRun(first.run.id, { status: 'failed', error: 'late' }, { replicaId: 'dead' })).toBe(false);
    expect(await b.finishRun(first.run.id, { status: 'posted' }, { replicaId: taker.replicaId })).toBe(true);
    const [row] = await sql<{ claims: number; claimed_by: string }>(`SELECT claims, claimed_by FROM digest_runs WHERE id = $1`, [first.run.id]);
    expect(row).toEqual({ claims: 2, claimed_by: taker.replicaId });
  });

  it('never hands over a finished run, however old its claim', async () => {
    const first = (await a.claimSlot(run, { replicaId: 'a', leaseMs: 50 }))!;
    await a.finishRun(first.run.id, { status: 'empty' }, { replicaId: 'a' });
    await untilDbTimePasses(first.leaseUntil);
    expect((await race((store, i) => store.claimSlot(run, { replicaId: `r${i}`, leaseMs: 60_000 }))).filter(Boolean)).toEqual([]);
    expect(await a.lastRun(run.subscriptionId)).toMatchObject({ status: 'empty' });
  });
});

describe('event de-duplication across replicas', () => {
  it('answers an event delivered many times to two replicas exactly once', async () => {
    const firsts = await race((store) => store.firstDelivery('slack:Ev123', 60_000));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await a.firstDelivery('slack:Ev124', 60_000)).toBe(true);
    expect(await b.firstDelivery('slack:Ev124', 60_000)).toBe(false);
  });

  it('forgets a key after its time to live, and deletes expired keys', async () => {
    expect(await a.firstDelivery('slack:old', 50)).toBe(true);
    const [{ expires_at }] = (await sql<{ expires_at: Date }>(`SELECT expires_at FROM delivered_events WHERE event_key = 'slack:old'`)) as [{ expires_at: Date }];
    await untilDbTimePasses(expires_at);
    // On the replica that saw it (whose purge already ran): the expired key itself counts as new, once.
    const again = await Promise.all(Array.from({ length: ATTEMPTS }, () => a.firstDelivery('slack:old', 60_000)));
    expect(again.filter(Boolean)).toHaveLength(1);

    await sql(`INSERT INTO delivered_events (event_key, expires_at) VALUES ('slack:stale', now() - interval '1 hour')`);
    // A store purges on its first delivery, then at most once a minute.
    const fresh = await PgStateStore.open({ url, logger: quiet });
    extra.push(fresh);
    await fresh.firstDelivery('slack:new', 60_000);
    const keys = await sql<{ event_key: string }>(`SELECT event_key FROM delivered_events ORDER BY event_key`);
    expect(keys.map((r) => r.event_key)).toEqual(['slack:new', 'slack:old']);
  });
});

describe('migrations across replicas', () => {
  it('runs each step once when several replicas open a new database at once', async () => {
    url = await postgresDatabase();
    const stores = await Promise.all(Array.from({ length: 6 }, () => PgStateStore.open({ url, logger: quiet })));
    extra.push(...stores);
    expect(stores.reduce((n, s) => n + s.migrated, 0)).toBe(PG_MIGRATIONS.length);
    expect((await sql<{ version: number }>(`SELECT version FROM schema_migrations ORDER BY version`)).map((r) => r.version)).toEqual(
      PG_MIGRATIONS.map((_, i) => i + 1),
    );
    const again = await PgStateStore.open({ url, logger: quiet });
    extra.push(again);
    expect(again.migrated).toBe(0);
  });
});
