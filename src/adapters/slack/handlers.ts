/**
 * The Slack listeners: slash commands, the Share and More buttons, and @mentions. Each one acks at
 * once, asks the guarded runtime (rate limit, then the answer) and delivers a rendered page.
 */
import type { App, RespondFn } from '@slack/bolt';
import { guardedExecute } from '../../app/guard.js';
import type { GuardedExecute, Origin, PlatformRuntime } from '../../core/platform.js';
import { invocation, SLACK_SLASH_COMMANDS, SLACK_UMBRELLA } from '../../core/invocation.js';
import type { Reply } from '../../core/types.js';
import { firstDelivery } from '../../core/services.js';
import { decodeButton, encodeButton, plainFromSlack, questionFromSlack, type ButtonValue, type Delivery } from './incoming.js';
import { ACTIONS, renderPage, type Cursor, type Page } from './render.js';
import { postTimelineChart } from './chart.js';
import { feedbackValue } from './feedback.js';
import { describeError } from './errors.js';

/** Remembers ids for a while so a retried event is answered once. */
export class SeenEvents {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs = 60 * 60_000,
    private readonly max = 10_000,
  ) {}
  /** True the first time an id is offered (within the time to live). */
  firstTime(id: string, now = Date.now()): boolean {
    // Look before evicting: when full, the oldest id must still be recognised, not dropped and then taken as new.
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id);
    for (const [key, when] of this.seen) {
      if (now - when < this.ttlMs && this.seen.size < this.max) break;
      this.seen.delete(key);
    }
    this.seen.set(id, now);
    return true;
  }
}

/**
 * Which command and text a slash command means: `/find` is `search` (see `SLACK_SLASH_COMMANDS`),
 * `/newsdesk sources` is `sources`, `/newsdesk find …` and `/newsdesk search …` are `search`,
 * `/newsdesk` alone is `help`. Any other slash is taken as the
 * command of that name, so an app created from an older manifest keeps working.
 */
