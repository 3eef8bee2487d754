/** Rows of the PostgreSQL state database and their mapping to the records the rest of newsdesk sees. */
import type { DigestPlatform, DigestRun, RunStatus, Subscription } from '../records.js';
import type { SlotClaim } from '../state-port.js';

/** A `subscriptions` row as `pg` returns it (`timestamptz` arrives as a Date). */
export interface PgSubscriptionRow {
  id: number;
  platform: DigestPlatform;
  channel: string;
  topic: string | null;
  cron: string;
  timezone: string;
  created_by: string | null;
  created_at: Date;
  origin: 'chat' | 'env';
  created_seq: number;
}

/** A `digest_runs` row as `pg` returns it. */
export interface PgRunRow {
  id: number;
  subscription_id: number;
  slot: Date;
  kind: 'scheduled' | 'manual';
  window_start_seq: number;
  window_end_seq: number;
  window_start: Date;
  window_end: Date;
  status: RunStatus;
  attempts: number;
  posted_at: Date | null;
  error: string | null;
  article_count: number | null;
  post_key: string | null;
  intent_at: Date | null;
  claimed_by: string | null;
  lease_until: Date | null;
  claims: number;
}

/** A subscription from its row. */
export const pgSubscription = (r: PgSubscriptionRow): Subscription => ({
  id: r.id,
  platform: r.platform,
  channel: r.channel,
  topic: r.topic,
  cron: r.cron,
  timezone: r.timezone,
  createdBy: r.created_by,
  createdAt: r.created_at,
  origin: r.origin,
  createdSeq: r.created_seq,
});

/** A digest run from its row (the claim columns are reported by {@link SlotClaim}, not here). */
export const pgRun = (r: PgRunRow): DigestRun => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  slot: r.slot,
  kind: r.kind,
  windowStartSeq: r.window_start_seq,
  windowEndSeq: r.window_end_seq,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  status: r.status,
  attempts: r.attempts,
  postedAt: r.posted_at,
  error: r.error,
  articleCount: r.article_count,
  postKey: r.post_key,
  intentAt: r.intent_at,
});

/** The claim a row describes. */
export const pgClaim = (r: PgRunRow): SlotClaim => ({
  run: pgRun(r),
  replicaId: r.claimed_by!,
  leaseUntil: r.lease_until!,
  takenOver: r.claims > 1,
});
