/** The records the state database keeps, as the rest of newsdesk sees them, and their row mappings. */

/** A chat platform a digest can be posted to. */
export type DigestPlatform = 'slack' | 'discord';

/** A channel's standing order for digests. */
export interface Subscription {
  id: number;
  platform: DigestPlatform;
  channel: string;
  /** Only reporting on this topic; null for everything new. */
  topic: string | null;
  /** Five-field cron expression, read in `timezone`. */
  cron: string;
  /** IANA time zone, e.g. "Asia/Yerevan". */
  timezone: string;
  createdBy: string | null;
  createdAt: Date;
  /** `env` subscriptions come from DIGEST_* settings and are kept in step with them at start. */
  origin: 'chat' | 'env';
  /** The arrivals counter when it was made: only later arrivals are news to it. */
  createdSeq: number;
}

/** What a new subscription needs. */
export type NewSubscription = Omit<Subscription, 'id' | 'createdAt' | 'origin' | 'createdSeq'> & { origin?: Subscription['origin'] };

/** Where a digest run stands. */
export type RunStatus = 'pending' | 'posted' | 'empty' | 'failed';

/** One digest for one subscription and one slot. */
export interface DigestRun {
  id: number;
  subscriptionId: number;
  /** The scheduled time this run is for (or the moment of a manual run). */
  slot: Date;
  kind: 'scheduled' | 'manual';
  /** Articles with arrival numbers in `(windowStartSeq, windowEndSeq]` are this run's news. */
  windowStartSeq: number;
  windowEndSeq: number;
  /** When the window starts and ends, for the reader ("since Monday 09:00"). */
  windowStart: Date;
  windowEnd: Date;
  status: RunStatus;
  attempts: number;
  postedAt: Date | null;
  error: string | null;
  articleCount: number | null;
  /** The key the post carries (the run id on the platform); set when posting began. */
  postKey: string | null;
  /** When posting began: a run with an intent and no outcome may have reached the channel. */
  intentAt: Date | null;
}

/** An article as the arrivals log needs it. */
export interface ArrivingArticle {
  id: string;
  contentHash: string;
}

/** A `subscriptions` row. */
export interface SubscriptionRow {
  id: number;
  platform: DigestPlatform;
  channel: string;
  topic: string | null;
  cron: string;
  timezone: string;
  created_by: string | null;
  created_at: string;
  origin: 'chat' | 'env';
  created_seq: number;
}

/** A `digest_runs` row. */
export interface RunRow {
  id: number;
  subscription_id: number;
  slot: string;
  kind: 'scheduled' | 'manual';
  window_start_seq: number;
  window_end_seq: number;
  window_start: string;
  window_end: string;
  status: RunStatus;
  attempts: number;
  posted_at: string | null;
  error: string | null;
  article_count: number | null;
  post_key: string | null;
  intent_at: string | null;
}

/** A subscription from its row. */
export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  platform: r.platform,
  channel: r.channel,
  topic: r.topic,
  cron: r.cron,
  timezone: r.timezone,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  origin: r.origin,
  createdSeq: r.created_seq,
});

/** A digest run from its row. */
export const toRun = (r: RunRow): DigestRun => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  slot: new Date(r.slot),
  kind: r.kind,
  windowStartSeq: r.window_start_seq,
  windowEndSeq: r.window_end_seq,
  windowStart: new Date(r.window_start),
  windowEnd: new Date(r.window_end),
  status: r.status,
  attempts: r.attempts,
  postedAt: r.posted_at ? new Date(r.posted_at) : null,
  error: r.error,
  articleCount: r.article_count,
  postKey: r.post_key,
  intentAt: r.intent_at ? new Date(r.intent_at) : null,
});

