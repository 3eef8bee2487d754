/**
 * Questions in a direct message to newsdesk (Slack's `message.im` event, scope `im:history`):
 * answered in the same DM through `ask`, like an @mention in a channel, under the same rate limit.
 * Only a person's own messages are answered: edits, deletions, joins and every bot's messages
 * (newsdesk's own included) are not.
 */
import type { App } from '@slack/bolt';
import type { GuardedExecute, Origin, PlatformRuntime } from '../../core/platform.js';
import { firstDelivery } from '../../core/services.js';
import { postTimelineChart } from './chart.js';
import { describeError } from './errors.js';
import { SeenEvents } from './handlers.js';
import { encodeButton, questionFromSlack } from './incoming.js';
import { renderPage, type Cursor } from './render.js';

/** The fields of a `message` event this listener reads. */
interface DirectMessageEvent {
  channel?: string;
  channel_type?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
}

/**
 * Registers the DM listener.
 * @param guard - the same guarded `execute` as every other listener (one rate limit per person)
 */
export function registerDirectMessages(app: App, runtime: PlatformRuntime, guard: GuardedExecute): void {
  const seen = new SeenEvents();
  const log = runtime.logger;
  app.event('message', async ({ event, body, say, client, context }) => {
    const dm = event as DirectMessageEvent;
    if (dm.channel_type !== 'im' || !dm.channel || !dm.user) return;
    // A plain message only: no edit, deletion or join notice, and never a bot (two bots answering each other never stop).
    if (dm.subtype !== undefined || dm.bot_id !== undefined || dm.user === context.botUserId) return;
    // Slack retries an event it thinks was missed; the same event_id is answered once.
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !seen.firstTime(eventId)) return;
    if (eventId && !(await firstDelivery(runtime.services, `slack:event:${eventId}`))) return;
    const team = (body as { team_id?: string }).team_id;
    const origin: Origin = { platform: 'slack', channelId: dm.channel, userId: dm.user, workspaceId: team };
    // In a DM newsdesk answers below the question; a question asked in a thread is answered in it.
    const thread = dm.thread_ts ? { thread_ts: dm.thread_ts } : {};
    try {
      const question = questionFromSlack(dm.text ?? '');
      const name = runtime.commands.has('ask') ? 'ask' : 'search';
      const answer = question ? await guard.run(name, { text: question }, origin) : await guard.run('help', { text: '' }, origin);
      if (answer.refused) {
        await say({ ...thread, text: answer.text });
        return;
      }
      const { reply } = answer;
      const more = (cursor: Cursor) => encodeButton({ command: name, text: question, cursor, delivery: 'thread' });
      const { message } = renderPage(reply, reply.error || !question || !runtime.commands.has(name) ? {} : { moreValue: more });
      await say({ ...thread, ...message });
      if (question && !reply.error) {
        await postTimelineChart(client, dm.channel, reply, dm.thread_ts, (err) => log.warn({ err: describeError(err) }, 'slack timeline chart upload failed'));
      }
    } catch (err) {
      const text = guard.failed({ err: describeError(err), event: 'message.im' }, 'slack direct message failed');
      await say({ ...thread, text }).catch(() => {});
    }
  });
}
