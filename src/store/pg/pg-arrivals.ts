/**
 * The arrivals log on PostgreSQL: every article numbered once, in order of first sight, so digest
 * windows are ranges of one counter (see src/store/migrations.ts for why a counter, not times).
 *
 * With several writers the numbers must also become visible in order: a digest that reads the
 * latest number must never later find a smaller one appear. So writers take turns under an
 * advisory lock held until commit, and each batch is numbered after the current maximum.
 */
import type pg from 'pg';
import type { ArrivingArticle } from '../records.js';
import { LOCK_NAMESPACE, LOCKS } from './pg-migrations.js';

/** Notes articles as seen at `at`; returns the ids seen for the first time (see `PgStateStore.recordArrivals`). */
export async function recordArrivals(client: pg.PoolClient, articles: readonly ArrivingArticle[], at: Date, revised: readonly string[] = []): Promise<string[]> {
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, LOCKS.arrivals]);
  // One read of what is known about these ids, instead of a query per article: a restart over a
  // large corpus re-notes every article.
  const { rows } = await client.query<{ article_id: string; content_hash: string; removed: boolean }>(
    `SELECT article_id, content_hash, removed_at IS NOT NULL AS removed FROM article_arrivals WHERE article_id = ANY($1::text[])`,
    [articles.map((a) => a.id)],
  );
  const known = new Map<string, string>();
  for (const r of rows) known.set(r.article_id, r.removed ? '' : r.content_hash);
  const news = new Set(revised);
  // New and materially revised articles take the next numbers, in the order given (as with SQLite).
  const numbered: Array<{ id: string; hash: string; fresh: boolean }> = [];
  // Keyed by id: an id listed twice is updated once, to its last hash.
  const changed = new Map<string, string>();
  for (const a of articles) {
    const hash = known.get(a.id);
    if (hash === undefined) numbered.push({ id: a.id, hash: a.contentHash, fresh: true });
    else if (hash !== a.contentHash && news.has(a.id)) numbered.push({ id: a.id, hash: a.contentHash, fresh: false });
    else if (hash !== a.contentHash) changed.set(a.id, a.contentHash);
    known.set(a.id, a.contentHash);
  }
  if (numbered.length > 0) {
    const base = (await client.query<{ seq: number }>(`SELECT coalesce(max(seq), 0) AS seq FROM article_arrivals`)).rows[0]!.seq;
    const fresh = numbered.map((n, i) => ({ ...n, seq: base + i + 1 })).filter((n) => n.fresh);
    const renewed = numbered.map((n, i) => ({ ...n, seq: base + i + 1 })).filter((n) => !n.fresh);
    if (fresh.length > 0) {
      await client.query(
        `INSERT INTO article_arrivals (article_id, seq, content_hash, first_seen, updated_at)
         SELECT id, seq, hash, $4, $4 FROM unnest($1::text[], $2::text[], $3::integer[]) AS f (id, hash, seq)`,
        [fresh.map((a) => a.id), fresh.map((a) => a.hash), fresh.map((a) => a.seq), at],
      );
    }
    if (renewed.length > 0) {
      // A materially revised article is news again, once: a new number and a new first-seen time.
      await client.query(
        `UPDATE article_arrivals SET seq = c.seq, content_hash = c.hash, first_seen = $4, updated_at = $4, removed_at = NULL
         FROM unnest($1::text[], $2::text[], $3::integer[]) AS c (id, hash, seq) WHERE article_id = c.id`,
        [renewed.map((a) => a.id), renewed.map((a) => a.hash), renewed.map((a) => a.seq), at],
      );
    }
  }
  if (changed.size > 0) {
    // A corrected (or returning) article takes the new hash but keeps its first-seen time: it is not news again.
    await client.query(
      `UPDATE article_arrivals SET content_hash = c.hash, updated_at = $3, removed_at = NULL
       FROM unnest($1::text[], $2::text[]) AS c (id, hash) WHERE article_id = c.id`,
      [[...changed.keys()], [...changed.values()], at],
    );
  }
  return numbered.filter((n) => n.fresh).map((n) => n.id);
}
