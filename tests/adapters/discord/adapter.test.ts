/**
 * The Discord adapter end to end: the real discord.js client against the fake Discord REST and
 * gateway on 127.0.0.1 (tests/helpers/fake-discord.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startDiscord, type DiscordAdapter } from '../../../src/adapters/discord/index.js';
import { unescapeMarkdown } from '../../../src/adapters/discord/markdown.js';
import type { Command } from '../../../src/core/command.js';
import type { Logger } from '../../../src/core/ports.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { buildLibrary } from '../../../src/library/build.js';
import { silentLogger } from '../../../src/app/log.js';
import { createRuntime, type Runtime } from '../../../src/app/runtime.js';
import type { Reply } from '../../../src/core/types.js';
import { FakeDiscord, IDS, trackUnhandledRejections, botMessage, isCallback, type RecordedRequest } from '../../helpers/fake-discord.js';
import { fixtureLibrary, testConfig } from '../../helpers/discord-fixtures.js';

const TOKEN = 'test-token-not-secret';
const TEST_REST = { retries: 0, timeout: 3000 };
const EPHEMERAL = 64;

/** A logger that keeps every line, so tests can check what was (and was not) logged. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (obj: unknown, msg?: string) => lines.push(`${level} ${msg ?? ''} ${JSON.stringify(obj, (_k, v) => (v instanceof Error ? v.message : v))}`);
  return { lines, info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') };
}

/** Another bot in the guild: newsdesk must never answer it (two bots answering each other loop forever). */
const OTHER_BOT = '100000000000000010';
/** A third person, so tests that count one user's requests against the rate limit are not disturbed. */
const THIRD_USER = '100000000000000011';

/**
 * A tiny real command that answers once `gate` resolves, quoting the first fixture article. Tests
 * open the gate on an event seen by the fake (the deferral, the typing indicator), never on a timer.
 */
function slowCommand(gate: () => Promise<unknown>): Command {
  return {
    name: 'slow',
    description: 'Answers slowly',
    usage: 'slow <topic>',
    options: [{ name: 'topic', description: 'A topic', required: true, autocomplete: 'topics' }],
    input: z.object({ topic: z.string().min(1) }),
    fromText: (text: string) => ({ topic: text }),
    async run({ topic }, { library }): Promise<Reply> {
      await gate();
      const article = library.articles[0]!;
      const s = article.sentences[0]!;
      return {
        command: 'slow',
        query: topic,
        headline: `Slow answer about ${topic}`,
        items: [{ text: article.text.slice(s.start, s.end), source: 1, span: { start: s.start, end: s.end } }],
        citations: [{ id: 1, articleId: article.id, title: article.meta.title, outlet: article.meta.outlet, published: article.meta.published, publishedInferred: false, url: article.meta.url }],
        notes: [],
      };
    },
  };
}

async function makeRuntime(env: Record<string, string>, logger: Logger, gate: () => Promise<unknown> = async () => {}): Promise<Runtime> {
  const commands = await loadCommands();
  commands.set('slow', slowCommand(gate));
  const library = fixtureLibrary();
  return createRuntime({ commands, library: () => library, logger, config: testConfig(env) });
}

