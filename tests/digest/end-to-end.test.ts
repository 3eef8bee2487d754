/**
 * Digests end to end: the real corpus watcher, ingest and library; the real state database file;
 * the real Slack (Bolt) and Discord (discord.js) adapters against fake servers on 127.0.0.1;
 * subscriptions made through the chat commands; a fake clock drives the schedule.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../src/adapters/discord/index.js';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { loadCommands } from '../../src/app/commands-loader.js';
import { loadConfig } from '../../src/app/config.js';
import { createDigestService, type DigestService } from '../../src/digest/index.js';
import { buildLibrary, type IndexedLibrary } from '../../src/library/build.js';
import { createRuntime, type Runtime } from '../../src/app/runtime.js';
import { watchCorpus, type CorpusWatcher } from '../../src/watch/index.js';
import { FakeDiscord, IDS, MANAGER_PERMISSIONS, trackUnhandledRejections } from '../helpers/fake-discord.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { fakeClock, recordingLogger } from '../helpers/digest.js';

const SECRET = 'e2e-signing-secret';
const SLACK_CHANNEL = 'C0000001';
const FORM = 'application/x-www-form-urlencoded';

const article = (title: string, published: string, body: string) =>
  `---\ntitle: "${title}"\noutlet: "Test Wire"\nurl: "https://example.org/${published}"\npublished: ${published}\n---\n${title}\n\n${body}\n`;

let root: string;
let corpus: string;
let dataDir: string;
let slackFake: FakeSlack;
let discordFake: FakeDiscord;
let slack: SlackAdapter;
let discord: DiscordAdapter;
let runtime: Runtime;
let library: IndexedLibrary;
let watcher: CorpusWatcher;
let digest: DigestService;
const sleeps: number[] = [];
const clock = fakeClock('2026-11-23T03:00:00Z'); // Monday, 07:00 in Yerevan
const logger = recordingLogger();
const rejections = trackUnhandledRejections();

/** Waiters for the corpus watcher's change events (it calls onChange after updating the library). */
const changeWaiters: Array<{ file: string; resolve: () => void }> = [];

/** Resolves when the watcher reports that it took `file` into the library: an event, not a poll. */
function watcherTook(file: string): Promise<void> {
  return new Promise((resolve) => changeWaiters.push({ file, resolve }));
}

/** A new service over the same state file: what a restarted process builds. */
async function bootDigest(): Promise<DigestService> {
  const service = await createDigestService({ config: runtime.config, runtime, clock, retry: { attempts: 3, baseDelayMs: 1000, sleep: async (ms) => void sleeps.push(ms) } });
  service.setPoster('slack', (channel, reply) => slack.postReply(channel, reply));
  service.setPoster('discord', (channel, reply) => discord.postReply(channel, reply));
  runtime.services.digest = service;
  return service;
}

const slackPosts = () => slackFake.requests.filter((r) => r.path === '/api/chat.postMessage');
const discordPosts = () => discordFake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`);
const discordText = (r: { body: any }) => JSON.stringify(r.body);

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'nd-e2e-'));
  corpus = path.join(root, 'corpus');
  dataDir = path.join(root, 'data');
  mkdirSync(corpus);
  writeFileSync(path.join(corpus, 'old.md'), article('Harbour reopens', '2026-11-01', 'The harbour reopened after a strike. Ships queued.'));
  slackFake = await startFakeSlack();
  // The default asker of the fake's slash commands manages the channel.
  slackFake.directory.roles.set('U0000001', 'admin');
  discordFake = await FakeDiscord.start();
  const config = loadConfig({
    CORPUS_DIR: corpus,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-e2e-not-secret',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slackFake.apiUrl,
    DISCORD_TOKEN: 'e2e-discord-token',
    DISCORD_APP_ID: IDS.app,
    DISCORD_API_URL: discordFake.api,
    RATE_LIMIT_PER_MINUTE: '1000',
  });
  ({ library } = await buildLibrary({ corpusDir: corpus, dataDir, logger, snapshot: false }));
  runtime = createRuntime({ commands: await loadCommands(), library: () => library, clock, logger, config, services: {} });
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  discord = await startDiscord(runtime, { rest: { retries: 0, timeout: 3000 }, waitGuildTimeout: 1000 });
  digest = await bootDigest();
  await digest.start();
  watcher = watchCorpus({
    corpusDir: corpus,
    library,
    logger,
    debounceMs: 100,
    onChange: (s) => {
      for (const w of changeWaiters.filter((x) => x.file === s.file && s.upserted.length > 0)) {
        changeWaiters.splice(changeWaiters.indexOf(w), 1);
        w.resolve();
      }
      // While the digest service is stopped (a "restart" below) its store is closed: the change is
      // logged as not recorded, as a real process without a running service would not see it at all.
      if (runtime.services.digest) (runtime.services.digest as DigestService).noteChanges(s);
    },
  });
  await watcher.ready(); // its ingest thread takes seconds to start
});

afterEach(() => {
  expect(rejections.errors).toEqual([]);
  expect(slackFake.requests.filter((r) => r.status === 404)).toEqual([]);
  expect(discordFake.unknown).toEqual([]);
});

afterAll(async () => {
  await watcher?.close();
  await digest?.stop();
  await slack?.stop();
  await discord?.stop();
  await slackFake?.close();
  await discordFake?.close();
  rejections.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('digest end to end', () => {
  // One scenario, in order: each step needs the state the step before it left (subscriptions, the
  // posted digest, the state file), so they are one test rather than tests that depend on each other.
  it('subscribes through both chat platforms, posts a new article once per platform at the slot (Discord failing twice first), does not repeat it after a restart, and catches up a missed slot once', async () => {
    // 1. Subscribe through both chat platforms.
    const responseUrl = slackFake.responseUrl('digest');
    const res = await sendSigned(slack.port!, slashCommandBody({ command: '/digest', text: 'subscribe 0 9 * * 1-5 Asia/Yerevan', responseUrl, channelId: SLACK_CHANNEL }), FORM, { secret: SECRET });
    expect(res.status).toBe(200);
    const answer = await slackFake.waitFor((r) => responseUrl.endsWith(r.path));
    expect(JSON.stringify(answer.body)).toMatch(/Subscribed: digest #1 of everything new/);

    const { id } = discordFake.command('digest', [
      { name: 'action', type: 3, value: 'subscribe' },
      { name: 'schedule', type: 3, value: '0 9 * * 1-5' },
      { name: 'timezone', type: 3, value: 'Asia/Yerevan' },
    ], { permissions: MANAGER_PERMISSIONS });
    const callback = await discordFake.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`));
    expect(discordText(callback)).toMatch(/Subscribed: digest #2 of everything new/);
    expect((await digest.list()).map((s) => [s.platform, s.channel, s.cron, s.timezone])).toEqual([
      ['slack', SLACK_CHANNEL, '0 9 * * 1-5', 'Asia/Yerevan'],
      ['discord', IDS.channel, '0 9 * * 1-5', 'Asia/Yerevan'],
    ]);

    await postsTheNewArticleOnce();
    await restartsWithoutRepeating();
  });

  it('refuses an invalid cron in chat with an example', async () => {
    const before = await digest.list();
    const responseUrl = slackFake.responseUrl('digest-bad');
    await sendSigned(slack.port!, slashCommandBody({ command: '/digest', text: 'subscribe 0 9 * *', responseUrl, channelId: SLACK_CHANNEL }), FORM, { secret: SECRET });
    const answer = await slackFake.waitFor((r) => responseUrl.endsWith(r.path));
    // Slack's renderer defuses markup with zero-width spaces; read the text without them.
    expect(String(answer.body.text).replaceAll('\u200b', '')).toMatch(/not a valid schedule: it has 4 fields.*"0 9 \* \* 1-5" \(weekdays at 09:00\)/);
    expect(await digest.list()).toEqual(before);
  });
});

