/**
 * Who may change what a channel receives (digest subscriptions, followed feeds). The rule is the
 * platform's own: Slack workspace admins and owners (plus ADMINS_SLACK), Discord members with
 * Manage Channels. An adapter answers for its platform through the `Authority` it puts on the
 * request's `Origin`; commands only ask. The CLI and the console are run by whoever runs the
 * process, so they are always allowed; a chat request without an authority is refused.
 */
import type { Origin } from './command.js';
import { NewsdeskError } from './errors.js';

/** What a platform says about the person asking: whether they may manage the channel, and who may. */
export interface Authority {
  /** True when the asker may manage; platform look-ups happen only when a command asks. */
  canManage(): Promise<boolean>;
  /** Who may, as a phrase for the refusal, e.g. "members with the Manage Channels permission". */
  readonly who: string;
}

/**
 * Refuses, with one line naming who may, unless the asker may manage the channel.
 * @param origin - the request's origin (its `authority`, set by the chat adapters)
 * @param doing - what is being refused, completing "… can DOING", e.g. "subscribe or unsubscribe this channel"
 * @throws NewsdeskError (code `forbidden`) when the asker may not
 * @example await requireManager(ctx.origin, 'subscribe or unsubscribe this channel');
 */
export async function requireManager(origin: Origin, doing: string): Promise<void> {
  if (origin.platform === 'cli' || origin.platform === 'console') return;
  const authority = origin.authority;
  if (authority && (await authority.canManage())) return;
  const who = authority?.who ?? 'the channel managers';
  throw new NewsdeskError(`Only ${who} can ${doing}.`, 'forbidden');
}