describe('Discord adapter against a fake Discord', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let logger: ReturnType<typeof recordingLogger>;
  const rejections = trackUnhandledRejections();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    logger = recordingLogger();
    // /slow answers only once its interaction has been deferred (600 ms without an answer).
    const deferredSlow = () => fake.waitFor((r) => r.path.endsWith('/callback') && r.body?.type === 5);
    const runtime = await makeRuntime({ DISCORD_API_URL: fake.api, RATE_LIMIT_PER_MINUTE: '1000' }, logger, deferredSlow);
    adapter = await startDiscord(runtime, { rest: TEST_REST, waitGuildTimeout: 1000, deferAfterMs: 600, render: { itemsPerPage: 2 } });
  });
  afterEach(() => {
    expect(rejections.errors).toEqual([]);
    expect(fake.unknown.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    rejections.dispose();
    // The token reaches Discord, never the logs.
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });

  it('completes the READY handshake with only the non-privileged intents', async () => {
    await fake.identify;
    expect(fake.identifyPayload.token).toBe(TOKEN);
    expect(fake.identifyPayload.intents).toBe(1 | 512 | 4096); // Guilds | GuildMessages | DirectMessages, no MessageContent
    const gateway = await fake.waitFor((r) => r.path === '/api/v10/gateway/bot');
    expect(gateway.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(logger.lines.some((l) => l.includes('discord connected'))).toBe(true);
  });

  it('answers /search through the interaction callback with bold matches, escaped text and linked citations', async () => {
    const { id } = fake.command('search', [{ name: 'query', type: 3, value: 'gyumri' }]);
    // The first interaction also waits for the topic list computed at start-up: a generous limit
    // (it only bounds a hang; on a loaded machine, e.g. under mutation testing, 5 s is not enough).
    const callback = await fake.waitFor(isCallback(id), 30_000);
    expect(callback.headers.authorization).toBeUndefined();
    const data = callback.body.data;
    expect(callback.body.type).toBe(4);
    expect(data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(data.flags ?? 0).toBe(0);
    expect(data.content).toContain('3 passages for "gyumri"');
    const embed = data.embeds[0];
    expect(embed.description).toContain('> Residents of **Gyumri** gathered on Friday to remember the earthquake that destroyed much of the city.');
    expect(embed.description).toMatch(/\[\[1\]\]\(https:\/\/example\.org\/news\/gyumri\?id=1\)/);
    // The second passage on this page carries "@everyone" and "<@123456>": neither may reach Discord parseable.
    expect(embed.description).toContain('> Officials in **Gyumri** promised more \\*\\*housing\\*\\* money @\u200beveryone should read.');
    expect(embed.description).toContain('\\<@123456\\> in **Gyumri**.');
    expect(embed.description).not.toMatch(/@everyone|(^|[^\\])<@/);
    expect(embed.fields).toContainEqual({ name: '[1] Armenpress · 2021-06-04', value: '[Quake anniversary in Gyumri](https://example.org/news/gyumri?id=1)' });
    // Three passages at two per page: a Previous/Next row, Previous disabled on the first page.
    expect(embed.footer.text).toBe('Page 1 of 2');
    const buttons = data.components[0].components;
    expect(buttons.map((b: { label: string; disabled: boolean }) => [b.label, b.disabled])).toEqual([
      ['Previous', true],
      ['Next', false],
    ]);

    // Next shows page 2 by updating the same message (callback type 7).
    const click = fake.button(buttons[1].custom_id, botMessage('300000000000000001', data));
    const update = await fake.waitFor(isCallback(click.id));
    expect(update.body.type).toBe(7);
    const page2 = update.body.data.embeds[0];
    expect(page2.footer.text).toBe('Page 2 of 2');
    // The border article: escaped heading marker, inferred date, title brackets escaped, parentheses in the URL encoded.
    expect(page2.description).toContain('> \\# Not a heading in **Gyumri** either, whatever this line looks like to anything that renders markdown.');
    expect(page2.fields).toContainEqual({ name: '[2] Daily \\*Star\\* · 2021-05-30 (inferred)', value: '[Border talks \\[update\\]](https://example.com/border_%28talks%29)' });
    expect(update.body.data.allowed_mentions.parse).toEqual([]);
  });

  it('tells whoever clicks an expired Next button to run the command again', async () => {
    const click = fake.button('ndp:forgotten:1:N', botMessage('300000000000000002', { content: 'x', embeds: [], components: [] }));
    const callback = await fake.waitFor(isCallback(click.id));
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'This answer can no longer be paged (its buttons last 15 minutes, and not across a restart of newsdesk) — run the command again.', flags: EPHEMERAL } });
  });

  it('escapes markdown and mentions an article carries, keeping the words', async () => {
    const { id } = fake.command('search', [{ name: 'query', type: 3, value: 'housing spoilers' }]);
    const callback = await fake.waitFor(isCallback(id));
    const description: string = callback.body.data.embeds[0].description;
    expect(description).toContain('promised more \\*\\***housing**\\*\\* money @\u200beveryone should read.');
    expect(description).toContain('\\`code\\` and \\|\\|**spoilers**\\|\\| and \\<@123456\\>');
  });

  it('echoes what a user typed without any mention Discord would parse', async () => {
    const { id } = fake.command('search', [{ name: 'query', type: 3, value: '@everyone <@&42> **gyumri**' }]);
    const callback = await fake.waitFor(isCallback(id));
    const content: string = callback.body.data.content;
    expect(content).toContain('@\u200beveryone \\<@&42\\> \\*\\*gyumri\\*\\*');
    expect(content).not.toMatch(/@everyone|(^|[^\\])<@/);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers privately when asked with private:true', async () => {
    const { id } = fake.command('search', [
      { name: 'query', type: 3, value: 'ministry' },
      { name: 'private', type: 5, value: true },
    ]);
    const callback = await fake.waitFor(isCallback(id));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toContain('1 passage for "ministry"');
  });

  it('defers a slow answer and edits it in', async () => {
    const { id, token } = fake.command('slow', [{ name: 'topic', type: 3, value: 'gyumri' }]);
    const deferred = await fake.waitFor(isCallback(id));
    expect(deferred.body.type).toBe(5);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${IDS.app}/${token}/messages/@original`);
    expect(edit.at).toBeGreaterThanOrEqual(deferred.at);
    expect(edit.body.content).toBe('**Slow answer about gyumri**');
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(edit.body.embeds[0].fields[0].name).toBe('[1] Armenpress · 2021-06-04');
  });

  it('answers every loaded command through the interaction callback', async () => {
    const commands = await loadCommands();
    for (const command of commands.values()) {
      const options = command.options
        .filter((o) => o.required)
        .map((o) => ({ name: o.name, type: 3, value: o.choices?.[0] ?? 'gyumri' }));
      const grouped = command.name === 'help' || command.name === 'sources';
      const { id, token } = grouped
        ? fake.command('newsdesk', [{ name: command.name, type: 1, options }])
        : fake.command(command.name, options);
      const first = await fake.waitFor(isCallback(id));
      const answer =
        first.body.type === 5
          ? (await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`))).body
          : first.body.data;
      expect(answer.allowed_mentions.parse, command.name).toEqual([]);
      expect(answer.content.length, command.name).toBeGreaterThan(0);
    }
  });

  it('lists the commands for /newsdesk help', async () => {
    const { id } = fake.command('newsdesk', [{ name: 'help', type: 1, options: [] }]);
    const callback = await fake.waitFor(isCallback(id));
    expect(callback.body.data.embeds[0].description).toMatch(/^\/help \\\[command\\\] — List the commands/m);
  });

  it('answers topic autocomplete with matching topics', async () => {
    const { id } = fake.autocomplete('slow', [{ name: 'topic', type: 3, value: 'Gy', focused: true }]);
    const callback = await fake.waitFor(isCallback(id));
    expect(callback.body.type).toBe(8);
    const choices: Array<{ name: string; value: string }> = callback.body.data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name).toBe(c.value);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.name.toLowerCase().split(/[\s-]+/).some((w) => w.startsWith('gy'))).toBe(true);
    }
    expect(choices.map((c) => c.value.toLowerCase())).toContain('gyumri');
  });

  it('answers a mention in a channel as a reply to the message, and ignores other messages and bots', async () => {
    const before = fake.requests.length;
    fake.message('just chatting about Gyumri');
    // Another bot mentioning newsdesk: answering it could start a bot loop. It comes first, so a
    // reply to it would be posted before the reply to the person below.
    fake.message(`<@${IDS.bot}> the rebuilt school in Gyumri`, { mentionsBot: true, bot: true, authorId: OTHER_BOT });
    const asked = fake.message(`<@${IDS.bot}> the rebuilt school in Gyumri`, { mentionsBot: true });
    const reply = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`);
    expect(reply.body.message_reference.message_id).toBe(asked);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(unescapeMarkdown(reply.body.embeds[0].description)).toContain('> The mayor said the rebuilt school will open in September, in time for the start of the new year.');
    const posts = fake.requests.slice(before).filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    expect(posts.map((r) => r.body.message_reference?.message_id)).toEqual([asked]);
  });

  it("takes a mention of the bot's role as a mention of the bot", async () => {
    const asked = fake.message(`<@&${IDS.botRole}> ministry report`, { mentionRoles: [IDS.botRole] });
    const reply = await fake.waitFor((r) => r.method === 'POST' && r.body?.message_reference?.message_id === asked);
    expect(reply.body.content).toContain('ministry report');
    expect(reply.body.content).not.toContain('<@&');
  });

  it('refuses to post a digest to a channel it cannot see', async () => {
    await expect(adapter.postReply(IDS.unknownChannel, { command: 'digest', query: '', headline: 'x', items: [], citations: [], notes: [] })).rejects.toMatchObject({
      code: 'platform',
    });
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === `/api/v10/channels/${IDS.unknownChannel}` && r.status === 404)).toBe(true);
  });

  it('posts a digest Reply to a channel', async () => {
    const library = fixtureLibrary();
    const article = library.articles[1]!;
    const s = article.sentences[0]!;
    const before = fake.requests.length;
    await adapter.postReply(IDS.channel, {
      command: 'digest',
      query: 'armenia',
      headline: 'Daily digest: armenia',
      items: [{ text: article.text.slice(s.start, s.end), source: 1, span: { start: s.start, end: s.end } }],
      citations: [{ id: 1, articleId: article.id, title: article.meta.title, outlet: article.meta.outlet, published: article.meta.published, publishedInferred: true, url: article.meta.url }],
      notes: [],
    });
    const post = fake.requests.slice(before).find((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`);
    expect(post?.body.content).toBe('**Daily digest: armenia**');
    expect(post?.body.allowed_mentions.parse).toEqual([]);
    expect(post?.body.embeds[0].fields[0].name).toBe('[1] Daily \\*Star\\* · 2021-05-30 (inferred)');
  });

  it('survives Discord refusing an answer: logs it without the interaction token and tells the asker privately', async () => {
    fake.fail({ method: 'POST', path: /\/callback$/, status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: {} } });
    const { id, token } = fake.command('search', [{ name: 'query', type: 3, value: 'ministry' }]);
    const second = await fake.waitFor((r) => isCallback(id)(r) && r.status === 204);
    expect(second.body.data).toMatchObject({ content: 'Something went wrong while answering; the error was logged.', flags: EPHEMERAL });
    const line = logger.lines.find((l) => l.includes('discord interaction failed'));
    expect(line).toContain('Invalid Form Body');
    expect(line).not.toContain(token);
  });

  it('waits out a 429 with Retry-After and still delivers the answer', async () => {
    fake.fail({
      method: 'POST',
      path: /\/callback$/,
      status: 429,
      headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 1, global: false },
    });
    const { id } = fake.command('search', [{ name: 'query', type: 3, value: 'ministry' }]);
    const delivered = await fake.waitFor((r) => isCallback(id)(r) && r.status === 204, 8000);
    const attempts = fake.requests.filter(isCallback(id));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(delivered.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(delivered.body.data.content).toContain('ministry');
    expect(logger.lines.some((l) => l.includes('discord rate limited'))).toBe(true);
  });
});

