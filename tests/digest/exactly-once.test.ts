/**
 * A digest interrupted in the middle of its post (the process died: here its state database is
 * closed under it and it is abandoned) is not posted twice by the next process on the same
 * DATA_DIR. Real Bolt and discord.js against the fake servers, the real state database file; the
 * fakes hold the post (Slack/Discord got it, or not) and never answer, as for a process killed
 * while waiting. The same with a real `kill -9` of a real process: kill-during-post.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../src/adapters/discord/index.js';
import { startSlack, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { loadCommands } from '../../src/app/commands-loader.js';
import { loadConfig } from '../../src/app/config.js';
import { DigestService } from '../../src/digest/service.js';
import { createRuntime } from '../../src/app/runtime.js';
import { SqliteStatePort } from '../../src/store/state-port.js';
import type { Article } from '../../src/core/types.js';
import { FakeDiscord, IDS } from '../helpers/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { fakeClock, liveLibrary, makeArticle, recordingLogger } from '../helpers/digest.js';

const OLD = makeArticle('old.md', { title: 'An older story', published: '2026-11-01' }, 'This was known before anyone subscribed. It stays old.');
const QUAKE = makeArticle('quake.md', { title: 'Tremor felt in Gyumri', published: '2026-11-23' }, 'A tremor was felt in Gyumri on Monday morning. No damage was reported.');
const TALKS = makeArticle('talks.md', { title: 'Border talks resume', published: '2026-11-24' }, 'Delegations met at the border on Tuesday. Talks continue.');
const SLACK_CHANNEL = 'C0000001';

let slackFake: FakeSlack;
let discordFake: FakeDiscord;
let slack: SlackAdapter;
let discord: DiscordAdapter;
let dir: string;
const abandoned: Promise<unknown>[] = [];
const services: DigestService[] = [];

beforeAll(async () => {
  slackFake = await startFakeSlack();
  discordFake = await FakeDiscord.start();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-exactly-once-not-secret',
    SLACK_SIGNING_SECRET: 'exactly-once-secret',
    SLACK_API_URL: slackFake.apiUrl,
    DISCORD_TOKEN: 'exactly-once-discord-token',
    DISCORD_API_URL: discordFake.api,
  });
  const runtime = createRuntime({ commands: await loadCommands(), library: () => liveLibrary([OLD]), logger: recordingLogger(), config });
  slack = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } } });
  discord = await startDiscord(runtime, { rest: { retries: 0, timeout: 3000 }, waitGuildTimeout: 1000 });
});

afterAll(async () => {
  await slack?.stop();
  await discord?.stop();
  await slackFake?.close();
  await discordFake?.close();
  await Promise.allSettled(abandoned);
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nd-once-'));
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A process's digest service over the state file in `dir`. */
function boot(clock: ReturnType<typeof fakeClock>, library: ReturnType<typeof liveLibrary>, logger = recordingLogger()) {
  const store = SqliteStatePort.open({ dataDir: dir, logger, clock });
  const service = new DigestService({ store, library: () => library, logger, clock, posters: { slack, discord }, retry: { attempts: 1 } });
  return { store, service, logger };
}

async function arrive(library: ReturnType<typeof liveLibrary>, service: DigestService, ...articles: Article[]): Promise<void> {
  library.applyChanges({ upsert: articles, remove: [] });
  await service.noteChanges({ upserted: articles, removed: [] });
}

/**
 * The first process subscribes `channel`, gets QUAKE, starts `/digest now` and dies while the post
 * is in flight (the fake holds it). Returns the clock and library the next process goes on with.
 */
