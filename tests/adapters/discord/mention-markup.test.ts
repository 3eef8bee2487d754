/**
 * Mention markup in message questions, end to end: the real discord.js client against the fake
 * Discord. A question that mentions the bot and also people, a role, a channel, @everyone and
 * @here gets the same answer as the question alone (none of that is searched for), in a channel
 * and in a DM, and the reply pings nobody.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime } from '../../../src/app/runtime.js';
import { FakeDiscord, IDS, trackUnhandledRejections, type RecordedRequest } from '../../helpers/fake-discord.js';
import { fixtureLibrary, testConfig } from '../../helpers/discord-fixtures.js';

const QUESTION = 'who denied the report about Gyumri?';
const MARKUP = `<@${IDS.otherUser}> <@!${IDS.otherUser}> <@&${IDS.botRole}0> <#${IDS.channel}> @everyone @here`;
const repliesTo = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.body?.message_reference?.message_id === id;
/** What a reader sees: the text and the embeds (buttons carry per-message ids). */
const answerOf = (r: RecordedRequest) => JSON.stringify({ content: r.body.content, embeds: r.body.embeds });

describe('Discord mention markup in a question', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const rejections = trackUnhandledRejections();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const library = fixtureLibrary();
    const runtime = createRuntime({ commands: await loadCommands(), library: () => library, logger: silentLogger, config: testConfig({ DISCORD_API_URL: fake.api, RATE_LIMIT_PER_MINUTE: '100' }) });
    // Warm the analysis before the gateway is up, so a slow first answer cannot miss the fake's heartbeats.
    await runtime.execute('ask', { text: QUESTION }, { platform: 'discord' });
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

  it('a mention of the bot with other mentions around the question is answered as the question alone, pinging nobody', async () => {
    const plainId = fake.message(`<@${IDS.bot}> ${QUESTION}`, { mentionsBot: true });
    const plain = await fake.waitFor(repliesTo(plainId), 30_000);
    const markedId = fake.message(`<@${IDS.bot}> ${MARKUP} ${QUESTION} @here`, { mentionsBot: true });
    const marked = await fake.waitFor(repliesTo(markedId), 30_000);
    expect(answerOf(plain)).toMatch(/Gyumri/);
    expect(answerOf(marked)).toBe(answerOf(plain));
    expect(marked.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(answerOf(marked)).not.toMatch(/@everyone|@here|(^|[^\\])<[@#]/);
  });

  it('a DM with the markup gets the same answer as the plain DM', async () => {
    const plain = await fake.waitFor(repliesTo(fake.message(QUESTION, { dm: true })), 30_000);
    const marked = await fake.waitFor(repliesTo(fake.message(`${MARKUP} ${QUESTION}`, { dm: true })), 30_000);
    expect(answerOf(marked)).toBe(answerOf(plain));
    expect(marked.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});