describe('Discord adapter with ask channels and a tight rate limit', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const rejections = trackUnhandledRejections();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const runtime = await makeRuntime(
      { DISCORD_API_URL: fake.api, DISCORD_ASK_CHANNELS: IDS.askChannel, RATE_LIMIT_PER_MINUTE: '2' },
      recordingLogger(),
    );
    adapter = await startDiscord(runtime, { rest: TEST_REST, waitGuildTimeout: 1000 });
  });
  afterEach(() => {
    expect(rejections.errors).toEqual([]);
    expect(fake.unknown).toEqual([]);
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    rejections.dispose();
  });

  it('asks for the MessageContent intent and answers any message in an ask channel', async () => {
    await fake.identify;
    expect(fake.identifyPayload.intents).toBe(1 | 512 | 4096 | 32768);
    const asked = fake.message('ministry report', { channelId: IDS.askChannel });
    const reply = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.askChannel}/messages`);
    expect(reply.body.message_reference.message_id).toBe(asked);
    expect(reply.body.content).toContain('ministry report');
    expect(unescapeMarkdown(reply.body.embeds[0].description)).toContain('> The ministry denied the report.');
  });

  it('never answers a bot in an ask channel, only the person after it', async () => {
    const before = fake.requests.length;
    const fromBot = fake.message('ministry report', { channelId: IDS.askChannel, bot: true, authorId: OTHER_BOT });
    const fromPerson = fake.message('ministry report', { channelId: IDS.askChannel, authorId: THIRD_USER });
    // Messages are handled in gateway order; a reply to the bot would be queued before this one.
    await fake.waitFor((r) => r.method === 'POST' && r.body?.message_reference?.message_id === fromPerson);
    const replies = fake.requests.slice(before).filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.askChannel}/messages`);
    expect(replies.map((r) => r.body.message_reference.message_id)).toEqual([fromPerson]);
    expect(replies.map((r) => r.body.message_reference.message_id)).not.toContain(fromBot);
  });

  it('refuses a third request in a minute with a polite private message', async () => {
    // The ask-channel question above used one of the two requests.
    const first = fake.command('search', [{ name: 'query', type: 3, value: 'ministry' }]);
    expect((await fake.waitFor(isCallback(first.id))).body.data.flags ?? 0).toBe(0);
    const refused = fake.command('search', [{ name: 'query', type: 3, value: 'ministry' }]);
    const callback = await fake.waitFor(isCallback(refused.id));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/^You're asking faster than newsdesk can keep up — please try again in \d+ s\.$/);
    // Another user is not affected.
    const other = fake.command('search', [{ name: 'query', type: 3, value: 'ministry' }], { userId: IDS.otherUser });
    expect((await fake.waitFor(isCallback(other.id))).body.data.content).toContain('ministry');
  });
});

