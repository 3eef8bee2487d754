/**
 * Readers' verdicts on answers: 👍, or 👎 with why (wrong speaker, wrong stance, wrong date, not
 * relevant, other) and an optional comment. Each verdict is kept with what was judged — the
 * command, the query and the quoted items (article and offsets) — so a desk can turn its own
 * feedback into a test set (`newsdesk feedback export --format jsonl`, docs/feedback.md).
 */
import type { Origin } from './command.js';
import type { Reply, ReplyItem } from './types.js';

/** Why an answer was wrong, as the 👎 choice offers it. */
export const FEEDBACK_REASONS = ['wrong_speaker', 'wrong_stance', 'wrong_date', 'not_relevant', 'other'] as const;
/** One of `FEEDBACK_REASONS`. */
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** How each reason reads on the platforms. */
export const REASON_LABELS: Readonly<Record<FeedbackReason, string>> = {
  wrong_speaker: 'Wrong speaker',
  wrong_stance: 'Wrong stance',
  wrong_date: 'Wrong date',
  not_relevant: 'Not relevant',
  other: 'Other',
};

/** Longest comment kept, in characters (the platforms' inputs stop there too). */
export const MAX_FEEDBACK_COMMENT = 500;
/** Items kept per verdict. */
export const MAX_FEEDBACK_ITEMS = 25;

/** One judged quote: where it is in its article. */
export interface JudgedItem {
  /** `Article.id`. */
  article: string;
  start: number;
  end: number;
  /** The label shown with it ("Claimed by …", a date), shortened. */
  label?: string;
}

/** What a verdict is about: the answer as the reader saw it. */
export interface FeedbackSubject {
  command: string;
  query: string;
  items: JudgedItem[];
}

/** A verdict to keep. */
export interface FeedbackInput {
  subject: FeedbackSubject;
  verdict: 'up' | 'down';
  reason?: FeedbackReason | null;
  comment?: string | null;
  origin: Origin;
}

/** Where verdicts are kept: `FeedbackStore` (the SQLite state file) or `PgFeedbackStore` (PostgreSQL, shared by replicas), src/store. */
export interface FeedbackDesk {
  /** Keeps a verdict; returns its id. */
  record(input: FeedbackInput): Promise<number>;
  /** Adds the reader's comment to a verdict they gave (the text a modal asks for after the choice). */
  addComment(id: number, userId: string | undefined, comment: string): Promise<boolean>;
}

/**
 * The subject of a verdict on `items` of `reply` (the quotes on the page the reader saw).
 * @example feedbackSubject(reply, reply.items.slice(0, 5))
 */
export function feedbackSubject(reply: Reply, items: readonly ReplyItem[] = reply.items): FeedbackSubject {
  const articles = new Map(reply.citations.map((c) => [c.id, c.articleId]));
  const judged: JudgedItem[] = [];
  for (const item of items.slice(0, MAX_FEEDBACK_ITEMS)) {
    const article = articles.get(item.source);
    if (article === undefined) continue;
    judged.push({ article, start: item.span.start, end: item.span.end, ...(item.label ? { label: item.label.slice(0, 120) } : {}) });
  }
  return { command: reply.command, query: reply.query, items: judged };
}

/** True for a reply a reader can judge: an answer with quotes, not an error or a help text. */
export function isJudgeable(reply: Reply): boolean {
  return !reply.error && reply.items.length > 0;
}
