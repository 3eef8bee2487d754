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

/** The columns of a feedback row that both engines return alike (times and items each engine returns its own way). */
export interface FeedbackColumns {
  id: number;
  platform: string;
  workspace_id: string | null;
  channel_id: string | null;
  user_id: string | null;
  command: string;
  query: string;
  verdict: 'up' | 'down';
  reason: FeedbackReason | null;
  comment: string | null;
}

/** A row of either engine as a record, given its time (ISO-8601 UTC) and its items. */
export const feedbackRecord = (r: FeedbackColumns, time: string, items: JudgedItem[]): FeedbackRecord => ({
  id: r.id,
  time,
  platform: r.platform,
  workspace: r.workspace_id,
  channel: r.channel_id,
  user: r.user_id,
  command: r.command,
  query: r.query,
  verdict: r.verdict,
  reason: r.reason,
  comment: r.comment,
  items,
});

interface FeedbackRow extends FeedbackColumns {
  created_at: string;
  items: string;
}

const toRecord = (r: FeedbackRow): FeedbackRecord => feedbackRecord(r, r.created_at, JSON.parse(r.items) as JudgedItem[]);

/** Only what fits: a comment within its limit, with no control characters. */
export function cleanComment(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').trim().slice(0, MAX_FEEDBACK_COMMENT);
  return clean || null;
}

/** The columns of a new verdict, cleaned and bounded: the same for the SQLite and PostgreSQL tables. */
export function feedbackValues(input: FeedbackInput, now: Date): Omit<FeedbackRecord, 'id' | 'time'> & { createdAt: string } {
  const { subject, origin } = input;
  const reason = input.verdict === 'down' && input.reason && (FEEDBACK_REASONS as readonly string[]).includes(input.reason) ? input.reason : null;
  const items = subject.items.slice(0, MAX_FEEDBACK_ITEMS).map((i) => ({ article: i.article, start: i.start, end: i.end, ...(i.label ? { label: i.label } : {}) }));
  return {
    createdAt: now.toISOString(),
    platform: origin.platform,
    workspace: origin.workspaceId ?? null,
    channel: origin.channelId ?? null,
    user: origin.userId ?? null,
    command: subject.command.slice(0, 40),
    query: subject.query.slice(0, 2000),
    verdict: input.verdict,
    reason,
    comment: cleanComment(input.comment),
    items,
  };
}

/** Verdicts as `newsdesk feedback` reads them, from either engine. */
export interface FeedbackArchive {
  /** The latest verdicts, newest first. */
  list(limit?: number): Promise<FeedbackRecord[]>;
  /** Every verdict, oldest first, a page at a time. */
  all(): AsyncIterable<FeedbackRecord>;
  close(): Promise<void> | void;
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

  async record(input: FeedbackInput): Promise<number> {
    const v = feedbackValues(input, this.clock.now());
    const result = this.db
      .prepare(
        `INSERT INTO feedback (created_at, platform, workspace_id, channel_id, user_id, command, query, verdict, reason, comment, items)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.createdAt, v.platform, v.workspace, v.channel, v.user, v.command, v.query, v.verdict, v.reason, v.comment, JSON.stringify(v.items));
    return Number(result.lastInsertRowid);
  }

  async addComment(id: number, userId: string | undefined, comment: string): Promise<boolean> {
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

/** The SQLite verdicts as a {@link FeedbackArchive} (what `newsdesk feedback` reads without DATABASE_URL). */
export function sqliteFeedbackArchive(store: FeedbackStore): FeedbackArchive {
  return {
    list: async (limit) => store.list(limit),
    all: async function* () {
      yield* store.all();
    },
    close: () => store.close(),
  };
}

/** One export line (without the newline) for a verdict: `{"schema":"newsdesk-feedback/1", …}`. */
export function feedbackJsonLine(record: FeedbackRecord): string {
  return JSON.stringify({ schema: FEEDBACK_SCHEMA, ...record });
}
