/**
 * Who may subscribe a Slack channel to digests: real Bolt against the fake Slack (users.info,
 * usergroups.users.list), the real digest service over a real state file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/adapters/slack/index.js';
import { createDigestService, type DigestService } from '../../../src/digest/index.js';
import type { Runtime } from '../../../src/app/runtime.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { SECRET, recordingLogger, testRuntime } from '../../helpers/slack-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';

let fake: FakeSlack;
let runtime: Runtime;
let slack: SlackAdapter;
let digest: DigestService;
let dataDir: string;
const logger = recordingLogger();

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'nd-slack-perm-'));
  fake = await startFakeSlack();
  runtime = await testRuntime(fake.apiUrl, { RATE_LIMIT_PER_MINUTE: '1000', DATA_DIR: dataDir, ADMINS_SLACK: 'U0000LIST, S0000DESK' }, logger);
  digest = await createDigestService({ config: runtime.config, runtime });
  runtime.services.digest = digest;
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  fake.directory.roles.set('U0000ADMN', 'admin');
  fake.directory.roles.set('U0000OWNR', 'owner');
  fake.directory.groups.set('S0000DESK', ['U0000DESK']);
});

afterAll(async () => {
  await slack?.stop();
  await digest?.stop();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(fake.requests.filter((r) => r.status === 404)).toEqual([]);
});

/** Sends `/digest TEXT` as `userId` in `channelId` and returns the text of the private answer. */
async function digestAs(userId: string, text: string, channelId: string): Promise<string> {
  const responseUrl = fake.responseUrl(userId);
  const res = await sendSigned(slack.port!, slashCommandBody({ command: '/digest', text, responseUrl, userId, channelId }), FORM, { secret: SECRET });
  expect(res.status).toBe(200);
  const answer = await fake.waitFor((r) => responseUrl.endsWith(r.path));
  expect(answer.body.response_type).toBe('ephemeral');
  return String(answer.body.text).replaceAll('\u200b', '');
}

const REFUSAL = 'Only workspace admins and owners and the people and user groups in ADMINS_SLACK can subscribe or unsubscribe this channel.';

describe('digest subscriptions on Slack', () => {
  it('refuses a member who is neither admin nor listed, in one line naming who can; nothing is stored', async () => {
    expect(await digestAs('U0000PLAIN', 'subscribe gyumri', 'C0000101')).toBe(REFUSAL);
    expect(await digest.list()).toEqual([]);
    // Slack was asked about that user (and the listed group), not guessed.
    const looked = fake.requests.filter((r) => r.path === '/api/users.info').map((r) => r.body.user);
    expect(looked).toEqual(['U0000PLAIN']);
    expect(fake.requests.some((r) => r.path === '/api/usergroups.users.list' && r.body.usergroup === 'S0000DESK')).toBe(true);
  });

  it('lets a workspace admin, an owner, a listed user and a member of a listed group subscribe', async () => {
    expect(await digestAs('U0000ADMN', 'subscribe gyumri', 'C0000201')).toMatch(/^Subscribed: digest #\d+ on "gyumri" for this channel\./);
    expect(await digestAs('U0000OWNR', 'subscribe', 'C0000202')).toMatch(/^Subscribed: digest #\d+ of everything new/);
    expect(await digestAs('U0000LIST', 'subscribe', 'C0000203')).toMatch(/^Subscribed/);
    expect(await digestAs('U0000DESK', 'subscribe', 'C0000204')).toMatch(/^Subscribed/);
    expect((await digest.list()).map((s) => s.channel).sort()).toEqual(['C0000201', 'C0000202', 'C0000203', 'C0000204']);
    // A listed user needs no look-up at all.
    expect(fake.requests.filter((r) => r.path === '/api/users.info').map((r) => r.body.user)).not.toContain('U0000LIST');
  });

  it('refuses unsubscribing to a member, allows it to an admin; anyone may list', async () => {
    expect(await digestAs('U0000PLAIN', 'unsubscribe', 'C0000201')).toBe(REFUSAL);
    expect(await digestAs('U0000PLAIN', 'list', 'C0000201')).toMatch(/^This channel has 1 digest\./);
    expect(await digestAs('U0000ADMN', 'unsubscribe', 'C0000201')).toMatch(/^Unsubscribed: digest #\d+ on "gyumri"/);
  });

  it('asks Slack about a user once while the answer is fresh', async () => {
    const before = fake.requests.filter((r) => r.path === '/api/users.info' && r.body.user === 'U0000ADMN').length;
    expect(before).toBe(1);
    await digestAs('U0000ADMN', 'subscribe', 'C0000205');
    expect(fake.requests.filter((r) => r.path === '/api/users.info' && r.body.user === 'U0000ADMN')).toHaveLength(1);
  });

  it('refuses, and logs why, when Slack will not say who is an admin (missing scope)', async () => {
    fake.directory.error = 'missing_scope';
    try {
      expect(await digestAs('U0000NEW1', 'subscribe', 'C0000301')).toBe(REFUSAL);
      expect(logger.lines.some((l) => l.includes('missing_scope') && l.includes('users:read'))).toBe(true);
    } finally {
      fake.directory.error = null;
    }
  });
});
