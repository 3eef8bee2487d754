/**
 * Start-up with broken Slack configuration, as a person would see it: `newsdesk start` spawned as
 * a process exits 1 with one line naming the setting, and no stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runNewsdesk, tempDir } from '../../helpers/cli.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';

async function start(env: Record<string, string>) {
  const result = await runNewsdesk(['start'], { env: cleanEnv({ DATA_DIR: tempDir(), ...env }), stdin: '', timeoutMs: 60_000 });
  const lines = result.stderr.split('\n').filter((l) => l.trim());
  return { ...result, lines };
}

function expectOneLine(r: { code: number | null; lines: string[]; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.lines).toHaveLength(1);
  expect(r.lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
});

describe('start-up with broken Slack configuration exits 1 with a one-line message, no stack trace', () => {
  it('a bot token without a signing secret', async () => {
    expectOneLine(await start({ SLACK_BOT_TOKEN: 'xoxb-000-test' }), /^newsdesk: SLACK_SIGNING_SECRET is missing/);
  });

  it('a port that is not a number', async () => {
    expectOneLine(await start({ SLACK_BOT_TOKEN: 'xoxb-000-test', SLACK_SIGNING_SECRET: 's', SLACK_PORT: 'eighty' }), /^newsdesk: SLACK_PORT must be a port number/);
  });

  it('a Web API address that is not a URL', async () => {
    expectOneLine(await start({ SLACK_BOT_TOKEN: 'xoxb-000-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'not a url' }), /^newsdesk: SLACK_API_URL must be a URL/);
  });

  it('a token that is not a bot token', async () => {
    expectOneLine(
      await start({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's', SLACK_PORT: '0', SLACK_API_URL: fake.apiUrl }),
      /^newsdesk: SLACK_BOT_TOKEN must be a bot token \(it starts with "xoxb-"\)$/,
    );
  });

  it('a token Slack refuses', async () => {
    fake.failAuth('invalid_auth');
    try {
      const r = await start({ SLACK_BOT_TOKEN: 'xoxb-000-revoked', SLACK_SIGNING_SECRET: 's', SLACK_PORT: '0', SLACK_API_URL: fake.apiUrl });
      expectOneLine(r, /^newsdesk: Slack refused SLACK_BOT_TOKEN \(invalid_auth\)$/);
      expect(r.stderr).not.toContain('xoxb-000-revoked');
    } finally {
      fake.failAuth(null);
    }
  });
});
