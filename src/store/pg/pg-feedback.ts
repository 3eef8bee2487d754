/**
 * Readers' verdicts in PostgreSQL (`feedback`, migration 2), so replicas keep them in one place
 * and `newsdesk feedback` with DATABASE_URL reads them all. The same records and cleaning as the
 * SQLite `FeedbackStore`; the export reads pages by id, in constant memory.
 */
import pg from 'pg';
import type { FeedbackDesk, FeedbackInput, JudgedItem } from '../../core/feedback.js';
import type { Clock, Logger } from '../../core/ports.js';
import { NewsdeskError } from '../../core/errors.js';
import { cleanComment, feedbackRecord, feedbackValues, type FeedbackArchive, type FeedbackColumns, type FeedbackRecord } from '../feedback-store.js';
import { migratePg } from './pg-migrations.js';

/** Verdicts read per query by the export. */
const PAGE = 500;

interface PgFeedbackRow extends FeedbackColumns {
  created_at: Date;
  items: JudgedItem[];
}

const toRecord = (r: PgFeedbackRow): FeedbackRecord => feedbackRecord(r, r.created_at.toISOString(), r.items);

/**
 * The feedback table in PostgreSQL.
 * @example
 * const store = await PgFeedbackStore.open({ url: process.env.DATABASE_URL, logger });
 * await store.record({ subject, verdict: 'up', origin });
 */
export class PgFeedbackStore implements FeedbackDesk, FeedbackArchive {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
  ) {}

  /**
   * Connects (a small pool of its own) and brings the schema up to date.
   * @throws NewsdeskError (code `state`) when the database cannot be reached
   */
  static async open(options: { url: string; logger: Logger; clock?: Clock }): Promise<PgFeedbackStore> {
    const pool = new pg.Pool({ connectionString: options.url, max: 2, connectionTimeoutMillis: 10_000, statement_timeout: 30_000, application_name: 'newsdesk-feedback' });
    pool.on('error', (err) => options.logger.warn({ reason: err.message }, 'feedback database connection lost; it is replaced on next use'));
    try {
      await migratePg(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (err instanceof NewsdeskError) throw err;
      // The URL carries a password: say what failed, never the URL.
      throw new NewsdeskError(`Cannot open the feedback database: ${(err as Error).message}`, 'state', { cause: err });
    }
    return new PgFeedbackStore(pool, options.clock ?? { now: () => new Date() });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async record(input: FeedbackInput): Promise<number> {
    const v = feedbackValues(input, this.clock.now());
    const { rows } = await this.pool.query<{ id: number }>(
      `INSERT INTO feedback (created_at, platform, workspace_id, channel_id, user_id, command, query, verdict, reason, comment, items)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb) RETURNING id`,
      [v.createdAt, v.platform, v.workspace, v.channel, v.user, v.command, v.query, v.verdict, v.reason, v.comment, JSON.stringify(v.items)],
    );
    return rows[0]!.id;
  }

  async addComment(id: number, userId: string | undefined, comment: string): Promise<boolean> {
    const text = cleanComment(comment);
    if (!text) return false;
    // Only the reader who gave the verdict may add to it.
    const { rowCount } = await this.pool.query(`UPDATE feedback SET comment = $1 WHERE id = $2 AND user_id IS NOT DISTINCT FROM $3`, [text, id, userId ?? null]);
    return rowCount === 1;
  }

  async list(limit = 20): Promise<FeedbackRecord[]> {
    const { rows } = await this.pool.query<PgFeedbackRow>(`SELECT * FROM feedback ORDER BY id DESC LIMIT $1`, [Math.max(1, Math.min(limit, 10_000))]);
    return rows.map(toRecord);
  }

  async *all(): AsyncGenerator<FeedbackRecord> {
    for (let after = 0; ; ) {
      const { rows } = await this.pool.query<PgFeedbackRow>(`SELECT * FROM feedback WHERE id > $1 ORDER BY id LIMIT $2`, [after, PAGE]);
      for (const r of rows) yield toRecord(r);
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.id;
    }
  }
}
