/**
 * What the stages of attribution's scan share: the unit being scanned, a cue site, the speaker the
 * source rules find, and the word classes more than one stage reads.
 */
import type { Span } from '../core/types.js';
import { type CueEntry, speakerNoun } from './lexicon.js';
import type { Token } from './tokens.js';
import type { RawStatement as Raw, Stance } from './types.js';
import type { Unit } from './units.js';

/** One unit being scanned: its text and tokens, and the statements found so far. */
export interface UnitScan {
  text: string;
  unit: Unit;
  toks: Token[];
  /** Keep positions, beliefs and actions (`FindOptions.actions`). */
  actions: boolean;
  /** Keep negated cues (`FindOptions.negated`). */
  negated: boolean;
  /** The unit is a wire headline in capitals ("AMERICAN EXPRESS <AXP> SEEN IN POSSIBLE SPINOFF"). */
  wire: boolean;
  /** Statements found in the unit so far, in the order found. */
  out: Raw[];
  /** Tokens already used as a cue. */
  taken: Set<number>;
  /** Cues putting a question to their subject ("X was asked whether"): kept for pronouns, never shown. */
  questions: Set<number>;
}

/** A cue verb or phrase found at token `c`. */
export interface CueSite {
  /** Index of the cue's first token. */
  c: number;
  /** The cue's first token. */
  cueWord: Token;
  /** The token before the cue. */
  prev: Token | undefined;
  /** The token after the cue as the cue scan found it (before "point" takes its particle). */
  next: Token | undefined;
  /** Index of the cue's last token. */
  cueEnd: number;
  entry: CueEntry;
  stance: Stance;
  lemma: string;
}

/** The source of a cue as the source rules find it, and whether the content comes before the cue. */
export interface Speaker {
  source: Span | null;
  apposition?: [Span, Span];
  name?: Span;
  antecedent?: Span;
  sameAsPrevious: boolean;
  contentBefore: boolean;
  /** Where content before the cue ends when not at the source ("…, the agency quoted Li as saying."). */
  contentCut?: number;
  /** The speaker is quoted by someone else ("quoted Li as saying"). */
  quoted?: boolean;
  /** Who quotes them, when named ("the agency" in "the agency quoted Li as saying"). */
  quoter?: Span;
  /** The subject before the cue is a name cut after "and" ("the Harbour and | Ferry Board said"): no other subject stands in for it. */
  cutName?: boolean;
}

/** Words taking "to" before a reporting verb ("appeared to say", "tried to deny"): the infinitive still reports, and the subject stands before them. */
export const TO_VERBS = new Set(['appeared', 'appears', 'appear', 'seemed', 'seems', 'seem', 'continued', 'continues', 'continue', 'went', 'sought', 'tried', 'wants', 'want', 'wanted', 'refused', 'declined', 'used', 'began', 'begun', 'started', 'going', 'likely', 'expected', 'set', 'ready', 'willing', 'moved', 'rushed', 'hastened', 'decided']);

/** Auxiliaries and modals: after a name they make it the subject of a clause ("Clinton would …"). */
export const AUX_AFTER = new Set(['would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'does', 'did', "won't", "can't", "doesn't", "didn't", "isn't", "wasn't"]);

/** Lower-case words that open a speaker's title before a name ("former Gov. …", "election lawyer …"). */
export const ROLE_LEAD = /^(?:former|retired|then|longtime|veteran|senior|top|acting|interim|deputy|chief|state|election|campaign|master|conservative|liberal|progressive|republican|democratic|independent|political|party|civil|rights|pollster|strategist|activist|lawyer|attorney|professor|economist|analyst|historian|author|columnist|commentator|host|anchor|reporter|editor|pastor|rev\.?|ex-\w+)$/;

/** A lower-case word for someone who can speak: a speaker noun, singular or plural, or a noun for people. */
export function personWord(lower: string): boolean {
  return speakerNoun(lower) || PERSON_NOUN.test(lower);
}

/**
 * Lower-case nouns for people ("voter", "physicians", "residents", "chairwoman"), by their ending; never a
 * function word that happens to end the same way ("for", "after", "over", "whether").
 */
export const PERSON_NOUN = /^(?!(?:for|or|nor|per|after|over|under|never|ever|however|whatever|whenever|whether|either|neither|other|others|rather|together|later|sooner|further|ear|near|her|their|yesterday|less|unless|regardless|nevertheless|unlike|alive|above|across|against|inside|outside|twice|once|since|because|whose|these|those|see|free|three|agree|guarantee)$)(?:.*(?:[^e]er|or|ist|ian|ant|(?:resi|presi|stu)dent|man|woman|men|women|people|person|ee|ess|ive)s?)$/;

/** Adjectives and participles after "be" that carry an infinitive cue ("was quick to point out", "was prompted to say"). */
// (Not "keen to", "eager to": a wish, often of a pair cut in two by the subject search ("Lund and the board were keen to …").)
const TO_ADJECTIVES = new Set(['quick', 'quicker', 'prompted']);

/**
 * For an infinitive cue at `c` after "to": the index of the word of a phrase that carries it as a statement of its
 * subject ("was quick to say", "took to Twitter to say", "went out of his way to say", "went so far as to say"), the
 * subject standing right before that word; else -1.
 */
export function infinitiveCarrier(toks: readonly Token[], c: number): number {
  if (toks[c - 1]?.lower !== 'to') return -1;
  const w = (k: number) => toks[k]?.lower ?? '';
  if (TO_ADJECTIVES.has(w(c - 2))) return c - 2;
  const go = (k: number) => /^(?:went|go|goes|gone|going)$/.test(w(k));
  if (w(c - 2) === 'way' && /^(?:his|her|their|its|my|our|your)$/.test(w(c - 3)) && w(c - 4) === 'of' && w(c - 5) === 'out' && go(c - 6)) return c - 6;
  if (w(c - 2) === 'as' && w(c - 3) === 'far' && w(c - 4) === 'so' && go(c - 5)) return c - 5;
  // "took to Twitter to say", "has taken to the airwaves to defend": a medium of a few words between.
  for (let j = c - 3; j >= c - 6 && j > 0; j--) {
    if (!toks[j]!.word) break;
    if (w(j) === 'to') return /^(?:took|take|takes|taken|taking)$/.test(w(j - 1)) && j < c - 2 ? j - 1 : -1;
  }
  // "used his speech to call", "used part of her address to attack": an occasion the subject used.
  for (let j = c - 3; j >= c - 7 && j > 0; j--) {
    if (!toks[j]!.word) return -1;
    if (/^(?:used|uses)$/.test(w(j))) return /^(?:his|her|their|its|the|a|an|part|much|some)$/.test(w(j + 1)) ? j : -1;
  }
  return -1;
}