async function dieWhilePosting(platform: 'slack' | 'discord', channel: string, waitForPost: () => Promise<unknown>) {
  const clock = fakeClock(new Date().toISOString());
  const library = liveLibrary([OLD]);
  const first = boot(clock, library);
  await first.service.start();
  // A daily slot twelve hours away: the tests move the clock by minutes, and the default 09:00 slot
  // would fall due in the middle of a test run near 09:00 and post a second digest.
  const hour = (new Date(clock.now()).getUTCHours() + 12) % 24;
  await first.service.subscribe({ platform, channel, schedule: `0 ${hour} * * *`, timezone: 'UTC' });
  await arrive(library, first.service, QUAKE);
  abandoned.push(first.service.runNow({ platform, channel }).catch(() => undefined));
  await waitForPost();
  // The process is gone: nothing more of it reaches the state file.
  await first.store.close();
  return { clock, library };
}

const slackPosts = (channel = SLACK_CHANNEL) => slackFake.requests.filter((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel);
const metadataOf = (r: { body: Record<string, unknown> }) => JSON.parse(String(r.body.metadata)) as { event_type: string; event_payload: { run_id: string } };

describe('Slack: a digest interrupted mid-post', () => {
  it('is not posted again when it reached the channel: the restart finds its run id in the history', async () => {
    const channel = 'C1000001';
    slackFake.history.hold({ keep: true });
    const { clock, library } = await dieWhilePosting('slack', channel, () => slackFake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel));
    const held = slackPosts(channel)[0]!;
    expect(metadataOf(held)).toEqual({ event_type: 'newsdesk_digest', event_payload: { run_id: expect.stringMatching(/^[\w-]{12}$/) } });
    const reads = slackFake.history.reads;

    const second = boot(clock, library);
    services.push(second.service);
    expect(await second.service.start()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(slackPosts(channel)).toHaveLength(1);
    expect(slackFake.history.messages(channel)).toHaveLength(1);
    expect(slackFake.history.reads).toBe(reads + 1);
    const lookup = slackFake.requests.filter((r) => r.path === '/api/conversations.history').at(-1)!;
    expect(lookup.body).toMatchObject({ channel, include_all_metadata: 'true' });
    // Bounded to the messages since the intent (less five minutes for clock skew).
    expect(Number(lookup.body.oldest)).toBeGreaterThan(Date.now() / 1000 - 3600);
    const sub = (await second.service.list())[0]!;
    expect(await second.service.lastRun(sub)).toMatchObject({ status: 'posted', postKey: metadataOf(held).event_payload.run_id });
  });

  it('is posted once after the restart when it never reached the channel, with the same run id', async () => {
    const channel = 'C1000002';
    slackFake.history.hold({ keep: false });
    const { clock, library } = await dieWhilePosting('slack', channel, () => slackFake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel));
    const second = boot(clock, library);
    services.push(second.service);
    expect(await second.service.start()).toEqual({ posted: 1, empty: 0, failed: 0 });
    const posts = slackPosts(channel);
    expect(posts).toHaveLength(2);
    expect(metadataOf(posts[1]!).event_payload.run_id).toBe(metadataOf(posts[0]!).event_payload.run_id);
    expect(slackFake.history.messages(channel)).toHaveLength(1);
    expect(JSON.stringify(posts[1]!.blocks)).toContain('A tremor was felt in Gyumri on Monday morning.');
  });

  it('without history access (missing_scope) is not posted again, says so, and its articles go into the next digest', async () => {
    const channel = 'C1000003';
    slackFake.history.hold({ keep: true });
    slackFake.history.fail(channel, 'missing_scope');
    const { clock, library } = await dieWhilePosting('slack', channel, () => slackFake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel));
    const logger = recordingLogger();
    const second = boot(clock, library, logger);
    services.push(second.service);
    expect(await second.service.start()).toEqual({ posted: 0, empty: 0, failed: 1 });
    expect(slackPosts(channel)).toHaveLength(1);
    expect(logger.warnings).toEqual([
      expect.stringMatching(/^digest may have been posted before the restart; slack history cannot be read \(missing_scope.*\); not posting it again — its articles go into the next digest$/),
    ]);

    slackFake.history.fail(channel, null);
    await arrive(library, second.service, TALKS);
    clock.advance(1000); // a manual run's slot is its moment
    const [result] = await second.service.runNow({ platform: 'slack', channel });
    expect(result!.outcome).toBe('posted');
    const next = JSON.stringify(slackPosts(channel)[1]!.blocks);
    expect(next).toContain('A tremor was felt in Gyumri on Monday morning.');
    expect(next).toContain('Delegations met at the border on Tuesday.');
  });
});

