/**
 * The long-running process as `npm start` runs it, with both chat platforms configured against
 * fake servers on 127.0.0.1: one platform failing to start must not stop the other.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startProcess } from '../../src/app/main.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { repoRoot } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';

const SECRET = 'main-test-signing-secret';


let slackFake: FakeSlack;
let discordFake: FakeDiscord;

beforeAll(async () => {
  slackFake = await startFakeSlack();
  discordFake = await FakeDiscord.start();
});

afterAll(async () => {
  await slackFake.close();
  await discordFake.close();
});

describe('npm start with Slack and Discord configured', () => {
  it('keeps serving Slack when Discord refuses to log in', async () => {
    discordFake.closeOnIdentify = 4004; // authentication failed
    const port = await freePort();
    const config = loadConfig({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nd-main-')),
      LOG_LEVEL: 'silent',
      HEALTH_PORT: 'off',
      SLACK_BOT_TOKEN: 'xoxb-main-test-not-secret',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackFake.apiUrl,
      SLACK_PORT: String(port),
      DISCORD_TOKEN: 'discord-main-test-not-secret',
      DISCORD_API_URL: discordFake.api,
    });
    let stop!: () => void;
    let settled = false;
    let ready!: (state: { platforms: string[]; failed: string[] }) => void;
    const serving = new Promise<{ platforms: string[]; failed: string[] }>((resolve) => (ready = resolve));
    const stopped = startProcess(config, { until: new Promise<void>((resolve) => (stop = resolve)), onReady: ready }).finally(() => (settled = true));
    try {
      // Both platforms were tried side by side: Discord was refused at login, Slack serves, and the
      // process is up (it has not settled) after Discord's failure was handled.
      const state = await Promise.race([serving, stopped.then(() => ({ platforms: [], failed: ['the process stopped'] }))]);
      expect(state.platforms).toEqual(['slack']);
      expect(state.failed).toEqual([expect.stringMatching(/Discord/)]);
      expect(discordFake.identifyPayload).toMatchObject({ token: 'discord-main-test-not-secret' });
      expect(settled).toBe(false);
      const responseUrl = slackFake.responseUrl('main');
      const first = await sendSigned(port, slashCommandBody({ command: '/search', text: 'gyumri', responseUrl }), 'application/x-www-form-urlencoded', { secret: SECRET });
      expect(first.status).toBe(200);
      const answer = await slackFake.waitFor((r) => r.path === new URL(responseUrl).pathname, 10_000);
      expect(JSON.stringify(answer.body)).toMatch(/Gyumri/);
      const again = slackFake.responseUrl('again');
      const second = await sendSigned(port, slashCommandBody({ command: '/timeline', text: 'armenia-russia', responseUrl: again }), 'application/x-www-form-urlencoded', { secret: SECRET });
      expect(second.status).toBe(200);
      const timeline = await slackFake.waitFor((r) => r.path === new URL(again).pathname, 10_000);
      expect(JSON.stringify(timeline.body)).toMatch(/2021/);
      expect(settled).toBe(false);
    } finally {
      stop();
    }
    await expect(stopped).resolves.toBe(0);
  });
});
