/**
 * Digests from a replica that holds no copy of the archive (SEARCH_BACKEND=postgres, issue 18):
 * the ingest role (`runIngest`, in process) writes the corpus to PostgreSQL and records arrivals
 * in the shared state; a real `newsdesk start` replica on the same database, with real Bolt
 * against the fake Slack, posts the digest of an article that arrived after the subscription —
 * its lead quoted verbatim and cited — once; a restarted ingest does not make the archive news
 * again; `/digest now` on the replica posts what the watching ingest wrote meanwhile.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { runIngest } from '../../src/app/ingest-role.js';
import type { Logger } from '../../src/core/ports.js';
import { PgStateStore } from '../../src/store/pg/pg-state-store.js';
import { repoRoot } from '../helpers/cli.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { msg, startNewsdesk, type NewsdeskProcess } from '../helpers/newsdesk-process.js';
import { postgresDatabase, queryOnce } from '../helpers/postgres.js';

const SECRET = 'pg-digest-test-secret';
const SEED = '2021-06-04-tass-russia-increases-border-troop-strength-in-armenia.md';
const SEED_TITLE = 'Russia increases border troop strength in Armenia';
const TREMOR = `---\ntitle: "Tremor felt in Gyumri"\noutlet: "Test Wire"\npublished: 2026-11-23\n---\nTremor felt in Gyumri\n\nA tremor was felt in Gyumri on Monday morning. No damage was reported.\n`;
const FERRY = `---\ntitle: "Ferry service resumes to Zanzibar"\noutlet: "Harbour Post"\npublished: 2026-11-24\n---\nFerry service resumes to Zanzibar\n\nThe Zanzibar ferry resumed service on Tuesday after repairs, the operator said.\n`;

let root: string;
let slackFake: FakeSlack;
const children: NewsdeskProcess[] = [];

beforeAll(async () => {
  slackFake = await startFakeSlack();
});
afterAll(async () => {
  await slackFake.close();
});
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await c.exited;
  }
  rmSync(root, { recursive: true, force: true });
});

/** A logger that lets a test wait for a message. */
function listeningLogger(): Logger & { heard(message: string): Promise<void> } {
  const seen = new Set<string>();
  const waiting: Array<{ message: string; resolve: () => void }> = [];
  const note = (_o: unknown, m?: string) => {
    if (m === undefined) return;
    seen.add(m);
    for (const w of waiting.filter((x) => x.message === m)) (waiting.splice(waiting.indexOf(w), 1), w.resolve());
  };
  return {
    info: note,
    warn: note,
    error: note,
    debug() {},
    heard: (message) => (seen.has(message) ? Promise.resolve() : new Promise((resolve) => waiting.push({ message, resolve }))),
  };
}


const digestPosts = (channel: string) => slackFake.requests.filter((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel && r.body.metadata !== undefined);

describe('a replica on the archive in PostgreSQL', { timeout: 180_000 }, () => {
  it('posts the digest of what the ingest role wrote after the subscription, once; /digest now too', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'nd-pg-digest-'));
    const corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    copyFileSync(path.join(repoRoot, 'corpus', SEED), path.join(corpus, SEED));
    const url = await postgresDatabase();
    const config = loadConfig({ CORPUS_DIR: corpus, DATA_DIR: path.join(root, 'ingest-data') });
    const quiet = listeningLogger();
    expect(await runIngest(config, quiet, { watch: false, databaseUrl: url })).toBe(0);

    // An hourly digest subscribed three hours ago, after the first ingest: the archive then is not news to it.
    const channel = 'C4000001';
    const store = await PgStateStore.open({ url, logger: quiet });
    const sub = await store.addSubscription({ platform: 'slack', channel, topic: null, cron: '0 * * * *', timezone: 'UTC', createdBy: 'U0000001' });
    await store.close();
    await queryOnce(url, `UPDATE subscriptions SET created_at = now() - interval '3 hours' WHERE id = $1`, [sub.id]);

    // An article arrives while ingest is down; the restarted ingest writes it and records it as new, and only it.
    writeFileSync(path.join(corpus, 'tremor.md'), TREMOR);
    expect(await runIngest(config, quiet, { watch: false, databaseUrl: url })).toBe(0);
    expect(await queryOnce(url, `SELECT article_id, seq FROM article_arrivals ORDER BY seq`)).toEqual([
      { article_id: SEED, seq: 1 },
      { article_id: 'tremor.md', seq: 2 },
    ]);

    const replica = startNewsdesk({
      CORPUS_DIR: corpus,
      DATA_DIR: path.join(root, 'replica-data'),
      DATABASE_URL: url,
      SEARCH_BACKEND: 'postgres',
      REPLICA_ID: 'r1',
      SLACK_BOT_TOKEN: 'xoxb-pg-digest-test-not-secret',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackFake.apiUrl,
      SLACK_PORT: '0',
    });
    children.push(replica);
    // The replica claims the due slot in its start-up pass, before it says it is running.
    await replica.waitForLine(msg('newsdesk is running'), '"newsdesk is running"');
    const port = Number((await replica.waitForLine(msg('slack adapter started'), '"slack adapter started"')).port);
    expect(digestPosts(channel)).toHaveLength(1);
    const first = JSON.stringify(digestPosts(channel)[0]!.blocks);
    expect(first).toContain('A tremor was felt in Gyumri on Monday morning.');
    expect(first).toContain('Tremor felt in Gyumri');
    expect(first).toContain('Test Wire');
    expect(first).not.toContain(SEED_TITLE);
    expect(await queryOnce(url, `SELECT status, article_count FROM digest_runs WHERE subscription_id = $1 AND status <> 'empty'`, [sub.id])).toEqual([
      { status: 'posted', article_count: 1 },
    ]);
    // The replica leaves the corpus folder to the ingest role.
    expect(replica.lines.filter(msg('corpus changed'))).toEqual([]);

    // The ingest role, watching, writes a new file and records its arrival.
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const watching = runIngest(config, quiet, { watch: true, databaseUrl: url, until });
    await quiet.heard('watching the corpus for changes');
    writeFileSync(path.join(corpus, 'ferry.md'), FERRY);
    await quiet.heard('corpus change written to PostgreSQL');
    expect(await queryOnce(url, `SELECT article_id, seq FROM article_arrivals WHERE article_id = 'ferry.md'`)).toEqual([{ article_id: 'ferry.md', seq: 3 }]);
    stop();
    expect(await watching).toBe(0);

    await sendSigned(port, slashCommandBody({ command: '/digest', text: 'now', responseUrl: slackFake.responseUrl('now'), channelId: channel }), 'application/x-www-form-urlencoded', { secret: SECRET });
    const firstPost = digestPosts(channel)[0]!;
    await slackFake.waitFor((r) => r !== firstPost && r.path === '/api/chat.postMessage' && r.body.channel === channel && r.body.metadata !== undefined, 60_000);
    const second = JSON.stringify(digestPosts(channel)[1]!.blocks);
    expect(second).toContain('The Zanzibar ferry resumed service on Tuesday after repairs, the operator said.');
    expect(second).toContain('Harbour Post');
    expect(second).not.toContain('A tremor was felt');
    expect(second).not.toContain(SEED_TITLE);
    expect(digestPosts(channel)).toHaveLength(2);

    replica.child.kill('SIGTERM');
    expect(await replica.exited).toEqual({ code: 0, signal: null });
    expect(digestPosts(channel)).toHaveLength(2);
  });
});
