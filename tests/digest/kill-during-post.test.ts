/**
 * `kill -9` during a digest post does not repost it after the restart (issue #11, item 8): real
 * `newsdesk start` processes on one DATA_DIR, the first really killed with SIGKILL while its post
 * is in flight (the fake got it and never answers), the second started on the same folder.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeDiscord, IDS } from '../helpers/fake-discord.js';
import { repoRoot } from '../helpers/cli.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { msg, startNewsdesk, type NewsdeskProcess } from '../helpers/newsdesk-process.js';

const SECRET = 'kill-test-secret';
const SEED = '2021-06-04-tass-russia-increases-border-troop-strength-in-armenia.md';
const NEWS = `---\ntitle: "Tremor felt in Gyumri"\noutlet: "Test Wire"\npublished: 2026-11-23\n---\nTremor felt in Gyumri\n\nA tremor was felt in Gyumri on Monday morning. No damage was reported.\n`;

let root: string;
let corpus: string;
let dataDir: string;
let slackFake: FakeSlack;
let discordFake: FakeDiscord;
const children: NewsdeskProcess[] = [];

beforeAll(async () => {
  slackFake = await startFakeSlack();
  discordFake = await FakeDiscord.start();
});
afterAll(async () => {
  await slackFake.close();
  await discordFake.close();
});
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nd-kill-'));
  corpus = path.join(root, 'corpus');
  dataDir = path.join(root, 'data');
  mkdirSync(corpus);
  copyFileSync(path.join(repoRoot, 'corpus', SEED), path.join(corpus, SEED));
});
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await c.exited;
  }
  rmSync(root, { recursive: true, force: true });
});

function start(env: Record<string, string>): NewsdeskProcess {
  const p = startNewsdesk({ CORPUS_DIR: corpus, DATA_DIR: dataDir, DIGEST_SCHEDULE: '0 0 1 1 *', ...env });
  children.push(p);
  return p;
}

/** Drops a new article into the corpus and waits for the running process to take it in. */
async function news(p: NewsdeskProcess): Promise<void> {
  writeFileSync(path.join(corpus, 'tremor.md'), NEWS);
  await p.waitForLine(msg('corpus changed'), '"corpus changed"');
}

async function killHard(p: NewsdeskProcess): Promise<void> {
  p.child.kill('SIGKILL');
  expect(await p.exited).toEqual({ code: null, signal: 'SIGKILL' });
}

// Real processes start in seconds; on a busy machine, many.
describe('kill -9 during a digest post', { timeout: 120_000 }, () => {
  it('Slack: the restarted process finds the post by its metadata and does not post it again', async () => {
    const channel = 'C2000001';
    const env = { SLACK_BOT_TOKEN: 'xoxb-kill-test-not-secret', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackFake.apiUrl, SLACK_PORT: '0', DIGEST_SLACK_CHANNELS: channel };
    const first = start(env);
    await first.waitForLine(msg('newsdesk is running'), '"newsdesk is running"');
    const port = Number((await first.waitForLine(msg('slack adapter started'))).port);
    await news(first);

    slackFake.history.hold({ keep: true });
    await sendSigned(port, slashCommandBody({ command: '/digest', text: 'now', responseUrl: slackFake.responseUrl('now'), channelId: channel }), 'application/x-www-form-urlencoded', { secret: SECRET });
    await slackFake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel);
    await killHard(first);

    const second = start(env);
    await second.waitForLine(msg('newsdesk is running'), '"newsdesk is running"');
    expect(second.lines.filter(msg('digest was posted before the restart; not posting it again'))).toHaveLength(1);
    expect(slackFake.requests.filter((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel)).toHaveLength(1);
    expect(slackFake.history.messages(channel)).toHaveLength(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it('Discord: the restarted process finds the post by its footer mark and does not post it again', async () => {
    const env = { DISCORD_TOKEN: 'kill-test-discord-token', DISCORD_API_URL: discordFake.api, DIGEST_DISCORD_CHANNELS: IDS.channel };
    const posts = () => discordFake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`);
    const first = start(env);
    await first.waitForLine(msg('newsdesk is running'), '"newsdesk is running"');
    await news(first);

    discordFake.history.hold({ keep: true });
    discordFake.command('digest', [{ name: 'action', type: 3, value: 'now' }]);
    await discordFake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`, 30_000);
    await killHard(first);
    // A restart after Discord's nonce window: only the history can tell.
    discordFake.history.expireNonces();

    const second = start(env);
    await second.waitForLine(msg('newsdesk is running'), '"newsdesk is running"');
    expect(second.lines.filter(msg('digest was posted before the restart; not posting it again'))).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect(discordFake.history.messages(IDS.channel)).toHaveLength(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});