describe('Discord adapter with a slow ask command', () => {
  it('shows the typing indicator while a question in a channel takes long, then replies', async () => {
    const fake = await FakeDiscord.start();
    const rejections = trackUnhandledRejections();
    const isTyping = (r: RecordedRequest) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/typing`;
    // The answer waits until Discord has been told "newsdesk is typing…" (after 100 ms): no timer race.
    const slowAsk: Command = { ...slowCommand(() => fake.waitFor(isTyping)), name: 'ask', options: [{ name: 'question', description: 'A question', required: true }] };
    const runtime = createRuntime({
      commands: new Map([['ask', slowAsk]]),
      library: () => fixtureLibrary(),
      logger: silentLogger,
      config: testConfig({ DISCORD_API_URL: fake.api }),
    });
    const adapter = await startDiscord(runtime, { rest: TEST_REST, waitGuildTimeout: 1000, deferAfterMs: 100 });
    try {
      const asked = fake.message(`<@${IDS.bot}> anything new?`, { mentionsBot: true });
      const reply = await fake.waitFor((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`);
      const order = fake.requests.filter((r) => isTyping(r) || r === reply).map((r) => r.path);
      expect(order).toEqual([`/api/v10/channels/${IDS.channel}/typing`, `/api/v10/channels/${IDS.channel}/messages`]);
      expect(reply.body.message_reference.message_id).toBe(asked);
      expect(reply.body.content).toBe('**Slow answer about anything new?**');
      expect(rejections.errors).toEqual([]);
      expect(fake.unknown).toEqual([]);
    } finally {
      rejections.dispose();
      await adapter.stop();
      await fake.close();
    }
  });
});

