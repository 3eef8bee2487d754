/**
 * Two replicas on one PostgreSQL (issue 18): two real `newsdesk start` processes with their own
 * DATA_DIR and the same DATABASE_URL, the real PostgreSQL from the test helper, real Bolt in each
 * against the fake Slack. Every slot is posted once; a replica killed with SIGKILL while posting
 * has its slot taken over by the other after the (short) lease and posted once; a Slack event
 * delivered to both is answered once. Tests wait for log lines and requests, never for a time.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PgStateStore } from '../../src/store/pg/pg-state-store.js';
import { repoRoot } from '../helpers/cli.js';
import { BOT, mentionBody, sendSigned, startFakeSlack, type FakeSlack, type RecordedRequest } from '../helpers/fake-slack.js';
import { msg, startNewsdesk, type NewsdeskProcess } from '../helpers/newsdesk-process.js';
import { postgresDatabase, queryOnce } from '../helpers/postgres.js';

const SECRET = 'replicas-test-secret';
const SEED = '2021-06-04-tass-russia-increases-border-troop-strength-in-armenia.md';
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

let root: string;
let corpus: string;
let url: string;
let slackFake: FakeSlack;
const children: NewsdeskProcess[] = [];

beforeAll(async () => {
  slackFake = await startFakeSlack();
});
afterAll(async () => {
  await slackFake.close();
});
beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'nd-replicas-'));
  corpus = path.join(root, 'corpus');
  mkdirSync(corpus);
  copyFileSync(path.join(repoRoot, 'corpus', SEED), path.join(corpus, SEED));
  url = await postgresDatabase();
});
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await c.exited;
  }
  rmSync(root, { recursive: true, force: true });
});

/** Runs one statement on the test's database directly (what no store offers: reading the clock, peeking at rows). */
function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  return queryOnce<T>(url, text, params);
}

/**
 * An hourly digest for `channel`, subscribed three hours ago (as a channel did with /digest
 * subscribe): at start each replica finds the latest hour's slot due, so both race for it.
 */
async function subscribeEarlier(channel: string): Promise<number> {
  const store = await PgStateStore.open({ url, logger: quiet });
  try {
    const sub = await store.addSubscription({ platform: 'slack', channel, topic: null, cron: '0 * * * *', timezone: 'UTC', createdBy: 'U0000001' });
    await sql(`UPDATE subscriptions SET created_at = now() - interval '3 hours' WHERE id = $1`, [sub.id]);
    return sub.id;
  } finally {
    await store.close();
  }
}

/** One replica: its own DATA_DIR, the shared corpus and database, Slack over HTTP on a free port. */
function replica(name: string): NewsdeskProcess {
  const p = startNewsdesk({
    CORPUS_DIR: corpus,
    DATA_DIR: path.join(root, `data-${name}`),
    DATABASE_URL: url,
    REPLICA_ID: name,
    DIGEST_LEASE_MS: '1500',
    SLACK_BOT_TOKEN: 'xoxb-replicas-test-not-secret',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slackFake.apiUrl,
    SLACK_PORT: '0',
  });
  children.push(p);
  return p;
}

