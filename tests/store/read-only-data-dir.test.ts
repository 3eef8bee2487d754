/**
 * A DATA_DIR that cannot be written (issue #11, item 15): chat mode starts anyway, without
 * scheduled digests and without writing the index snapshot, and says so in one warning line.
 *
 * As root, chmod does not stop writes, and a read-only mount needs privileges a test does not
 * have; so DATA_DIR here lies under a regular file (`<tmp>/not-a-folder/data`): every write there
 * really fails (ENOTDIR), for root too. A real `newsdesk start` against the fake Slack.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { msg, startNewsdesk } from '../helpers/newsdesk-process.js';

const SECRET = 'read-only-test-secret';
let root: string;
let slackFake: FakeSlack;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'nd-ro-'));
  writeFileSync(path.join(root, 'not-a-folder'), 'a file where DATA_DIR’s parent should be\n');
  slackFake = await startFakeSlack();
});
afterAll(async () => {
  await slackFake.close();
  rmSync(root, { recursive: true, force: true });
});

// Real processes start in seconds; on a busy machine, many.
describe('chat mode on a DATA_DIR that cannot be written', { timeout: 120_000 }, () => {
  it('runs without digests and snapshot writes, says so once, and still answers', async () => {
    const dataDir = path.join(root, 'not-a-folder', 'data');
    const bot = startNewsdesk({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: dataDir,
      SLACK_BOT_TOKEN: 'xoxb-read-only-not-secret',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackFake.apiUrl,
      SLACK_PORT: '0',
      DIGEST_SLACK_CHANNELS: 'C0000001',
    });
    try {
      await bot.waitForLine(msg('newsdesk is running'), '"newsdesk is running"');
      const port = Number((await bot.waitForLine(msg('slack adapter started'))).port);
      // pino levels: 40 warn, 50 error.
      expect(bot.lines.filter((l) => (l.level ?? 0) >= 40).map((l) => l.msg)).toEqual([
        `DATA_DIR ${dataDir} cannot be written (ENOTDIR: not a directory, mkdir '${dataDir}'): running without scheduled digests and without saving the index snapshot`,
      ]);

      const subscribe = slackFake.responseUrl('subscribe');
      await sendSigned(port, slashCommandBody({ command: '/digest', text: 'subscribe', responseUrl: subscribe }), 'application/x-www-form-urlencoded', { secret: SECRET });
      const refused = await slackFake.waitFor((r) => r.path === new URL(subscribe).pathname);
      expect(String(refused.body.text).replaceAll('\u200b', '')).toContain('Scheduled digests are off: newsdesk cannot write its data folder (DATA_DIR).');

      const search = slackFake.responseUrl('search');
      await sendSigned(port, slashCommandBody({ command: '/search', text: 'gyumri', responseUrl: search }), 'application/x-www-form-urlencoded', { secret: SECRET });
      expect(JSON.stringify((await slackFake.waitFor((r) => r.path === new URL(search).pathname)).body)).toMatch(/Gyumri/);
      expect(slackFake.requests.filter((r) => r.path === '/api/chat.postMessage')).toEqual([]);
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exited).toEqual({ code: 0, signal: null });
  });
});
