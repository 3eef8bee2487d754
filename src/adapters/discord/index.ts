/**
 * The Discord front end: a discord.js client that answers slash commands (with topic
 * autocomplete, deferral when slow, paging buttons and private answers), answers questions
 * addressed to it in channels through the neutral `ask` command, and posts scheduled digests.
 * It only renders and delivers Replies; every answer comes from `runtime.execute`.
 */
import {
  ApplicationCommandOptionType,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type APIEmbed,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type Message,
  type MessageCreateOptions,
  type RESTOptions,
} from 'discord.js';
import { NewsdeskError } from '../../core/errors.js';
import { guardedExecute } from '../../app/guard.js';
import type { GuardedAnswer, GuardedExecute, Origin, Platform, PlatformRuntime, PostLookup, PostMark } from '../../core/platform.js';
import type { Reply } from '../../core/types.js';
import { firstDelivery } from '../../core/services.js';
import { topicChoices } from './autocomplete.js';
import { attachment, attachTimelineChart } from './chart.js';
import { checkMessageHandler } from './check-message.js';
import { PRIVATE_OPTION, commandNameFor } from './commands.js';
import { NONCE_WINDOW_MS, findDigestPost, markEmbeds } from './digest-post.js';
import { PageStore, pageButtons, parsePageButton, type NextAnswer } from './pages.js';
import { discordAuthority } from './permissions.js';
import { FeedbackMemo, feedbackRow, handleFeedback, parseFeedbackId } from './feedback.js';
import { ExportMemo, exportRow, handleExport, parseExportId } from './export.js';
import { exportFormats } from '../../render/export.js';
import { feedbackSubject, isJudgeable, type FeedbackDesk } from '../../core/feedback.js';
import { renderReply, type RenderOptions } from './render.js';
import { questionFromDiscord } from './mentions.js';

export { LIMITS } from './limits.js';
export { toDiscordCommands } from './commands.js';
export { renderReply } from './render.js';

/** Options for `startDiscord`; everything is optional and read from `runtime.config` otherwise. */
export interface DiscordOptions {
  /** Bot token. @defaultValue `runtime.config.DISCORD_TOKEN` */
  token?: string;
  /** discord.js REST options, merged over `{ api: DISCORD_API_URL }` (tests pass `retries`, `timeout`). */
  rest?: Partial<RESTOptions>;
  /** An answer not ready after this many milliseconds is deferred ("newsdesk is thinking…") and edited in. @defaultValue 1500 */
  deferAfterMs?: number;
  /** How long Previous/Next keep working. @defaultValue 15 minutes */
  pageTtlMs?: number;
  /** How long to wait for the gateway to be ready. @defaultValue 30000 */
  readyTimeoutMs?: number;
  /** discord.js `waitGuildTimeout` (ms to wait for guilds after READY). @defaultValue 15000 */
  waitGuildTimeout?: number;
  render?: RenderOptions;
  /**
   * `runtime.execute` behind the rate limit, shared with the other platforms (the process passes its own).
   * @defaultValue a guard of its own: `RATE_LIMIT_PER_MINUTE` per user
   */
  guard?: GuardedExecute;
}

/** A running Discord front end: the platform port, with Discord's nonce window. */
export interface DiscordAdapter extends Platform {
  readonly name: 'discord';
  /** Disconnects from Discord. */
  stop(): Promise<void>;
  /**
   * Posts a Reply to a channel (scheduled digests), with paging buttons when it has several pages.
   * With `delivery`, the message carries the run's key as nonce (enforced) and in its footer.
   */
  postReply(channelId: string, reply: Reply, delivery?: PostMark): Promise<void>;
  /** Looks for a digest post in the channel's recent history (needs Read Message History). */
  findDigest(channelId: string, delivery: PostMark): Promise<PostLookup>;
  /** Discord returns the first message for a repeat with the same nonce for this long. */
  readonly dedupeWindowMs: number;
}

/** Defaults for `DiscordOptions`. */
export const defaultDiscordOptions = { deferAfterMs: 1500, pageTtlMs: 15 * 60_000, readyTimeoutMs: 30_000, waitGuildTimeout: 15_000 };

/** Mentions are never resolved into pings, whatever the text says. */
const NO_MENTIONS = { parse: [] as [], repliedUser: false };

/** The REST base from configuration, without the trailing slash `URL` adds (discord.js appends `/v10`). */
function apiBase(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '');
}