const running = (p: NewsdeskProcess) => p.waitForLine(msg('newsdesk is running'), '"newsdesk is running"');
const portOf = async (p: NewsdeskProcess) => Number((await p.waitForLine(msg('slack adapter started'), '"slack adapter started"')).port);
const digestPosts = (channel: string) => slackFake.requests.filter((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel && r.body.metadata !== undefined);
const runIdOf = (r: RecordedRequest) => (JSON.parse(String(r.body.metadata)) as { event_payload: { run_id: string } }).event_payload.run_id;

// Real processes start in seconds; on a busy machine, many.
describe('two replicas on one PostgreSQL', { timeout: 180_000 }, () => {
  it('post each slot once, and answer a Slack event delivered to both once', async () => {
    const channel = 'C3000001';
    const subscription = await subscribeEarlier(channel);
    const [a, b] = [replica('a'), replica('b')];
    // Each replica claims the due slot in its start-up pass, before it says it is running.
    await Promise.all([running(a), running(b)]);
    expect(digestPosts(channel)).toHaveLength(1);
    // (A slot that falls due while the test runs finds nothing new: used up, posted by no one.)
    const runs = await sql<{ status: string; claimed_by: string; claims: number }>(`SELECT status, claimed_by, claims FROM digest_runs WHERE subscription_id = $1 AND status <> 'empty'`, [subscription]);
    expect(runs).toEqual([{ status: 'posted', claimed_by: expect.stringMatching(/^[ab]$/), claims: 1 }]);
    expect([...a.lines, ...b.lines].filter(msg('digest posted'))).toHaveLength(1);

    // The same event reaches both: Slack's retry landed on the other replica, or a load balancer sent it twice.
    const [portA, portB] = await Promise.all([portOf(a), portOf(b)]);
    const event = mentionBody({ eventId: 'EvReplica01', channelId: 'C3000009', ts: '1700000000.000100', text: `<@${BOT.userId}> troops` });
    const sent = await Promise.all([
      sendSigned(portA, event, 'application/json', { secret: SECRET }),
      sendSigned(portB, event, 'application/json', { secret: SECRET, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } }),
    ]);
    expect(sent.map((s) => s.status)).toEqual([200, 200]);
    await slackFake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C3000009', 30_000);
    const dropped = await Promise.race([
      a.waitForLine(msg(/^event already answered/), 'the dropped delivery').then((l) => ({ by: 'a', l })),
      b.waitForLine(msg(/^event already answered/), 'the dropped delivery').then((l) => ({ by: 'b', l })),
    ]);
    expect(dropped.l.event).toBe('slack:event:EvReplica01');
    expect(slackFake.requests.filter((r) => r.path === '/api/chat.postMessage' && r.body.channel === 'C3000009')).toHaveLength(1);

    for (const p of [a, b]) p.child.kill('SIGTERM');
    expect(await Promise.all([a.exited, b.exited])).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
  });

  it('kill -9 of the replica posting a slot: the other posts it after the lease, once', async () => {
    const channel = 'C3000002';
    const subscription = await subscribeEarlier(channel);
    // The first digest post is never answered and never reaches the channel: its replica hangs in it.
    slackFake.history.hold({ keep: false });
    const replicas = { a: replica('a'), b: replica('b') };
    const held = await slackFake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel, 60_000);
    const [claim] = await sql<{ claimed_by: 'a' | 'b'; post_key: string }>(`SELECT claimed_by, post_key FROM digest_runs WHERE subscription_id = $1`, [subscription]);
    expect(runIdOf(held)).toBe(claim!.post_key);
    const holder = replicas[claim!.claimed_by];
    const other = replicas[claim!.claimed_by === 'a' ? 'b' : 'a'];
    holder.child.kill('SIGKILL');
    expect(await holder.exited).toEqual({ code: null, signal: 'SIGKILL' });

    await other.waitForLine(msg('digest slot taken over: the replica that claimed it stopped renewing its lease'), 'the takeover');
    await other.waitForLine(msg('digest posted'), '"digest posted"');
    const posts = digestPosts(channel);
    expect(posts).toHaveLength(2); // the held attempt and the other replica's post …
    expect(posts.map(runIdOf)).toEqual([claim!.post_key, claim!.post_key]); // … of the same run
    expect(slackFake.history.messages(channel)).toHaveLength(1); // once in the channel
    const runs = await sql<{ status: string; claimed_by: string; claims: number }>(`SELECT status, claimed_by, claims FROM digest_runs WHERE subscription_id = $1 AND status <> 'empty'`, [subscription]);
    expect(runs).toEqual([{ status: 'posted', claimed_by: other === replicas.a ? 'a' : 'b', claims: 2 }]);

    await running(other);
    other.child.kill('SIGTERM');
    expect(await other.exited).toEqual({ code: 0, signal: null });
  });
});
