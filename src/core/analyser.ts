/**
 * Analysers enrich each article once at ingest (claims, dates …). Their results are stored in
 * `Article.annotations[name]`, cached in the snapshot, and read by the commands.
 */
import type { Article } from './types.js';

/** One ingest-time analysis step. Results must be JSON-serialisable. */
export interface Analyser<T = unknown> {
  /** Key in `Article.annotations`. */
  name: string;
  /** Bump when the output changes, so cached snapshots are rebuilt. */
  version: string;
  analyse(article: Article): T;
}
