/**
 * 👍 / 👎 on Slack answers. The buttons carry what was judged (command, query, and the page's
 * quotes as article id and offsets), so a verdict needs nothing remembered between the answer
 * and the click, even across a restart. 👍 is kept at once; 👎 opens a modal: what was wrong
 * (wrong speaker, wrong stance, wrong date, not relevant, other) and an optional comment.
 */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import {
  FEEDBACK_REASONS,
  MAX_FEEDBACK_COMMENT,
  REASON_LABELS,
  feedbackSubject,
  type FeedbackDesk,
  type FeedbackReason,
  type FeedbackSubject,
} from '../../core/feedback.js';
import type { Origin, PlatformRuntime } from '../../core/platform.js';
import type { Reply, ReplyItem } from '../../core/types.js';
import { LIMITS } from './limits.js';
import { ACTIONS } from './render.js';
import { describeError } from './errors.js';

/** Action ids of the two buttons, and the callback id of the 👎 modal. */
export const FEEDBACK_ACTIONS = { up: ACTIONS.feedbackUp, down: ACTIONS.feedbackDown, view: 'newsdesk_feedback' } as const;

/** What the asker reads after a verdict (never their own text back). */
export const THANKS = 'Thanks — your feedback was kept with this answer.';

const wire = z.object({
  c: z.string().min(1).max(40),
  q: z.string().max(2000),
  i: z.array(z.tuple([z.string().max(1000), z.number().int().min(0), z.number().int().min(0)]).rest(z.string().max(200))).max(25),
});

/** Encodes a subject for a button value, dropping labels, then items, until it fits Slack's 2,000 characters. */
export function encodeFeedback(subject: FeedbackSubject): string | undefined {
  const items = subject.items.map((i) => [i.article, i.start, i.end, ...(i.label ? [i.label] : [])] as const);
  const encode = (list: readonly (readonly unknown[])[]) => JSON.stringify({ c: subject.command, q: subject.query, i: list });
  let value = encode(items);
  if (value.length <= LIMITS.buttonValue) return value;
  const bare = items.map((i) => i.slice(0, 3));
  for (let n = bare.length; n >= 0; n--) {
    value = encode(bare.slice(0, n));
    if (value.length <= LIMITS.buttonValue) return value;
  }
  return undefined;
}

/** Decodes a button value we wrote; null for anything else. */
export function decodeFeedback(value: string | undefined): FeedbackSubject | null {
  if (!value) return null;
  try {
    const parsed = wire.safeParse(JSON.parse(value));
    if (!parsed.success) return null;
    const { c, q, i } = parsed.data;
    return { command: c, query: q, items: i.map(([article, start, end, label]) => ({ article, start, end, ...(label ? { label } : {}) })) };
  } catch {
    return null;
  }
}

/** The `feedbackValue` page option: the value of the 👍/👎 buttons for the quotes a page shows. */
export function feedbackValue(reply: Reply, shown: readonly ReplyItem[]): string | undefined {
  return encodeFeedback(feedbackSubject(reply, shown));
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** The 👎 modal; `private_metadata` carries the subject and the channel it was asked in. */
export function feedbackModal(value: string, channel: string | undefined): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: FEEDBACK_ACTIONS.view,
    private_metadata: JSON.stringify({ v: value, ch: channel ?? null }),
    title: plain('What was wrong?'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: 'reason',
        label: plain('What was wrong with this answer?'),
        element: { type: 'radio_buttons', action_id: 'reason', options: FEEDBACK_REASONS.map((r) => ({ text: plain(REASON_LABELS[r]), value: r })) },
      },
      {
        type: 'input',
        block_id: 'comment',
        optional: true,
        label: plain('Anything else? (optional)'),
        element: { type: 'plain_text_input', action_id: 'comment', multiline: true, max_length: MAX_FEEDBACK_COMMENT },
      },
    ],
  };
}

const submission = z.object({
  v: z.string(),
  ch: z.string().nullable(),
});

interface ViewState {
  values?: Record<string, Record<string, { selected_option?: { value?: string } | null; value?: string | null }>>;
}

/**
 * Registers the 👍/👎 listeners. Without a feedback desk (`runtime.services.feedback`) the buttons
 * are not shown, and these listeners are not needed.
 */
export function registerFeedback(app: App, runtime: PlatformRuntime, desk: FeedbackDesk): void {
  const log = runtime.logger;
  const originOf = (body: { user?: { id?: string; team_id?: string }; team?: { id?: string } | null }, channel: string | undefined): Origin => ({
    platform: 'slack',
    ...(channel ? { channelId: channel } : {}),
    ...(body.user?.id ? { userId: body.user.id } : {}),
    ...(body.team?.id ?? body.user?.team_id ? { workspaceId: (body.team?.id ?? body.user?.team_id)! } : {}),
  });

  app.action(FEEDBACK_ACTIONS.up, async ({ ack, body, respond }) => {
    await ack();
    try {
      const b = body as { actions?: { value?: string }[]; channel?: { id?: string }; user?: { id?: string; team_id?: string }; team?: { id?: string } | null };
      const subject = decodeFeedback(b.actions?.[0]?.value);
      if (!subject) return;
      await desk.record({ subject, verdict: 'up', origin: originOf(b, b.channel?.id) });
      await respond({ response_type: 'ephemeral', replace_original: false, text: THANKS });
    } catch (err) {
      log.error({ err: describeError(err), action: 'feedback_up' }, 'slack feedback failed');
    }
  });

  app.action(FEEDBACK_ACTIONS.down, async ({ ack, body, client }) => {
    await ack();
    try {
      const b = body as { actions?: { value?: string }[]; channel?: { id?: string }; trigger_id?: string };
      const value = b.actions?.[0]?.value;
      if (!decodeFeedback(value) || !b.trigger_id) return;
      await client.views.open({ trigger_id: b.trigger_id, view: feedbackModal(value!, b.channel?.id) as never });
    } catch (err) {
      log.error({ err: describeError(err), action: 'feedback_down' }, 'slack feedback failed');
    }
  });

  app.view(FEEDBACK_ACTIONS.view, async ({ ack, body, view }) => {
    await ack();
    try {
      let meta: z.infer<typeof submission> | null = null;
      try {
        const parsed = submission.safeParse(JSON.parse(view.private_metadata));
        meta = parsed.success ? parsed.data : null;
      } catch {
        meta = null;
      }
      const subject = decodeFeedback(meta?.v);
      if (!meta || !subject) return;
      const values = (view.state as ViewState).values ?? {};
      const picked = values.reason?.reason?.selected_option?.value;
      const reason: FeedbackReason = (FEEDBACK_REASONS as readonly string[]).includes(picked ?? '') ? (picked as FeedbackReason) : 'other';
      const comment = values.comment?.comment?.value ?? null;
      await desk.record({ subject, verdict: 'down', reason, comment, origin: originOf(body as never, meta.ch ?? undefined) });
    } catch (err) {
      log.error({ err: describeError(err), view: 'feedback' }, 'slack feedback failed');
    }
  });
}
