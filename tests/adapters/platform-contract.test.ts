/**
 * The platform port's contract, one suite run against both adapters: real Bolt and real
 * discord.js, each against its fake server on 127.0.0.1, started with the one guard the process
 * shares between platforms. Each platform starts, answers a command, posts a reply to a channel
 * (and finds that post again by its mark), refuses a user over the rate limit with the same text,
 * and stops (its connection closes).
 */
import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startDiscord } from '../../src/adapters/discord/index.js';
import { startSlack } from '../../src/adapters/slack/index.js';
import { guardedExecute } from '../../src/app/guard.js';
import type { Runtime } from '../../src/app/runtime.js';
import type { Platform, PlatformName } from '../../src/core/platform.js';
import { FakeDiscord, IDS, trackUnhandledRejections } from '../helpers/fake-discord.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { SECRET, testRuntime } from '../helpers/slack-fixtures.js';

const FORM = 'application/x-www-form-urlencoded';
const REFUSAL = /^You're asking faster than newsdesk can keep up — please try again in \d+ s\.$/;

/** What the asker of a command sees: everything the platform received for it, and whether only they see it. */
interface Seen {
  text: string;
  private: boolean;
}

/** One platform behind the port, with the few platform-specific moves the suite needs. */
interface Harness {
  name: PlatformName;
  runtime: Runtime;
  platform: Platform;
  /** A channel the bot may post to. */
  channel: string;
  /** The id of a user on this platform (`n` tells users apart). */
  user(n: number): string;
  /** Sends `/search <text>` as `user` and returns what came back to them. */
  search(user: string, text: string): Promise<Seen>;
  /** Everything the platform received for the latest post to `channel`. */
  posted(channel: string): Promise<string>;
  /** Resolves once the platform's connection (HTTP listener or gateway socket) is gone. */
  disconnected(): Promise<void>;
  close(): Promise<void>;
}

/** Slack: slash commands signed and sent to Bolt's HTTP receiver; answers caught at `response_url`. */
async function slackHarness(env: Record<string, string>): Promise<Harness> {
  const fake: FakeSlack = await startFakeSlack();
  const runtime = await testRuntime(fake.apiUrl, env);
  const platform = await startSlack(runtime, { port: 0, host: '127.0.0.1', clientOptions: { retryConfig: { retries: 0 } }, guard: guardedExecute(runtime) });
  const port = platform.port!;
  let asked = 0;
  return {
    name: 'slack',
    runtime,
    platform,
    channel: 'C0000042',
    user: (n) => `U000000${n}`,
    async search(user, text) {
      const responseUrl = fake.responseUrl(`contract-${++asked}`);
      const res = await sendSigned(port, slashCommandBody({ command: '/search', text, responseUrl, userId: user }), FORM, { secret: SECRET });
      expect(res.status).toBe(200);
      const answer = await fake.waitFor((r) => responseUrl.endsWith(r.path));
      return { text: [answer.body.text ?? '', JSON.stringify(answer.body.blocks ?? [])].join('\n'), private: answer.body.response_type === 'ephemeral' };
    },
    async posted(channel) {
      const post = await fake.waitFor((r) => r.path === '/api/chat.postMessage' && r.body.channel === channel);
      return [String(post.body.text ?? ''), JSON.stringify(post.blocks ?? [])].join('\n');
    },
    async disconnected() {
      const refused = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(TypeError); // fetch failed: nothing listens any more
    },
    async close() {
      await fake.close();
    },
  };
}

/** Discord: interactions dispatched over the fake gateway; answers caught at the interaction callback. */
async function discordHarness(env: Record<string, string>): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const runtime = await testRuntime('http://127.0.0.1:9/api/', { DISCORD_TOKEN: 'test-token-not-secret', DISCORD_API_URL: fake.api, ...env });
  const platform = await startDiscord(runtime, { rest: { retries: 0, timeout: 3000 }, waitGuildTimeout: 1000, guard: guardedExecute(runtime) });
  await fake.identify;
  // The fake's gateway sockets, to see the client close its own.
  const sockets = [...(fake['sockets'] as Set<WebSocket>)];
  return {
    name: 'discord',
    runtime,
    platform,
    channel: IDS.channel,
    user: (n) => `10000000000000010${n}`,
    async search(user, text) {
      const { id } = fake.command('search', [{ name: 'query', type: 3, value: text }], { userId: user });
      const callback = await fake.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`), 30_000);
      const data = callback.body.data;
      return { text: [data.content ?? '', JSON.stringify(data.embeds ?? [])].join('\n'), private: ((data.flags ?? 0) & 64) !== 0 };
    },
    async posted(channel) {
      const post = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channel}/messages`);
      return [String(post.body.content ?? ''), JSON.stringify(post.body.embeds ?? [])].join('\n');
    },
    async disconnected() {
      expect(sockets.length).toBeGreaterThan(0);
      await Promise.all(sockets.map((ws) => (ws.readyState === WebSocket.CLOSED ? undefined : once(ws, 'close'))));
      expect(sockets.every((ws) => ws.readyState === WebSocket.CLOSED)).toBe(true);
    },
    async close() {
      await fake.close();
    },
  };
}