/** 2. An article dropped into the corpus is posted once to Slack and once to Discord at the slot, with Discord failing twice first. */
async function postsTheNewArticleOnce(): Promise<void> {
  clock.set('2026-11-23T04:00:00Z');
  const took = watcherTook('quake.md');
  writeFileSync(path.join(corpus, 'quake.md'), article('Tremor felt in Gyumri', '2026-11-23', 'A tremor was felt in Gyumri on Monday morning. No damage was reported.'));
  await took;
  expect(library.get('quake.md')?.meta.title).toBe('Tremor felt in Gyumri');

  discordFake.fail({ method: 'POST', path: /\/channels\/\d+\/messages$/, status: 500, body: { message: 'Internal Server Error', code: 0 }, times: 2 });
  clock.set('2026-11-23T05:00:05Z');
  expect(await digest.tick()).toEqual({ posted: 2, empty: 0, failed: 0 });

  expect(slackPosts()).toHaveLength(1);
  const posted = slackPosts()[0]!;
  expect(posted.body.channel).toBe(SLACK_CHANNEL);
  expect(JSON.stringify(posted.blocks)).toContain('A tremor was felt in Gyumri on Monday morning.');
  expect(JSON.stringify(posted.blocks)).not.toContain('The harbour reopened');

  // Two 500s, then the post that went through: one message in the channel.
  expect(discordPosts().map((r) => r.status)).toEqual([500, 500, 200]);
  expect(sleeps).toEqual([1000, 2000]);
  expect(discordText(discordPosts()[2]!)).toContain('A tremor was felt in Gyumri on Monday morning.');
  expect(discordPosts()[2]!.body.allowed_mentions).toMatchObject({ parse: [] });

  expect(await digest.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
}

/** 3. A restart does not repeat the digest; a missed slot is caught up once. */
async function restartsWithoutRepeating(): Promise<void> {
  await digest.stop();
  clock.set('2026-11-23T05:30:00Z');
  digest = await bootDigest();
  expect(await digest.start()).toEqual({ posted: 0, empty: 0, failed: 0 });
  expect(slackPosts()).toHaveLength(1);
  await digest.stop();

  // Down until Thursday; an article arrives meanwhile (the watcher of that process saw it, this one finds it at start).
  const took = watcherTook('talks.md');
  writeFileSync(path.join(corpus, 'talks.md'), article('Border talks resume', '2026-11-25', 'Delegations met at the border on Wednesday. Talks continue.'));
  await took;
  clock.set('2026-11-26T09:00:00Z');
  digest = await bootDigest();
  expect(await digest.start()).toEqual({ posted: 2, empty: 0, failed: 0 });
  expect(slackPosts()).toHaveLength(2);
  expect(JSON.stringify(slackPosts()[1]!.blocks)).toContain('Delegations met at the border on Wednesday.');
  expect(JSON.stringify(slackPosts()[1]!.blocks)).not.toContain('A tremor was felt');
  expect(discordPosts().filter((r) => r.status === 200)).toHaveLength(2);
  expect(await digest.tick()).toEqual({ posted: 0, empty: 0, failed: 0 });
}
