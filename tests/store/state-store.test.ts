import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNewsdeskError } from '../../src/core/errors.js';
import { SCHEMA_VERSION, STATE_FILE, openStateDb } from '../../src/store/state-db.js';
import { StateStore } from '../../src/store/state-store.js';

/** A logger that keeps what it was told, so tests can assert the warning. */
function recordingLogger() {
  const warnings: Array<{ obj: unknown; msg?: string }> = [];
  return {
    warnings,
    info() {},
    debug() {},
    error() {},
    warn(obj: unknown, msg?: string) {
      warnings.push({ obj, ...(msg !== undefined ? { msg } : {}) });
    },
  };
}

let dir: string;
const clock = { now: () => new Date('2026-11-23T06:00:00.000Z') };
const sub = { platform: 'slack' as const, channel: 'C1', topic: null, cron: '0 9 * * 1-5', timezone: 'Asia/Yerevan', createdBy: 'U1' };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nd-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('state database file', () => {
  it('is created under DATA_DIR with the current schema version', () => {
    const logger = recordingLogger();
    const opened = openStateDb(path.join(dir, 'nested', 'data'), logger);
    expect(opened.outcome).toBe('created');
    expect(opened.file).toBe(path.join(dir, 'nested', 'data', STATE_FILE));
    expect(opened.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = opened.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['article_arrivals', 'digest_runs', 'subscriptions']));
    opened.db.close();
    expect(logger.warnings).toEqual([]);
  });

  it('keeps subscriptions, runs and arrivals across reopening the file', () => {
    const logger = recordingLogger();
    const a = StateStore.open({ dataDir: dir, logger, clock });
    const s = a.addSubscription(sub);
    a.recordArrivals([{ id: 'x.md', contentHash: 'h1' }]);
    const run = a.createRun({ subscriptionId: s.id, slot: new Date('2026-11-23T05:00:00Z'), kind: 'scheduled', windowStartSeq: 0, windowEndSeq: 1, windowStart: s.createdAt, windowEnd: clock.now() });
    a.finishRun(run!.id, { status: 'posted', articleCount: 1 });
    a.close();

    const b = StateStore.open({ dataDir: dir, logger, clock });
    expect(b.outcome).toBe('opened');
    expect(b.listSubscriptions()).toEqual([s]);
    expect(b.lastRun(s.id)).toMatchObject({ status: 'posted', articleCount: 1, postedAt: clock.now() });
    expect(b.firstSeen('x.md')).toEqual(clock.now());
    b.close();
  });

  it('refuses a duplicate subscription and a second run for the same slot', () => {
    const store = StateStore.open({ dataDir: dir, logger: recordingLogger(), clock });
    const s = store.addSubscription(sub);
    expect(() => store.addSubscription(sub)).toThrow(/already has that digest/);
    // The same channel with a topic is a different subscription.
    expect(store.addSubscription({ ...sub, topic: 'gyumri' }).id).not.toBe(s.id);
    const slot = new Date('2026-11-23T05:00:00Z');
    const r = { subscriptionId: s.id, slot, kind: 'scheduled' as const, windowStartSeq: 0, windowEndSeq: 0, windowStart: s.createdAt, windowEnd: clock.now() };
    const run = store.createRun(r);
    expect(run).toMatchObject({ subscriptionId: s.id, kind: 'scheduled' });
    expect(store.createRun(r)).toBeUndefined();
    store.close();
  });

  it('moves a corrupt file aside with a warning and starts fresh', () => {
    writeFileSync(path.join(dir, STATE_FILE), 'this is not a database, just some text that got here somehow'.repeat(100));
    const logger = recordingLogger();
    const store = StateStore.open({ dataDir: dir, logger, clock });
    expect(store.outcome).toBe('recovered');
    expect(store.listSubscriptions()).toEqual([]);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]!.msg).toMatch(/unreadable.*moved it aside.*fresh/);
    const aside = readdirSync(dir).filter((f) => f.startsWith(`${STATE_FILE}.broken-`));
    expect(aside).toHaveLength(1);
    // The fresh database works.
    expect(store.addSubscription(sub).id).toBe(1);
    store.close();
  });

  it('recovers from a database whose pages were damaged', () => {
    const store = StateStore.open({ dataDir: dir, logger: recordingLogger(), clock });
    for (let i = 0; i < 200; i++) store.recordArrivals([{ id: `a${i}.md`, contentHash: 'h'.repeat(64) }]);
    store.close();
    // Overwrite the middle of the file (past the header) with garbage.
    const file = path.join(dir, STATE_FILE);
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 4096);
    closeSync(fd);
    const logger = recordingLogger();
    const again = StateStore.open({ dataDir: dir, logger, clock });
    expect(again.outcome).toBe('recovered');
    expect(again.firstSeen('a1.md')).toBeUndefined();
    expect(logger.warnings[0]!.msg).toMatch(/unreadable/);
    again.close();
  });

  it('notices the file deleted while open and starts a fresh one', () => {
    const logger = recordingLogger();
    const store = StateStore.open({ dataDir: dir, logger, clock });
    store.addSubscription(sub);
    expect(store.ensureFile()).toBe(false);
    for (const f of readdirSync(dir)) rmSync(path.join(dir, f));
    expect(store.ensureFile()).toBe(true);
    expect(logger.warnings[0]!.msg).toMatch(/deleted while running.*fresh/);
    expect(store.listSubscriptions()).toEqual([]);
    expect(existsSync(path.join(dir, STATE_FILE))).toBe(true);
    store.close();
  });

  it('refuses a file from a newer newsdesk instead of guessing', () => {
    const db = new Database(path.join(dir, STATE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    try {
      StateStore.open({ dataDir: dir, logger: recordingLogger(), clock });
      expect.unreachable();
    } catch (err) {
      expect(isNewsdeskError(err, 'state')).toBe(true);
      expect((err as Error).message).toMatch(/newer than this newsdesk/);
    }
  });
});

