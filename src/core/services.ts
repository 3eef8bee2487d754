/**
 * What the running process lends commands besides the library (`ctx.services`). Each service is
 * declared here as the small surface commands call, not as the class that provides it, so core
 * and commands never import `src/digest` or the process that starts it (`src/app`).
 */
import type { Reply } from './types.js';
import type { FeedbackDesk } from './feedback.js';

/** A chat channel a digest is posted to. */
export interface DigestChannel {
  platform: 'slack' | 'discord';
  /** Slack channel id, Discord channel id. */
  channel: string;
}

/** A channel's standing order for digests, as commands show it. */
export interface DigestSubscriptionInfo {
  id: number;
  /** Only reporting on this topic; null for everything new. */
  topic: string | null;
  /** Five-field cron expression, read in `timezone`. */
  cron: string;
  /** IANA time zone, e.g. "Asia/Yerevan". */
  timezone: string;
  /** `env` subscriptions come from DIGEST_* settings, not from a chat command. */
  origin: 'chat' | 'env';
}

/** A finished digest run, as commands show it. */
export interface DigestRunInfo {
  /** When the digest was posted; null when the run posted nothing. */
  postedAt: Date | null;
}

/** How one digest run ended: posted, nothing new to post, or posting failed. */
export type DigestOutcome = 'posted' | 'empty' | 'failed';

/**
 * The digest desk as `/digest` uses it: channel subscriptions, digests on demand and previews.
 * `DigestService` (src/digest/service.ts) implements it.
 */
export interface DigestDesk {
  /**
   * Subscribes a channel; schedule and time zone default to the service's.
   * @throws NewsdeskError (code `usage`) for a bad schedule or time zone, a duplicate, or too many
   */
  subscribe(request: DigestChannel & { topic?: string | null; schedule?: string; timezone?: string; createdBy?: string | null }): Promise<DigestSubscriptionInfo>;
  /** A channel's subscriptions. */
  list(channel: DigestChannel): Promise<DigestSubscriptionInfo[]>;
  /**
   * Removes a channel's subscription: the one with `id`, or its only one.
   * @throws NewsdeskError (`not_found` when there is none, `usage` when an id is needed or it comes from the environment)
   */
  unsubscribe(request: DigestChannel & { id?: number }): Promise<DigestSubscriptionInfo>;
  /** When a subscription fires next; null for never. */
  nextRun(subscription: Pick<DigestSubscriptionInfo, 'cron' | 'timezone'>): Date | null;
  /** The latest finished run of a subscription. */
  lastRun(subscription: Pick<DigestSubscriptionInfo, 'id'>): Promise<DigestRunInfo | undefined>;
  /**
   * Posts a channel's digests now (the one with `id`, else all of the channel's).
   * @throws NewsdeskError (`not_found` when the channel has no digest, `platform` when its platform is not running)
   */
  runNow(request: DigestChannel & { id?: number }): Promise<Array<{ subscription: DigestSubscriptionInfo; outcome: DigestOutcome }>>;
  /**
   * The digest of articles that arrived since `since`, posting and recording nothing.
   * @returns null when nothing arrived
   */
  preview(options: { since: Date; topic?: string | null; timezone?: string }): Promise<Reply | null>;
}

/**
 * Which platform events were answered, shared by replicas: Slack retries an event and a load
 * balancer may hand the same event to two replicas; Discord sends each interaction and message
 * to every connected replica. The adapter that gets true answers; the others drop the event.
 */
export interface DeliveryLedger {
  /** True exactly once per key (e.g. `slack:event:Ev123`) across every replica, while the key is remembered. */
  firstDelivery(key: string): Promise<boolean>;
}

/**
 * True when this process should answer the event `key`: the ledger's word when replicas share
 * one (the first replica to ask wins), always true for a single process.
 * @example if (!(await firstDelivery(runtime.services, `slack:event:${eventId}`))) return;
 */
export function firstDelivery(services: Services | undefined, key: string): Promise<boolean> {
  return services?.deliveries ? services.deliveries.firstDelivery(key) : Promise.resolve(true);
}

/** Services registered by the running process; commands get them as `ctx.services`. */
export interface Services {
  /** Present when replicas share state (DATABASE_URL): events are answered once across them. */
  deliveries?: DeliveryLedger;
  /** Scheduled digests; present only in the running bot with a writable DATA_DIR. */
  digest?: DigestDesk;
  /** Why the running bot has no digest desk (e.g. a read-only DATA_DIR), shown to whoever asks for one. */
  digestUnavailable?: string;
  /** Feeds flowing into the corpus; present when the process follows feeds. */
  feeds?: FeedsDesk;
  /** Where readers' 👍/👎 on answers are kept; present in the running bot with a writable DATA_DIR. */
  feedback?: FeedbackDesk;
}

/** A followed feed, as `/feeds list` shows it. */
export interface FeedInfo {
  url: string;
  outlet: string;
  /** `file` feeds come from FEEDS_FILE; `chat` ones were added with `feeds add`. */
  origin: 'file' | 'chat';
  lastFetch: Date | null;
  /** Stories stored from it so far. */
  items: number;
  lastError: string | null;
  failureStreak: number;
}

/** How one feed's fetch went, as `/feeds fetch` reports it. */
export interface FeedFetchInfo {
  url: string;
  status: 'ok' | 'not-modified' | 'failed' | 'waiting';
  created: number;
  updated: number;
  error?: string;
}

/** The feed desk as `/feeds` uses it; `FeedsService` (src/feeds/service.ts) implements it. */
export interface FeedsDesk {
  /** User ids allowed to manage feeds from chat (FEEDS_ADMINS). */
  readonly admins: readonly string[];
  list(): Promise<FeedInfo[]>;
  /**
   * Follows a feed from now on.
   * @throws NewsdeskError (code `usage`) for a URL that is not http(s) or already followed
   */
  add(request: { url: string; outlet?: string; addedBy?: string | null }): Promise<FeedInfo>;
  /**
   * Stops following a feed (its stored stories stay).
   * @throws NewsdeskError (`not_found` when not followed, `usage` for a feed of FEEDS_FILE)
   */
  remove(url: string): Promise<FeedInfo>;
  /** Fetches every feed now, due or not. */
  fetchNow(): Promise<FeedFetchInfo[]>;
  /**
   * Starts fetching every feed now and returns at once (chat and the console answer without
   * waiting for slow outlets); the result is logged when the fetch ends. A fetch already started
   * this way is not started again.
   */
  fetchInBackground(): Promise<{ feeds: number; started: boolean }>;
}
