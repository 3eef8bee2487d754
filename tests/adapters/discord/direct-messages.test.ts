/**
 * Questions in a DM to the bot, end to end: the real discord.js client (DirectMessages intent,
 * channel partials) against the fake Discord; the DM channel is not in any cache beforehand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime } from '../../../src/app/runtime.js';
import { FakeDiscord, IDS, trackUnhandledRejections, type RecordedRequest } from '../../helpers/fake-discord.js';
import { fixtureLibrary, testConfig } from '../../helpers/discord-fixtures.js';

const OTHER_BOT = '100000000000000010';
const toDm = (r: RecordedRequest) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.dmChannel}/messages`;
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('Discord direct messages', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const rejections = trackUnhandledRejections();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const library = fixtureLibrary();
    const runtime = createRuntime({ commands: await loadCommands(), library: () => library, logger: silentLogger, config: testConfig({ DISCORD_API_URL: fake.api, RATE_LIMIT_PER_MINUTE: '3' }) });
    // The first questions load the part-of-speech model and analyse the articles (about a second of main thread):
    // done here, they cannot hold up the fake's 300 ms heartbeats mid-test, which makes discord.js drop the
    // connection as a zombie and resume it — and the fake does not replay what was sent in between.
    for (const text of ['who denied the report? @everyone', 'gyumri']) await runtime.execute('ask', { text }, { platform: 'discord' });
    await runtime.execute('topics', { text: '' }, { platform: 'discord' });
    adapter = await startDiscord(runtime, { rest: { retries: 0, timeout: 3000 }, waitGuildTimeout: 1000 });
  });
  afterEach(() => {
    expect(rejections.errors).toEqual([]);
    expect(fake.unknown.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    rejections.dispose();
  });

  it('asks for the DirectMessages intent, and not for MessageContent', () => {
    expect(fake.identifyPayload.intents & 4096).toBe(4096);
    expect(fake.identifyPayload.intents & 32768).toBe(0);
  });

  it('answers a question in a DM as a reply there, and nothing the asker typed pings anyone', async () => {
    const id = fake.message('who denied the report? @everyone @here <@123456>', { dm: true });
    const reply = await fake.waitFor(toDm, 30_000);
    expect(reply.body.message_reference).toMatchObject({ message_id: id });
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.content).toMatch(/claim/i);
    const shown = JSON.stringify({ content: reply.body.content, embeds: reply.body.embeds });
    expect(shown).not.toMatch(/@everyone|@here|(^|[^\\])<@/);
  });

  it("never answers a bot's DM, and answers the person after it", async () => {
    const before = fake.requests.filter(toDm).length;
    fake.message('gyumri', { dm: true, authorId: OTHER_BOT, bot: true });
    const id = fake.message('gyumri', { dm: true });
    await fake.waitFor((r) => toDm(r) && r.body.message_reference?.message_id === id, 30_000);
    await settle();
    expect(fake.requests.filter(toDm).length - before).toBe(1);
  });

  it('shares the rate limit: the DM over it gets the polite refusal', async () => {
    // Two DMs above already counted for this user; the limit is 3 a minute.
    const ids = [fake.message('border talks', { dm: true }), fake.message('border talks', { dm: true })];
    const refusal = await fake.waitFor((r) => toDm(r) && r.body.message_reference?.message_id === ids[1], 30_000);
    expect(refusal.body.content).toMatch(/^You're asking faster than newsdesk can keep up/);
  });
});
