/** The digest service's vocabulary: posters, outcomes and the changes it is told about. */
import type { DigestPlatform } from '../store/state-store.js';
import type { Article, Reply } from '../types.js';

/** Posts a rendered digest to one channel; each adapter supplies one. */
export type DigestPoster = (channel: string, reply: Reply) => Promise<void>;

/** The posters of the platforms that are running. */
export type DigestPosters = Partial<Record<DigestPlatform, DigestPoster>>;

/** How one run ended. */
export type RunOutcome = 'posted' | 'empty' | 'failed';

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
}

/** Where a subscription command came from. */
export interface ChannelRef {
  platform: DigestPlatform;
  channel: string;
}