describe('Discord: a digest interrupted mid-post', () => {
  const posts = () => discordFake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`);
  // The next held post (earlier tests left theirs in the request log).
  const waitForPost = () => {
    const seen = discordFake.requests.length;
    return discordFake.waitFor((r) => discordFake.requests.indexOf(r) >= seen && r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages` && r.status === 0);
  };

  it('carries the run id as an enforced nonce and in its footer, and is not posted again after the nonce window', async () => {
    discordFake.history.hold({ keep: true });
    const before = discordFake.history.messages(IDS.channel).length;
    const { clock, library } = await dieWhilePosting('discord', IDS.channel, waitForPost);
    const held = posts().at(-1)!;
    expect(held.body).toMatchObject({ nonce: expect.stringMatching(/^[\w-]{12}$/), enforce_nonce: true });
    expect(held.body.nonce.length).toBeLessThanOrEqual(25);
    expect(held.body.embeds.at(-1).footer.text).toContain(`digest ${held.body.nonce}`);
    discordFake.history.expireNonces();
    clock.advance(10 * 60_000);

    const second = boot(clock, library);
    services.push(second.service);
    expect(await second.service.start()).toEqual({ posted: 1, empty: 0, failed: 0 });
    expect(posts().filter((r) => r.status !== 0)).toEqual([]);
    expect(discordFake.history.messages(IDS.channel)).toHaveLength(before + 1);
    expect(discordFake.requests.some((r) => r.method === 'GET' && r.path === `/api/v10/channels/${IDS.channel}/messages` && r.query.has('after'))).toBe(true);
  });

  it('without Read Message History, inside the nonce window: posted again with the same nonce, and Discord keeps one message', async () => {
    discordFake.history.hold({ keep: true });
    discordFake.history.forbid(IDS.channel);
    const before = discordFake.history.messages(IDS.channel).length;
    const { clock, library } = await dieWhilePosting('discord', IDS.channel, waitForPost);
    const held = posts().at(-1)!;
    clock.advance(30_000);
    const second = boot(clock, library);
    services.push(second.service);
    expect(await second.service.start()).toEqual({ posted: 1, empty: 0, failed: 0 });
    const again = posts().at(-1)!;
    expect(again).not.toBe(held);
    expect(again.body).toMatchObject({ nonce: held.body.nonce, enforce_nonce: true });
    expect(discordFake.history.messages(IDS.channel)).toHaveLength(before + 1);
    discordFake.history.forbid(IDS.channel, false);
  });

  it('without Read Message History, after the nonce window: not posted again (at most once), with a warning', async () => {
    discordFake.history.hold({ keep: true });
    discordFake.history.forbid(IDS.channel);
    const before = discordFake.history.messages(IDS.channel).length;
    const { clock, library } = await dieWhilePosting('discord', IDS.channel, waitForPost);
    const count = posts().length;
    clock.advance(10 * 60_000);
    const logger = recordingLogger();
    const second = boot(clock, library, logger);
    services.push(second.service);
    expect(await second.service.start()).toEqual({ posted: 0, empty: 0, failed: 1 });
    expect(posts()).toHaveLength(count);
    expect(discordFake.history.messages(IDS.channel)).toHaveLength(before + 1);
    expect(logger.warnings).toEqual([expect.stringMatching(/^digest may have been posted before the restart; discord history cannot be read \(Missing Access\); not posting it again/)]);
    discordFake.history.forbid(IDS.channel, false);
  });
});
