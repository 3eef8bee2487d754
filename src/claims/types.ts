/** The vocabulary of claims: statements found in an article, who made them and how. */
import type { Span } from '../core/types.js';

/** What a statement does to the claim it carries. */
export type Stance = 'asserts' | 'confirms' | 'denies' | 'disputes';

/** Attributed to a named (or pronoun) source, or asserted by the outlet itself. */
export type StatementKind = 'attributed' | 'outlet';

/** A reported statement: cue, source and content with absolute offsets into the article text. */
export interface Statement {
  /** The reporting words: "said", "according to", "called … fictitious". */
  cue: Span;
  /** The source as written ("he", "the HUR", "HUR spokesperson Andrii Yusov"), or null when unstated. */
  source: Span | null;
  /** What was said. */
  content: Span;
  /** The sentence (or run of sentences, for a quote split across them) to quote for this statement. */
  span: Span;
  /** Index of the first sentence of `span` in the sentence list it was found in. */
  sentence: number;
  /** The claimant as the article names it most fully ("HUR spokesperson Andrii Yusov"), or null. */
  claimant: string | null;
  /** Lower-case names the claimant goes by in the article (for grouping across articles). */
  claimantKeys: string[];
  stance: Stance;
  kind: StatementKind;
  /** Whose claim a denial or dispute answers, when the text says so ("denied claims by the HUR"). */
  answers?: string | null;
}

/** What the claims analyser stores on each article. */
export interface ClaimsAnnotation {
  statements: Statement[];
}
