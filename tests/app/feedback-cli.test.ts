/**
 * `newsdesk feedback list` and `newsdesk feedback export --format jsonl` over a real state file:
 * the CLI entry (`runCli`) with its output caught, verdicts written by the real store.
 */
import { rmSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/app/cli.js';
import { silentLogger } from '../../src/app/log.js';
import { FEEDBACK_SCHEMA, FeedbackStore } from '../../src/store/feedback-store.js';
import { cleanEnv, tempDir } from '../helpers/cli.js';
import { fakeClock } from '../helpers/digest.js';

let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('nd-feedback-cli-');
  const clock = fakeClock('2026-12-03T10:00:00Z');
  const store = FeedbackStore.open({ dataDir, logger: silentLogger, clock });
  await store.record({
    subject: { command: 'claim', query: 'gyumri', items: [{ article: 'gyumri.md', start: 0, end: 42, label: 'Claimed by the ministry' }] },
    verdict: 'up',
    origin: { platform: 'slack', userId: 'U1', channelId: 'C1', workspaceId: 'T1' },
  });
  clock.advance(60_000);
  const id = await store.record({
    subject: { command: 'timeline', query: 'border talks', items: [{ article: 'border.txt', start: 10, end: 80 }] },
    verdict: 'down',
    reason: 'wrong_date',
    origin: { platform: 'discord', userId: '7', channelId: '42', workspaceId: '9' },
  });
  expect(await store.addComment(id, '7', 'Was 2020 <!channel> @everyone <@U123>')).toBe(true);
  store.close();
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const code = await runCli(argv, { stdout, stderr, env: cleanEnv({ DATA_DIR: dataDir }), color: false });
  return { code, stdout: out, stderr: err };
}

describe('newsdesk feedback', () => {
  it('export --format jsonl writes one JSON object per verdict, oldest first, in the documented schema', async () => {
    const { code, stdout } = await cli(['feedback', 'export', '--format', 'jsonl']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        schema: FEEDBACK_SCHEMA,
        id: 1,
        time: '2026-12-03T10:00:00.000Z',
        platform: 'slack',
        workspace: 'T1',
        channel: 'C1',
        user: 'U1',
        command: 'claim',
        query: 'gyumri',
        verdict: 'up',
        reason: null,
        comment: null,
        items: [{ article: 'gyumri.md', start: 0, end: 42, label: 'Claimed by the ministry' }],
      },
      {
        schema: FEEDBACK_SCHEMA,
        id: 2,
        time: '2026-12-03T10:01:00.000Z',
        platform: 'discord',
        workspace: '9',
        channel: '42',
        user: '7',
        command: 'timeline',
        query: 'border talks',
        verdict: 'down',
        reason: 'wrong_date',
        comment: 'Was 2020 <!channel> @everyone <@U123>',
        items: [{ article: 'border.txt', start: 10, end: 80 }],
      },
    ]);
  });

  it('list shows the latest verdicts one a line, with the comment unable to mention anyone', async () => {
    const { code, stdout } = await cli(['feedback', 'list']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      '#2 2026-12-03 10:01 UTC discord 7 👎 Wrong date · timeline "border talks" · 1 quote — “Was 2020 ‹!channel› @\u200beveryone ‹@\u200bU123›”\n' +
        '#1 2026-12-03 10:00 UTC slack U1 👍 · claim "gyumri" · 1 quote\n',
    );
    expect(stdout).not.toMatch(/<!|<@|@everyone/);
  });

  it('export without --format jsonl is a usage error (exit 2)', async () => {
    const { code, stderr } = await cli(['feedback', 'export']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/feedback export writes --format jsonl/);
  });
});
