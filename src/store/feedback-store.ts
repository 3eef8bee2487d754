/**
 * Readers' verdicts in the state database (`feedback` table, migration 4): kept by the chat
 * adapters, listed and exported by `newsdesk feedback`. One JSON-lines record per verdict is the
 * export format (schema `newsdesk-feedback/1`, docs/feedback.md).
 */
import type Database from 'better-sqlite3';
import type { Clock, Logger } from '../core/ports.js';
import { FEEDBACK_REASONS, MAX_FEEDBACK_COMMENT, MAX_FEEDBACK_ITEMS, type FeedbackDesk, type FeedbackInput, type FeedbackReason, type JudgedItem } from '../core/feedback.js';
import { openStateDb } from './state-db.js';

/** The export schema's name and version, the first field of every exported line. */
export const FEEDBACK_SCHEMA = 'newsdesk-feedback/1';

/** A kept verdict, as `list` and the export give it. */
export interface FeedbackRecord {
  id: number;
  /** ISO-8601 UTC. */
  time: string;
  platform: string;
  workspace: string | null;
  channel: string | null;
  user: string | null;
  command: string;
  query: string;
  verdict: 'up' | 'down';
  reason: FeedbackReason | null;
  comment: string | null;
  items: JudgedItem[];
}

interface FeedbackRow {
  id: number;
  created_at: string;
  platform: string;
  workspace_id: string | null;
  channel_id: string | null;
  user_id: string | null;
  command: string;
  query: string;
  verdict: 'up' | 'down';
  reason: FeedbackReason | null;
  comment: string | null;
  items: string;
}

const toRecord = (r: FeedbackRow): FeedbackRecord => ({
  id: r.id,
  time: r.created_at,
  platform: r.platform,
  workspace: r.workspace_id,
  channel: r.channel_id,
  user: r.user_id,
  command: r.command,
  query: r.query,
  verdict: r.verdict,
  reason: r.reason,
  comment: r.comment,
  items: JSON.parse(r.items) as JudgedItem[],
});

/** Only what fits: a comment within its limit, with no control characters. */
function cleanComment(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').trim().slice(0, MAX_FEEDBACK_COMMENT);
  return clean || null;
}

/**
 * The feedback table over the state database.
 * @example
 * const store = FeedbackStore.open({ dataDir: './data', logger });
 * store.record({ subject, verdict: 'down', reason: 'wrong_speaker', origin });
 */
export class FeedbackStore implements FeedbackDesk {
  private constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {}

  /** Opens (creating and migrating if needed) the state database under `dataDir`. */
  static open(parts: { dataDir: string; logger: Logger; clock?: Clock }): FeedbackStore {
    const clock = parts.clock ?? { now: () => new Date() };
    return new FeedbackStore(openStateDb(parts.dataDir, parts.logger, clock.now()).db, clock);
  }

  /** Closes the connection. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  record(input: FeedbackInput): number {
    const { subject, origin } = input;
    const reason = input.verdict === 'down' && input.reason && (FEEDBACK_REASONS as readonly string[]).includes(input.reason) ? input.reason : null;
    const items = subject.items.slice(0, MAX_FEEDBACK_ITEMS).map((i) => ({ article: i.article, start: i.start, end: i.end, ...(i.label ? { label: i.label } : {}) }));
    const result = this.db
      .prepare(
        `INSERT INTO feedback (created_at, platform, workspace_id, channel_id, user_id, command, query, verdict, reason, comment, items)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.clock.now().toISOString(),
        origin.platform,
        origin.workspaceId ?? null,
        origin.channelId ?? null,
        origin.userId ?? null,
        subject.command.slice(0, 40),
        subject.query.slice(0, 2000),
        input.verdict,
        reason,
        cleanComment(input.comment),
        JSON.stringify(items),
      );
    return Number(result.lastInsertRowid);
  }

  addComment(id: number, userId: string | undefined, comment: string): boolean {
    const text = cleanComment(comment);
    if (!text) return false;
    // Only the reader who gave the verdict may add to it.
    const result = this.db.prepare('UPDATE feedback SET comment = ? WHERE id = ? AND user_id IS ?').run(text, id, userId ?? null);
    return result.changes === 1;
  }

  /** The latest verdicts, newest first. */
  list(limit = 20): FeedbackRecord[] {
    return (this.db.prepare('SELECT * FROM feedback ORDER BY id DESC LIMIT ?').all(Math.max(1, Math.min(limit, 10_000))) as FeedbackRow[]).map(toRecord);
  }

  /** Every verdict, oldest first, one at a time (an export of any size in constant memory). */
  *all(): Generator<FeedbackRecord> {
    for (const row of this.db.prepare('SELECT * FROM feedback ORDER BY id').iterate() as IterableIterator<FeedbackRow>) yield toRecord(row);
  }
}

/** One export line (without the newline) for a verdict: `{"schema":"newsdesk-feedback/1", …}`. */
export function feedbackJsonLine(record: FeedbackRecord): string {
  return JSON.stringify({ schema: FEEDBACK_SCHEMA, ...record });
}
