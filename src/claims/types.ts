/** The vocabulary of claims: statements found in an article, who made them and how. */
import type { Span } from '../core/types.js';
import type { Unit } from './units.js';

/** What a statement does to the claim it carries. */
export type Stance = 'asserts' | 'confirms' | 'denies' | 'disputes';

/**
 * Attributed to a named (or pronoun) source, asserted by the outlet itself, or a quotation whose
 * speaker the text does not give (shown as an unattributed quotation, never as the outlet's reporting).
 */
export type StatementKind = 'attributed' | 'outlet' | 'quotation';

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
  /**
   * Sentences (spans) reporting someone's statement whose speaker the text does not name ("said" with
   * no subject found, "it was reported that"): shown as nobody's claim, and never as the outlet's own reporting.
   */
  unsourced?: Span[];
}

/** A statement before its claimant is resolved (internal to attribution and claimant resolution). */
export interface RawStatement {
  cue: Span;
  source: Span | null;
  content: Span;
  unit: Unit;
  stance: Stance;
  lemma: string;
  /** The words naming the speaker when `source` also holds a description ("Chris Cox" in "Chris Cox, who runs …,"). */
  name?: Span;
  /** Apposition parts of the source ("Ukraine’s military intelligence agency" and "the HUR"). */
  apposition?: [Span, Span];
  /** Source of a nominal claim this statement answers ("claims by the HUR"). */
  answers?: Span;
  /** The speaker is quoted by someone the text names ("The agency quoted Li as saying"): no antecedent for a later "the statement" or "they". */
  quoted?: boolean;
  /** Who quotes the speaker ("the agency" in "the agency quoted Li as saying"): the antecedent the quoting statement was. */
  quoter?: Span;
  /** A question put to the source ("X was asked whether …"): resolved for later pronouns, never shown. */
  question?: boolean;
  /** Reuse the source of the previous statement in the unit ("… and emphasized that"). */
  sameAsPrevious?: boolean;
  /** Noun antecedent for "who"/"which" sources. */
  antecedent?: Span;
  /**
   * A quote-only paragraph's speaker: the statement that introduced it ("X told the crowd:") or
   * quoted X in the paragraph before; the claimant is that statement's.
   */
  carriedFrom?: RawStatement;
}