/** Interaction and webhook tokens in a URL or message (they let anyone answer in newsdesk's name for 15 minutes). */
const URL_TOKENS = /(\/(?:interactions|webhooks)\/\d+\/)[^/\s?]+/g;

/**
 * What is logged of an error from discord.js: name, message, Discord's error code and HTTP
 * status, with interaction tokens taken out (discord.js puts the request URL in its errors).
 */
export function loggableError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).replace(URL_TOKENS, '$1[redacted]') };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown };
  return {
    name: e.name,
    message: e.message.replace(URL_TOKENS, '$1[redacted]'),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
  };
}

/** The neutral options of a chat-input interaction (subcommand unwrapped, `private` left out). */
function optionValues(data: readonly CommandInteractionOption[], keepPrivate: boolean): Record<string, string | number | boolean | undefined> {
  const first = data[0];
  const flat = data.length === 1 && first?.type === ApplicationCommandOptionType.Subcommand ? (first.options ?? []) : data;
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const o of flat) if (keepPrivate || o.name !== PRIVATE_OPTION) out[o.name] = o.value;
  return out;
}

/** The options after defaults, as every step sees them. */
type ResolvedOptions = typeof defaultDiscordOptions & DiscordOptions;

/** What the handlers share: the process, the guarded `execute`, the options and the page renderer. */
interface Handling {
  runtime: PlatformRuntime;
  guard: GuardedExecute;
  opts: ResolvedOptions;
  pages: PageStore;
  /** The first page of a reply as message options, registering the rest for paging; 👍/👎 unless `judge` is false. */
  firstPage(reply: Reply, judge?: boolean): { content: string; embeds: APIEmbed[]; components: ReturnType<typeof pageButtons>[]; allowedMentions: typeof NO_MENTIONS };
  /** Where 👍/👎 go, when the process keeps feedback. */
  feedback: { memo: FeedbackMemo; desk: FeedbackDesk } | undefined;
  /** Answers kept for their Export buttons. */
  exports: ExportMemo;
}

/** The neutral `Origin` of a Discord request: who is asking, in which channel and guild. */
function originOf(userId: string, channelId: string | null, guildId: string | null): Origin {
  return {
    platform: 'discord',
    userId,
    ...(channelId ? { channelId } : {}),
    ...(guildId ? { workspaceId: guildId } : {}),
  };
}

/** The discord.js client options: intents, the REST base with its 429 policy, and mentions that never ping. */
function clientOptions(runtime: PlatformRuntime, opts: ResolvedOptions, askChannels: ReadonlySet<string>): ClientOptions {
  const api = apiBase(runtime.config.DISCORD_API_URL);
  return {
    // MessageContent is privileged: asked for only when whole channels are to be answered.
    // DirectMessages (not privileged; a DM's text comes without MessageContent) for questions in a DM.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, ...(askChannels.size ? [GatewayIntentBits.MessageContent] : [])],
    // A DM channel is not in the cache before its first message: without this partial its messages are dropped.
    partials: [Partials.Channel],
    rest: {
      ...(api ? { api } : {}),
      // Called on every 429; answering false makes @discordjs/rest wait out Retry-After and retry.
      rejectOnRateLimit: (info) => {
        runtime.logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global, scope: info.scope }, 'discord rate limited (429); waiting');
        return false;
      },
      ...opts.rest,
    },
    allowedMentions: NO_MENTIONS,
    waitGuildTimeout: opts.waitGuildTimeout,
  };
}

/** How to get the next page of an answer ("claim … --page 2"), when it has one. */
function nextAnswer(reply: Reply): NextAnswer | undefined {
  return reply.nextPage !== undefined && !reply.error ? { command: reply.command, text: reply.nextPage } : undefined;
}

/** The page renderer of `Handling.firstPage`: renders a reply and keeps its later pages for the paging buttons. */
function pageRenderer(pages: PageStore, render: RenderOptions | undefined, feedback: Handling['feedback'], exports: ExportMemo): Handling['firstPage'] {
  return (reply, judge = true) => {
    const rendered = renderReply(reply, render);
    const page = rendered[0]!;
    // An answer with a next page ("claim … --page 2") keeps its pages too: Next on the last one runs it.
    const next = nextAnswer(reply);
    const components = rendered.length > 1 || next ? [pageButtons(pages.put(rendered, next), 0, rendered.length, !!next)] : [];
    if (judge && feedback && isJudgeable(reply)) components.push(feedbackRow(feedback.memo.put(feedbackSubject(reply))));
    const formats = judge ? exportFormats(reply) : [];
    if (formats.length) components.push(exportRow(exports.put(reply), formats));
    return { content: page.content, embeds: page.embeds, components, allowedMentions: NO_MENTIONS };
  };
}

