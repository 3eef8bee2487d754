/**
 * Slack's message shortcut "Check claims" (manifest: `shortcuts`, type `message`): the claims about
 * what a message names, and its timeline when it is about events, shown only to the person who
 * asked — as an ephemeral message in the message's thread, or in their DM with newsdesk where
 * Slack cannot show one (newsdesk not in the conversation, a DM between people). The message's
 * own text is never posted back.
 */
import type { App, MessageShortcut } from '@slack/bolt';
import { checkMessage } from '../../answer/check-message.js';
import type { GuardedAnswer, GuardedExecute, Origin, PlatformRuntime } from '../../core/platform.js';
import { describeError } from './errors.js';
import { encodeButton, plainFromSlack } from './incoming.js';
import { renderPage, type Cursor, type SlackMessage } from './render.js';

/** A message to post: a rendered page, or a line of text alone. */
type Post = Pick<SlackMessage, 'text'> & Partial<SlackMessage>;

/** The shortcut's `callback_id` in manifest.yml. */
export const CHECK_CALLBACK_ID = 'check_claims';

/** Where a private answer to a shortcut goes: first the thread (ephemeral), else the asker's DM. */
class PrivateDelivery {
  private inDm = false;

  constructor(
    private readonly client: App['client'],
    private readonly channel: string,
    private readonly user: string,
    private readonly threadTs: string,
    private readonly log: PlatformRuntime['logger'],
  ) {}

  /** Shows a message to the asker only; `render` is told whether it will be ephemeral (true) or in the DM. */
  async send(render: (ephemeral: boolean) => Post): Promise<void> {
    if (!this.inDm) {
      try {
        await this.client.chat.postEphemeral({ channel: this.channel, user: this.user, thread_ts: this.threadTs, ...render(true) });
        return;
      } catch (err) {
        // Ephemeral messages need newsdesk in the conversation; the app's DM with the asker always works.
        this.log.info({ err: describeError(err) }, 'slack ephemeral answer refused; answering in a DM');
        this.inDm = true;
      }
    }
    // A user id as the channel posts to that user's DM with the app (no conversations.open, no im:write).
    await this.client.chat.postMessage({ channel: this.user, ...render(false) });
  }
}

/** The page of one answer: Share and More on it, as on a slash command's private answer. */
function page(answer: GuardedAnswer, ephemeral: boolean): Post {
  if (answer.refused) return { text: answer.text };
  const { reply } = answer;
  if (reply.error) return renderPage(reply).message;
  const value = (cursor: Cursor) => encodeButton({ command: reply.command, text: reply.query, cursor, delivery: 'ephemeral' });
  // Share replies in the conversation the button is in: in a DM with newsdesk that shares nothing, so it is left out.
  return renderPage(reply, { moreValue: value, ...(ephemeral ? { shareValue: value } : {}) }).message;
}

/**
 * Registers the "Check claims" message shortcut.
 * @param guard - the same guarded `execute` as every other listener (one rate limit per person)
 */
export function registerCheckShortcut(app: App, runtime: PlatformRuntime, guard: GuardedExecute): void {
  app.shortcut<MessageShortcut>({ callback_id: CHECK_CALLBACK_ID, type: 'message_action' }, async ({ shortcut, ack, client }) => {
    await ack();
    const channel = shortcut.channel.id;
    const user = shortcut.user.id;
    const threadTs = String(shortcut.message.thread_ts ?? shortcut.message.ts ?? shortcut.message_ts);
    const origin: Origin = { platform: 'slack', channelId: channel, userId: user, workspaceId: shortcut.team?.id ?? shortcut.user.team_id };
    const delivery = new PrivateDelivery(client, channel, user, threadTs, runtime.logger);
    try {
      const text = plainFromSlack(typeof shortcut.message.text === 'string' ? shortcut.message.text : '');
      const answers = await checkMessage(text, runtime.library(), 'slack', (command, topic) => guard.run(command, { text: topic }, origin));
      for (const answer of answers) await delivery.send((ephemeral) => page(answer, ephemeral));
    } catch (err) {
      const text = guard.failed({ err: describeError(err), shortcut: CHECK_CALLBACK_ID }, 'slack shortcut failed');
      await delivery.send(() => ({ text })).catch(() => {});
    }
  });
}