export function resolveSlash(slash: string, text: string): { name: string; text: string } {
  const commandOf = (word: string) => {
    const w = word.replace(/^\//, '').toLowerCase();
    return Object.hasOwn(SLACK_SLASH_COMMANDS, w) ? SLACK_SLASH_COMMANDS[w]! : w;
  };
  const name = commandOf(slash);
  if (name !== SLACK_UMBRELLA) return { name, text };
  const [first = '', ...rest] = text.split(' ');
  if (!first) return { name: 'help', text: '' };
  // "/newsdesk find …" as well as "/newsdesk search …": help shows /find, so people type it here too.
  return { name: commandOf(first), text: rest.join(' ') };
}

/** The options a page needs for its buttons. */
function pageOptions(runtime: PlatformRuntime, name: string, text: string, delivery: Delivery, share: boolean, cursor?: Cursor) {
  const value = (c: Cursor, d: Delivery) => encodeButton({ command: name, text, cursor: c, delivery: d });
  return {
    ...(cursor ? { cursor } : {}),
    ...(share ? { shareValue: (c: Cursor) => value(c, 'ephemeral') } : {}),
    ...(runtime.commands.has(name)
      ? { moreValue: (next: Cursor) => value(next, delivery), nextPageValue: (page: string) => encodeButton({ command: name, text: page, cursor: { unit: 0, offset: 0 }, delivery }) }
      : {}),
    ...(runtime.services?.feedback ? { feedbackValue } : {}),
    ...(runtime.commands.has(name) ? { exportValue: () => value({ unit: 0, offset: 0 }, delivery) } : {}),
  };
}

/**
 * Registers every listener on `app`.
 * @param guard - `runtime.execute` behind the rate limit; every request goes through it.
 *   @defaultValue `guardedExecute(runtime)` (a limiter of its own)
 */
export function registerHandlers(app: App, runtime: PlatformRuntime, guard: GuardedExecute = guardedExecute(runtime)): void {
  const seen = new SeenEvents();
  const log = runtime.logger;
  const chartFailed = (err: unknown) => log.warn({ err: describeError(err) }, 'slack timeline chart upload failed');

  const ephemeralPage = (reply: Reply, name: string, text: string, cursor?: Cursor): Page =>
    renderPage(reply, reply.error ? {} : pageOptions(runtime, name, text, 'ephemeral', true, cursor));

  app.command(/^\/[\w-]+$/, async ({ command, ack, respond }) => {
    await ack();
    const origin: Origin = { platform: 'slack', channelId: command.channel_id, userId: command.user_id, workspaceId: command.team_id };
    try {
      const { name, text } = resolveSlash(command.command, plainFromSlack(command.text ?? ''));
      const answer = await guard.run(name, { text }, origin);
      if (answer.refused) {
        await respond({ response_type: 'ephemeral', text: answer.text });
        return;
      }
      const { message } = ephemeralPage(answer.reply, name, text);
      await respond({ response_type: 'ephemeral', ...message });
    } catch (err) {
      const text = guard.failed({ err: describeError(err), command: command.command }, 'slack command failed');
      await respond({ response_type: 'ephemeral', text }).catch(() => {});
    }
  });

  const replay = async (kind: 'share' | 'more', args: { body: unknown; respond: RespondFn; client: App['client'] }) => {
    const body = args.body as {
      user?: { id?: string; team_id?: string };
      team?: { id?: string } | null;
      channel?: { id?: string };
      message?: { ts?: string; thread_ts?: string };
      actions?: { value?: string }[];
    };
    const value: ButtonValue | null = decodeButton(body.actions?.[0]?.value);
    if (!value) return;
    const team = body.team?.id ?? body.user?.team_id;
    const origin: Origin = { platform: 'slack', channelId: body.channel?.id, userId: body.user?.id, workspaceId: team };
    const answer = await guard.run(value.command, { text: value.text }, origin);
    if (answer.refused) {
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: answer.text });
      return;
    }
    const { reply } = answer;
    if (kind === 'share') {
      // The same page, public, with who shared it from where; "More" there shows later pages privately.
      const preface = `Shared from ${invocation(value.command, 'slack')}${value.text ? ` ${value.text}` : ''}`;
      const { message } = renderPage(reply, { ...pageOptions(runtime, value.command, value.text, 'ephemeral', false, value.cursor), preface });
      await args.respond({ response_type: 'in_channel', replace_original: false, ...message });
      if (body.channel?.id) await postTimelineChart(args.client, body.channel.id, reply, undefined, chartFailed);
      return;
    }
    if (value.delivery === 'thread' && body.channel?.id) {
      const { message } = renderPage(reply, pageOptions(runtime, value.command, value.text, 'thread', false, value.cursor));
      await args.client.chat.postMessage({ channel: body.channel.id, thread_ts: body.message?.thread_ts ?? body.message?.ts, ...message });
      return;
    }
    const { message } = ephemeralPage(reply, value.command, value.text, value.cursor);
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...message });
  };

  for (const kind of ['share', 'more'] as const) {
    app.action(ACTIONS[kind], async ({ ack, body, respond, client }) => {
      await ack();
      try {
        await replay(kind, { body, respond, client });
      } catch (err) {
        log.error({ err: describeError(err), action: kind }, 'slack button failed');
      }
    });
  }

  app.event('app_mention', async ({ event, body, say, client }) => {
    // Slack retries an event it thinks was missed; the same event_id is answered once, also when
    // the retry (or a load balancer) brings it to another replica.
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !seen.firstTime(eventId)) return;
    if (eventId && !(await firstDelivery(runtime.services, `slack:event:${eventId}`))) return;
    const threadTs = event.thread_ts ?? event.ts;
    const team = (body as { team_id?: string }).team_id;
    const origin: Origin = { platform: 'slack', channelId: event.channel, userId: event.user, workspaceId: team };
    try {
      // The bot's own mention, @here, @channel, people, groups and channels are not part of the question.
      const question = questionFromSlack(event.text ?? '');
      const name = runtime.commands.has('ask') ? 'ask' : 'search';
      const answer = question ? await guard.run(name, { text: question }, origin) : await guard.run('help', { text: '' }, origin);
      if (answer.refused) {
        if (event.user) await client.chat.postEphemeral({ channel: event.channel, user: event.user, thread_ts: threadTs, text: answer.text });
        return;
      }
      const { reply } = answer;
      const { message } = renderPage(reply, reply.error || !question ? {} : pageOptions(runtime, name, question, 'thread', false));
      await say({ thread_ts: threadTs, ...message });
      if (question && !reply.error) await postTimelineChart(client, event.channel, reply, threadTs, chartFailed);
    } catch (err) {
      log.error({ err: describeError(err), event: 'app_mention' }, 'slack mention failed');
    }
  });
}
