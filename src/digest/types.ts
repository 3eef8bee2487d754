/** The digest service's vocabulary: posters, outcomes and the changes it is told about. */
import type { DigestPlatform } from '../store/state-store.js';
import type { Article, Reply } from '../core/types.js';
import type { DigestChannel, DigestOutcome } from '../core/services.js';

/** What identifies one digest post on the platform, the same on every attempt and after a restart. */
export interface DigestDelivery {
  /** The run's post key: Slack message metadata `run_id`, Discord nonce and footer. Short (≤ 25 characters). */
  runId: string;
  /** When posting began: a history search looks no further back (less a margin for clock skew). */
  since: Date;
}

/** Whether a platform's channel holds the post of a run. */
export type DigestLookup = { status: 'posted' | 'absent' } | { status: 'unknown'; reason: string };

/** Posts a rendered digest to one channel, carrying `delivery` so the post can be found again. */
export type DigestPoster = (channel: string, reply: Reply, delivery?: DigestDelivery) => Promise<void>;

/** A platform as the digest service uses it; the Slack and Discord adapters are outlets. */
export interface DigestOutlet {
  postReply: DigestPoster;
  /** Looks for the post of `delivery` in the channel's recent history; `unknown` when history cannot be read. */
  findDigest?(channel: string, delivery: DigestDelivery): Promise<DigestLookup>;
  /** The platform itself drops a repeat of a post carrying the same key for this long (Discord's nonce window). */
  dedupeWindowMs?: number;
}

/** The posters (plain functions, or outlets) of the platforms that are running. */
export type DigestPosters = Partial<Record<DigestPlatform, DigestPoster | DigestOutlet>>;

/** How one run ended. */
export type RunOutcome = DigestOutcome;

/** What one scheduler pass did. */
export interface TickReport {
  posted: number;
  empty: number;
  failed: number;
}

/** A change to the corpus, as the watcher reports it. */
export interface CorpusChange {
  upserted: readonly Pick<Article, 'id' | 'contentHash'>[];
  removed: readonly string[];
  /** Ids among `upserted` whose text changed materially: news again, in the next digest once. */
  revised?: readonly string[];
}

/** Where a subscription command came from. */
export type ChannelRef = DigestChannel;
