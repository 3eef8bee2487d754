/**
 * Readers' verdicts in PostgreSQL: what two replicas keep lands in one table, and
 * `newsdesk feedback` with DATABASE_URL lists and exports them all, as it does the SQLite file's.
 * The CLI entry (`runCli`) with its output caught, a real PostgreSQL.
 */
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/app/cli.js';
import { FEEDBACK_SCHEMA } from '../../../src/store/feedback-store.js';
import { PgFeedbackStore } from '../../../src/store/pg/pg-feedback.js';
import { cleanEnv, tempDir } from '../../helpers/cli.js';
import { fakeClock } from '../../helpers/digest.js';
import { postgresDatabase } from '../../helpers/postgres.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };
let url: string;
const opened: PgFeedbackStore[] = [];

beforeEach(async () => {
  url = await postgresDatabase();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function replica(clock = fakeClock('2026-12-03T10:00:00Z')): Promise<PgFeedbackStore> {
  const store = await PgFeedbackStore.open({ url, logger: quiet, clock });
  opened.push(store);
  return store;
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  // A DATA_DIR without a state file: the verdicts can only come from PostgreSQL.
  const code = await runCli(argv, { stdout, stderr, env: cleanEnv({ DATA_DIR: tempDir(), DATABASE_URL: url }), color: false });
  return { code, stdout: out, stderr: err };
}

describe('feedback in PostgreSQL', () => {
  it('keeps the verdicts of two replicas in one table; the CLI lists and exports them all', async () => {
    const clock = fakeClock('2026-12-03T10:00:00Z');
    const [a, b] = [await replica(clock), await replica(clock)];
    await a.record({
      subject: { command: 'claim', query: 'gyumri', items: [{ article: 'gyumri.md', start: 0, end: 42, label: 'Claimed by the ministry' }] },
      verdict: 'up',
      reason: 'wrong_speaker', // ignored on a 👍
      origin: { platform: 'slack', userId: 'U1', channelId: 'C1', workspaceId: 'T1' },
    });
    clock.advance(60_000);
    const id = await b.record({
      subject: { command: 'timeline', query: 'border talks', items: [{ article: 'border.txt', start: 10, end: 80 }] },
      verdict: 'down',
      reason: 'wrong_date',
      origin: { platform: 'discord', userId: '7', channelId: '42', workspaceId: '9' },
    });
    // Only the reader who gave the verdict adds to it; control characters go.
    expect(await a.addComment(id, 'U1', 'not mine')).toBe(false);
    expect(await a.addComment(id, '7', 'Was 2020\u0007 <!channel>')).toBe(true);

    const exported = await cli(['feedback', 'export', '--format', 'jsonl']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      { schema: FEEDBACK_SCHEMA, id: 1, time: '2026-12-03T10:00:00.000Z', platform: 'slack', workspace: 'T1', channel: 'C1', user: 'U1', command: 'claim', query: 'gyumri', verdict: 'up', reason: null, comment: null, items: [{ article: 'gyumri.md', start: 0, end: 42, label: 'Claimed by the ministry' }] },
      { schema: FEEDBACK_SCHEMA, id: 2, time: '2026-12-03T10:01:00.000Z', platform: 'discord', workspace: '9', channel: '42', user: '7', command: 'timeline', query: 'border talks', verdict: 'down', reason: 'wrong_date', comment: 'Was 2020  <!channel>', items: [{ article: 'border.txt', start: 10, end: 80 }] },
    ]);
    const listed = await cli(['feedback', 'list']);
    expect(listed.stdout).toBe(
      '#2 2026-12-03 10:01 UTC discord 7 👎 Wrong date · timeline "border talks" · 1 quote — “Was 2020 ‹!channel›”\n' + '#1 2026-12-03 10:00 UTC slack U1 👍 · claim "gyumri" · 1 quote\n',
    );
  });

  it('exports more verdicts than one page, oldest first, each once', async () => {
    const store = await replica();
    for (let i = 0; i < 1203; i++) await store.record({ subject: { command: 'search', query: `q${i}`, items: [] }, verdict: 'up', origin: { platform: 'cli' } });
    const ids: number[] = [];
    for await (const r of store.all()) ids.push(r.id);
    expect(ids).toEqual(Array.from({ length: 1203 }, (_, i) => i + 1));
    expect((await store.list(3)).map((r) => r.query)).toEqual(['q1202', 'q1201', 'q1200']);
  });
});
