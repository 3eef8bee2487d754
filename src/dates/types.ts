/**
 * What date resolution produces: one `DateMention` per date expression, resolved against the
 * article's publication date and carrying how sure we are of it.
 */
import type { Span } from '../core/types.js';

/** How finely a mention pins its date down. `ref` is a vague reference ("now", "recently") with no date. */
export type DatePrecision = 'day' | 'week' | 'month' | 'season' | 'quarter' | 'half' | 'year' | 'decade' | 'century' | 'ref';

/** The date every relative expression in an article is resolved against (its publication date). */
export interface DateReference {
  /** YYYY-MM-DD. */
  date: string;
  /** True when the publication date itself was inferred; every date resolved from it is then inferred too. */
  inferred: boolean;
}

/** One date expression found in a text and resolved. */
export interface DateMention extends Span {
  /** The expression exactly as the text gives it (`text.slice(start, end)`). */
  text: string;
  /** Index into the sentence list the mention was found in, or -1 when no sentences were given. */
  sentence: number;
  /**
   * TIMEX3-style value: `2021-06-04`, `2021-06`, `2020-FA` (season), `1989-Q3`, `1989-H1`, `2021-W22`,
   * `2021`, `199` (decade), `19` (century), or `PRESENT_REF` / `PAST_REF` / `FUTURE_REF`.
   */
  value: string;
  /** Sortable date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (start of the period); null for vague references. */
  date: string | null;
  precision: DatePrecision;
  /** True unless the text itself states the year (an implied year or an inferred publication date make it inferred). */
  inferred: boolean;
  /** True for circa dates ("a week after", "the end of June"): shown with "c.". */
  approximate: boolean;
}
