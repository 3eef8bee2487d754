/**
 * The "Check claims" message command end to end: the real discord.js client against the fake
 * Discord receives a message-command interaction and answers privately.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { unescapeMarkdown } from '../../../src/adapters/discord/markdown.js';
import { CHECK_MESSAGE_NAME } from '../../../src/answer/check-message.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime } from '../../../src/app/runtime.js';
import { FakeDiscord, IDS, trackUnhandledRejections, type RecordedRequest } from '../../helpers/fake-discord.js';
import { ARTICLES, fixtureLibrary, testConfig } from '../../helpers/discord-fixtures.js';

const EPHEMERAL = 64;

/** Everything a request would show: content and embeds. */
const shown = (r: RecordedRequest) => JSON.stringify({ content: r.body?.content ?? r.body?.data?.content, embeds: r.body?.embeds ?? r.body?.data?.embeds });

describe('Check claims (Discord message command)', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const rejections = trackUnhandledRejections();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const library = fixtureLibrary();
    const runtime = createRuntime({ commands: await loadCommands(), library: () => library, logger: silentLogger, config: testConfig({ DISCORD_API_URL: fake.api, RATE_LIMIT_PER_MINUTE: '1000' }) });
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

  it('answers with the claims and the timeline, ephemeral, and the source message pings nobody', async () => {
    const content = '@everyone @here <@123456> <@&100000000000000008> did the ministry really deny the Gyumri report on Thursday?';
    const { id, token } = fake.messageCommand(CHECK_MESSAGE_NAME, content);
    const deferred = await fake.waitFor((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`, 30_000);
    expect(deferred.body.type).toBe(5);
    expect(deferred.body.data.flags).toBe(EPHEMERAL);
    const claims = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${IDS.app}/${token}/messages/@original`, 30_000);
    expect(claims.body.content).toMatch(/claims? about "Gyumri"/);
    expect(shown(claims)).toContain('Checked the message for');
    // The message mentions Thursday: the timeline follows, as an ephemeral follow-up.
    const timeline = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${IDS.app}/${token}`, 30_000);
    expect(timeline.body.flags).toBe(EPHEMERAL);
    expect(timeline.body.content).toMatch(/event|timeline/i);
    for (const r of [claims, timeline]) {
      expect(r.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      // Neither the message's mentions nor the articles' reach Discord in a form it would resolve.
      expect(shown(r)).not.toMatch(/@everyone|@here|(^|[^\\])<@/);
    }
    // Quotes are the articles' text.
    // (Bold marks the matched words; the article's own asterisks are escaped: compare without either.)
    const plain = (t: string) => unescapeMarkdown(t).replace(/\u200b/g, '').replace(/\*/g, '');
    const quotes = [...String(claims.body.embeds?.[0]?.description ?? '').matchAll(/^> (.+?)(?: \[\[\d+\]\]\(\S+\))?$/gm)].map((m) => plain(m[1]!));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(ARTICLES.some((a) => a.text.replace(/\*/g, '').includes(q)), q).toBe(true);
    // Nothing was posted to the channel.
    expect(fake.requests.filter((r) => r.path === `/api/v10/channels/${IDS.channel}/messages`)).toEqual([]);
  });

  it('says so privately when the message names nothing the articles know', async () => {
    const { token } = fake.messageCommand(CHECK_MESSAGE_NAME, 'lunch at noon? @everyone');
    const answer = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${IDS.app}/${token}/messages/@original`, 30_000);
    expect(answer.body.content).toContain('names no person, place or organisation');
    expect(answer.body.content).not.toMatch(/@everyone/);
  });
});