const harnesses: Array<[PlatformName, (env: Record<string, string>) => Promise<Harness>]> = [
  ['slack', slackHarness],
  ['discord', discordHarness],
];

describe.each(harnesses)('the platform port: %s', (name, start) => {
  let h: Harness;
  let stopped = false;
  const rejections = trackUnhandledRejections();

  beforeAll(async () => {
    // Two requests a minute per user, so the third is refused.
    h = await start({ RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterEach(() => {
    expect(rejections.errors).toEqual([]);
  });
  afterAll(async () => {
    if (!stopped) await h?.platform.stop();
    await h?.close();
    rejections.dispose();
  });

  it('starts as the platform it names', () => {
    expect(h.platform.name).toBe(name);
  });

  it('answers a command with the quoted, cited answer', async () => {
    const seen = await h.search(h.user(1), 'bread');
    // Words of a quote outside the highlight, the same on both platforms.
    expect(seen.text).toContain('cost 100 dram on market day 1');
    expect(seen.text).toContain('Gyumri market report 1');
  });

  it('posts a reply to a channel, and finds that post again by its mark', async () => {
    const reply = await h.runtime.execute('search', { text: 'bread' }, { platform: name });
    const mark = { runId: `contract-${name}`, since: new Date() };
    await h.platform.postReply(h.channel, reply, mark);
    const posted = await h.posted(h.channel);
    expect(posted).toContain('cost 100 dram on market day 1');
    expect(await h.platform.findDigest!(h.channel, mark)).toEqual({ status: 'posted' });
    expect(await h.platform.findDigest!(h.channel, { runId: 'contract-never', since: mark.since })).toEqual({ status: 'absent' });
  });

  it('refuses a user over the rate limit privately with the same text, other users unaffected', async () => {
    const user = h.user(2);
    expect((await h.search(user, 'bread')).text).toContain('cost 100 dram');
    expect((await h.search(user, 'bread')).text).toContain('cost 100 dram');
    const refused = await h.search(user, 'bread');
    expect(refused.private).toBe(true);
    expect(refused.text.split('\n')[0]).toMatch(REFUSAL);
    expect((await h.search(h.user(3), 'bread')).text).toContain('cost 100 dram');
  });

  it('stops: its connection closes', async () => {
    await h.platform.stop();
    stopped = true;
    await h.disconnected();
  });
});

describe('one guard shared by every platform (as the process starts them)', () => {
  it('counts each platform’s users apart, Slack users per workspace, with the one refusal text', async () => {
    const runtime = await testRuntime('http://127.0.0.1:9/api/', { RATE_LIMIT_PER_MINUTE: '1' });
    const guard = guardedExecute(runtime);
    const ask = (origin: Parameters<typeof guard.run>[2]) => guard.run('sources', { text: '' }, origin);
    expect((await ask({ platform: 'slack', workspaceId: 'T1', userId: '42' })).refused).toBe(false);
    // The same id on Discord, or in another Slack workspace, is someone else.
    expect((await ask({ platform: 'discord', workspaceId: 'G1', userId: '42' })).refused).toBe(false);
    expect((await ask({ platform: 'slack', workspaceId: 'T2', userId: '42' })).refused).toBe(false);
    // A Discord user is one person in every guild.
    const again = await ask({ platform: 'discord', workspaceId: 'G2', userId: '42' });
    expect(again).toEqual({ refused: true, text: expect.stringMatching(REFUSAL) });
    expect((await ask({ platform: 'slack', workspaceId: 'T1', userId: '42' })).refused).toBe(true);
  });

  it('logs a failure once and gives the one text shown to the asker', async () => {
    const lines: string[] = [];
    const runtime = await testRuntime('http://127.0.0.1:9/api/', {}, { info() {}, warn() {}, debug() {}, error: (obj, msg) => lines.push(`${msg} ${JSON.stringify(obj)}`) });
    const text = guardedExecute(runtime).failed({ command: '/search' }, 'slack command failed');
    expect(text).toBe('Something went wrong while answering; the error was logged.');
    expect(lines).toEqual(['slack command failed {"command":"/search"}']);
  });
});
