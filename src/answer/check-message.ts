/**
 * "Check this message" (Slack's message shortcut, Discord's message command): what the message is
 * about (`messageTopic`), then the claims about it and, when it is about events, the timeline.
 * The adapters only deliver the answers privately; the message's own text is never shown back,
 * so nothing in it can reach anyone.
 */
import type { GuardedAnswer, PlatformName } from '../core/platform.js';
import type { Library } from '../core/ports.js';
import { invocation } from '../core/invocation.js';
import { messageTopic } from '../topics/message-topic.js';
import { messageReply } from './message.js';

/** The name of the action on both platforms (Slack shortcut, Discord message command). */
export const CHECK_MESSAGE_NAME = 'Check claims';

/** Runs one command on a topic for the person checking (through the platform's guard: rate limit included). */
export type RunCommand = (command: 'claim' | 'timeline', topic: string) => Promise<GuardedAnswer>;

/**
 * The answers to "Check this message", in the order to deliver them: the claims (with a note
 * saying what was looked up), then the timeline when the message is about events. A refusal
 * (rate limit) ends the list.
 * @param text - the message as plain words
 * @param library - the corpus as it is now
 * @param platform - where the person is (for the command names in the note)
 * @param run - runs `claim` or `timeline` for the person
 * @example await checkMessage('Russia denied the strike on Gyumri', library, 'slack', (c, t) => guard.run(c, { text: t }, origin))
 */
export async function checkMessage(text: string, library: Library, platform: PlatformName, run: RunCommand): Promise<GuardedAnswer[]> {
  const about = messageTopic(text, library);
  if (!about) {
    return [
      {
        refused: false,
        reply: messageReply('claim', '', 'This message names no person, place or organisation the articles know.', [
          `Look a topic up yourself with ${invocation('claim', platform)} <topic>.`,
        ], 'not_found'),
      },
    ];
  }
  const others = about.subjects.filter((s) => !about.topic.includes(s));
  const note = `Checked the message for "${about.topic}"${others.length ? ` (it also names ${others.join(', ')})` : ''}.`;
  const claims = await run('claim', about.topic);
  if (claims.refused) return [claims];
  const answers: GuardedAnswer[] = [{ refused: false, reply: { ...claims.reply, notes: [note, ...claims.reply.notes] } }];
  if (about.events) {
    const timeline = await run('timeline', about.topic);
    // Over the limit after the claims: the claims stand, the timeline is left out.
    if (!timeline.refused) answers.push(timeline);
  }
  return answers;
}
