/**
 * 👍 / 👎 on Discord answers. A component's custom id holds 100 characters, too few for what was
 * judged, so the answer's subject (command, query, quotes as article id and offsets) is kept in
 * memory for a day under a short key the buttons carry. 👍 is kept at once; 👎 answers privately
 * with a select menu of reasons, kept when picked, then a modal for an optional comment.
 */
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type ButtonInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Clock } from '../../core/ports.js';
import { FEEDBACK_REASONS, MAX_FEEDBACK_COMMENT, REASON_LABELS, type FeedbackDesk, type FeedbackReason, type FeedbackSubject } from '../../core/feedback.js';
import type { Origin } from '../../core/platform.js';
import { KeyedMemo } from './keyed-memo.js';

/** Custom-id prefix of every feedback component. */
export const FEEDBACK_PREFIX = 'ndf';
/** What the asker reads after a verdict (never their own text back). */
export const THANKS = 'Thanks — your feedback was kept with this answer.';
/** What a click on an answer older than the memo says. */
export const EXPIRED = 'This answer no longer takes feedback (its buttons last a day, and not across a restart of newsdesk) — run the command again.';

const NO_MENTIONS = { parse: [] as [], repliedUser: false };

/** The subjects of recent answers, by the key their buttons carry. */
export class FeedbackMemo extends KeyedMemo<FeedbackSubject> {
  constructor(clock: Clock, ttlMs = 24 * 3_600_000, max = 5_000) {
    super(clock, ttlMs, max);
  }
}

/** The 👍 / 👎 row of an answer. */
export function feedbackRow(key: string): APIActionRowComponent<APIButtonComponent> {
  const button = (kind: 'u' | 'd', emoji: string): APIButtonComponent => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${FEEDBACK_PREFIX}:${kind}:${key}`, emoji: { name: emoji } });
  return { type: ComponentType.ActionRow, components: [button('u', '👍'), button('d', '👎')] };
}

/** What a feedback custom id asks for: a verdict button, the reason menu, or the comment modal. */
export type FeedbackTarget = { kind: 'up' | 'down' | 'reason'; key: string } | { kind: 'comment'; id: number };

/** Reads a feedback custom id; null for any other. */
export function parseFeedbackId(customId: string): FeedbackTarget | null {
  const m = /^ndf:([udrt]):([A-Za-z0-9_-]{1,40})$/.exec(customId);
  if (!m) return null;
  const [, kind, rest] = m as unknown as [string, string, string];
  if (kind === 't') return /^\d{1,15}$/.test(rest) ? { kind: 'comment', id: Number(rest) } : null;
  return { kind: kind === 'u' ? 'up' : kind === 'd' ? 'down' : 'reason', key: rest };
}

/** The `Origin` of the reader giving feedback. */
function originOf(interaction: ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction): Origin {
  return {
    platform: 'discord',
    userId: interaction.user.id,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
  };
}

/** Answers a feedback component or modal; the caller has checked the id with `parseFeedbackId`. */
export async function handleFeedback(
  interaction: ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction,
  target: FeedbackTarget,
  memo: FeedbackMemo,
  desk: FeedbackDesk,
): Promise<void> {
  const privately = (content: string) => interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  if (target.kind === 'comment') {
    if (!interaction.isModalSubmit()) return;
    const comment = interaction.fields.getTextInputValue('comment');
    if (comment.trim()) await desk.addComment(target.id, interaction.user.id, comment);
    await privately(THANKS);
    return;
  }
  const subject = memo.get(target.key);
  if (!subject) {
    await privately(EXPIRED);
    return;
  }
  if (target.kind === 'up' && interaction.isButton()) {
    await desk.record({ subject, verdict: 'up', origin: originOf(interaction) });
    await privately(THANKS);
  } else if (target.kind === 'down' && interaction.isButton()) {
    await interaction.reply({
      content: 'What was wrong with this answer?',
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.StringSelect,
              custom_id: `${FEEDBACK_PREFIX}:r:${target.key}`,
              placeholder: 'Pick one',
              options: FEEDBACK_REASONS.map((r) => ({ label: REASON_LABELS[r], value: r })),
            },
          ],
        },
      ],
    });
  } else if (target.kind === 'reason' && interaction.isStringSelectMenu()) {
    const picked = interaction.values[0] ?? '';
    const reason: FeedbackReason = (FEEDBACK_REASONS as readonly string[]).includes(picked) ? (picked as FeedbackReason) : 'other';
    // Kept now: closing the comment modal must not lose the choice.
    const id = await desk.record({ subject, verdict: 'down', reason, origin: originOf(interaction) });
    await interaction.showModal({
      custom_id: `${FEEDBACK_PREFIX}:t:${id}`,
      title: `${REASON_LABELS[reason]} — anything else?`,
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.TextInput, custom_id: 'comment', label: 'Comment (optional)', style: TextInputStyle.Paragraph, required: false, max_length: MAX_FEEDBACK_COMMENT }],
        },
      ],
    });
  }
}