describe('article arrivals', () => {
  it('keeps the first-seen time of a changed article and counts only new ids', () => {
    let now = new Date('2026-11-23T06:00:00.000Z');
    const store = StateStore.open({ dataDir: dir, logger: recordingLogger(), clock: { now: () => now } });
    expect(store.recordArrivals([{ id: 'a.md', contentHash: '1' }])).toEqual(['a.md']);
    now = new Date('2026-11-23T07:00:00.000Z');
    expect(store.recordArrivals([{ id: 'a.md', contentHash: '2' }, { id: 'b.md', contentHash: '1' }])).toEqual(['b.md']);
    expect(store.firstSeen('a.md')).toEqual(new Date('2026-11-23T06:00:00.000Z'));
    // Arrival numbers, not clock readings, order the news: a and b arrived 1st and 2nd.
    expect(store.latestArrival()).toBe(2);
    expect(store.arrivalsBetween(1, 2)).toEqual(['b.md']);
    expect(store.arrivalsBetween(0, 2)).toEqual(['a.md', 'b.md']);
    expect(store.arrivalsSince(new Date('2026-11-23T06:30:00.000Z'))).toEqual(['b.md']);
    // A subscription made now counts only later arrivals.
    expect(store.addSubscription(sub).createdSeq).toBe(2);
    store.recordRemovals(['b.md']);
    expect(store.arrivalsBetween(0, 2)).toEqual(['a.md']);
    // An article that comes back is not news again, but is present again.
    now = new Date('2026-11-23T08:00:00.000Z');
    expect(store.recordArrivals([{ id: 'b.md', contentHash: '1' }])).toEqual([]);
    expect(store.arrivalsBetween(0, 2)).toEqual(['a.md', 'b.md']);
    expect(store.latestArrival()).toBe(2);
    store.close();
  });

  it('syncs env subscriptions, keeping the ones still configured', () => {
    const store = StateStore.open({ dataDir: dir, logger: recordingLogger(), clock });
    const chat = store.addSubscription({ ...sub, channel: 'C9' });
    const [a, b] = store.syncEnvSubscriptions([sub, { ...sub, platform: 'discord', channel: '42' }]);
    expect(a!.origin).toBe('env');
    const [a2] = store.syncEnvSubscriptions([sub]);
    expect(a2!.id).toBe(a!.id);
    expect(store.getSubscription(b!.id)).toBeUndefined();
    expect(store.getSubscription(chat.id)).toEqual(chat);
    store.close();
  });
});