describe('Discord adapter start-up failures', () => {
  it('fails with one clear line when the Message Content intent is not enabled for the bot', async () => {
    const fake = await FakeDiscord.start();
    fake.closeOnIdentify = 4014;
    try {
      const runtime = await makeRuntime({ DISCORD_API_URL: fake.api, DISCORD_ASK_CHANNELS: IDS.askChannel }, recordingLogger());
      const started = startDiscord(runtime, { rest: TEST_REST, waitGuildTimeout: 1000, readyTimeoutMs: 5000 });
      await expect(started).rejects.toMatchObject({ code: 'platform', message: expect.stringMatching(/^Discord login failed: .*intent/i) });
    } finally {
      await fake.close();
    }
  });

  it('refuses to start without a token', async () => {
    const runtime = await makeRuntime({}, recordingLogger());
    const noToken = createRuntime({ commands: runtime.commands, library: runtime.library, logger: runtime.logger, config: { ...runtime.config, DISCORD_TOKEN: undefined } });
    await expect(startDiscord(noToken)).rejects.toMatchObject({ code: 'config', message: 'DISCORD_TOKEN is missing' });
  });
});

describe('Discord adapter over the shipped sample corpus', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  const rejections = trackUnhandledRejections();

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const built = await buildLibrary({
      corpusDir: path.resolve(import.meta.dirname, '..', '..', '..', 'corpus'),
      dataDir: mkdtempSync(path.join(tmpdir(), 'nd-discord-')),
      logger: silentLogger,
      snapshot: false,
    });
    const runtime = createRuntime({
      commands: await loadCommands(),
      library: () => built.library,
      logger: silentLogger,
      config: testConfig({ DISCORD_API_URL: fake.api, RATE_LIMIT_PER_MINUTE: '1000' }),
    });
    adapter = await startDiscord(runtime, { rest: TEST_REST, waitGuildTimeout: 1000 });
  });
  afterEach(() => {
    expect(rejections.errors).toEqual([]);
    expect(fake.unknown).toEqual([]);
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    rejections.dispose();
  });

  // Each of these commands answers with quotes, each marked with a numbered citation
  // that is listed as a field with its outlet and date.
  for (const [name, option] of [
    ['search', 'query'],
    ['claim', 'topic'],
    ['timeline', 'topic'],
  ] as const) {
    it(`answers /${name} with cited quotes`, async () => {
      // All three ship in commands/: one missing is a failure, not a skip.
      expect([...(await loadCommands()).keys()]).toContain(name);
      const { id, token } = fake.command(name, [{ name: option, type: 3, value: 'armenia' }]);
      const first = await fake.waitFor(isCallback(id));
      const body =
        first.body.type === 5 ? (await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`))).body : first.body.data;
      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      const embed = body.embeds[0];
      const markers = [...embed.description.matchAll(/\[\[(\d+)\]\]\(https?:\/\/[^)\s]+\)|(?<!\\)\[(\d+)\]/g)].map((m) => Number(m[1] ?? m[2]));
      expect(markers.length).toBeGreaterThan(0);
      const fieldIds = embed.fields.map((f: { name: string }) => Number(/^\[(\d+)\] /.exec(f.name)?.[1]));
      for (const n of markers) expect(fieldIds).toContain(n);
      for (const f of embed.fields) expect(f.name).toMatch(/^\[\d+\] .+ · (\d{4}-\d{2}-\d{2}( \(inferred\))?|date unknown)$/);
    });
  }
});