/** The slash-command handler: answers at once when quick, else defers and edits the answer in. */
function commandHandler({ runtime, guard, opts, firstPage }: Handling): (interaction: ChatInputCommandInteraction) => Promise<void> {
  const chartFailed = (err: unknown) => runtime.logger.warn({ err: loggableError(err) }, 'discord timeline chart failed');
  return async (interaction) => {
    const name = commandNameFor(interaction.commandName, interaction.options.getSubcommand(false));
    const command = runtime.commands.get(name);
    const keepPrivate = Boolean(command?.options.some((o) => o.name === PRIVATE_OPTION));
    const ephemeral = !keepPrivate && interaction.options.getBoolean(PRIVATE_OPTION) === true;
    const origin = { ...originOf(interaction.user.id, interaction.channelId, interaction.guildId), authority: discordAuthority(interaction.memberPermissions) };
    // A refusal settles at once, so it always comes back before the defer timer.
    const pending = guard.run(name, { options: optionValues(interaction.options.data, keepPrivate) }, origin);
    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([
      pending.then((answer) => ({ answer })),
      new Promise<null>((resolve) => (timer = setTimeout(resolve, opts.deferAfterMs, null))),
    ]).finally(() => clearTimeout(timer));
    if (early?.answer.refused) {
      await interaction.reply({ content: early.answer.text, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    if (early && !early.answer.refused) {
      const { reply } = early.answer;
      // Usage errors are the asker's business only.
      const flags = ephemeral || reply.error ? MessageFlags.Ephemeral : undefined;
      await interaction.reply({ ...firstPage(reply), ...(flags ? { flags } : {}) });
      await attachTimelineChart(interaction, reply, chartFailed);
      return;
    }
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const answer = await pending;
    await interaction.editReply(answer.refused ? { content: answer.text, allowedMentions: NO_MENTIONS } : firstPage(answer.reply));
    if (!answer.refused) await attachTimelineChart(interaction, answer.reply, chartFailed);
  };
}

/** The autocomplete handler: topic suggestions for options that ask for them, never a failure. */
function autocompleteHandler({ runtime }: Handling): (interaction: AutocompleteInteraction) => Promise<void> {
  return async (interaction) => {
    const focused = interaction.options.getFocused(true);
    const name = commandNameFor(interaction.commandName, interaction.options.getSubcommand(false));
    const option = runtime.commands.get(name)?.options.find((o) => o.name === focused.name);
    let choices: ReturnType<typeof topicChoices> = [];
    if (option?.autocomplete === 'topics') {
      try {
        choices = topicChoices(runtime.library(), String(focused.value ?? ''));
      } catch (err) {
        runtime.logger.warn({ err: loggableError(err), command: name }, 'discord autocomplete failed');
      }
    }
    await interaction.respond(choices);
  };
}

/**
 * The paging handler: Previous/Next show a kept page in place; Next past the last kept page runs
 * the answer's next page (`Reply.nextPage`) and keeps its pages too; an unknown key has expired.
 */
function pageButtonHandler({ pages, guard, opts }: Handling): (interaction: ButtonInteraction, key: string, index: number) => Promise<void> {
  return async (interaction, key, index) => {
    let kept = pages.kept(key);
    if (kept && index === kept.pages.length && kept.next) {
      const { command, text } = kept.next;
      const answer = await guard.run(command, { text }, originOf(interaction.user.id, interaction.channelId, interaction.guildId));
      if (answer.refused) {
        await interaction.reply({ content: answer.text, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
        return;
      }
      const { reply } = answer;
      pages.extend(key, renderReply(reply, opts.render), nextAnswer(reply));
      kept = pages.kept(key);
    }
    const page = kept?.pages[index];
    if (!kept || !page) {
      await interaction.reply({ content: `This answer can no longer be paged (its buttons last ${Math.max(1, Math.round(opts.pageTtlMs / 60_000))} minutes, and not across a restart of newsdesk) — run the command again.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      return;
    }
    // The rows after the paging row (👍/👎, Export) stay as they were.
    const rest = interaction.message.components.slice(1).map((row) => row.toJSON());
    await interaction.update({ content: page.content, embeds: page.embeds, components: [pageButtons(key, index, kept.pages.length, !!kept.next), ...rest], allowedMentions: NO_MENTIONS });
  };
}

/** The interaction handler: routes to the three above and turns a failure into the one "something went wrong" reply. */
function interactionHandler(handling: Handling): (interaction: Interaction) => Promise<void> {
  const onCommand = commandHandler(handling);
  const onAutocomplete = autocompleteHandler(handling);
  const onPageButton = pageButtonHandler(handling);
  const onCheck = checkMessageHandler(handling);
  const { guard, runtime } = handling;
  return async (interaction) => {
    try {
      // Every connected replica receives the interaction; one answers it.
      if (!(await firstDelivery(runtime.services, `discord:interaction:${interaction.id}`))) return;
      if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isMessageContextMenuCommand()) await onCheck(interaction);
      else if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
        const feedback = handling.feedback ? parseFeedbackId(interaction.customId) : null;
        const exported = interaction.isButton() ? parseExportId(interaction.customId) : null;
        if (feedback) await handleFeedback(interaction, feedback, handling.feedback!.memo, handling.feedback!.desk);
        else if (exported && interaction.isButton()) await handleExport(interaction, exported, handling.exports);
        else if (interaction.isButton()) {
          const target = parsePageButton(interaction.customId);
          if (target) await onPageButton(interaction, target.key, target.index);
        }
      }
    } catch (err) {
      const content = guard.failed({ err: loggableError(err), interaction: interaction.id }, 'discord interaction failed');
      if (interaction.isRepliable() && !interaction.replied) {
        const send = interaction.deferred
          ? interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS })
          : interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
        await send.catch((e: unknown) => runtime.logger.warn({ err: loggableError(e) }, 'discord error reply failed'));
      }
    }
  };
}

/** The message handler: answers a message that mentions the bot (or its role), any message in an ask channel and any DM, through `ask`. */
function messageHandler({ runtime, guard, opts, firstPage }: Handling, client: Client, askChannels: ReadonlySet<string>): (message: Message) => Promise<void> {
  return async (message) => {
    const me = client.user;
    if (!me || message.author.bot || message.system || message.author.id === me.id) return;
    // People often pick the bot's managed role from the mention list instead of the bot itself.
    const botRoles = message.mentions.roles.filter((r) => r.tags?.botId === me.id);
    const mentioned = message.mentions.users.has(me.id) || botRoles.size > 0;
    // Every message of a DM is a question to newsdesk.
    const direct = message.guildId === null;
    if (!direct && !mentioned && !askChannels.has(message.channelId)) return;
    // Only a message newsdesk would answer costs a ledger query; every replica sees it, one answers.
    if (!(await firstDelivery(runtime.services, `discord:message:${message.id}`))) return;
    const reply = async (answer: GuardedAnswer) => {
      const payload = answer.refused ? { content: answer.text, allowedMentions: NO_MENTIONS } : firstPage(answer.reply);
      await message.reply(payload);
    };
    // The bot's own mention (or its role's) and every other mention are not part of the question.
    const question = questionFromDiscord(message.content);
    const origin = originOf(message.author.id, message.channelId, message.guildId);
    if (!question) return reply(await guard.run('help', { text: '' }, origin));
    const via = runtime.commands.has('ask') ? 'ask' : 'search';
    const pending = guard.run(via, { text: question }, origin);
    // A slow answer shows "newsdesk is typing…", the channel's equivalent of a deferred reply.
    const typing = setTimeout(() => {
      if (message.channel.isSendable()) message.channel.sendTyping().catch((err: unknown) => runtime.logger.debug({ err: loggableError(err) }, 'discord typing failed'));
    }, opts.deferAfterMs);
    try {
      return await reply(await pending);
    } finally {
      clearTimeout(typing);
    }
  };
}

/** Logs in and waits for the gateway to be ready; any failure destroys the client and becomes one `platform` error. */
async function login(client: Client, token: string, readyTimeoutMs: number): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  let readyTimer: NodeJS.Timeout | undefined;
  try {
    await client.login(token);
    await Promise.race([
      ready,
      new Promise<never>((_, reject) => {
        readyTimer = setTimeout(() => reject(new Error(`not ready after ${readyTimeoutMs} ms`)), readyTimeoutMs);
      }),
    ]);
  } catch (err) {
    await client.destroy();
    throw new NewsdeskError(`Discord login failed: ${(err as Error).message}`, 'platform', { cause: err });
  } finally {
    clearTimeout(readyTimer);
  }
}

/** The running client as the platform port: stop, digest posts (nonce-marked) and the history search for them. */
function discordPlatform(client: Client, firstPage: Handling['firstPage']): DiscordAdapter {
  return {
    name: 'discord',
    async stop() {
      client.removeAllListeners();
      await client.destroy();
    },
    dedupeWindowMs: NONCE_WINDOW_MS,
    watchConnection(listener) {
      // discord.js resumes or re-identifies by itself; these say when the gateway is gone and back.
      client.on(Events.ShardDisconnect, () => listener(false));
      client.on(Events.ShardReconnecting, () => listener(false));
      client.on(Events.ShardResume, () => listener(true));
      client.on(Events.ShardReady, () => listener(true));
    },
    findDigest: (channelId, delivery) => findDigestPost(client, channelId, delivery),
    async postReply(channelId, reply, delivery) {
      const channel = await client.channels.fetch(channelId).catch(() => null);
      if (!channel?.isSendable()) throw new NewsdeskError(`Discord channel ${channelId} is unknown or newsdesk cannot post there`, 'platform');
      // A digest is no one's answer: no 👍/👎.
      const page = firstPage(reply, false);
      const options: MessageCreateOptions = delivery
        ? { ...page, embeds: markEmbeds(page.embeds, delivery), nonce: delivery.runId, enforceNonce: true }
        : page;
      await channel.send(options);
    },
    async uploadFile(channelId, file) {
      const channel = await client.channels.fetch(channelId).catch(() => null);
      if (!channel?.isSendable()) throw new NewsdeskError(`Discord channel ${channelId} is unknown or newsdesk cannot post there`, 'platform');
      await channel.send({ files: [attachment(file)], allowedMentions: NO_MENTIONS });
    },
  };
}

/**
 * Connects to Discord and starts answering.
 * @param runtime - the process's commands, library and configuration
 * @throws NewsdeskError `config` without a token, `platform` when login or the handshake fails
 * @example const discord = await startDiscord(runtime); await discord.postReply('123', digestReply);
 */
export async function startDiscord(runtime: PlatformRuntime, options: DiscordOptions = {}): Promise<DiscordAdapter> {
  const opts: ResolvedOptions = { ...defaultDiscordOptions, ...options };
  const { config, logger } = runtime;
  const token = opts.token ?? config.DISCORD_TOKEN;
  if (!token) throw new NewsdeskError('DISCORD_TOKEN is missing', 'config');
  const askChannels = new Set(config.DISCORD_ASK_CHANNELS);
  const client = new Client(clientOptions(runtime, opts, askChannels));
  const pages = new PageStore(opts.pageTtlMs, runtime.clock);
  const desk = runtime.services?.feedback;
  const feedback = desk ? { memo: new FeedbackMemo(runtime.clock), desk } : undefined;
  const exports = new ExportMemo(runtime.clock);
  const handling: Handling = { runtime, guard: opts.guard ?? guardedExecute(runtime), opts, pages, firstPage: pageRenderer(pages, opts.render, feedback, exports), feedback, exports };

  const onInteraction = interactionHandler(handling);
  const onMessage = messageHandler(handling, client, askChannels);
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
  client.on(Events.MessageCreate, (message) =>
    void onMessage(message).catch((err: unknown) => logger.error({ err: loggableError(err), message: message.id }, 'discord message answer failed')),
  );
  client.on(Events.Error, (err) => logger.error({ err: loggableError(err) }, 'discord client error'));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limited; queueing'));

  await login(client, token, opts.readyTimeoutMs);
  // Compute the topic list now rather than on the first keystroke: autocomplete must answer within 3 s.
  setImmediate(() => {
    try {
      topicChoices(runtime.library(), '');
    } catch (err) {
      logger.warn({ err: loggableError(err) }, 'discord topic autocomplete unavailable');
    }
  });
  logger.info(
    { user: client.user?.tag, guilds: client.guilds.cache.size, askChannels: askChannels.size, messageContent: askChannels.size > 0 },
    'discord connected',
  );
  return discordPlatform(client, handling.firstPage);
}
