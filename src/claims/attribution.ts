/**
 * Attribution: finds reported statements (cue, source, content) in sentences of plain text.
 *
 * Rules over a regex tokenizer and closed word classes rather than a tagger, because this runs on
 * every article at ingest. A sentence is only tokenized when a cheap cue regex matches it.
 *
 * @example
 * const found = findStatements(text, sentences);
 * found[0].claimant; // "HUR spokesperson Andrii Yusov"
 */
import type { Span } from '../core/types.js';
import { headOf, placeBefore, relativeSubject, tightStart } from './antecedents.js';
import { inList, objectShape, objectStance, PASSIVE_BEFORE, RUNNING } from './object-stance.js';
import { offBodyTest, resolveClaimants } from './claimants.js';
import {
  BOUNDARY, COMMON_VERBS, CUE_PREFILTER, CUE_VERBS, type CueEntry, DENIAL_WORDS, DETERMINERS, OUTLET_DISPUTE, PHRASAL_CUES,
  PRONOUNS, SKIPPABLE, SPEAKER_NOUNS, speakerNoun, TIME_WORD,
} from './lexicon.js';
import {
  allCaps, clauseSubjectBefore, clauseStart, insertedSubject, nameAfterAnd, npLeft, npRight, pluralAntecedent, quotedTokens, ROLE_OPENERS, skipLeft, span,
  subordinateSubject, substantial, titleCase, trimSpan, unitSubject, wholeSubject,
} from './phrases.js';
import { quoteParagraphs } from './quote-paragraphs.js';
import { rule } from './rules.js';
import { ACTION_WITH_TO, INVERTIBLE, NAMING, OBJECT_VERBS } from './verbs.js';
import {
  CLAUSE_OPENING, CONNECTIVES, DATED, DATING, INTRO_WORDS, MONTH, QUANT_SUBJECTS, QUANTIFIERS, QUANTITY_NOUNS, SUBORDINATE, SUBORDINATORS, TIME_HEAD, TIME_HEAD_WORDS, US_STATES,
} from './words.js';
import { colonStatement, dashBylines, embeddedClaim, namedQuote, NOMINAL_CUES, nominalClaimSource } from './side-statements.js';
import { shippedChooser, type SourceChooser } from './model/choose.js';
import { shippedTagger, type CueTagger } from './model/tagger.js';
import { growCues, shippedEdges, type CueEdges } from './model/cue-edges.js';
import { CLOSE_QUOTES, isQuote, OPEN_QUOTES, unitTokens, type Token } from './tokens.js';
import { OTHER_ABBREVIATIONS } from '../ingest/abbreviations.js';
import type { RawStatement as Raw, Stance, Statement } from './types.js';
import { unitsOf, type SentenceLike, type Unit } from './units.js';

export type { SentenceLike };

/** Options for `findStatements`. */
export interface FindOptions {
  /** Also return the outlet's own unattributed assertions, one per remaining sentence. @defaultValue false */
  outletStatements?: boolean;
  /** The outlet, used as claimant of its own statements. @defaultValue null */
  outlet?: string | null;
  /** Keep attributed statements whose source is not stated ("it was reported that"). @defaultValue true */
  keepSourceless?: boolean;
  /**
   * Statements reported inside another statement's content. `true` keeps them all; `false` drops
   * them all (for scoring against univocal gold such as PolNeAR, where a token is in one attribution
   * only); `'claims'` (what `/claim` shows) drops a statement reported inside another speaker's claim
   * ("Mook asserted that Trump tells so many lies …": Mook's claim, not Trump's), but keeps a claim a
   * denial answers ("X denied claims by Y that …") and one a channel passes on ("…, Smith said,
   * Reuters reported", "according to the Times, Smith said").
   * @defaultValue 'claims'
   */
  nested?: boolean | 'claims';
  /**
   * Keep attributions in PolNeAR's wider sense that are not claims: actions and decisions reported
   * with a speech verb ("agreed to meet", "declined to comment"), positions and intentions ("wants",
   * "opposed", "sought"), acts of record ("issued", "released"), mid-sentence polls. PolNeAR
   * annotates them; `/claim` does not show them. @defaultValue false
   */
  actions?: boolean;
  /**
   * Keep negated cues ("have not said", "do not show that"): PolNeAR annotates them as attributions,
   * but their subject asserts nothing, so `/claim` does not show them. @defaultValue false
   */
  negated?: boolean;
  /**
   * Who has the last word on each cue's source: the learned model shipped with the rules
   * (`'shipped'`, used when its weights are present), another chooser, or the rules alone (null).
   * @defaultValue 'shipped'
   */
  chooser?: SourceChooser | 'shipped' | null;
  /**
   * Proposes the cues the rules missed, in PolNeAR's wider scope only (with `actions`): the learned
   * cue tagger shipped with the rules (`'shipped'`, used when its weights are present), another
   * tagger, or none (null). On dev it adds 24 sources, 16 of them exact (source exact F1 0.742 →
   * 0.746; its proposals taken alone are right far less often than the rules' statements), too
   * loose for `/claim`, so `/claim` (without `actions`) never runs it. @defaultValue 'shipped'
   */
  tagger?: CueTagger | 'shipped' | null;
  /**
   * Cue edges in PolNeAR's convention ("has also said", "called for"), in PolNeAR's wider scope
   * only (with `actions`): the learned edges shipped with the rules (`'shipped'`, used when present),
   * others, or none (null). They move no source or content. @defaultValue 'shipped'
   */
  cueEdges?: CueEdges | 'shipped' | null;
}

const defaultOptions: Required<FindOptions> = { outletStatements: false, outlet: null, keepSourceless: true, nested: 'claims', actions: false, negated: false, chooser: 'shipped', tagger: 'shipped', cueEdges: 'shipped' };

const NOUN_MARKERS = new Set([...DETERMINERS, "'s", 'these', 'those']);
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', 'as', "isn't", "wasn't", "aren't", "weren't", 'isn’t', 'wasn’t', 'aren’t', 'weren’t', 'not']);
/** First words of a phrase describing a speaker: "a spokesman for…", "who runs…", "its chief executive". */
const APPOSITIVE_START = new Set(['a', 'an', 'the', 'who', 'whose', 'which', 'its', 'his', 'her', 'their', 'our', 'then', 'now', 'former', 'also']);
/** Words every outlet-dispute phrase contains, tested before the full pattern. */
const DISPUTE_HINT = /verif|confirm|corroborat|without|unverified|unsubstantiated/i;
/** First words of the phrasal cues, so other words skip the phrase patterns. */
const PHRASAL_STARTS = new Set(['push', 'pushed', 'pushes', 'pushing', 'cast', 'casts', 'casting', 'pour', 'poured', 'pours', 'took', 'takes', 'taking', 'take', 'raised', 'raises', 'raising', 'made', 'makes', 'making', 'laid', 'lays', 'laying', 'shot', 'shoots', 'fired', 'fires', 'hit', 'hits', 'lashed', 'lashes', 'lashing', 'weighed', 'weighs', 'chimed', 'chimes', 'sounded', 'sounds']);
/** A source's request not to be named: "asked not to be named", "requested anonymity", "declined to be identified". */
const ANONYMITY = /^(?:ask|request|declin|insist|want|spoke|speak)\w*\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+(?:anonymous|unnamed)|to\s+be\s+identified\s+only|(?:on\s+(?:the\s+)?condition\s+of\s+)?anonymity|that\s+(?:his|her|their)\s+name\s+not\b)/i;
const NOUN_PREPS = new Set(['in', 'of', 'for', 'with', 'without']);
const ADVERBS = new Set(['also', 'further', 'first', 'later', 'reportedly', 'allegedly', 'not', 'never', 'widely', 'previously', 'initially', 'originally']);
const TO_VERBS = new Set(['appeared', 'appears', 'appear', 'seemed', 'seems', 'seem', 'continued', 'continues', 'continue', 'went', 'sought', 'tried', 'wants', 'want', 'wanted', 'refused', 'declined', 'used', 'began', 'begun', 'started', 'going', 'likely', 'expected', 'set', 'ready', 'willing', 'moved', 'rushed', 'hastened', 'decided']);

/** The head of an agent phrase: the last word before its first preposition ("the head of the agency" → "head"). */
function agentHead(toks: readonly import('./tokens.js').Token[], start: number, end: number): import('./tokens.js').Token {
  for (let k = start + 1; k <= end; k++) if (/^(?:of|for|at|in|from|on|with)$/.test(toks[k]!.lower)) return toks[k - 1]!;
  let k = end;
  // "the war last fall": a trailing time phrase is not the head.
  while (k > start && (TIME_HEAD_WORDS.test(toks[k]!.lower) || /^(?:last|this|next)$/.test(toks[k]!.lower))) k--;
  return toks[k]!;
}

/** "to"-taking words that are adjectives, which `skipLeft` already passes ("likely to", "ready to"). */
const ADJECTIVE_TO = new Set(['likely', 'ready', 'willing', 'expected', 'going', 'set']);
/** Auxiliaries and modals: after a name they make it the subject of a clause ("Clinton would …"). */
const AUX_AFTER = new Set(['would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'does', 'did', "won't", "can't", "doesn't", "didn't", "isn't", "wasn't"]);
/** Nouns after which a participle is an adjective ("pledged delegates"). */
const ADJECTIVE_HEADS = new Set(['delegates', 'delegate', 'superdelegates', 'primaries', 'primary', 'convention', 'conventions', 'election', 'elections', 'seat', 'seats', 'territory', 'territories', 'waters', 'race', 'races', 'region', 'regions', 'islands', 'area', 'areas', 'states', 'districts', 'ballots', 'votes']);
/** Words after "by" that name a means of speaking, not a speaker. */
const MEANS = new Set(['telephone', 'phone', 'email', 'e-mail', 'text', 'video', 'videolink', 'satellite', 'letter', 'mail', 'fax', 'twitter', 'radio', 'television', 'name', 'way', 'means', 'contrast', 'comparison', 'far']);

/** "polls show", "the study found": evidence verbs are attributions only with such a subject. */
const EVIDENCE_SOURCE = /\b(?:polls?|surveys?|videos?|transcripts?|slides?|charts?|graphs?|maps?|averages?|websites?|e-?mails?|photos?|images?|memos?|stud(?:y|ies)|data|analys[ie]s|reports?|research(?:ers)?|records?|figures|numbers|results|investigations?|reviews?|audits?|documents?|census|models?|estimates|tests?|experts?|scientists|economists|analysts|filings?|footage|tallies|search)\b/i;
/** After a quotation, a document named after "read": "…,” read the statement", "read one". */
const DOC_AFTER = /^\s*(?:(?:the|a|an|one|another|his|her|their|its)\s+)?(?:statement|email|e-mail|message|sign|letter|post|tweet|note|release|placard|banner|one|another|text|editorial|headline|caption)\b/i;
const DOC_SOURCE = /\b(?:statement|report|message|post|letter|order|document|release|communique|readout|text|headline|caption|website|suit|lawsuit|complaint|petition|memo|e-?mail|tweet)\s*$/i;

const PERSONAL = new Set(['i', 'we', 'they', 'you', 'he', 'she', 'who']);
const MODALS = new Set(['would', 'will', 'do', 'does', 'did', "don't", "doesn't", "didn't", 'not', 'also', 'still', 'really', 'truly', 'strongly', 'to', 'could', 'might', 'may', 'can', 'should', 'must', "won't", "wouldn't", "can't"]);

/**
 * Whether a belief or position verb ("knows", "wants", "supports") reports an attitude here: only
 * in PolNeAR scope, and only as a finite verb ("they support", "backed", not "support for").
 */
function positionCue(toks: readonly import('./tokens.js').Token[], c: number, lemma: string, actions: boolean): boolean {
  if (!actions) return false;
  const cue = toks[c]!;
  const prev = toks[c - 1];
  const base = cue.lower === lemma;
  // "they want", "would like", and after a plural subject: "voters want", "Palestinians want", "4 in 10 want".
  const plural = !!prev && prev.word && /[^su’'i]s$/.test(prev.lower) && !SKIPPABLE.has(prev.lower) && !BOUNDARY.has(prev.lower) && !CUE_VERBS.has(prev.lower);
  if (base && !(prev && (PERSONAL.has(prev.lower) || MODALS.has(prev.lower) || plural || /^\d+$/.test(prev.text) || /^(?:both|others|many|most|some|few|all)$/.test(prev.lower)))) return false;
  if ((lemma === 'see' || lemma === 'view' || lemma === 'regard') && !toks.slice(c + 1, c + 9).some((x) => x.lower === 'as' || (lemma === 'see' && x.lower === 'that'))) return false;
  if (lemma === 'like' && !(cue.lower !== 'like' || prev?.lower === 'would')) return false;
  if (lemma === 'vote' && !/^(?:for|against)$/.test(toks[c + 1]?.lower ?? '')) return false;
  if (lemma === 'back' && cue.lower === 'backs') return false;
  // "the poll released Friday", "a report issued last week": a participle describing a noun, not an act.
  const after = toks[c + 1];
  if (/ed$/.test(cue.lower) && (!after || TIME_WORD.test(after.lower) || /^(?:last|this|earlier)$/.test(after.lower) ||
    (/^(?:in|on)$/.test(after.lower) && /^(?:late|early|mid|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+)$/.test(toks[c + 2]?.lower ?? '')))) return false;
  // "spoke about", "talked up", "spoke favorably of": speech with a topic, not "spoke for 77 minutes".
  if ((lemma === 'speak' || lemma === 'talk') && !/^(?:about|of|on|out|up|favorably|glowingly|highly|openly|warmly|positively|negatively|candidly|frankly)$/.test(toks[c + 1]?.lower ?? '')) return false;
  return true;
}

const POLL_HEADS = new Set(['poll', 'polls', 'survey', 'surveys']);

/** Index of the head of a poll phrase starting at `i` ("the latest CNN/ORC poll"), or -1. */
function pollAfter(toks: readonly import('./tokens.js').Token[], i: number): number {
  const first = toks[i];
  if (!first?.word || (!DETERMINERS.has(first.lower) && !first.cap && !/^(?:latest|recent|new|national|early|online|exit|entrance|snap)$/.test(first.lower))) return -1;
  for (let k = i; k < toks.length && k < i + 12; k++) {
    const x = toks[k]!;
    if (POLL_HEADS.has(x.lower)) return toks[k + 1]?.lower === "'s" || toks[k + 1]?.lower === '’s' ? -1 : k;
    if (x.word ? BOUNDARY.has(x.lower) && !DETERMINERS.has(x.lower) : !/^[\/&'’-]$/.test(x.text)) return -1;
  }
  return -1;
}

/** Words that open a description of a person after a comma ("chairman of …", "a Democrat from …"). */
const DESCRIPTION_START = /^(?:a|an|the|who|whose|one|former|then|now|executive|senior|chief|deputy|president|director|chairman|chairwoman|chair|founder|co-founder|head|leader|author|editor|professor|spokesman|spokeswoman|spokesperson|member|CEO|vice|general|managing|assistant|associate|his|her|their|its)$/i;

/** Reporting verbs that make a phrase after a name a statement of its own rather than a description. */
const REPORTING_CORE = new Set(['said', 'says', 'say', 'added', 'adds', 'told', 'tells', 'noted', 'notes', 'argued', 'argues', 'claimed', 'claims', 'explained', 'insisted', 'warned', 'wrote', 'writes', 'stated', 'reported', 'reports', 'according', 'asked', 'replied', 'responded', 'continued', 'saying', 'adding', 'telling', 'noting', 'arguing']);

/** A lower-case word opening a description of a person ("executive director of …", "co-founder of …"). */
function roleWord(t: import('./tokens.js').Token): boolean {
  return t.word && !t.cap && !/^\d/.test(t.text) && !BOUNDARY.has(t.lower) && !SKIPPABLE.has(t.lower) && !CONNECTIVES.has(t.lower) && !TIME_WORD.test(t.lower) &&
    !/(?:ly|ing|ed)$/.test(t.lower) && !CUE_VERBS.has(t.lower) && !PRONOUNS.has(t.lower);
}

/**
 * End of a description set off by commas after a name ending at `end` ("Robert Klein, chairman
 * of the institute,"), including its closing comma; `end` when there is none. An age ("Ramos,
 * 58,") is not taken, nor a phrase holding another reporting verb or "that".
 */
function appositiveEnd(toks: readonly import('./tokens.js').Token[], end: number): number {
  let from = end + 2;
  // "Ryan Leenders, 30, a member of …": an age before the description.
  if (/^\d+$/.test(toks[from]?.text ?? '') && toks[from + 1]?.text === ',') from += 2;
  const first = toks[from];
  if (toks[end + 1]?.text !== ',' || !first || !(DESCRIPTION_START.test(first.text) || roleWord(first) || (first.cap && first.word && !TIME_WORD.test(first.lower)))) return end;
  // The comma closing the last whole part of the description, once one is read.
  let closed = end;
  for (let k = from; k < toks.length && k < end + 40; k++) {
    const x = toks[k]!;
    // "…, who added that …", "…, Reuters reported": a statement of its own, not a description.
    // ("…, a retiree who worked at the plant that squeezes oranges": "that" after a noun opens a relative clause of the description.)
    const relativeThat = x.lower === 'that' && !!toks[k - 1]?.word && !CUE_VERBS.has(toks[k - 1]!.lower) && !BOUNDARY.has(toks[k - 1]!.lower) && !/(?:ed|ing|ly)$/.test(toks[k - 1]!.lower) && !!toks[k + 1]?.word && !PRONOUNS.has(toks[k + 1]!.lower) && !DETERMINERS.has(toks[k + 1]!.lower) && !toks[k + 1]!.cap;
    if (x.word && ((x.lower === 'that' && !rule('source.description-relative-that', relativeThat)) || REPORTING_CORE.has(x.lower))) return closed;
    if (x.text === ',') {
      // "Ana Ruiz, 29, of Meridian, Ind.": a state after its town is part of the place.
      const state = stateAt(toks, k + 1);
      if (state > k) {
        if (toks[state + 1]?.text !== ',' && !toks.slice(state + 1).some((y) => y.word)) return state;
        k = state;
        continue;
      }
      // "Senator Peter Welch, Democrat of Vermont, who replaced Mr. Sanders in the House": runs on.
      const more = toks[k + 1];
      if (more?.word && /^(?:who|whose|which|and|a|an|the)$/.test(more.lower)) { closed = k; continue; }
      return k;
    }
    if (!x.word && x.text !== '(' && x.text !== ')' && x.text !== '-' && x.text !== '’' && x.text !== "'" && x.text !== '&' && x.text !== '/' && x.text !== '.' && !rule('source.description-amount', (x.text === '$' || x.text === '%') && !!toks[k + (x.text === '$' ? 1 : -1)]?.word)) {
      // "…, said Lise Dahl, the author of “Low Water,” who …": a quoted title inside the description is part of it.
      const close = isQuote(x) && x.text !== "'" && x.text !== '’' && !!toks[k - 1]?.word && !CUE_VERBS.has(toks[k - 1]!.lower) && !!toks[k + 1]?.cap ? toks.findIndex((y, j) => j > k + 1 && j <= k + 14 && isQuote(y) && y.text !== "'" && y.text !== '’') : -1;
      if (rule('source.description-quoted-title', close > k + 1 && !toks.slice(k + 1, close).some((y) => y.text === '.' && !toks[toks.indexOf(y) - 1]?.word))) {
        k = close;
        // A comma closing the title inside its marks closes the description as a comma would.
        if (toks[close - 1]!.text === ',') {
          const more = toks[close + 1];
          if (more?.word && /^(?:who|whose|which|and|a|an|the)$/.test(more.lower)) { closed = close; continue; }
          return close;
        }
        continue;
      }
      // "…, said Ida Lund, who chairs the board. “The pier …": the sentence ended before the next quotation; the description runs to it.
      if (rule('source.description-to-sentence-end', isQuote(x) && k - 2 > end + 1 && toks[k - 1]!.text === '.' && !!toks[k - 2]!.word && (OPEN_QUOTES.has(x.text) || x.start > toks[k - 1]!.end))) return k - 2;
      if (isQuote(x)) return closed;
      // The sentence ends: the description runs to the last word before it.
      return toks.slice(k + 1).some((y) => y.word) ? end : k - 1;
    }
  }
  const last = toks.length - 1;
  return last < end + 40 ? (toks[last]!.word ? last : last - 1) : end;
}

/** US states abbreviated as the wires write them after a town ("Tampa, Fla.", "Albany, N.Y."); full names are `US_STATES`. */
const STATE_ABBREVIATIONS = new Set(OTHER_ABBREVIATIONS.slice(OTHER_ABBREVIATIONS.indexOf('Md')));

/** Index of the last token of a state name at token `i` ("Fla.", "Texas", "West Virginia"; its point included), or -1. */
function stateAt(toks: readonly Token[], i: number): number {
  const t = toks[i];
  if (!t?.word) return -1;
  if (/^(?:[NSW]\.[A-Z]|R\.I|D\.C)\.?$/.test(t.text)) return toks[i + 1]?.text === '.' && !t.text.endsWith('.') ? i + 1 : i;
  // "West Virginia", "New York": a state of two words.
  if (toks[i + 1]?.word && US_STATES.has(`${t.text} ${toks[i + 1]!.text}`)) return i + 1;
  if (!STATE_ABBREVIATIONS.has(t.text) && !US_STATES.has(t.text)) return -1;
  return toks[i + 1]?.text === '.' && t.text.length <= 5 && !US_STATES.has(t.text) ? i + 1 : i;
}

/** Whether tokens `start`..`end` are a state named after a capitalised town and its comma ("Dallas, Texas", "Elkton, South Dakota"). */
function stateAfterTown(toks: readonly Token[], start: number, end: number): boolean {
  return toks[start - 1]?.text === ',' && !!toks[start - 2]?.cap && stateAt(toks, start) === end;
}

/** Lower-case words that open a speaker's title before a name ("former Gov. …", "election lawyer …"). */
const ROLE_LEAD = /^(?:former|retired|then|longtime|veteran|senior|top|acting|interim|deputy|chief|state|election|campaign|master|conservative|liberal|progressive|republican|democratic|independent|political|party|civil|rights|pollster|strategist|activist|lawyer|attorney|professor|economist|analyst|historian|author|columnist|commentator|host|anchor|reporter|editor|pastor|rev\.?|ex-\w+)$/;

/** A lower-case word for someone who can speak: a speaker noun, singular or plural, or a noun for people. */
function personWord(lower: string): boolean {
  return speakerNoun(lower) || PERSON_NOUN.test(lower);
}

/**
 * Lower-case nouns for people ("voter", "physicians", "residents", "chairwoman"), by their ending; never a
 * function word that happens to end the same way ("for", "after", "over", "whether").
 */
const PERSON_NOUN = /^(?!(?:for|or|nor|per|after|over|under|never|ever|however|whatever|whenever|whether|either|neither|other|others|rather|together|later|sooner|further|ear|near|her|their|yesterday|less|unless|regardless|nevertheless|unlike|alive|above|across|against|inside|outside|twice|once|since|because|whose|these|those|see|free|three|agree|guarantee)$)(?:.*(?:[^e]er|or|ist|ian|ant|(?:resi|presi|stu)dent|man|woman|men|women|people|person|ee|ess|ive)s?)$/;

/** Words that may follow a speaker's verb when what was said came before ("“…,” she said at a rally"). */
const AFTER_SPEECH = new Set(['at', 'in', 'on', 'during', 'without', 'after', 'while', 'when', 'to']);

/**
 * Whether "told" at `cueEnd` takes only its addressee and closes the sentence ("told Reuters.", "told
 * reporters on Tuesday.", "told the crowd in Ohio."): what was said is then before the speaker. Short,
 * with no clause ("that", a verb) after it.
 */
function closingAddressee(toks: readonly Token[], cueEnd: number, lemma: string): boolean {
  if (lemma !== 'tell') return false;
  const rest = toks.slice(cueEnd + 1).filter((t) => t.word);
  if (rest.length === 0 || rest.length > 8 || toks.slice(cueEnd + 1).some((t) => isQuote(t))) return false;
  return rest.every((t) => !/^(?:that|if|whether|what|how|why|to|not)$/.test(t.lower) && !CUE_VERBS.has(t.lower) && !COMMON_VERBS.has(t.lower));
}

/**
 * "Prices will rise, Lee said at a meeting.": a short clause opening the unit before the comma, and only a
 * closing phrase of place or time (or nothing) after the cue. The clause is what was said, too short for `substantial`.
 */
function shortClauseBefore(toks: readonly Token[], comma: number, cueEnd: number): boolean {
  const head = toks.slice(0, comma);
  const words = head.filter((t) => t.word);
  if (words.length < 3 || words.length >= 6 || head.some((t) => t.text === ',' || isQuote(t))) return false;
  const first = words[0]!.lower;
  if (SUBORDINATORS.has(first) || (BOUNDARY.has(first) && !PRONOUNS.has(first) && first !== 'there')) return false;
  if (!words.slice(1).some((t) => !t.cap && (COMMON_VERBS.has(t.lower) || AUX_AFTER.has(t.lower) || /ed$/.test(t.lower)))) return false;
  const rest = toks.slice(cueEnd + 1).filter((t) => t.word);
  if (rest.length > 10 || toks.slice(cueEnd + 1).some((t) => isQuote(t))) return false;
  if (rest.length && !AFTER_SPEECH.has(rest[0]!.lower) && !TIME_WORD.test(rest[0]!.lower)) return false;
  return rest.every((t) => !/^(?:that|if|whether|what|how|why|not)$/.test(t.lower) && !CUE_VERBS.has(t.lower) && !AUX_AFTER.has(t.lower));
}

/** True when token `k` closes a quotation ("”", '"', "''", or a comma right after one). */
function quotationEnds(toks: readonly import('./tokens.js').Token[], k: number): boolean {
  const token = toks[k];
  return !!token && (CLOSE_QUOTES.has(token.text) || token.text === '"' || token.text === "''" || (token.text === ',' && isQuote(toks[k - 1])));
}

/** Finds the statements in one unit of text. */
/** One unit being scanned: its text and tokens, and the statements found so far. */
interface UnitScan {
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
interface CueSite {
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
interface Speaker {
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

/** Finds the statements in one unit of text: side statements first, then each cue in token order. */
function scanUnit(text: string, unit: Unit, actions: boolean, negated: boolean): Raw[] {
  const toks = unitTokens(text, unit.start, unit.end);
  const scan: UnitScan = { text, unit, toks, actions, negated, wire: !!unit.title && allCaps(toks), out: [], taken: new Set<number>(), questions: new Set<number>() };
  const { out, taken } = scan;
  const questions: Raw[] = [];
  const quoted = quotedTokens(toks);
  colonStatement(text, toks, unit, out, actions);
  namedQuote(text, toks, unit, out);
  for (let c = 0; c < toks.length; c++) {
    const cueWord = toks[c]!;
    // Words inside a quotation are the quoted speaker's, not reporting ("I think" in a quote).
    if (!cueWord.word || taken.has(c) || quoted[c]) continue;
    const according = accordingTo(scan, c);
    if (according !== undefined) {
      c = according;
      continue;
    }
    const poll = pollReport(scan, c);
    if (poll !== undefined) {
      c = poll;
      continue;
    }
    const site = cueAt(scan, c);
    if (!site || wordVetoed(scan, site) || senseVetoed(scan, site)) continue;
    if (site.lemma === 'point') site.cueEnd++;
    const speaker = findSpeaker(scan, site);
    // A source veto dropped the statement ("what he calls …", an attitude without its holder).
    if (!speaker) continue;
    const { source, name, apposition, antecedent, sameAsPrevious } = speaker;
    const { cueEnd, lemma } = site;
    const question = scan.questions.has(c);
    // (A question put to the speaker holds nothing said: no statement nests in it.)
    const content = question ? { start: cueWord.end, end: cueWord.end } : contentSpan(scan, site, speaker);
    let stance = site.stance;
    // Verdict words turn "said"/"called" into a denial; only inside what follows as the content ("…," Lee said,
    // repeating a false claim: the outlet's verdict on Lee's claim, which Lee asserts).
    if (stance === 'asserts' && (lemma === 'call' || lemma === 'say' || lemma === 'describe' || lemma === 'dismiss') && DENIAL_WORDS.test(text.slice(cueWord.end, Math.min(unit.end, cueWord.end + 60))) &&
      !rule('stance.verdict-outside-content', content.end <= cueWord.start)) stance = 'denies';
    stance = objectStance(toks, site, stance, scan.wire);
    let answers: Span | undefined;
    if (stance === 'denies' || stance === 'disputes') answers = nominalClaimSource(toks, cueEnd + 1);
    for (let k = c; k <= cueEnd; k++) taken.add(k);
    // (A question put to the speaker joins the unit's statements after the scan: no later cue reads it as the previous one.)
    (question ? questions : out).push({ cue: span(toks, c, cueEnd), source, content, unit, stance, lemma, ...(speaker.quoted ? { quoted: true } : {}), ...(question ? { question: true } : {}), ...(speaker.quoter ? { quoter: speaker.quoter } : {}), ...(name ? { name } : {}), ...(apposition ? { apposition } : {}), ...(answers ? { answers } : {}), ...(sameAsPrevious ? { sameAsPrevious } : {}), ...(antecedent ? { antecedent } : {}) });
    // "denied claims by X that C": X's claim is a statement of its own.
    const nominal = embeddedClaim(text, toks, cueEnd + 1, unit);
    if (nominal) {
      out.push(nominal.raw);
      taken.add(nominal.index);
    }
  }
  out.push(...questions);
  clipContents(text, out);
  return out;
}

/** "according to X": the source after the cue; returns the index to resume after, or undefined when this is no such phrase. */
function accordingTo(scan: UnitScan, c: number): number | undefined {
  const { text, unit, toks, out } = scan;
  const cueWord = toks[c]!;

  // "according to X"
  if (cueWord.lower === 'according' && toks[c + 1]?.lower === 'to') {
    let end = npRight(toks, c + 2);
    if (end < 0) return c;
    end = accordingEnd(toks, c + 2, end);
    const prevComma = c > 0 && toks[c - 1]!.text === ',';
    // "…, according to Bill Moss, a pollster who ran the survey.": with the content before it, a
    // description running to the end of the sentence is the source's, as PolNeAR writes it.
    let name: Span | undefined;
    if (prevComma && toks[end + 1]?.text === ',') {
      const described = appositiveEnd(toks, end);
      // A clause after the comma is more content ("…, according to the count, turnout fell"), not a description:
      // no verb before its first relative word.
      const relative = toks.findIndex((x, k) => k > end && /^(?:who|whose|which|that)$/.test(x.lower));
      const verb = toks.slice(end + 2, relative > end ? relative : described + 1).some((x) => x.word && !x.cap && (AUX_AFTER.has(x.lower) || COMMON_VERBS.has(x.lower) || /ed$/.test(x.lower)));
      if (rule('according.description-to-end', described > end + 1 && !verb && !toks.slice(described + 1).some((x) => x.word))) {
        name = span(toks, c + 2, end);
        end = described;
      }
    }
    const source = span(toks, c + 2, end);
    const content = prevComma || end + 1 >= toks.length - 1
      ? trimSpan(text, unit.start, toks[c]!.start)
      : trimSpan(text, toks[end + 1]!.start, unit.end);
    out.push({ cue: span(toks, c, c + 1), source, content, unit, stance: 'asserts', lemma: 'according', ...(name ? { name } : {}) });
    return end;
  }
  return undefined;
}

/** Longest "according to" source, in tokens, taken to the next comma. */
const ACCORDING_MAX = 30;

/**
 * Where an "according to" source ends: its noun phrase runs on to the next comma or the end of the
 * sentence, over what describes it ("a poll released last week by …", "a new report by Politico",
 * "early results of exit polls conducted for …") — as PolNeAR's gold writes the source (train:
 * 339 of 384 such sources end there, against 232 at the bare noun phrase). A phrase that already
 * stops at a comma or the end stays as it is; so does one that would run past ACCORDING_MAX tokens.
 */
function accordingEnd(toks: readonly Token[], start: number, np: number): number {
  // Punctuation closes the phrase: a comma, a dash or a parenthesis opens what comes after it.
  const stop = (t: Token) => !t.word && /^(?:[,;:—–(\[)]|-+)$/.test(t.text);
  let last = toks.length - 1;
  while (last > np && !toks[last]!.word && !/[)”"’']/.test(toks[last]!.text)) last--;
  let k = np + 1;
  while (k <= last && !stop(toks[k]!)) k++;
  const end = Math.min(k - 1, last);
  if (!rule('according.to-comma', end > np && end - start < ACCORDING_MAX)) return np;
  return end;
}

/** A poll opening its sentence ("In a CNN poll released Monday, Clinton led …"); returns the index to resume after, or undefined. */
function pollReport(scan: UnitScan, c: number): number | undefined {
  const { text, unit, toks, out, taken } = scan;
  const cueWord = toks[c]!;

  // "In a CNN poll released Monday, Clinton led …", "… by 28 points in the same poll": a poll reports.
  // Only a poll opening its sentence; "a lead in the polls" is a standing, not a report.
  if (cueWord.lower === 'in') {
    const poll = pollAfter(toks, c + 1);
    const standing = standingPoll(scan, c, poll);
    if (standing >= 0) {
      out.push({ cue: span(toks, c, c), source: span(toks, c + 1, standing), content: trimSpan(text, unit.start, cueWord.start), unit, stance: 'asserts', lemma: 'poll' });
      for (let k = c; k <= standing; k++) taken.add(k);
      return standing;
    }
    // Only a poll that opens the sentence reports its figures; "a lead in the polls" is a standing.
    if (poll >= 0 && (c === 0 || !toks[c - 1]!.word || CLAUSE_OPENING.has(toks[c - 1]!.lower))) {
      let end = poll;
      // "…poll released Monday", "…survey conducted in early September": the phrase describing the poll.
      if (toks[end + 1]?.word && /ed$/.test(toks[end + 1]!.lower)) while (end + 1 < toks.length && toks[end + 1]!.word && end - poll < 8) end++;
      const opening = c === 0 || !toks[c - 1]!.word || CLAUSE_OPENING.has(toks[c - 1]!.lower);
      const comma = toks.findIndex((x, k) => k > end && x.text === ',');
      const content = opening
        ? (comma >= 0 && comma - end < 10 ? trimSpan(text, toks[comma + 1]?.start ?? unit.end, unit.end) : null)
        : trimSpan(text, unit.start, cueWord.start);
      // "In a poll …, 79 percent said …": the respondents' statement is the attribution.
      // (PolNeAR annotates both: the poll reporting its figures, and the respondents' statement inside them.)
      const reported = opening && toks.some((x, k) => k > end && x.word && CUE_VERBS.has(x.lower) && !CUE_VERBS.get(x.lower)!.position);
      if (content && content.end > content.start && (!reported || rule('poll.opening-with-respondents', scan.actions))) {
        out.push({ cue: span(toks, c, c), source: span(toks, c + 1, end), content, unit, stance: 'asserts', lemma: 'poll' });
        for (let k = c; k <= end; k++) taken.add(k);
        return end;
      }
    }
  }
  return undefined;
}

/** Words before "in" that make the poll phrase part of a subject ("60 percent of voters in a CNN poll said"), not a standing. */
const POLL_SUBJECT = /^(?:voters|respondents|people|americans|democrats|republicans|independents|adults|those|men|women|likely|registered|of|surveyed|polled)$/;

/**
 * "… led by 28 points in the same poll", "fell to 10 percent in the latest CNN/ORC poll released
 * Wednesday": mid-sentence, a named or particular poll reports the standing before it (PolNeAR
 * scope only: the outlet's own figures stay its own in /claim). Not "the polls" at large, not a poll
 * inside a subject ("60 percent of voters in a CNN poll said …"), not when a cue follows. Returns
 * the last token of the poll phrase, or -1.
 */
function standingPoll(scan: UnitScan, c: number, poll: number): number {
  const { toks } = scan;
  if (!scan.actions || poll < 0 || c === 0 || !toks[c - 1]!.word || CLAUSE_OPENING.has(toks[c - 1]!.lower)) return -1;
  // A particular poll: a pollster's name or "the same/latest/new/recent poll", one poll (not "polls").
  const phrase = toks.slice(c + 1, poll);
  const particular = (phrase.some((x) => x.cap) || phrase.some((x) => /^(?:same|latest|new|recent)$/.test(x.lower))) && !/s$/.test(toks[poll]!.lower);
  if (!particular || POLL_SUBJECT.test(toks[c - 1]!.lower)) return -1;
  let end = poll;
  // "… poll released Sunday", "… poll last month".
  if (toks[end + 1]?.word && /^(?:released|conducted|taken|published)$/.test(toks[end + 1]!.lower) && toks[end + 2]?.word) end += 2;
  else if (/^(?:last|this)$/.test(toks[end + 1]?.lower ?? '') && /^(?:week|month|year)$/.test(toks[end + 2]?.lower ?? '')) end += 2;
  if (toks.some((x, k) => k > end && x.word && speechOrBelief(x))) return -1;
  return rule('poll.standing', true) ? end : -1;
}

/** A speech or belief verb (not a position) of the cue table. */
function speechOrBelief(x: Token): boolean {
  const e = CUE_VERBS.get(x.lower);
  return !!e && !e.position;
}

/** The cue scan: a reporting verb at token `c`, or a phrasal cue opening there ("pushed back"); null when there is none. */
function cueAt(scan: UnitScan, c: number): CueSite | null {
  const { text, unit, toks } = scan;
  const cueWord = toks[c]!;

  let entry = CUE_VERBS.get(cueWord.lower);
  let cueEnd = c;
  let stance: Stance | undefined = entry?.stance;
  let lemma = entry?.lemma ?? '';
  for (const phrasal of PHRASAL_STARTS.has(cueWord.lower) ? PHRASAL_CUES : []) {
    const match = phrasal.re.exec(text.slice(cueWord.start, Math.min(unit.end, cueWord.start + 30)));
    if (match) {
      stance = phrasal.stance;
      lemma = match[0].toLowerCase();
      while (cueEnd + 1 < toks.length && toks[cueEnd + 1]!.end <= cueWord.start + match[0].length) cueEnd++;
      entry = { lemma, stance: phrasal.stance, speech: true };
    }
  }
  if (!entry || !stance) return null;
  return { c, cueWord, prev: toks[c - 1], next: toks[cueEnd + 1], cueEnd, entry, stance, lemma };
}

/** Words opening a question or its topic after "asked" ("asked whether", "asked about", "asked by reporters"). */
const QUESTION_AFTER_ASKED = /^(?:by|about|whether|if|what|how|why|when|where|which|who|whom|at|during|on|to|for|in|after|later|again|repeatedly|today|yesterday)$/;

/**
 * Whether the cue at `site` is "asked" as a participle or a passive putting a question to the subject:
 * opening the sentence ("Asked by reporters if …", "Asked about it, …"), after "when"/"if" ("when asked by
 * reporters"), set off by commas after the subject ("Lee, asked whether …, said"), or "was asked by X whether".
 */
function askedQuestion(toks: Token[], site: CueSite): 'asker' | 'subject' | null {
  const { c, cueWord, prev, next } = site;
  if (cueWord.lower !== 'asked') return null;
  let first = 0;
  while (first < c && !toks[first]!.word) first++;
  if (first === c) return next?.word && next.lower !== 'that' ? 'asker' : null;
  const wh = /^(?:whether|if|what|how|why|when|where|which|who|about)$/;
  // "Hillary Clinton was once asked which …", "Reagan was asked how …": the subject was asked.
  const aux = /^(?:once|also|repeatedly|later|again|often)$/.test(prev?.lower ?? '') ? toks[c - 2] : prev;
  if (PASSIVE_BEFORE.has(aux?.lower ?? '') && wh.test(next?.lower ?? '')) return 'subject';
  if (/^(?:when|if|once|after|before|while|unless|until|as)$/.test(prev?.lower ?? '')) return 'asker';
  const question = !!next && QUESTION_AFTER_ASKED.test(next.lower);
  // "Lee, asked about the pier, said …": the participle's clause closes with a comma before the main verb.
  if (prev?.text === ',' && question && toks.slice(c + 2).some((x, k) => x.text === ',' && toks[c + 3 + k]?.word && !toks[c + 3 + k]!.cap)) return 'subject';
  // "was asked by reporters whether …": the passive of a question.
  if (next?.lower === 'by' && PASSIVE_BEFORE.has(prev?.lower ?? '')) {
    const end = npRight(toks, c + 2);
    return end >= 0 && wh.test(toks[end + 1]?.lower ?? '') ? 'asker' : null;
  }
  return null;
}

/** Adverbs that may sit between a negation and its verb ("has not yet said", "did not publicly deny"). */
const NEGATION_GAP = new Set(['yet', 'publicly', 'explicitly', 'ever', 'actually', 'officially', 'specifically', 'directly', 'formally', 'personally', 'previously', 'always', 'really']);

/**
 * True when the cue is negated ("have not said", "do not show", "never claimed", "didn't deny"):
 * its subject asserts nothing, and a noun in its content is no claimant (issue 14, pattern 4).
 */
export function negatedCue(toks: readonly Token[], c: number): boolean {
  let k = c - 1;
  while (k >= 0 && k >= c - 3 && NEGATION_GAP.has(toks[k]!.lower)) k--;
  const word = toks[k]?.lower ?? '';
  return word === 'not' || word === 'never' || /n't$/.test(word) || (word === 'longer' && toks[k - 1]?.lower === 'no');
}

/** The vetoes on the word's form and what precedes it: a noun, an adjective or an infinitive rather than a reporting verb. */
function wordVetoed(scan: UnitScan, site: CueSite): boolean {
  const { text, unit, toks, actions, wire } = scan;
  const { c, cueWord, cueEnd, entry, stance, lemma } = site;

  if (rule('cue.position-form', (entry.position || entry.belief) && !positionCue(toks, c, entry.lemma, actions || !!entry.belief))) return true;
  // A negated verification ("could not be verified") is the outlet's dispute, found separately.
  if (rule('cue.negated-verification', stance === 'confirms' && /\b(?:not|n't|never)\b/.test(text.slice(toks[Math.max(0, c - 4)]!.start, cueWord.start)))) return true;
  if (rule('cue.negated', !scan.negated && negatedCue(toks, c))) return true;
  // Capitalised cues only at the start of a sentence ("Said X, …") or in a title-case headline.
  if (rule('cue.capitalised-mid-sentence', cueWord.cap && c > 0 && !unit.title && !titleCase(toks) && !isQuote(toks[c - 1]))) return true;
  const prev = site.prev;
  // Nominal use ("the claims", "in charge of"): not a reporting verb here.
  // ("He's describing" is "he is describing": a possessive only after a noun.)
  const contraction = prev?.lower === "'s" && PRONOUNS.has(toks[c - 2]?.lower ?? '');
  // "Two in three said", "Some say", "Many believed": a quantifier standing alone is the subject of a verb.
  const quantified = !!prev && QUANT_SUBJECTS.has(prev.lower) && (/ed$/.test(cueWord.lower) || /^(?:said|say|told|wrote|thought|think|believe|argue|agree)$/.test(cueWord.lower));
  if (rule('cue.after-determiner', prev && !contraction && !quantified && (NOUN_MARKERS.has(prev.lower) || NOUN_PREPS.has(prev.lower)))) return true;
  // "despite repeated warnings", "amid renewed calls": a participle after a preposition is an adjective.
  if (rule('cue.participle-after-preposition', prev && /ed$/.test(cueWord.lower) && /^(?:despite|amid|after|before|over|against|following|from|about|among|through|under|without|like|unlike|including)$/.test(prev.lower))) return true;
  // "who asked not to be named", "requested anonymity": why a source goes unnamed, not a statement.
  if (rule('cue.anonymity-request', ANONYMITY.test(text.slice(cueWord.start, (toks[Math.min(cueEnd + 6, toks.length - 1)] ?? cueWord).end)))) return true;
  // "Asked by reporters if …, Lee replied", "Lee, asked about the pier, said", "when asked by the agency": the asked
  // person answers in the main clause; the asker only put a question, and the question is nobody's claim (/claim scope).
  const asked = actions ? null : askedQuestion(toks, site);
  if (rule('cue.asked-question', !!asked)) {
    // What was asked is no statement either ("Asked if he expected a decline, …", "asked what he thought"), up to
    // the comma closing the question (without one the main clause is not told apart); a relative's "who said" stays.
    const close = toks.findIndex((x, k) => k > c && (x.text === ',' || x.text === ';' || /^(?:--|—|–)$/.test(x.text) || isQuote(x)));
    // ("… on the battle he said, “…”": a comma after the main clause's verb closes no question.)
    if (close > 0 && toks[close]!.text === ',' && !CUE_VERBS.has(toks[close - 1]!.lower) && !isQuote(toks[close + 1])) for (let k = c + 1; k < close; k++) if (!/^(?:who|which)$/.test(toks[k - 1]!.lower)) scan.taken.add(k);
    // The asked subject ("Clinton was once asked …", "Huayta, asked …,") is kept as a question: never shown, but
    // the one a later "She responded" stands for.
    if (asked === 'subject') scan.questions.add(c);
    return asked === 'asker';
  }
  // "called to service", "called to testify": summoned, not a statement.
  if (rule('cue.called-to', lemma === 'call' && toks[cueEnd + 1]?.lower === 'to')) return true;
  // "a cautious note", "the harsh criticism": after an article and an adjective, a noun.
  if (rule('cue.noun-after-adjective', prev && !prev.cap && /(?:ous|ful|less|able|ible)$/.test(prev.lower) && /^(?:a|an|the|his|her|their|its|this|that)$/.test(toks[c - 2]?.lower ?? '') && !SPEAKER_NOUNS.has(prev.lower) && !PERSON_NOUN.test(prev.lower))) return true;
  // "baseless claims", "false reports": after an adjective, an -s form is a plural noun.
  if (rule('cue.plural-noun-after-adjective', prev && !prev.cap && /s$/.test(cueWord.lower) && !/ss$/.test(cueWord.lower) && (/(?:less|ful|ous|able|ible|ed)$/.test(prev.lower) && !SPEAKER_NOUNS.has(prev.lower) && !PERSON_NOUN.test(prev.lower) || DENIAL_WORDS.test(prev.lower)))) return true;
  // "rejects claims that", "denied reports of": a plural cue word right after a reporting verb is that verb's object.
  if (rule('cue.plural-noun-after-cue', prev && !prev.cap && PLURAL_CUE_NOUNS.test(cueWord.lower) && CUE_VERBS.has(prev.lower) && /(?:s|ed)$/.test(prev.lower))) return true;
  // "271 pledged delegates": a participle after a number is an adjective.
  if (rule('cue.participle-after-number', prev && /^\d[\d,.]*$/.test(prev.text) && /ed$/.test(cueWord.lower))) return true;
  // "the Fed's last confirmed intervention", "its first reported loss": a participle after an ordinal that follows a determiner is an adjective.
  if (rule('cue.participle-after-ordinal', prev && /ed$/.test(cueWord.lower) && /^(?:last|first|latest|previous|only|earlier|recent)$/.test(prev.lower) && /^(?:'s|’s|'|’|its|their|his|her|the|a|an|this|that|our)$/.test(toks[c - 2]?.lower ?? ''))) return true;
  // "Lyng said to have no comment", "is believed to be planning": hearsay about the subject, who says nothing (/claim scope).
  if (rule('cue.hearsay-passive', !actions && /^(?:said|reported|believed|thought|rumoured|rumored)$/.test(cueWord.lower) && toks[cueEnd + 1]?.lower === 'to' && /^(?:be|have)$/.test(toks[cueEnd + 2]?.lower ?? ''))) return true;
  // "EMS INTERVENTION SAID SOMETIMES COUNTERPRODUCTIVE", "SUGAR AREAS SAID RECEIVING RAIN": a headline's past "said"
  // before "to", an -ing form, an adverb or "likely", "near" is the passive of hearsay ("Trump Said The 11 Words" is speech) (/claim scope).
  if (rule('cue.headline-said-passive', !actions && unit.title && cueWord.lower === 'said' && !!site.next?.word && /^(?:to|likely|unlikely|near|close|ready|set|poised|still|sometimes)$|[a-z](?:ing|ly)$/.test(site.next.lower))) return true;
  // "SIX REPORTED WOUNDED IN STRIKE", "UAL UNIT ATTACKED ON HIRING": in a wire headline a past form with words after it
  // is the passive of headlinese (the speech verb there is "SAYS"); a closing "…, TRADERS SAID", "HAS REPORTED" and "SAID HE …" stay (/claim scope).
  // ("TECHNIMED SAID COMPANY CANCELLED CONTRACT" is speech: after "SAID" only a complement makes it passive.)
  if (rule('cue.headline-passive', !actions && wire && /(?:ed|^said|^told|^seen|^shown)$/.test(cueWord.lower) && !!site.next?.word && (cueWord.lower !== 'said' || HEADLINE_COMPLEMENT.test(site.next.lower)) && !!prev?.word && !/^(?:has|have|had)$/.test(prev.lower))) return true;
  // "DEBT PROGNOSIS AGREED, BUT NO CURE IN SIGHT", "MERGER TALKS CONFIRMED": a past form ending the headline's clause is
  // its passive too (a headline's speech is "SAYS"); "…, TRADERS SAID" and "HAS DENIED" stay (/claim scope).
  const clauseEnd = !site.next || (!site.next.word && /^(?:,|;|:|-+|—|–)$/.test(site.next.text));
  if (rule('cue.headline-passive-end', !actions && wire && clauseEnd && /ed$|^(?:seen|shown)$/.test(cueWord.lower) && !/^(?:need|feed|speed|proceed|succeed|exceed)$/.test(cueWord.lower) && !!prev?.word && !/^(?:has|have|had|it|he|she|they|we)$/.test(prev.lower) && !CUE_VERBS.has(prev.lower))) return true;
  // "AMERICAN EXPRESS <AXP> SEEN IN …", "FEDERAL EXPRESS <FDX> VOLUME RISES": in a wire headline a cue before a ticker,
  // or one the article writes in a name with the word before it ("American Express"), is that name's.
  if (rule('cue.headline-name', wire && (/^\s*<[A-Z0-9.]{1,8}>/.test(text.slice(cueWord.end, cueWord.end + 12)) || (!!prev?.word && /^\p{Lu}/u.test(prev.text) && text.indexOf(`${capitalised(prev.text)} ${capitalised(cueWord.text)}`, unit.end) >= 0)))) return true;
  // "JOBLESS CLAIMS FELL IN WEEK", "USDA REPORTS SEEN NEGATIVE": in a wire headline an -s cue (never "SAYS") before a past form is a plural noun.
  if (rule('cue.headline-noun-before-verb', wire && PLURAL_CUE_NOUNS.test(cueWord.lower) && /^(?:[a-z]{3,}ed|fell|rose|seen|grew|shown|hit)$/.test(site.next?.lower ?? '') && !!prev?.word)) return true;
  // "will announce", "may tell", "is expected to announce": nothing has been said yet (/claim scope).
  // ("may" and "might" only before a verb's base form: "Theresa May said" is a name.)
  const modal = /^(?:may|might)$/.test(prev?.lower ?? '') && cueWord.lower === lemma;
  if (rule('cue.future', !actions && (/^(?:will|'ll|shall)$/.test(prev?.lower ?? '') || modal || (prev?.lower === 'to' && /^(?:expected|set|going|likely|due|scheduled|poised)$/.test(toks[c - 2]?.lower ?? ''))))) return true;
  // "to observe": an infinitive is only a cue after verbs like "appeared to", "wants to".
  // ("went on to say": the phrase "went on to" too.)
  const wentOn = toks[c - 2]?.lower === 'on' && /^(?:went|goes|go|going|gone)$/.test(toks[c - 3]?.lower ?? '');
  if (rule('cue.bare-infinitive', prev?.lower === 'to' && !TO_VERBS.has(toks[c - 2]?.lower ?? '') && !wentOn)) return true;
  // "the statement reads"; after a quotation also "…,” read the statement." / "read one".
  // ("…,” it reads." and "it reads, “…”", "the caption, which reads: “…”": the text quoted is what reads.)
  const quotedNext = (toks[cueEnd + 1]?.text === ':' || toks[cueEnd + 1]?.text === ',') && isQuote(toks[cueEnd + 2]);
  const itReads = prev?.lower === 'it' && (quotedNext || !toks[cueEnd + 1] || /^[.!]$/.test(toks[cueEnd + 1]!.text));
  if (rule('cue.read-without-document', lemma === 'read' && !itReads && !(quotedNext && cueWord.lower === 'reads') && !DOC_SOURCE.test(text.slice(toks[Math.max(0, c - 4)]!.start, cueWord.start)) && !((isQuote(prev) || prev?.text === ',') && DOC_AFTER.test(text.slice(cueWord.end, Math.min(unit.end, cueWord.end + 30)))))) return true;
  return false;
}

/** The vetoes on the verb's sense from what follows it: adding jobs, a telephone call, a name, a credit line. */
function senseVetoed(scan: UnitScan, site: CueSite): boolean {
  const { text, unit, toks, actions } = scan;
  const { c, cueWord, prev, next, cueEnd, lemma } = site;

  // "X called the report fictitious": "call" is only a cue with a verdict word, "call for" or a quote.
  if (rule('sense.show-without-evidence', (lemma === 'show' || lemma === 'find') && !EVIDENCE_SOURCE.test(text.slice(toks[Math.max(0, c - 20)]!.start, cueWord.start)))) return true;
  // "a program called Sandy Hook Promise": a name, not a verdict.
  // "a movement called the …", "which is called the Thrift Savings Plan": a name, not a verdict.
  // "… and called the political system “rotten”", "called undocumented immigrants “rapists”": a verdict
  // (a quotation after the object), never right after the verb, which would be a name ("a group called “X”").
  const verdictQuote = () => toks.slice(c + 2, c + 9).some((x) => OPEN_QUOTES.has(x.text) || x.text === '"' || x.text === "''") && !isQuote(toks[c + 1]);
  if (rule('sense.called-without-verdict', lemma === 'call' && cueWord.lower === 'called' && prev?.word && !prev.cap && !PRONOUNS.has(prev.lower) && !SKIPPABLE.has(prev.lower) && !SPEAKER_NOUNS.has(prev.lower) && !/ly$/.test(prev.lower) && !DENIAL_WORDS.test(text.slice(cueWord.end, Math.min(unit.end, cueWord.end + 60))) &&
    !((prev.lower === 'and' || prev.lower === 'but' || PERSON_NOUN.test(prev.lower)) && verdictQuote()))) return true;
  // "called her to get together", "called him on Sunday": a telephone call.
  if (rule('sense.phone-call', lemma === 'call' && /^(?:him|her|them|me|us)$/.test(next?.lower ?? '') && /^(?:to|on|and|in|at|after|before|last|\.|,)$/.test(toks[cueEnd + 2]?.lower ?? '.'))) return true;
  // "maintains a floating array of …": keeping, not saying.
  if (rule('sense.maintain-keeping', lemma === 'maintain' && !(next && (next.lower === 'that' || isQuote(next) || next.text === ',' || next.text === ':' || PRONOUNS.has(next.lower))))) return true;
  // "the U.S. added 292,000 jobs", "added to the list": adding, not saying.
  if (rule('sense.add-numbers', lemma === 'add' && (next?.lower === 'to' || toks.slice(cueEnd + 1, cueEnd + 3).some((x) => /^\d/.test(x.text))))) return true;
  // "FED ADDS RESERVES VIA REPURCHASES", "Airline Adds Nonstop Flights": a headline's "adds" with words after it is adding (said is "SAYS").
  if (rule('sense.add-headline', lemma === 'add' && unit.title && !!next?.word && next.lower !== 'that')) return true;
  // "14 pct guaranteed notes", "Swiss franc notes", "DISCOUNT NOTE RATES": "note" is a debt security after a rate, currency or
  // term word, and in a wire headline before what is issued of it; "the Treasury notes that …" stays a cue.
  if (rule('sense.note-security', /^notes?$/.test(cueWord.lower) && next?.lower !== 'that' && !isQuote(next) && next?.text !== ',' && next?.text !== ':' &&
    (NOTE_BEFORE.test(prev?.lower ?? '') || /^\d/.test(prev?.text ?? '') || (scan.wire && (NOTE_AFTER.test(next?.lower ?? '') || NOTE_VERB_BEFORE.test(prev?.lower ?? '')))))) return true;
  // "two-year notes", "senior capital notes", "a strong note", "the Rockwell notes in bidding", "collateralized Euroyen notes",
  // "PLANS NOTES, PREFERRED ISSUE": "note" as a noun — a security or a tone — after a modifier, not after a speaker.
  const nounAfter = (t: Token | undefined) => !!t && t.word && !t.cap && (/-year$|-term$|-rate$/.test(t.lower) || NOTE_MODIFIER.test(t.lower));
  const namedBefore = !!prev?.cap && (() => {
    let k = c - 1;
    while (k >= 0 && toks[k]!.cap && toks[k]!.word) k--;
    const before = toks[k];
    return !!before && ((/^(?:the|a|an)$/.test(before.lower) && /^(?:in|carried|were|was|which|due|with|of|had|have|are|is|will|would|for|to|at|on|sold|issued|rated|maturing)$/.test(next?.lower ?? '')) || (before.word && !before.cap && /(?:ed|al|ive)$/.test(before.lower) && !SPEAKER_NOUNS.has(before.lower)) || /^\d/.test(before.text));
  })();
  if (rule('sense.note-noun', /^notes?$/.test(cueWord.lower) && !isQuote(next) && ((next?.text !== ':' && next?.text !== ',' && next?.lower !== 'that' && (nounAfter(prev) || namedBefore)) || (scan.wire && !!prev?.word && NOTE_VERB_BEFORE.test(prev.lower))))) return true;
  // "profits declining", "refused the offer": only "declined to …"/"declined comment" report anything.
  if (rule('sense.decline-without-to', (lemma === 'decline' || lemma === 'refuse') && next?.lower !== 'to' && next?.lower !== 'comment' && next?.lower !== 'further')) return true;
  // "continued" reports speech only next to a quotation ("…," he continued); otherwise it is an action.
  // "pledged delegates", "contested primaries": a participle used as an adjective.
  if (rule('sense.participle-adjective', /ed$/.test(cueWord.lower) && ADJECTIVE_HEADS.has(next?.lower ?? ''))) return true;
  // "Additional reporting by …", "precincts reporting": credit lines and tallies.
  if (rule('sense.reporting-credit', cueWord.lower === 'reporting' && (/^(?:additional|contributed|contributing|precincts|their|his|her|its|our)$/.test(prev?.lower ?? '') || next?.lower === 'by' || next?.lower === 'from'))) return true;
  // "Julie Hirschfeld Davis reported from Midway Atoll": a reporting credit, not a statement.
  if (rule('sense.reported-from', cueWord.lower === 'reported' && next?.lower === 'from' && toks[cueEnd + 2]?.cap)) return true;
  // "His nonprofit group, called the Virginia Conservation Legacy", "a fare, called "On The Town,"": a name after a comma.
  if (rule('sense.called-name-after-comma', cueWord.lower === 'called' && prev?.text === ',' && next && (next.cap || ((next.lower === 'the' || isQuote(next)) && toks[cueEnd + 2]?.cap)) && toks[c - 2]?.word && !toks[c - 2]!.cap)) return true;
  // "a ruling expected in coming weeks": expected events, not expectations anyone voiced.
  if (rule('sense.expected-event', cueWord.lower === 'expected' && /^(?:in|on|at|this|next|later|soon|by|within|during|for|to|from|around|over)$/.test(next?.lower ?? ''))) return true;
  // "calls" is a verb only after its subject ("Clinton calls …", "he calls for …"), not "phone calls".
  // ("Jake Sullivan, her aide, calls …", "The former first lady calls it …".)
  if (rule('sense.calls-noun', cueWord.lower === 'calls' && !(prev && (prev.cap || prev.text === ',' || /^(?:he|she|it|who|which|also|now|then|again|still|repeatedly|often|lady)$/.test(prev.lower) || SPEAKER_NOUNS.has(prev.lower) || PERSON_NOUN.test(prev.lower)) && next && (next.word || isQuote(next)) && !BOUNDARY.has(/^(?:for|on|it|him|her|them|this|these|that)$/.test(next.lower) ? 'x' : next.lower)))) return true;
  // "a group called “Color of Change”", "a program called Sandy Hook Promise": a name, not a verdict.
  if (rule('sense.called-name', cueWord.lower === 'called' && prev?.word && !prev.cap && !PRONOUNS.has(prev.lower) && next && (isQuote(next) || next.cap) &&
    (!(SPEAKER_NOUNS.has(prev.lower) || PERSON_NOUN.test(prev.lower)) || toks.slice(Math.max(0, c - 4), c).some((x) => x.lower === 'a' || x.lower === 'an')))) return true;
  // "think tank": a noun.
  if (rule('sense.think-tank', lemma === 'think' && /^tanks?$/.test(next?.lower ?? ''))) return true;
  if (rule('sense.continue-without-quote', lemma === 'continue' && !isQuote(next) && next?.text !== ':' && !toks.slice(Math.max(0, c - 3), c).some(isQuote))) return true;
  // "agreed to set up", "pledged to cut", "declined to comment": a commitment or an action, not a statement.
  if (rule('sense.action-with-to', !actions && ACTION_WITH_TO.has(lemma) && (next?.lower === 'to' || next?.lower === 'on' || (lemma === 'pledge' && next?.lower === 'allegiance')))) return true;
  // "declined comment", "refused further comment": saying nothing is no claim (PolNeAR's wider scope keeps it).
  if (rule('sense.no-comment', !actions && (lemma === 'decline' || lemma === 'refuse') && (next?.lower === 'comment' || next?.lower === 'further'))) return true;
  if (rule('sense.refer-without-to', lemma === 'refer' && next?.lower !== 'to')) return true;
  if (rule('sense.point-without-out', lemma === 'point' && next?.lower !== 'out' && next?.lower !== 'to')) return true;
  // "both are heavily contesting Ohio", "contest the seat": running for it, not disputing anything (a bare name as
  // object is a state or a rival; a claim is contested as "X's claim", "the result").
  if (rule('sense.contest-campaign', lemma === 'contest' && (() => { const o = objectShape(toks, cueEnd); return o.name || inList('campaign', o.head); })())) return true;
  // "The agency quoted Li as saying …", "Li was quoted by the agency as saying …": the quoted person's statement is
  // found at "saying"; the quoting outlet only reports it (/claim scope; PolNeAR's gold makes the outlet the source).
  if (rule('source.quoted-as-saying', !actions && lemma === 'quote' && quotedAsAfter(toks, cueEnd) > 0)) return true;
  // "announced a tender", "declared a moratorium": an act done by announcing it, not a claim (/claim scope).
  if (rule('sense.act-object', !actions && (lemma === 'announce' || lemma === 'declare') && next?.word && next.lower !== 'that' && inList('act', objectShape(toks, cueEnd, scan.wire).head))) return true;
  // "JAMAICA AGREES DRAFT BANK DEBT RESCHEDULING", "OECD AGREES EXPORT CREDIT REFORMS": a wire headline's "AGREES" before a
  // plain noun phrase concludes a deal; "AGREE RATE CUT NOT APPROPRIATE", "AGREES WITH POEHL", "AGREE NEED FOR …" stay (/claim scope).
  if (rule('sense.agree-headline-deal', !actions && scan.wire && lemma === 'agree' && !!next?.word && !/^(?:with|on|that|to|over|about|in|need|it|they)$/.test(next.lower) &&
    !toks.slice(cueEnd + 1).some((x) => x.word && AGREED_CLAIM.test(x.lower)))) return true;
  // "NORTH YEMEN CALLS SUGAR BUYING TENDER", "the union called a strike": calling a tender or a strike holds it (/claim scope).
  // ("called the buyback a good investment", "called the strike part of a campaign": a verdict after the object is naming.)
  if (rule('sense.call-act', !actions && lemma === 'call' && next?.word && !/^(?:for|on|it|him|her|them|this|that)$/.test(next.lower) && (() => {
    const o = objectShape(toks, cueEnd, scan.wire);
    const after = toks[o.headAt + 1];
    return inList('act', o.head) && (!after || !after.word || /^(?:for|to|on|in|at|of|today|tomorrow|yesterday|next|this|last|until|from|after|before|with|by|which|that)$/.test(after.lower));
  })())) return true;
  // "SUZUKI RECALLS 63,000 CARS", "Searle recalled them in March": recalling a product takes it back; remembering
  // speaks of what happened ("recalled that …", "recalled how …", "recalled Ali's generosity"): outside a wire headline only
  // a number, "them", "it" or "its" after the verb is a product (or an envoy: "recalled its ambassador") (/claim scope).
  if (rule('sense.recall-product', !actions && lemma === 'recall' && !!next && !isQuote(prev) && prev?.text !== ',' && (scan.wire ? !isQuote(next) && next.text !== ':' && !/^(?:that|how|what|when|where|why|whether)$/.test(next.lower) : /^\d/.test(next.text) || /^(?:them|it|some|all|about|nearly|almost|more|its|their)$/.test(next.lower)))) return true;
  // "the Senate confirmed a judge", "Republicans are confirming judges": an appointment, not a confirmation of a claim.
  if (rule('sense.confirm-appointment', lemma === 'confirm' && inList('appointment', objectShape(toks, cueEnd).head))) return true;
  // "a lawyer who is challenging Rep. Ames in Ohio", "challenged him for the seat": running against someone.
  if (rule('sense.challenge-campaign', lemma === 'challenge' && (() => {
    const o = objectShape(toks, cueEnd);
    const after = toks.slice(o.stopAt + 1, o.stopAt + 4);
    // ("challenged Trump to a debate before the caucus" is a dare: not after "to".)
    const running = o.stop !== 'to' && toks.slice(o.stopAt + 1, o.stopAt + 9).some((x) => RUNNING.has(x.lower));
    // ("the governor challenged by Sanders 30 years ago": a passive after the office holder.)
    const passiveRival = next?.lower === 'by' && (SPEAKER_NOUNS.has(prev?.lower ?? '') || /^(?:incumbent|governor|senator|congressman|congresswoman|mayor|representative)$/.test(prev?.lower ?? ''));
    return passiveRival || (o.person && o.stopAt > 0 && ((o.stop === 'in' && !!after[0]?.cap) || ((o.stop === 'in' || o.stop === 'for') && after.some((x) => inList('campaign', x.lower))) || running));
  })())) return true;
  return false;
}

/** Words making what a headline "AGREES" a claim rather than a deal ("RATE CUT NOT APPROPRIATE", "A340 COMMERCIALLY SOUND"). */
const AGREED_CLAIM = /^(?:not|no|[a-z]{3,}ly|sound|appropriate|inappropriate|necessary|unnecessary|needed|possible|impossible|likely|unlikely|right|wrong|too|justified|unjustified|essential|vital|acceptable|unacceptable|adequate|inadequate|sufficient|insufficient|premature|overvalued|undervalued|is|are|was|were|will|would|should|must|can|could|may|might|has|have|had)$/;
/** A complement after a wire headline's "SAID" (an adjective, a participle, an adverb, a particle) that makes it passive ("SAID NOT DAMAGED"). */
const HEADLINE_COMPLEMENT = /^(?:[a-z]{3,}(?:ed|ing|ly|able|ible|ent|ant|ain|ive|ful|less|ous|ic)|not|to|up|down|off|open|near|close|set|ready|still|now|in|on|at|lax|firm|weak|strong|high|low|higher|lower|better|worse|steady|flat|stable|ahead|behind|safe|held|hit|cut|shut|seen|known|taken|given|done|split|sold|bought|won|lost)$/;
/** Cue forms that are also plural nouns ("JOBLESS CLAIMS FELL"; "PROPOSES REDUCED BUDGET" is a verb before an adjective). */
const PLURAL_CUE_NOUNS = /^(?:claims|reports|notes|calls|comments|estimates|forecasts|projections|statements|remarks|demands|appeals|requests|charges|warnings|pledges|promises|protests|complaints|threats|denials|questions|fears|doubts|hopes|concerns|criticisms|accusations|allegations)$/;
/** Words before "notes" that make it a debt security ("guaranteed notes", "Swiss franc notes", "medium-term notes"). */
const NOTE_BEFORE = /^(?:pct|percent|%|term|medium-term|short-term|long-term|discount|treasury|euro|guaranteed|senior|subordinated|junior|floating|floating-rate|rate|coupon|zero-coupon|convertible|promissory|exchangeable|secured|unsecured|bank|year|franc|francs|dollar|dlr|dlrs|yen|mark|sterling|stg|ecu|ecus|debt|loan|credit)$/;
/** Words after a wire headline's "NOTE" that make it a security ("DISCOUNT NOTE RATES", "FILES NOTE OFFERING", "NOTES RELISTED"). */
const NOTE_AFTER = /^(?:and|offer|rates?|programs?|programmes?|offering|offerings|issues?|facility|facilities|due|sales?|market|holders|auction|relisted|poised|priced|placed|maturing|redemption|swap)$/;

/** Modifiers making "note(s)" a noun: securities ("capital notes", "government notes"), a tone ("a strong note"), new issues. */
const NOTE_MODIFIER = /^(?:capital|government|new|old|strong|sour|positive|negative|upbeat|optimistic|pessimistic|conciliatory|high|final|unconverted|perpetual|medium|short|long|bearer|collateralized|collateralised|subordinate|variable|fixed|municipal|corporate|mortgage|hopeful|somber|sombre|sober|similar|different|personal|handwritten|suicide|sticky|further)$/;
/** A wire headline's verb whose object is "NOTES" ("UNIT SELLS NOTES AND DEBENTURES", "KENAI SETS NOTE OFFER"). */
const NOTE_VERB_BEFORE = /^(?:sells|files|sets|plans|issues|prices|offers|places|redeems|buys|launches|extends|calls|arranges|registers|sell|file|set|plan|issue|price|offer|place|redeem|buy|launch|extend|arrange|register)$/;

/** A word written as a name ("EXPRESS" → "Express"). */
function capitalised(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** The source of the cue, by the source rules in order; null when a statement veto drops the cue. */
function findSpeaker(scan: UnitScan, site: CueSite): Speaker | null {
  const { text, unit, toks } = scan;
  const { c, cueWord, prev, entry, lemma } = site;
  // Participles used as adjectives before a noun ("the claimed victory") were caught above; "said" in "the said" too.
  const speaker: Speaker = { source: null, sameAsPrevious: false, contentBefore: false };
  const before = subjectEnd(toks, site);
  const wordBefore = toks[before];
  const passive = isPassive(toks, site);
  // "quoted Li as saying", "Li was quoted by the agency as saying": the quoted person speaks (/claim scope).
  const quoter = scan.actions || prev?.lower !== 'as' ? -1 : quoteBefore(toks, c);
  if (rule('source.quoted-as-saying', quoter >= 0)) {
    quotedSpeaker(scan, site, quoter, speaker);
    return speaker;
  }
  // A participle after a comma ("…, adding that"): the subject of the clause speaks.
  const participle = /ing$/.test(cueWord.lower) && (prev?.text === ',' || toks[skipLeft(toks, c - 1)]?.text === ',');
  if (participle && !passive) participleSource(scan, site, speaker);
  else if (passive) speaker.source = passiveAgent(toks, site);
  else if (invertedCue(scan, site)) invertedSource(toks, site, speaker);
  else if (wordBefore) sourceBefore(scan, site, before, wordBefore, speaker);
  if (!speaker.source && !speaker.sameAsPrevious && !speaker.cutName && !passive && (prev?.text === ',' || (prev?.lower === 'by' && /ing$/.test(cueWord.lower)))) {
    // "…, saying that", "punctuated his list by saying": the subject of the clause said it —
    // inside a relative clause, the relative's ("sat with Paul Ryan, who surprised Trump by declaring …").
    const who = prev?.lower === 'by' ? relativeBefore(toks, c) : -1;
    if (rule('source.relative-by', who > 0)) pronounSource(toks, site, who, toks[who]!, speaker);
    else {
      const subj = unitSubject(toks) ?? clauseSubjectBefore(toks, c);
      if (subj && subj[1] < c) describedSubject(toks, subj, c, speaker);
    }
  }
  // "Lund, who in 2019 said …", "a mayor who has in the past described …": a relative pronoun before a
  // phrase of time or manner set into the clause is the subject, as right before the verb.
  if (!speaker.source && !speaker.sameAsPrevious && !passive) {
    const who = relativeAcrossPhrase(toks, c);
    if (rule('source.relative-across-phrase', who >= 0)) pronounSource(toks, site, who, toks[who]!, speaker);
  }
  // "Several dockers I spoke with last week said …", "A person familiar with the board's plans says …":
  // a long subject the phrase search gave up on, opening its sentence and running up to the verb.
  if (!speaker.source && !speaker.sameAsPrevious && !passive) {
    const from = wholeClauseSubject(toks, c, before);
    if (rule('source.whole-clause-subject', from >= 0)) speaker.source = span(toks, from, wholeEnd(toks, c, before));
  }
  // "Lund -- the author of a book on ports -- said …": a subject with its description set off by dashes.
  if (!speaker.source && !speaker.sameAsPrevious && !passive && !/ing$/.test(cueWord.lower)) {
    const from = dashedSubject(toks, before);
    if (rule('source.dashed-description', from >= 0)) speaker.source = span(toks, from, before);
  }
  // "the photo Trump posted", "a point Ida Roy conceded": a name after a common noun opens a relative
  // clause without "that"; the name is the source, the noun is what was said.
  if (speaker.source && !speaker.name && !speaker.apposition) {
    const from = contactName(toks, speaker.source, c);
    if (rule('source.contact-relative', from >= 0)) speaker.source = { start: toks[from]!.start, end: speaker.source.end };
  }
  speaker.source = vetoSource(text, speaker.source, lemma, speaker.name);
  // "Neither he nor Nanney echoed …", "No candidate has said …": a negative subject asserts nothing
  // (issue 14, pattern 4); PolNeAR scoring (`negated`) keeps it.
  const negative = (src: Span) => (/^(?:neither|nor|no|nobody|none|never)\b(?!\s*(?:doubt|longer|matter)\b)/i.test(text.slice(src.start, src.end)) && !/^no\.\s/i.test(text.slice(src.start, src.end))) ||
    /\bnor\s+$/i.test(text.slice(Math.max(unit.start, src.start - 6), src.start));
  if (speaker.source && rule('source.negative-subject', !scan.negated && negative(speaker.source))) return null;
  // "railed against what he calls the 'Washington cartel'": a name someone uses, not a claim they make
  // (the verb it depends on, "railed", carries any statement).
  if (speaker.source && NAMING.has(lemma) && /\bwhat\s*$/i.test(text.slice(Math.max(unit.start, speaker.source.start - 12), speaker.source.start))) return null;
  // An attitude or act without its holder ("a survey released last Thursday") reports nothing.
  if ((entry.position || entry.belief) && !speaker.source && !speaker.sameAsPrevious) return null;
  return speaker;
}

/** Speech participles after "quoted X as" ("as saying", "as telling reporters"). */
const AS_SAYING = /^(?:saying|telling|stating|declaring|writing|describing|calling|warning|predicting|adding)$/;
/** Plural words for people ("officials", "economists", "witnesses"). */
const PLURAL_SPEAKERS = /^[a-z-]{3,}(?:ers|ors|ists|ians|als|ants|ents|ives|ses)$/;
/** Forms of "quote" reporting what someone said ("The agency quoted Li as saying"). */
const QUOTE_FORMS = /^(?:quoted|quotes|quote|quoting)$/;

/** After a "quote" verb ending at `cueEnd`, the index of "saying" in "… as saying" (the quoted person between), or -1. */
function quotedAsAfter(toks: readonly Token[], cueEnd: number): number {
  for (let k = cueEnd + 1; k < Math.min(toks.length - 1, cueEnd + 30); k++) {
    const t = toks[k]!;
    if (t.text === '.' || t.text === ';' || t.text === ':' || isQuote(t) || (t.word && CUE_VERBS.has(t.lower) && t.lower !== 'as')) return -1;
    if (t.lower === 'as' && AS_SAYING.test(toks[k + 1]!.lower)) return k + 1;
  }
  return -1;
}

/** Before "as saying" at `c`, the index of the "quote" verb whose "as saying" it is, or -1. */
function quoteBefore(toks: readonly Token[], c: number): number {
  if (!AS_SAYING.test(toks[c]?.lower ?? '')) return -1;
  for (let k = c - 2; k >= 0 && k > c - 30; k--) {
    const t = toks[k]!;
    if (t.text === '.' || t.text === ';' || t.text === ':' || isQuote(t)) return -1;
    // ("Zemljaric was not quoted as saying whether …": nobody said it.)
    if (QUOTE_FORMS.test(t.lower)) return quotedAsAfter(toks, k) === c && !negatedCue(toks, k) ? k : -1;
  }
  return -1;
}

/**
 * The quoted person of "quoted X as saying" (the object X, with a description set off by commas) or of the
 * passive "X was quoted [by Y] as saying" (the subject), as the source of the "saying" cue at `site`.
 */
function quotedSpeaker(scan: UnitScan, site: CueSite, q: number, speaker: Speaker): void {
  const { toks } = scan;
  speaker.quoted = true;
  // "…, the agency quoted Li as saying.": nothing after "saying", the content is before the quoting clause.
  const after = toks[site.cueEnd + 1];
  if (!after || (!after.word && /^[.!?]$/.test(after.text) && !toks[site.cueEnd + 2])) {
    speaker.contentBefore = true;
    let k = q - 1;
    while (k >= 0 && (toks[k]!.word || /^['’]s?$/.test(toks[k]!.text))) k--;
    speaker.contentCut = toks[k + 1]!.start;
  }
  // The "quote" verb as a cue site of its own: its subject is the quoted person (passive) or who quotes.
  const quoteSite: CueSite = { ...site, c: q, cueWord: toks[q]!, prev: toks[q - 1], next: toks[q + 1], cueEnd: q };
  const before = subjectEnd(toks, quoteSite);
  let aux = q - 1;
  while (aux >= 0 && (ADVERBS.has(toks[aux]!.lower) || (/ly$/.test(toks[aux]!.lower) && !toks[aux]!.cap))) aux--;
  if (aux >= 0 && PASSIVE_AUX.has(toks[aux]!.lower) && toks[aux]!.lower !== 'as') {
    // "Nazer was quoted by SPA as saying": the subject before the passive.
    if (toks[before]?.word) sourceBefore(scan, quoteSite, before, toks[before]!, speaker);
    const agent = passiveAgent(toks, quoteSite);
    if (agent) speaker.quoter = agent;
    return;
  }
  // Who quotes: the subject of "quoted".
  const quoting: Speaker = { source: null, sameAsPrevious: false, contentBefore: false };
  if (toks[before]?.word) sourceBefore(scan, quoteSite, before, toks[before]!, quoting);
  if (quoting.source) speaker.quoter = quoting.name ?? quoting.source;
  // "quoted city officials as saying", "quoted Yang Jike, vice-governor of Anhui, as saying", "quoted him as saying".
  const first = toks[q + 1];
  let end = site.c - 2;
  if (toks[end]?.text === ',') end--;
  if (!first?.word || end < q + 1) return;
  if (/^(?:him|her|them)$/.test(first.lower)) {
    if (end === q + 1) speaker.source = span(toks, q + 1, q + 1);
    return;
  }
  const np = npRight(toks, q + 1);
  // The quoted must be able to speak: a name, a speaker noun or a word for people ("city officials", "a spokesman").
  const speaks = (t: Token | undefined) => !!t && (t.cap || SPEAKER_NOUNS.has(t.lower) || speakerNoun(t.lower) || personWord(t.lower) || PLURAL_SPEAKERS.test(t.lower));
  const named = np >= q + 1 && np <= end && speaks(toks[np]);
  // ("energy and mines minister Wilfredo Huayta": a title with "and" ends in the name.)
  if (!named && !(toks[end]!.cap && speaks(toks[end]) && toks.slice(q + 1, end + 1).every((x) => x.word && !CUE_VERBS.has(x.lower)))) return;
  speaker.source = span(toks, q + 1, end);
  if (named && np < end) speaker.name = span(toks, q + 1, np);
}

/**
 * In a source before the cue at `c` shaped "the|a <common nouns> <Name>" ("the photo Trump", "a
 * point Ida Roy"), the index of the name's first token; -1 otherwise (also when the noun is a
 * role or a word for people: "the billionaire Tom Vale", "party chairman Ed Reed").
 */
function contactName(toks: readonly Token[], source: Span, c: number): number {
  let a = 0;
  while (a < toks.length && toks[a]!.start < source.start) a++;
  let b = a;
  while (b + 1 < toks.length && toks[b + 1]!.end <= source.end) b++;
  if (b >= c || a >= b || !/^(?:the|a|an)$/.test(toks[a]!.text)) return -1;
  let m = a + 1;
  while (m <= b && toks[m]!.word && !toks[m]!.cap) {
    const t = toks[m]!;
    if (SPEAKER_NOUNS.has(t.lower) || speakerNoun(t.lower) || personWord(t.lower) || ROLE_LEAD.test(t.lower) || DETERMINERS.has(t.lower) || /(?:ly|ing|ed)$/.test(t.lower) || /^(?:of|for|in|at|from|with|by|and|or)$/.test(t.lower)) return -1;
    // "the pitch on Kickstarter", "an anti-Trump PAC": a preposition or an adjective with a prefix makes a phrase, no relative clause.
    if (rule('source.contact-adjective', /^(?:on|to|about|over|into|near|under|across|like)$/.test(t.lower) || /^(?:anti|pro|non|well|still|ex|self|once|long|so)-/.test(t.lower))) return -1;
    m++;
  }
  if (m === a + 1 || m > b) return -1;
  for (let k = m; k <= b; k++) if (!toks[k]!.cap && !/^['’]s$/.test(toks[k]!.text) && toks[k]!.text !== '.') return -1;
  return m;
}

const NUMBER_WORD = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)$/;
const APPROXIMATE = /^(?:about|nearly|roughly|almost|around|some|just|only|over|under)$/;

/**
 * A share written as numbers standing as the subject ending at `end`: "one in five", "about one in
 * four", "more than two in three". Its first token, or -1. (A bare count, "…, 39 have said", stays
 * sourceless: source.no-letter keeps dates such as "Jan. 1, 2015, shows" out.)
 */
function shareSubject(toks: Token[], end: number): number {
  const n = toks[end];
  if (!n || !NUMBER_WORD.test(n.lower)) return -1;
  if (toks[end - 1]?.lower !== 'in' || !NUMBER_WORD.test(toks[end - 2]?.lower ?? '')) return -1;
  let s = end - 2;
  if (APPROXIMATE.test(toks[s - 1]?.lower ?? '')) s--;
  else if (toks[s - 1]?.lower === 'than' && /^(?:more|fewer|less)$/.test(toks[s - 2]?.lower ?? '')) s -= 2;
  return clauseStart(toks, s) ? s : -1;
}

const DASHES = new Set(['-', '—', '–', '―']);

/**
 * With a dash closing before the verb at `before` ("Lund -- the author of a book -- said"), the
 * first token of the subject opening its clause before the matching opening dash, or -1.
 */
function dashedSubject(toks: Token[], before: number): number {
  const dash = toks[before]?.text;
  if (!dash || !DASHES.has(dash)) return -1;
  let close = before;
  while (close > 0 && toks[close - 1]!.text === dash) close--;
  let open = close - 1;
  while (open >= 0 && toks[open]!.text !== dash && close - open <= 40) open--;
  if (open < 1 || toks[open]!.text !== dash) return -1;
  while (open > 0 && toks[open - 1]!.text === dash) open--;
  const inside = toks.slice(open + 1, close).filter((x) => x.text !== dash);
  // An apposition only: a name, a described role or a list ("-- John Roe, who …", "- a spokesman for …",
  // "-- including …"); a relative or a phrase set in ("-- who has …", "- in a line aimed at …") stays out
  // of the source in PolNeAR's gold, which the rules leave to the name alone.
  const first = inside[0];
  if (!first?.word || !(first.lower === 'including' || ROLE_LEAD.test(first.lower) || (DETERMINERS.has(first.lower) && /^(?:a|an|the|his|her|their|its)$/.test(first.lower)) ||
    (first.cap && !BOUNDARY.has(first.lower) && !SUBORDINATE.has(first.lower) && !INTRO_WORDS.has(first.lower) && !DETERMINERS.has(first.lower)))) return -1;
  const last = open - 1;
  const head = toks[last]!;
  if (!head.word || BOUNDARY.has(head.lower) || SKIPPABLE.has(head.lower) || CUE_VERBS.has(head.lower)) return -1;
  const start = wholeSubject(toks, npLeft(toks, last));
  // "Ida Lund, the chief of the board -- which … -- said": the name opening the sentence before the role.
  const named = start >= 2 ? openNameBefore(toks, start) : -1;
  if (named >= 0) return named;
  return start >= 0 && clauseStart(toks, start) ? start : -1;
}

/** Reporting verbs whose subject opening the sentence may be taken whole (source.whole-clause-subject). */
const WHOLE_CUES = /^(?:said|says|say|told|tells|tell|added|adds|wrote|writes|noted|notes|note|argued|argues|argue|warned|warns|warn|claimed|claims|claim|insisted|insist|insists|believe|believes|believed|think|thinks|thought|agreed|agree|agrees|acknowledged|acknowledge|acknowledges|stated|explained|predicted|predict|predicts)$/;

/** The last token of a whole subject ending at `before`, with a time phrase set before the verb ("… on Super Tuesday said"). */
function wholeEnd(toks: readonly Token[], c: number, before: number): number {
  const gap = toks.slice(before + 1, c);
  return gap.length && gap.every((x) => TIME_WORD.test(x.lower) || TIME_HEAD.test(x.lower) || x.cap || /^(?:on|the|last|this)$/.test(x.lower)) ? c - 1 : before;
}

/**
 * The first token of the subject of the cue at `c` when the sentence opens with it (after "But",
 * "Still," or "Even so," at most): 3 to 20 tokens from a name, a determiner, a quantifier or a
 * plural to `before`, with no comma, quotation, "that" or other reporting verb inside, and an
 * auxiliary only in a relative clause ("people I've spoken with"). Otherwise -1.
 */
function wholeClauseSubject(toks: readonly Token[], c: number, before: number): number {
  if (!WHOLE_CUES.test(toks[c]!.lower) || before < 0 || before >= c) return -1;
  const end = wholeEnd(toks, c, before);
  if (toks[end]!.word && BOUNDARY.has(toks[end]!.lower)) return -1;
  let i = 0;
  while (i < end && (!toks[i]!.word || /^(?:but|and|yet|so)$/.test(toks[i]!.lower))) i++;
  if ((INTRO_WORDS.has(toks[i]!.lower) || CONNECTIVES.has(toks[i]!.lower)) && toks[i + 1]?.text === ',') i += 2;
  else if (toks[i + 1]?.text !== ',' && toks[i + 2]?.text === ',' && /^(?:even|in|for|by)$/.test(toks[i]!.lower)) i += 3;
  const words = toks.slice(i, end + 1);
  if (words.length < 3 || words.length > 20) return -1;
  if (words.some((x) => !x.word && !/^(?:-|--|—|–|'s|’s|\(|\))$/.test(x.text))) return -1;
  const first = toks[i]!;
  if (PRONOUNS.has(first.lower) || BOUNDARY.has(first.lower) || SUBORDINATE.has(first.lower) || (!first.cap && /(?:ing|ed)$/.test(first.lower))) return -1;
  if (!(first.cap || DETERMINERS.has(first.lower) || QUANTIFIERS.has(first.lower) || /s$/.test(first.lower))) return -1;
  if (words.some((x) => x.lower === 'that' || CUE_VERBS.has(x.lower) && x !== toks[end])) return -1;
  // An auxiliary only inside a relative clause ("people I've spoken with", "aides who have worked").
  if (words.some((x, k) => SKIPPABLE.has(x.lower) && /^(?:has|have|had|is|was|are|were|will|would|'ve)$/.test(x.lower) && !/^(?:i|we|you|they|he|she|who)$/.test(words[k - 1]?.lower ?? ''))) return -1;
  return i;
}

/** Prepositions opening a phrase of time or manner set between a relative pronoun and its verb ("who in 2019 said"). */
const SET_IN_PREPS = new Set(['in', 'during', 'through', 'at', 'on', 'over', 'since', 'after', 'before']);

/**
 * The "who" of "who in 2019 said", "who has in the past described", "who through a spokesman
 * declined": a relative pronoun, auxiliaries and one short phrase opened by a preposition (no
 * comma, no verb) before the cue at `c`. Its index, or -1.
 */
function relativeAcrossPhrase(toks: readonly Token[], c: number): number {
  let k = c - 1;
  while (k >= 0 && (SKIPPABLE.has(toks[k]!.lower) && !SET_IN_PREPS.has(toks[k]!.lower) || /^\w{4,}ly$/.test(toks[k]!.lower))) k--;
  // The phrase: lower-case words and numbers back to its preposition, at most five tokens.
  let p = k;
  while (p >= 0 && k - p < 5 && toks[p]!.word && !SET_IN_PREPS.has(toks[p]!.lower) && !BOUNDARY.has(toks[p]!.lower) && !CUE_VERBS.has(toks[p]!.lower)) p--;
  if (p < 0 || p === k + 1 || !SET_IN_PREPS.has(toks[p]!.lower)) return -1;
  let w = p - 1;
  while (w >= 0 && SKIPPABLE.has(toks[w]!.lower) && !SET_IN_PREPS.has(toks[w]!.lower)) w--;
  return w >= 0 && toks[w]!.lower === 'who' ? w : -1;
}

/** The "who" opening the relative clause the cue at `c` stands in ("…, who surprised Trump by declaring"), or -1. */
function relativeBefore(toks: Token[], c: number): number {
  for (let k = c - 1; k > 0 && k > c - 25; k--) {
    const t = toks[k]!;
    if (t.text === ',' || t.text === ';' || t.text === '—' || isQuote(t) || (t.word && CUE_VERBS.has(t.lower) && k < c - 1)) return -1;
    if (t.lower === 'who') return k;
  }
  return -1;
}

/** Where the subject before the cue ends: past adverbs and auxiliaries, and past a verb taking "to" ("tried to deny"). */
function subjectEnd(toks: Token[], site: CueSite): number {
  const { c, prev } = site;
  let before = skipLeft(toks, c - 1);
  // "Sanders has begun to rebut", "Trump tried to deny": the subject is before the verb that takes "to".
  if (prev?.lower === 'to' && TO_VERBS.has(toks[before]?.lower ?? '') && !ADJECTIVE_TO.has(toks[before]!.lower)) before = skipLeft(toks, before - 1);
  return before;
}

/** Whether the cue is passive: a participle after an auxiliary ("was told"), or with an agent after "by". */
function isPassive(toks: Token[], site: CueSite): boolean {
  const { c, cueWord, next, cueEnd } = site;
  let aux = c - 1;
  while (aux >= 0 && (ADVERBS.has(toks[aux]!.lower) || (/ly$/.test(toks[aux]!.lower) && !toks[aux]!.cap))) aux--;
  // "responded by settling a dispute": "by" with a gerund is a means, not an agent.
  // "said by telephone": a means, so no passive either.
  const agent = next?.lower === 'by' && !(/ing$/.test(toks[cueEnd + 2]?.lower ?? '') && !toks[cueEnd + 2]!.cap) && !MEANS.has(toks[cueEnd + 2]?.lower ?? '');
  return /ed$|wn$|told$|said$|ought$/.test(cueWord.lower) && ((aux >= 0 && PASSIVE_AUX.has(toks[aux]!.lower)) || agent);
}

/** Whether the speaker follows the cue ("…,” said Yusov", "Said Trump: …") rather than preceding it. */
function invertedCue(scan: UnitScan, site: CueSite): boolean {
  const { text, unit, toks } = scan;
  const { c, cueWord, prev, next, cueEnd, lemma } = site;
  const initial = c === 0 || isQuote(prev);
  // "— lambasting Trump's plan": a participle has no subject after it.
  // "“Why?” asked Mr. Manafort, referring to …": after a quotation even "asked X" is inverted.
  const quotedAsk = OBJECT_VERBS.has(lemma) && !!prev && (CLOSE_QUOTES.has(prev.text) || prev.text === '"' || prev.text === "''") && /[?]/.test(text.slice(Math.max(unit.start, prev.start - 3), prev.start + 1)) &&
    (() => { const nameEnd = npRight(toks, cueEnd + 1); const after = toks[nameEnd + 1]; return nameEnd >= 0 && (!after || !after.word); })();
  let inverted = (!OBJECT_VERBS.has(lemma) || quotedAsk) && INVERTIBLE.has(lemma) && !/ing$/.test(cueWord.lower) && (!prev || initial || prev.text === ',' || CLOSE_QUOTES.has(prev.text) || prev.text === '"' || prev.text === '—') &&
    !!next && next.word && !TIME_WORD.test(next.lower) && (next.cap || DETERMINERS.has(next.lower) || SPEAKER_NOUNS.has(next.lower) || (PRONOUNS.has(next.lower) && next.lower !== 'it' && next.lower !== 'which') ||
      // "…,” said former Gov. Jim Doyle", "said election lawyer Joe Birkenstock": a role leading to a name.
      (ROLE_LEAD.test(next.lower) && toks.slice(cueEnd + 2, cueEnd + 5).some((x) => x.cap)) ||
      // "…,” said attorneys for the family.": a plural speaker noun.
      (/s$/.test(next.lower) && speakerNoun(next.lower)));
  if (inverted && prev?.text !== ',') {
    // "Says Clinton would stack the court": the name is the subject of the content, not the speaker.
    const after = toks[npRight(toks, cueEnd + 1) + 1];
    if (after?.word && AUX_AFTER.has(after.lower)) inverted = false;
  }
  if (inverted && prev?.text === ',') {
    // "X, Y, called the report…" is a subject with apposition, not "…, said X".
    const nameEnd = npRight(toks, cueEnd + 1);
    const after = toks[nameEnd + 1];
    if (nameEnd < 0 || (after && after.word && ((!BOUNDARY.has(after.lower) && !TIME_WORD.test(after.lower)) || AUX_AFTER.has(after.lower)))) inverted = false;
    const subjectStart = npLeft(toks, c - 2);
    if (subjectStart === 0 || (subjectStart > 0 && toks[subjectStart - 1]!.text === ',' && npLeft(toks, subjectStart - 2) === 0)) inverted = false;
    // "Mr. Prasad, a former official at the fund, said Ms. Brainard…": a subject before an inserted phrase —
    // unless the phrase after the verb ends the sentence (", said one GOP source in the room.").
    const rest = toks.slice(nameEnd + 1).filter((x) => x.word);
    const toEnd = nameEnd >= 0 && (rest.length === 0 || (rest.length <= 5 && /^(?:in|at|on|of|from|with|for)$/.test(rest[0]!.lower) && !rest.some((x) => AUX_AFTER.has(x.lower) || CUE_VERBS.has(x.lower))));
    if (!toEnd && insertedSubject(toks, c - 1)) inverted = false;
    // ", shows Democratic groups outpacing Republicans": a participle after the phrase's head makes it content.
    if (nameEnd >= 0 && toks.slice(cueEnd + 2, nameEnd + 1).some((x, k) => x.word && !x.cap && /ing$/.test(x.lower) && /s$|^\p{Lu}/u.test(toks[cueEnd + 1 + k]!.text))) inverted = false;
    // ", said the event brought back memories": after a subject, a determined phrase is the content's
    // subject unless it names a speaker ("said the spokesman", "said a senior official").
    const first = toks[cueEnd + 1]!;
    if (nameEnd >= 0 && DETERMINERS.has(first.lower) && !first.cap && !(toks[nameEnd]!.cap || SPEAKER_NOUNS.has(toks[nameEnd]!.lower) || PERSON_NOUN.test(toks[nameEnd]!.lower))) inverted = false;
    // "said this week", "said he would": a time phrase or a pronoun subject of the content, not a speaker.
    if (nameEnd >= 0 && (TIME_HEAD.test(toks[nameEnd]!.lower) || (PRONOUNS.has(toks[cueEnd + 1]!.lower) && nameEnd === cueEnd + 1 && after?.word))) inverted = false;
  }
  // "PRECIOUS METALS CLIMATE IMPROVING, SAYS MONTAGU", "ZAMBIA TO RETAIN CURRENCY AUCTION, SAYS KAUNDA": in a wire headline
  // "…, SAYS X" with X running to the headline's end names the speaker, whatever the words before the comma.
  if (!inverted && scan.wire && prev?.text === ',' && /^says?$/.test(cueWord.lower) && next?.word) {
    const nameEnd = npRight(toks, cueEnd + 1);
    const rest = nameEnd >= 0 ? toks.slice(nameEnd + 1).filter((x) => x.word) : [];
    if (rule('source.headline-says-after', nameEnd >= 0 && rest.length === 0)) inverted = true;
  }
  // "Said Trump: …" opens with the cue; "Says Clinton would …" (a headline) and "Asked Tuesday about …" do not.
  if (cueWord.cap && c === 0 && !inverted && next?.cap && !TIME_WORD.test(next.lower) && lemma !== 'ask') {
    const after = toks[npRight(toks, cueEnd + 1) + 1];
    if (!after || !after.word || TIME_WORD.test(after.lower) || ['on', 'in', 'at', 'during', 'to', 'that'].includes(after.lower)) inverted = true;
  }
  return inverted;
}

/** The source of a participle after a comma ("…, adding that"): the previous statement's, or the clause subject. */
function participleSource(scan: UnitScan, site: CueSite, speaker: Speaker): void {
  const { toks, out } = scan;
  const { c } = site;
  const previous = out.at(-1);
  if (previous) {
    // "Ever since she endorsed him, Ms. Warren has been a surrogate, attacking …": a statement in a
    // subordinate clause opening the sentence has its own speaker; the main clause's subject, right
    // after that clause's comma, speaks here.
    const later = subjectAfterOpening(toks, previous, c, false);
    if (rule('source.participle-later-subject', !!later)) describedSubject(toks, later!, c, speaker);
    else speaker.sameAsPrevious = true;
  } else {
    const subj = unitSubject(toks) ?? clauseSubjectBefore(toks, c);
    if (subj && subj[1] < c) describedSubject(toks, subj, c, speaker);
  }
}

/**
 * The main clause's subject, right after the comma closing an opening subordinate clause that
 * holds the statement `previous` ("Ever since she endorsed him, Ms. Warren …"), when it comes
 * before the token `c`; with `participles`, an opening participle clause counts too ("Asked about
 * it, Mrs. Lee shook her head and said"). Null otherwise.
 */
function subjectAfterOpening(toks: Token[], previous: Raw, c: number, participles: boolean): [number, number] | null {
  let first = 0;
  while (first < toks.length && (!toks[first]!.word || /^(?:and|but|ever|even|just|only)$/.test(toks[first]!.lower))) first++;
  const cueAt = toks.findIndex((x) => x.start >= previous.cue.start);
  const opener = toks[first];
  const opening = !!opener && (SUBORDINATORS.has(opener.lower) || (participles && cueAt === first && /(?:ed|ing)$/.test(opener.lower)));
  const comma = opening && cueAt >= first ? toks.findIndex((x, k) => k > cueAt && k < c && x.text === ',') : -1;
  const t = toks[comma + 1];
  if (comma < 0 || !t?.word) return null;
  // The subject: a name, a determined phrase or a subject pronoun, followed by its verb.
  const end = /^(?:he|she|they|we|i)$/.test(t.lower) ? comma + 1 : t.cap || DETERMINERS.has(t.lower) ? npRight(toks, comma + 1) : -1;
  const verb = toks[end + 1];
  if (end < 0 || end + 1 >= c || !verb?.word || verb.cap || DETERMINERS.has(verb.lower) || (BOUNDARY.has(verb.lower) && !SKIPPABLE.has(verb.lower))) return null;
  return [comma + 1, end];
}

/**
 * The sentence's subject as the source of a later verb ("Ada Roy, vice chair of the board, emailed
 * staff, telling them …"): with the description set off by commas after the name, as written.
 */
function describedSubject(toks: Token[], subj: [number, number], c: number, speaker: Speaker): void {
  const described = appositiveEnd(toks, subj[1]);
  if (rule('source.described-subject', described > subj[1] && described < c && toks[described]!.text === ',')) {
    speaker.source = span(toks, subj[0], described);
    speaker.name = span(toks, subj[0], subj[1]);
  } else speaker.source = span(toks, subj[0], subj[1]);
}

/** The agent of a passive cue ("was told by officials"), when it can speak. */
function passiveAgent(toks: Token[], site: CueSite): Span | null {
  const { cueEnd } = site;
  let source: Span | null = null;
  const by = toks[cueEnd + 1]?.lower === 'by' ? cueEnd + 2 : -1;
  // "said by telephone", "by email": a means, not an agent; an agent is a name, a determined phrase or a speaker noun.
  const agentWord = toks[by];
  // "by fellow physicians", "by 42 percent of those responding", "by everyone I interviewed".
  const agentNext = toks[by + 1];
  const people = !!agentWord && !!agentNext && agentWord.word && !agentWord.cap && agentNext.word && (SPEAKER_NOUNS.has(agentNext.lower) || PERSON_NOUN.test(agentNext.lower)) && !BOUNDARY.has(agentWord.lower);
  const share = !!agentWord && /^\d/.test(agentWord.text) && /^(?:percent|%|of)$/.test(agentNext?.lower ?? '');
  if (agentWord && (people || share || /^(?:everyone|everybody|someone|somebody)$/.test(agentWord.lower))) {
    const end = share || people ? npRight(toks, by + 1) : by;
    if (end >= 0) source = span(toks, by, end);
  } else if (agentWord && (agentWord.cap || DETERMINERS.has(agentWord.lower) || SPEAKER_NOUNS.has(agentWord.lower) || /[^s]s$/.test(agentWord.lower)) && !MEANS.has(agentWord.lower)) {
    const end = npRight(toks, by);
    // "as confirmed by the war last fall": an event confirms nothing; the agent must be able to speak.
    const head = end >= 0 ? agentHead(toks, by, end) : null;
    const speaks = (x: Token) => x.cap || personWord(x.lower);
    if (end >= 0 && head && (speaks(head) || (/[^s]s$/.test(head.lower) && !DETERMINERS.has(agentWord.lower)) || toks.slice(by, end + 1).some((x) => x.word && !DETERMINERS.has(x.lower) && speaks(x)))) source = span(toks, by, end);
  }
  // "asked by host Bill Maher", "echoed by former Gov. Ann Lee", "criticized by some of his rivals": a
  // role before a name, or a share of a group of people, is an agent too.
  if (!source && agentWord?.word && !agentWord.cap && !MEANS.has(agentWord.lower)) {
    const end = npRight(toks, by);
    const last = toks[end];
    const named = end > by && !!last?.cap && (ROLE_LEAD.test(agentWord.lower) || personWord(agentWord.lower));
    const groupEnd = /^(?:some|many|most|several|few|all|both|one|two|three|dozens|hundreds|thousands)$/.test(agentWord.lower) && agentNext?.lower === 'of' ? npRight(toks, by + 2) : -1;
    const group = groupEnd > by + 1 && (toks[groupEnd]!.cap || personWord(toks[groupEnd]!.lower) || /(?:als|ents|ers|ors|ists)$/.test(toks[groupEnd]!.lower));
    if (rule('source.passive-agent-role', named)) source = span(toks, by, end);
    else if (rule('source.passive-agent-share', group)) source = span(toks, by, groupEnd);
  }
  // "echoed by her campaign and Democrats across the country": a coordinated agent is one source.
  if (source) {
    const last = toks.findIndex((x) => x.end === source!.end);
    const next = toks[last + 2];
    const second = toks[last + 1]?.lower === 'and' && next?.word && !CUE_VERBS.has(next.lower) && !MEANS.has(next.lower) && !/ed$/.test(next.lower) ? npRight(toks, last + 2) : -1;
    const head = toks[second];
    if (rule('source.passive-agent-pair', second > last + 1 && !!head && (head.cap || personWord(head.lower) || SPEAKER_NOUNS.has(head.lower) || /[^s]s$/.test(head.lower)))) source = { start: source.start, end: head!.end };
  }
  // "It was reported that…": no source, content after the cue.
  return source;
}

/** Words placing an unnamed speaker ("close to the campaign", "familiar with the talks", "with knowledge of …"). */
const PLACING = /^(?:close to|familiar with|involved in|involved with|with knowledge|with direct|briefed on|close with)\b/;

/** The inverted source after a quotation or at the start ("…,” said Kevin Brady, chairman of …"). */
function invertedSource(toks: Token[], site: CueSite, speaker: Speaker): void {
  const { cueEnd } = site;
  let end = npRight(toks, cueEnd + 1);
  // "…,” said a person close to the Clintons.", "said one Republican involved in the planning": the
  // phrase placing an unnamed speaker is the source's, as PolNeAR writes it.
  // ("one official familiar with the talks": the noun phrase may have taken the placing word.)
  const place = end < 0 ? -1 : [end, end + 1].find((p) => p > cueEnd + 1 && PLACING.test(`${toks[p]?.lower ?? ''} ${toks[p + 1]?.lower ?? ''}`)) ?? -1;
  const head = toks[place - 1];
  const indefinite = /^(?:a|an|one|another|two|three|several|some)$/.test(toks[cueEnd + 1]?.lower ?? '');
  if (place > 0 && head && head.word && (head.cap ? indefinite : personWord(head.lower) || indefinite)) {
    let k = place + 1;
    while (k + 1 < toks.length && k - place < 14 && (toks[k + 1]!.word || /^['’]s$|^[-&/]$/.test(toks[k + 1]!.text))) k++;
    if (rule('source.placing-phrase', k + 1 >= toks.length || toks[k + 1]!.text === ',' || toks[k + 1]!.text === '.')) {
      speaker.name = span(toks, cueEnd + 1, place - 1);
      end = k;
    }
  }
  // A placed speaker takes no description after it: what follows is why they are unnamed
  // (", who spoke on the condition of anonymity"), which PolNeAR leaves out.
  const placed = !!speaker.name;
  if (end >= 0) {
    speaker.source = span(toks, cueEnd + 1, end);
    // "…, said Kevin Brady, chairman of the House Ways and Means Committee.": the description is
    // part of the source as written; the claimant stays the name.
    const described = placed ? end : appositiveEnd(toks, end);
    if (described > end) {
      speaker.name = speaker.source;
      speaker.source = span(toks, cueEnd + 1, described);
    }
    speaker.contentBefore = true;
  }
}

/** The source before the cue ("Yusov said", "they both said", "families, many of whom say"), from the word just before it. */
function sourceBefore(scan: UnitScan, site: CueSite, before: number, wordBefore: Token, speaker: Speaker): void {
  const { toks, out } = scan;
  const { c, cueWord, cueEnd, lemma } = site;
  if ((wordBefore.lower === 'both' || wordBefore.lower === 'all') && /^(?:they|we)$/.test(toks[before - 1]?.lower ?? '')) {
    // "They both said": the pronoun is the speaker.
    speaker.source = span(toks, before - 1, before);
    speaker.name = span(toks, before - 1, before - 1);
  } else if ((wordBefore.lower === 'both' || wordBefore.lower === 'all') && toks[before - 1]?.word && !BOUNDARY.has(toks[before - 1]!.lower) && npLeft(toks, before - 1) >= 0) {
    // "Richards and Menendez both stressed": the subject before the quantifier.
    const subjectStart = wholeSubject(toks, npLeft(toks, before - 1));
    if (subjectStart >= 0 && clauseStart(toks, subjectStart)) {
      // PolNeAR's gold leaves the floating quantifier out of the source (train: 20 against 3).
      speaker.source = span(toks, subjectStart, rule('source.floating-quantifier', true) ? before - 1 : before);
      speaker.name = span(toks, subjectStart, before - 1);
    }
  } else if (PRONOUNS.has(wordBefore.lower)) {
    pronounSource(toks, site, before, wordBefore, speaker);
  } else if (wordBefore.text === '%' && /^\d/.test(toks[before - 1]?.text ?? '')) {
    // "42% say they are liberal": a share of respondents.
    speaker.source = span(toks, before - 1, before);
  } else if (/^(?:him|her|them|us|me)$/.test(wordBefore.lower) && /^(?:to|with)$/.test(toks[before - 1]?.lower ?? '') && /^(?:close|familiar|loyal|near|allied|friendly|connected)$/.test(toks[before - 2]?.lower ?? '')) {
    // "a source close to him said": the phrase ends in an object pronoun.
    const subjectStart = npLeft(toks, before - 2);
    if (subjectStart >= 0 && clauseStart(toks, subjectStart)) {
      speaker.source = span(toks, subjectStart, before);
      speaker.contentBefore = subjectStart > 1 && toks[subjectStart - 1]!.text === ',' && cueEnd + 1 >= toks.length - 1;
    }
  } else if (/^(?:them|us)$/.test(wordBefore.lower) && toks[before - 1]?.lower === 'of' && QUANTITY_NOUNS.has(toks[before - 2]?.lower ?? '') && rule('source.share-of-them', clauseStart(toks, npLeft(toks, before - 2)))) {
    // "Most of them said", "Nearly 10 percent of them voted": a share of a group named before is the source as written.
    speaker.source = span(toks, npLeft(toks, before - 2), before);
  } else if ((wordBefore.lower === 'whom' || wordBefore.lower === 'which') && toks[before - 1]?.lower === 'of' && QUANTIFIERS.has(toks[before - 2]?.lower ?? '')) {
    // "families, many of whom say": the quantified relative is the source as written.
    speaker.source = span(toks, before - 2, before);
  } else if ((wordBefore.text === ',' || wordBefore.text === '—') && !rule('source.coordinated-verb', toks.slice(before + 1, c).some((x) => x.lower === 'then'))) {
    insertedSource(toks, site, before, speaker);
    // "Lee, who said last week that the pier was safe, told …": a description holding a statement
    // of its own is that statement's; the speaker is named by the name alone.
    const { name, source } = speaker;
    if (name && source && source.end > name.end && rule('source.description-with-statement', scan.out.some((o) => o.cue.start >= name.end && o.cue.end <= source.end))) speaker.source = name;
  } else if (wordBefore.lower === 'and' || wordBefore.lower === 'but' || wordBefore.text === ',' || wordBefore.text === '—') {
    // "… and urged", "…, then says": a verb coordinated with an earlier one shares its subject: the
    // subject of a subordinate clause it continues ("as he spoke … and urged"), else the previous
    // statement's speaker, else the subject of the sentence ("She greeted supporters and told them…").
    const previous = out.at(-1);
    // "Lee, who has both praised the plan and criticized its cost": a verb joined to another in a
    // relative clause shares the relative pronoun as its subject.
    // (Only after a comma or a dash: "officials who met … and said" is read with the noun, as gold mostly has it.)
    const who = wordBefore.word ? relativeBefore(toks, c) : -1;
    if (rule('source.relative-conjunct', who > 0 && /^(?:,|-|—|–)$/.test(toks[who - 1]!.text) && !out.some((o) => o.cue.start >= toks[who]!.end && o.cue.start < toks[c]!.start))) {
      pronounSource(toks, site, who, toks[who]!, speaker);
      return;
    }
    const from = previous ? toks.findIndex((x) => x.start >= previous.cue.end) - 1 : 0;
    const sub = wordBefore.word ? subordinateSubject(toks, Math.max(0, from), before) : null;
    const later = previous && !sub ? subjectAfterOpening(toks, previous, before, true) : null;
    if (rule('source.subordinate-conjunct', !!sub)) speaker.source = span(toks, sub![0], sub![1]);
    else if (rule('source.conjunct-later-subject', !!later)) describedSubject(toks, later!, before, speaker);
    else if (out.length) speaker.sameAsPrevious = true;
    else {
      const subj = unitSubject(toks);
      if (subj && subj[1] < before) describedSubject(toks, subj, before, speaker);
    }
  } else {
    const rel = relativeSubject(toks, before);
    let subjectStart = rel ? rel[0] : wholeSubject(toks, npLeft(toks, before));
    // "spending the final day attacking a rival": a bare -ing form has no subject right before it,
    // unless an auxiliary stands between ("was attacking") or "with" opens it ("with Fox News calling").
    // ("posts late Sunday saying …": a time phrase between is no auxiliary either.)
    // ("sent the DNC on Monday alleging …": "on" opening the time phrase is part of it.)
    const bare = toks.slice(before + 1, c).every((x) => TIME_WORD.test(x.lower) || TIME_HEAD.test(x.lower) || /^(?:late|early|last|this|next|on)$/.test(x.lower));
    if (!rel && subjectStart >= 0 && /ing$/.test(cueWord.lower) && toks[subjectStart - 1]?.lower !== 'with' && rule('source.bare-participle', bare)) subjectStart = -1;
    if (rel) {
      speaker.source = span(toks, rel[0], before);
      speaker.name = span(toks, rel[0], rel[1]);
    }
    // "Ida Lund, the harbour's spokeswoman said": a name opening the sentence before a description
    // that runs into the cue without a closing comma is the subject, and the source runs over both.
    const named = !rel && subjectStart >= 2 ? openNameBefore(toks, subjectStart) : -1;
    if (rule('source.open-description-name', named >= 0)) {
      speaker.source = span(toks, named, datedTail(toks, before, c));
      speaker.name = span(toks, named, subjectStart - 2);
      return;
    }
    // "One in five said", "about one in four say", "… 39 have said": a share of respondents as a number.
    const share = !rel && subjectStart < 0 ? shareSubject(toks, before) : -1;
    if (rule('source.number-share', share >= 0)) {
      speaker.source = span(toks, share, before);
      return;
    }
    if (subjectStart >= 0) {
      if (!rel) speaker.source = span(toks, subjectStart, datedTail(toks, before, c));
      const pre = toks[subjectStart - 1];
      // "C, X said (at a meeting…)": the content is what comes before the comma — also after a
      // subject with its relative clause ("C, sources who reviewed them told POLITICO.").
      const after = toks[cueEnd + 1];
      if (pre && (isQuote(pre) || (pre.text === ',' && (substantial(toks, subjectStart - 1) || rule('content.short-clause-before', shortClauseBefore(toks, subjectStart - 1, cueEnd))))) && subjectStart > 1 && (!after || !after.word || AFTER_SPEECH.has(after.lower) || (lemma === 'tell' && after.cap) || rule('content.before-addressee', closingAddressee(toks, cueEnd, lemma))) && (!rel || rule('content.before-relative-subject', true))) {
        speaker.contentBefore = true;
      }
    }
  }
}

/**
 * With a subject starting at `s` with a description ("the harbour's spokeswoman", "chief of staff"),
 * the name set before it by a comma at the opening of the sentence ("Ida Lund, the harbour's
 * spokeswoman said"): its first token, or -1.
 */
function openNameBefore(toks: Token[], s: number): number {
  const first = toks[s]!;
  if (first.cap || toks[s - 1]!.text !== ',' || !(/^(?:a|an|the)$/.test(first.lower) || ROLE_OPENERS.test(first.text))) return -1;
  const last = toks[s - 2]!;
  if (!last.cap || !last.word) return -1;
  const name = wholeSubject(toks, npLeft(toks, s - 2));
  if (name < 0 || !clauseStart(toks, name)) return -1;
  const words = toks.slice(name, s - 1);
  // A name of two words at least ("Ida Lund"): one capitalised word opening a sentence is as often an adverb ("Regardless, the board said").
  const named = words.filter((x) => x.word);
  if (named.length < 2 || !named.every((x) => x.cap && !/ly$/.test(x.lower) && !TIME_WORD.test(x.lower) && !TIME_HEAD.test(x.lower) && !INTRO_WORDS.has(x.lower))) return -1;
  // Only at the opening of the sentence (after a quotation or "But" at most): "In Dover, Del., the mayor said" names a place.
  return toks.slice(0, name).every((x) => !x.word || /^(?:but|and|yet)$/i.test(x.text)) ? name : -1;
}

/**
 * "A poll released last week found": the participle dated by a time phrase that the subject search
 * stepped over (`skipLeft`) describes the subject, and PolNeAR's gold writes it as part of the
 * source. Returns the last token of that phrase, or `before` when there is none.
 */
function datedTail(toks: readonly Token[], before: number, c: number): number {
  const k = before + 1;
  const participle = toks[k];
  if (!participle || k >= c || participle.cap || !/ed$/.test(participle.lower)) return before;
  let j = k + 1;
  while (j < c && DATING.test(toks[j]!.lower)) j++;
  const dated = toks.slice(k + 1, j).some((x) => TIME_WORD.test(x.lower) || TIME_HEAD.test(x.lower) || MONTH.test(x.lower));
  return rule('source.dated-participle', j > k + 1 && dated) ? j - 1 : before;
}

/** Adverbs of time that may open a description set off by commas ("Lund, now the harbour master, …"). */
const DESCRIPTION_ADVERB = /^(?:now|then|once|formerly|currently|later|previously|still)$/;

/** A pronoun source ("she said", "who said", "it said"), with the noun a relative or "it"/"they" stands for. */
function pronounSource(toks: Token[], site: CueSite, before: number, wordBefore: Token, speaker: Speaker): void {
  const { cueEnd } = site;
  speaker.source = span(toks, before, before);
  // "“…,” she said, adding …": the quotation before the pronoun is the content.
  const after = toks[cueEnd + 1];
  if (before > 1 && quotationEnds(toks, before - 1) && (!after || !after.word || AFTER_SPEECH.has(after.lower))) {
    speaker.contentBefore = true;
  }
  if ((wordBefore.lower === 'who' || wordBefore.lower === 'which') && before > 0) {
    // ", who said": the noun before the comma; "the man who said": the noun right before.
    const last = toks[before - 1]!.text === ',' ? before - 2 : before - 1;
    // The noun right before, without any verb it swallowed, widened to its whole phrase
    // ("a tech staffer at the State Department, who told …").
    const nounStart = wholeSubject(toks, tightStart(toks, npLeft(toks, last), last));
    const head = nounStart >= 0 ? headOf(toks, nounStart, last) : null;
    // "who" stands for people, "which" for bodies: the head must be a name, a speaker noun or a plural.
    // "workers in New York, Los Angeles and Seattle who demanded": names after "in"/"at" are places, not who.
    if (head && (head.cap || SPEAKER_NOUNS.has(head.lower) || (wordBefore.lower === 'who' && /[^s]s$/.test(head.lower))) && !(wordBefore.lower === 'who' && placeBefore(toks, nounStart, last))) speaker.antecedent = span(toks, nounStart, last);
    // "Karimi, a director of Interfaith Paths, who added": the name the description belongs to.
    // ("McConnell, now the Senate majority leader, who …": the description may open with a time adverb and hold names before its head.)
    let descStart = nounStart;
    if (speaker.antecedent && nounStart > 2 && !toks[nounStart]!.cap) {
      let j = nounStart - 1;
      while (j > 0 && nounStart - j <= 6 && toks[j]!.word) j--;
      const opener = toks[j + 1]!;
      const opens = DETERMINERS.has(opener.lower) || (DESCRIPTION_ADVERB.test(opener.lower) && DETERMINERS.has(toks[j + 2]?.lower ?? ''));
      if (j < nounStart - 1 && toks[j]!.text === ',' && rule('claimant.description-adverb', opens)) descStart = j + 1;
    }
    if (speaker.antecedent && descStart > 1 && toks[descStart - 1]!.text === ',' && !toks[nounStart]!.cap) {
      const nameStart = npLeft(toks, descStart - 2);
      // ("a deal with Lund, the harbour master, who said": a name after a preposition is described too.)
      const afterPreposition = nameStart > 0 && toks[descStart - 2]!.cap && rule('claimant.description-after-preposition', /^(?:with|by|from|to|for|against|about|on)$/.test(toks[nameStart - 1]!.lower));
      // ("Lund and Ida Berg, the harbour master, who said": the last name of a list is the one described.)
      if (nameStart >= 0 && toks[descStart - 2]!.cap && (clauseStart(toks, nameStart) || nameAfterAnd(toks, nameStart)) || (nameStart >= 0 && toks[nameStart - 1] && CUE_VERBS.has(toks[nameStart - 1]!.lower)) || afterPreposition) speaker.antecedent = span(toks, nameStart, descStart - 2);
    }
  } else if (wordBefore.lower === 'it') {
    // "the HUR published what it said was …": a named body opening the sentence — never one inside the
    // quotation "it" closes ("“Talking will not stop the slide,” it said": "Talking" is what was said).
    const subj = rule('claimant.it-not-in-content', speaker.contentBefore) ? null : unitSubject(toks);
    let headEnd = subj && subj[1] < before ? subj[1] : -1;
    // "the HUR published": the phrase may run on into its verb; the head is the last name or speaker noun.
    while (subj && headEnd > subj[0] && !toks[headEnd]!.cap && !SPEAKER_NOUNS.has(toks[headEnd]!.lower)) headEnd--;
    const head = subj && headEnd >= 0 ? toks[headEnd]! : null;
    if (subj && head && (head.cap || SPEAKER_NOUNS.has(head.lower)) && !DETERMINERS.has(head.lower) && !/s$/.test(head.lower) && !PRONOUNS.has(toks[subj[0]]!.lower)) speaker.antecedent = span(toks, subj[0], headEnd);
  } else if (wordBefore.lower === 'they') {
    const found = pluralAntecedent(toks, before);
    if (found) speaker.antecedent = span(toks, found[0], found[1]);
  }
}

/** A subject before an inserted phrase ("Ted Cruz, by contrast, wrote", "Chris Cox, who runs the lobbying arm, says"). */
function insertedSource(toks: Token[], site: CueSite, before: number, speaker: Speaker): void {
  const { cueEnd } = site;
  // "Ukraine's military intelligence agency, the HUR, has claimed"; "Ted Cruz, by contrast, wrote";
  // "Chris Cox, who runs the lobbying arm, says": the subject sits before the inserted phrase.
  const phraseStart = npLeft(toks, before - 1);
  let found = insertedSubject(toks, before);
  // "…, OH, after winning Ohio in the primary, Gov. John Kasich (R-OH), said": a name opening a
  // clause right before the comma is the subject; what sits before it is an opening phrase.
  // ("Charleston, West Virginia," is a place named with its state, not a subject.)
  if (found && phraseStart > found[1] + 2 && clauseStart(toks, phraseStart) && toks[phraseStart]!.cap && !toks[phraseStart - 2]?.cap && toks[before - 1] && (toks[before - 1]!.cap || toks[before - 1]!.text === ')')) {
    const opener = toks[found[1] + 2];
    if (opener && (SUBORDINATE.has(opener.lower) || /ing$/.test(opener.lower))) found = null;
  }
  const open = found ? found[1] + 1 : -1;
  const subjectStart = found ? found[0] : -1;
  if (subjectStart >= 0) {
    const name = span(toks, subjectStart, open - 1);
    speaker.name = name;
    // "“…,” Mr. Daniloff, now 81, said by telephone this week.": the quotation before is the content.
    const after = toks[cueEnd + 1];
    if (subjectStart > 1 && quotationEnds(toks, subjectStart - 1) && (!after || !after.word || AFTER_SPEECH.has(after.lower) || after.lower === 'by' || TIME_WORD.test(after.lower) || rule('content.before-addressee', closingAddressee(toks, cueEnd, site.lemma)))) {
      speaker.contentBefore = true;
    }
    // "The banks have an edge, Paul Hofer, head of the bankers' group, told Reuters.": a clause before the
    // described speaker, with a closing "told", is what was said.
    else if (subjectStart > 1 && toks[subjectStart - 1]!.text === ',' && substantial(toks, subjectStart - 1) && rule('content.before-addressee', closingAddressee(toks, cueEnd, site.lemma))) {
      speaker.contentBefore = true;
    }
    // An appositive or relative clause describing the speaker is part of the source as written
    // ("Chris Cox, who runs the NRA's lobbying arm,"); an adverbial ("by contrast") is not.
    const inserted = toks[open + 1];
    const describes = !!inserted && (APPOSITIVE_START.has(inserted.lower) || /^\d/.test(inserted.text) || (inserted.cap && !BOUNDARY.has(inserted.lower) && !/ing$/.test(inserted.lower)) || roleWord(inserted));
    // "Several harbour unions, including the dockers, said": the members named belong to the source as written.
    const members = !!inserted && !describes && rule('source.including-members', /^(?:including|like|especially|notably)$/.test(inserted.lower) && !!toks[open + 2]?.word);
    // "Trump, who leads in delegates, said": after a bare surname (someone named before) PolNeAR's gold
    // mostly leaves the relative clause out of the source (train: 28 against 17).
    const bare = describes && open - 1 === subjectStart && toks[subjectStart]!.cap && /^(?:who|whose|which)$/.test(inserted!.lower);
    speaker.source = (describes && !rule('source.bare-name-relative', bare)) || members ? { start: name.start, end: toks[before]!.end } : name;
    // "The harbour's pilot, Tove Berg, a welder, said": a description set before the name, opening
    // the sentence, is part of the source as written; the name stays the claimant's.
    const lead = toks[subjectStart - 1]?.text === ',' && toks[subjectStart]!.cap ? npLeft(toks, subjectStart - 2) : -1;
    const leadHead = toks[subjectStart - 2];
    if (lead >= 0 && rule('source.description-before-name', leadHead!.word && !leadHead!.cap && !TIME_WORD.test(leadHead!.lower) && !TIME_HEAD.test(leadHead!.lower) && toks.slice(0, lead).every((x) => !x.word || /^(?:but|and|yet)$/i.test(x.text)))) {
      speaker.source = { start: toks[lead]!.start, end: speaker.source.end };
    }
    // "Mr. Regalado, 69,": an age describes the speaker but names no one.
    if (phraseStart === open + 1 && phraseStart >= 0 && !/^\d/.test(toks[phraseStart]!.text)) {
      // "The mayor of Elkton, South Dakota, said": a state after its town is the place's, no appositive naming the speaker.
      if (rule('claimant.town-state-not-apposition', stateAfterTown(toks, phraseStart, before - 1))) speaker.name = span(toks, subjectStart, before - 1);
      else speaker.apposition = [name, span(toks, phraseStart, before - 1)];
    }
  } else if (phraseStart >= 0 && rule('source.name-after-and', nameAfterAnd(toks, phraseStart))) {
    // "its auditors, Lund and Berg, found": the pair of names before the comma, whole, or no subject at all.
    const whole = wholeSubject(toks, phraseStart);
    if (whole >= 0 && whole < phraseStart && clauseStart(toks, whole)) speaker.source = span(toks, whole, before - 1);
    else speaker.cutName = true;
  } else if (phraseStart >= 0 && clauseStart(toks, phraseStart)) {
    // "Sen. Jack Reed (D-R.I.), said": a stray comma after a subject that opens the clause.
    // Never the object of an earlier phrase ("while visiting Bosnia, later admitting").
    // ("the Hunt family of Dallas, Texas, told": a state after its town is no subject; the subject runs over both.)
    if (rule('source.town-with-state', stateAfterTown(toks, phraseStart, before - 1))) {
      const start = wholeSubject(toks, npLeft(toks, phraseStart - 2));
      if (start >= 0 && start < phraseStart - 2 && clauseStart(toks, start)) speaker.source = span(toks, start, before - 1);
      return;
    }
    speaker.source = span(toks, phraseStart, before - 1);
  }
}

/** Capitalised sentence adverbs that may open a clause before its subject without a comma ("Meanwhile Rihanna said"). */
const OPENING_ADVERB = /^(?:Meanwhile|Perhaps|Ultimately|Alongside|Eventually|Instead|Moreover|Additionally|Likewise|Similarly|Separately|Indeed|Thus|Still|Also)\s+(?=[\p{L}\d])/u;

/** The source vetoes: a lone participle, an event raising concerns, an opening word, a generic "you", no letter at all, an opening sentence adverb. */
function vetoSource(text: string, source: Span | null, lemma: string, name?: Span): Span | null {
  // "is propounding views", "has faced ridicule": a lone participle is no speaker.
  if (source && rule('source.lone-participle', source.end - source.start < 30 && /^[a-z]+(?:ing|ed)$/.test(text.slice(source.start, source.end)))) source = null;
  // "The incident has raised concerns": an event raises concerns, nobody voices them.
  if (source && /^rais/.test(lemma)) {
    const words = text.slice(source.start, source.end).split(/\s+/);
    const head = words[words.length - 1]!;
    if (rule('source.event-raises', !/^\p{Lu}/u.test(head) && !personWord(head.toLowerCase()) && !PRONOUNS.has(head.toLowerCase()))) source = null;
  }
  // "Meanwhile Rihanna said", "Perhaps young voters prefer": a sentence adverb opening the clause without a comma is no part of the source.
  const adverb = source ? OPENING_ADVERB.exec(text.slice(source.start, source.end)) : null;
  if (source && adverb && rule('source.opening-adverb', !/^[a-z]+ly$/.test(text.slice(source.start + adverb[0].length, source.end)))) source = { start: source.start + adverb[0].length, end: source.end };
  // "Having announced …", "Instead, …": an opening word is no speaker.
  if (source && rule('source.opening-word', source.end - source.start < 14 && INTRO_WORDS.has(text.slice(source.start, source.end).toLowerCase()))) source = null;
  // "Following initial reports of …", "Despite early claims": a source never opens with a preposition or subordinator.
  if (source && rule('source.preposition', SUBORDINATE.has(/^\S+/.exec(text.slice(source.start, source.end))?.[0]?.toLowerCase() ?? ''))) source = null;
  // "Two weeks after …, Thomas broke his silence by asking": a time phrase is no speaker.
  if (source && rule('source.time-phrase', timePhrase(text.slice(source.start, source.end)))) source = null;
  // "if you think …", "you can say that": a generic "you" is nobody's claim.
  if (source && rule('source.generic-you', /^you$/i.test(text.slice(source.start, source.end)))) source = null;
  // "was happy to hear Clinton pledged", "June despite his delegate lead and Democratic calls": a source
  // that holds an infinitive or a concessive clause has run over a clause; it names no speaker.
  // ("Joe Moss, who drove from Ohio to help the campaign, says": a clause inside the description
  // after the name says who the speaker is; only the name must hold none.)
  const described = !!name && name.start === source?.start && name.end < source.end && /^\s*[,—]/.test(text.slice(name.end, source.end));
  const checked = source && rule('source.described-clause', described && clauseInside(text.slice(source.start, source.end))) ? name! : source;
  if (source && rule('source.clause-inside', clauseInside(text.slice(checked!.start, checked!.end)))) source = null;
  // "Jan. 1, 2015, shows": a source names someone, so it has a letter in it.
  if (source && rule('source.no-letter', !/\p{L}|%/u.test(text.slice(source.start, source.end)))) source = null;
  return source;
}

/** Whether a source as written holds a clause: "to" with a bare verb ("happy to hear Clinton"), or a concessive ("despite …"). */
function clauseInside(source: string): boolean {
  if (/\b(?:despite|because|although|whereas|unless)\s+\S/i.test(source)) return true;
  for (const m of source.matchAll(/\bto\s+([a-z]+)\b/g)) {
    const verb = m[1]!;
    if (/(?:s|ed|ing)$/.test(verb)) continue;
    if (COMMON_VERBS.has(verb) || CUE_VERBS.get(verb)?.lemma === verb) return true;
  }
  return false;
}

/** The content span: before the cue when the source rules said so, else after it (after "that" when one follows soon). */
function contentSpan(scan: UnitScan, site: CueSite, speaker: Speaker): Span {
  const { text, unit, toks } = scan;
  const { c, cueWord, cueEnd, lemma } = site;
  const { source, contentBefore } = speaker;
  let content: Span;
  if (contentBefore) {
    const cut = speaker.contentCut ?? (source && source.start < cueWord.start ? source.start : cueWord.start);
    content = trimSpan(text, unit.start, cut);
  } else {
    let from = toks[cueEnd + 1]?.start ?? unit.end;
    if (source && source.start > cueWord.start) from = toks.find((x) => x.start >= source!.end)?.start ?? unit.end;
    // "told RIA in an interview that…": content starts after "that" when one follows soon.
    for (let k = cueEnd + 1; k < Math.min(toks.length, cueEnd + 14); k++) {
      // ("announced on Tuesday that …": a time phrase between the verb and "that" is no content.)
      const dated = () => toks.slice(cueEnd + 1, k).every((x) => DATED.test(x.lower));
      if (toks[k]!.lower === 'that' && (lemma === 'tell' || lemma === 'inform' || lemma === 'ask' || lemma === 'brief' || k === cueEnd + 1 || lemma === 'say' || lemma === 'deny' || lemma === 'reject' || dated())) { from = toks[k + 1]?.start ?? from; break; }
      if (toks[k]!.text === ',' || toks[k]!.text === '.' || isQuote(toks[k])) break;
      // "said she was not going to jump to that conclusion": the content has begun; "that" is no complementizer.
      if (k > cueEnd + 1 && (PRONOUNS.has(toks[k]!.lower) || AUX_AFTER.has(toks[k]!.lower))) break;
    }
    // "told reporters the plan was dead", "told the Gazette on Monday he would resign": without "that",
    // the addressee (and a time phrase after it) is not what was said.
    if (from === toks[cueEnd + 1]?.start && (lemma === 'tell' || lemma === 'inform' || lemma === 'assure' || lemma === 'remind')) {
      const end = npRight(toks, cueEnd + 1);
      let k = end + 1;
      // Past up to two phrases of time or place ("on Monday", "in an interview").
      for (let n = 0; n < 2 && /^(?:on|in|at|during|after|before|last|this|earlier|later|today|yesterday)$/.test(toks[k]?.lower ?? ''); n++) {
        const phraseEnd = /^(?:on|in|at|during|after|before)$/.test(toks[k]!.lower) ? npRight(toks, k + 1) : k;
        if (phraseEnd < 0) break;
        k = phraseEnd + 1;
      }
      // ("told CNN Sunday the plan …": a bare day after the addressee.)
      if (TIME_HEAD.test(toks[k]?.lower ?? '') && toks[k + 1]?.word) k++;
      const next = toks[k];
      if (end > cueEnd && next?.word && next.lower !== 'to' && next.lower !== 'about' && next.lower !== 'of' && rule('content.after-addressee', true)) from = next.start;
      // "told the crowd in Ohio: “…”": the addressee before the colon is not what was said either.
      else if (end > cueEnd && next?.text === ':' && toks[k + 1] && rule('content.addressee-colon', true)) from = toks[k + 1]!.start;
    }
    content = trimSpan(text, from, unit.end);
  }
  // "Asked Tuesday about Sullivan, Feinstein said …", "Lashing out, Trump said …": an opening
  // participle's own content ends with its phrase; the main clause is a statement of its own.
  if (c === 0 && !source && (/ing$/.test(cueWord.lower) || /^(?:asked|pressed|questioned|told)$/.test(cueWord.lower))) {
    const comma = toks.findIndex((x, k) => k > cueEnd && x.text === ',');
    if (comma > 0) content = trimSpan(text, content.start, Math.max(content.start, toks[comma]!.start));
  }
  return content;
}

/**
 * Ends each content where the next statement of the unit begins ("X criticized Y and said Z",
 * "…, adding that"), so one statement's content does not swallow the next one's cue.
 */
function clipContents(text: string, raws: Raw[]): void {
  const sorted = [...raws].sort((a, b) => a.cue.start - b.cue.start);
  for (const r of sorted) {
    if (r.content.start < r.cue.end) continue;
    // "said Wednesday he agrees with …": a statement opening the content is reported inside this one
    // (nested), not a second statement beside it; the first one further in ends the content.
    const opens = (n: Raw) => !!n.source && n.source.start >= r.content.start && n.source.start <= r.content.start + 1 && !/[,;:]\s*$/.test(text.slice(r.cue.end, n.source.start));
    // "as saying he is optimistic and that Peking will continue to encourage …": a second "that" clause of this
    // cue is more of this content, and a statement in it is reported inside this one, not beside it.
    const secondClause = (n: Raw) => !!n.source && n.source.start > r.content.start && /(?:^|\s)(?:and|but)\s+that\s+$/i.test(text.slice(r.content.start, n.source.start)) && !/[;:]/.test(text.slice(r.content.start, n.source.start));
    // "denied giving an interview which quoted him as saying …": the quoting verb is this content's, and the
    // quotation it reports runs on in it (the content does not stop at "quoted").
    // ("C, the agency quoted Li as saying": a quoting clause after a comma closes a statement of its own.)
    const quoting = (n: Raw) => !!n.quoted && !!n.source && n.source.start > r.content.start && /^[^,;:]*\bquot(?:ed|es|ing)\s+$/i.test(text.slice(r.content.start, n.source.start));
    const next = sorted.find((n) => n !== r && !NOMINAL_CUES.has(n.lemma) && n.cue.start > r.content.start && n.cue.start < r.content.end && !opens(n) && !rule('content.second-that-clause', secondClause(n)) && !rule('content.quoting-clause', quoting(n)));
    if (!next) continue;
    const boundary = next.source && next.source.start > r.content.start && next.source.start < next.cue.start ? next.source.start : next.cue.start;
    let end = boundary;
    for (;;) {
      const before = text.slice(r.content.start, end);
      const match = /(?:[\s,;:—–-]+|\b(?:and|but|who|which|as|while|after|because|when)\b)$/i.exec(before);
      if (!match || match[0].length === 0) break;
      end -= match[0].length;
    }
    if (end > r.content.start) r.content = { start: r.content.start, end };
  }
}

/** What `quotationIndex` needs of one paragraph, read in one pass. */
interface ParagraphQuotes {
  /** Start of each double quotation mark (a `''` pair counts once, at its first apostrophe). */
  marks: number[];
  /** The quotation open after each mark (its index in the text), or -1 when none is. */
  open: number[];
  /** Where the last double mark character or `''` starts (the "closes later" test), or -1. */
  lastMark: number;
  /** The paragraph's first character that is not whitespace. */
  firstText: number;
}

/**
 * A test for positions of one text: true when `pos` lies inside a quotation of its paragraph, a
 * speaker's own words, where "I said", "they told me" or "people believe" are quoted speech, not the
 * article's reporting. A quotation counts when it closes later in the paragraph, or opens the
 * paragraph (a quotation running on over several paragraphs, or a quoted block); a stray unmatched
 * mark elsewhere does not. Each paragraph is read once (lazily) instead of from its start for every
 * position, which made a long paragraph with many statements quadratic (a 400 KB one-line article
 * took half a minute to analyse).
 */
function quotationIndex(text: string): (pos: number) => boolean {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  const paragraphs = new Map<number, ParagraphQuotes>();
  const read = (paragraphStart: number, paragraphEnd: number): ParagraphQuotes => {
    const marks: number[] = [];
    const open: number[] = [];
    let state = -1;
    let lastMark = -1;
    for (let i = paragraphStart; i < paragraphEnd; i++) {
      const ch = text[i];
      // Writers mix marks (“…" or "…”, even “…“), so any double mark closes an open quotation.
      const mark = ch === '“' || ch === '”' || ch === '"' || (ch === "'" && text[i + 1] === "'");
      if (!mark) continue;
      marks.push(i);
      if (ch === "'") i++;
      if (state >= 0) state = -1;
      else if (ch !== '”') state = i;
      open.push(state);
    }
    for (let i = paragraphEnd - 1; i >= paragraphStart && lastMark < 0; i--) {
      const ch = text[i];
      if (ch === '“' || ch === '”' || ch === '"' || (ch === "'" && i + 1 < paragraphEnd && text[i + 1] === "'")) lastMark = i;
    }
    let firstText = paragraphStart;
    while (firstText < paragraphEnd && /\s/.test(text[firstText]!)) firstText++;
    return { marks, open, lastMark, firstText };
  };
  return (pos: number): boolean => {
    // The paragraph around `pos`: after the last line break before it, up to the next one at or after it.
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    const paragraphStart = lo > 0 ? breaks[lo - 1]! + 1 : 0;
    const paragraphEnd = lo < breaks.length ? breaks[lo]! : text.length;
    let paragraph = paragraphs.get(paragraphStart);
    if (!paragraph) paragraphs.set(paragraphStart, (paragraph = read(paragraphStart, paragraphEnd)));
    // The state after the last mark that starts before `pos`.
    let low = 0;
    let high = paragraph.marks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (paragraph.marks[mid]! < pos) low = mid + 1;
      else high = mid;
    }
    const open = low > 0 ? paragraph.open[low - 1]! : -1;
    if (open < 0) return false;
    if (paragraph.lastMark >= pos) return true;
    return paragraph.firstText >= open;
  };
}

/**
 * Finds reported statements in `text`, sentence by sentence.
 * @param text - the full text; all spans point into it
 * @param sentences - sentence spans in order; with `kind`, only title/standfirst/body count
 * @param options - see `FindOptions`
 * @returns statements in text order, claimants resolved within the text
 */
export function findStatements(text: string, sentences: readonly SentenceLike[], options: FindOptions = {}): Statement[] {
  const opts = { ...defaultOptions, ...options };
  const raws: Raw[] = [];
  const outletUnits: Unit[] = [];
  const units = unitsOf(text, sentences);
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    const body = text.slice(unit.start, unit.end);
    let found: Raw[] = [];
    if (CUE_PREFILTER.test(body)) found = scanUnit(text, unit, opts.actions, opts.negated);
    for (const b of dashBylines(text, units, u)) if (!found.some((f) => f.source && f.source.start < b.source!.end && b.source!.start < f.source.end)) found.push(b);
    const dispute = DISPUTE_HINT.test(body) ? OUTLET_DISPUTE.exec(body) : null;
    const disputeAt = dispute ? unit.start + dispute.index : -1;
    // "… is unsubstantiated, according to the journal": the push-back is the journal's, inside its content.
    if (dispute && !rule('outlet.dispute-in-content', found.some((f) => f.source && f.content.start <= disputeAt && disputeAt < f.content.end))) {
      const cue = { start: disputeAt, end: disputeAt + dispute[0].length };
      found.push({ cue, source: null, content: trimSpan(text, unit.start, unit.end), unit, stance: 'disputes', lemma: 'outlet' });
    }
    if (!found.length) outletUnits.push(unit);
    raws.push(...found);
  }
  const chooser = opts.chooser === 'shipped' ? shippedChooser() : opts.chooser;
  // (Questions put to a speaker are no cue the model was trained on: it reviews the rest, as it did before they were kept.)
  const asked = raws.filter((r) => !r.question);
  const reviewed = chooser ? chooser(text, units, asked) : asked;
  let next = 0;
  const ruled = asked.length === raws.length ? reviewed : raws.map((r) => (r.question ? r : reviewed[next++]!));
  const tagger = !opts.actions ? null : opts.tagger === 'shipped' ? shippedTagger() : opts.tagger;
  const chosen = tagger ? tagger(text, units, ruled, { negated: opts.negated, isNegated: negatedCue }) : ruled;
  // A unit where the tagger found a statement is no longer the outlet's own reporting.
  if (chosen !== ruled) {
    const tagged = new Set(chosen.map((r) => r.unit.start));
    for (let i = outletUnits.length - 1; i >= 0; i--) if (tagged.has(outletUnits[i]!.start)) outletUnits.splice(i, 1);
  }
  const inside = quotationIndex(text);
  // Names in the headline, captions and teasers never resolve a body statement's claimant.
  const offBody = offBodyTest(sentences.filter((x) => x.kind && x.kind !== 'body' && x.kind !== 'standfirst'));
  const reported = chosen.filter((r) => r.lemma === 'byline' || !inside(r.cue.start));
  // Quote-only paragraphs: the speaker carried from the paragraph before, or an unattributed quotation.
  let quoted = quoteParagraphs(text, units, sentences, reported);
  const quotedUnits = new Set(quoted.map((q) => q.unit.start));
  // "The Times reports:" with nothing after the colon says what the quotation paragraph below it
  // says: one statement quoting both, never the introducer alone left as the outlet's reporting.
  quoted = quoted.filter((q) => {
    const from = q.carriedFrom;
    if (!from || from.unit.end > q.unit.start || !/:\s*$/.test(text.slice(from.unit.start, from.unit.end))) return true;
    const own = trimSpan(text, from.content.start, from.content.end);
    if (!rule('quote.introducer-takes-paragraph', own.end - own.start <= 1)) return true;
    from.content = q.content;
    from.unit = { start: from.unit.start, end: q.unit.end, sentence: from.unit.sentence, title: from.unit.title };
    return false;
  });
  const ordered = quoted.length ? [...reported, ...quoted].sort((a, b) => a.unit.start - b.unit.start || a.cue.start - b.cue.start) : reported;
  const statements = resolveClaimants(text, ordered, opts.outlet, offBody);
  // "They’re saying", "I'd add": the pronoun is the source as written; the contracted verb is not part of it
  // (its claimant was resolved from the pronoun: claimant.contracted-pronoun).
  for (const s of statements) {
    const contracted = s.source ? /^(?:i|you|we|they|he|she|who|it)(?=['’](?:ve|re|d|ll|m)$)/i.exec(text.slice(s.source.start, s.source.end)) : null;
    if (s.source && rule('source.pronoun-contraction', !!contracted)) s.source = { start: s.source.start, end: s.source.start + contracted![0].length };
  }
  // "X rejected the offer, saying it was too low", "Y denied the report, adding …": what the participle says is the
  // pushing-back speaker's own claim; it takes their source, so /claim shows it (the push-back holds only its object).
  if (opts.nested === 'claims') {
    statements.forEach((s, i) => {
      const r = ordered[i]!;
      const p = statements[i - 1];
      const pr = ordered[i - 1];
      const participle = SPEECH_PARTICIPLES.test(text.slice(s.cue.start, s.cue.end)) && /,\s*$/.test(text.slice(Math.max(s.span.start, s.cue.start - 3), s.cue.start));
      if (s.kind !== 'attributed' || s.source || !r.sameAsPrevious || !s.claimant || !p?.source || !pr || p.span.start !== s.span.start || p.claimant !== s.claimant) return;
      // ("He was being questioned by the panel about testimony …, saying …": the passive's agent did not say it.)
      const passive = /\b(?:was|were|been|being|is|are|be)\s+$/i.test(text.slice(Math.max(p.span.start, p.cue.start - 8), p.cue.start));
      if (rule('claim.push-back-participle', participle && !passive && PUSH_BACK_LEMMAS.has(pr.lemma) && p.content.end <= s.cue.start)) s.source = p.source;
    });
  }
  // A question put to the speaker ("X was asked whether …") named them for a later pronoun; it is no statement.
  const questions = new Set(statements.filter((_, i) => ordered[i]?.question));
  let kept = statements.filter((s) => (opts.keepSourceless || s.kind !== 'attributed' || s.source) && !questions.has(s));
  // A headline reports one statement: "X Says Museum Will Tell …" is X's, not the museum's too.
  const titles = new Set(units.filter((u) => u.title).map((u) => u.start));
  kept = kept.filter((s) => !(titles.has(s.span.start) && rule('headline.one-statement', kept.some((o) => o !== s && o.kind === 'attributed' && o.content.start <= s.cue.start && s.cue.end <= o.content.end))));
  if (opts.nested === 'claims') {
    const index = new Map(statements.map((s, i) => [s, i]));
    // Statements by the sentence they stand in: only those of the same sentence can hold one another.
    const bySentence = new Map<number, number[]>();
    statements.forEach((s, i) => { const here = bySentence.get(s.span.start); if (here) here.push(i); else bySentence.set(s.span.start, [i]); });
    // (A headline's inner cue is left to headline.one-statement.)
    kept = kept.filter((s) => titles.has(s.span.start) || !reportedInside(text, ordered, statements, bySentence.get(s.span.start)!, index.get(s)!));
    // "X denied giving an interview which quoted him as saying …", "X rejected a report quoting her as saying …":
    // the quotation is what X denies, never X's own assertion.
    kept = kept.filter((s) => !(ordered[index.get(s)!]?.quoted && s.source && rule('claim.quoted-inside-denial', statements.some((o) =>
      o !== s && o.kind === 'attributed' && o.span.start === s.span.start && (o.stance === 'denies' || o.stance === 'disputes') && o.cue.end <= s.source!.start &&
      DENIED_QUOTE.test(text.slice(o.cue.end, s.source!.start))))));
  }
  if (!opts.nested) {
    const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;
    // A statement inside another's content whose speaker no other statement names ("…,” Sanders said, according to
    // CNN", "…, which he claimed as …") is an attribution of its own, as PolNeAR annotates it — once a source model
    // has reviewed the sources: the rules alone name a speaker inside a content far too often (train: 123 of 778
    // right, against 111 of 222 after the shipped model).
    const speakers = new Map<string, number>();
    const sourceKey = (src: Span) => `${src.start}:${src.end}`;
    for (const s of kept) {
      if (!s.source) continue;
      const key = sourceKey(s.source);
      speakers.set(key, (speakers.get(key) ?? 0) + 1);
    }
    const ownSpeaker = (s: Statement) => !!chooser && s.kind === 'attributed' && !!s.source && s.cue.end > s.cue.start && speakers.get(sourceKey(s.source)) === 1;
    kept = kept.filter((s) => !kept.some((o) => o !== s && o.kind === 'attributed' && inside(s.cue, o.content) && !inside(o.cue, s.content)) || rule('nested.own-speaker', ownSpeaker(s)));
  }
  if (opts.outletStatements) {
    for (const unit of outletUnits) {
      if (quotedUnits.has(unit.start)) continue;
      const content = trimSpan(text, unit.start, unit.end);
      if (content.end <= content.start) continue;
      kept.push({
        cue: { start: unit.start, end: unit.start }, source: null, content, span: { start: unit.start, end: unit.end },
        sentence: unit.sentence, claimant: opts.outlet, claimantKeys: opts.outlet ? [opts.outlet.toLowerCase()] : [],
        stance: 'asserts', kind: 'outlet',
      });
    }
    kept.sort((a, b) => a.span.start - b.span.start || a.cue.start - b.cue.start);
  }
  const edges = !opts.actions ? null : opts.cueEdges === 'shipped' ? shippedEdges() : opts.cueEdges;
  return edges ? growCues(edges, text, units, kept) : kept;
}

/** Participles that say something ("…, saying", "…, calling it …"), after a push-back on an object. */
const SPEECH_PARTICIPLES = /^(?:saying|adding|arguing|noting|insisting|stating|explaining|contending|calling|declaring|warning|asserting|maintaining|complaining|charging|claiming|accusing|describing|citing|implying|predicting|stressing)$/i;

/** Verbs pushing back on an object ("rejected the offer", "denied the report", "contested the ruling"). */
const PUSH_BACK_LEMMAS = new Set(['deny', 'reject', 'dismiss', 'refute', 'rebuff', 'dispute', 'question', 'challenge', 'contest', 'criticize', 'criticise', 'condemn', 'deplore']);

/** Between a denial's cue and the person quoted: its object quoting them, in one clause ("… giving an interview which quoted"). */
const DENIED_QUOTE = /^[^,;:.!?"“”]*?\bquot(?:ed|ing)\s*$/i;

/** Cues that pass on someone else's statement rather than make a claim ("Reuters reported", "according to"). */
const CHANNEL_LEMMAS = new Set(['according', 'report']);

/**
 * Whether statement `i` is reported inside another statement's content: the other speaker's claim
 * about it, not a claim of its own ("Mook asserted that Trump tells so many lies …"). A claim that a
 * denial answers ("denied claims by Y that …") and one a channel passes on ("…, Smith said, Reuters
 * reported") stand on their own. `raws[k]` is the raw statement `statements[k]` was resolved from;
 * `sameSentence` the indexes of the statements standing in statement `i`'s sentence (linear per sentence).
 */
function reportedInside(text: string, raws: readonly Raw[], statements: readonly Statement[], sameSentence: readonly number[], i: number): boolean {
  const s = statements[i]!;
  if (s.kind !== 'attributed') return false;
  const within = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;
  return sameSentence.some((k) => {
    const o = statements[k]!;
    if (k === i || o.kind !== 'attributed' || o.span.start !== s.span.start || !o.source) return false;
    if (!within(s.cue, o.content) || within(o.cue, s.content)) return false;
    // (Someone quoted by a report the speaker mentions, "commenting on a report quoting X as saying …", stays X's claim.)
    if (rule('content.quoting-clause', !!raws[i]!.quoted)) return false;
    // Only a speaker who is shown reports it: an outer statement without a claimant leaves the inner one standing.
    if (!o.claimant || o.answers || CHANNEL_LEMMAS.has(raws[k]!.lemma)) return false;
    // A content before its cue is the speaker's only where the cue closes the sentence ("…, the source
    // added."), not where the sentence runs on ("…, Patriot could threaten to liquidate its properties").
    // ("…, Philips said, adding it expects …": the same speaker running on with "adding"/"saying" still closes the sentence's claim.)
    const rest = text.slice(Math.max(o.cue.end, o.source.end), o.span.end);
    if (o.content.end <= o.cue.start && !/^[^,;:—]{0,40}$/.test(rest) && !rule('claim.closing-speaker-adding', /^[^,;:—]{0,40},\s+(?:adding|saying)\b/.test(rest))) return false;
    // Two closing speakers ("…, Ambassador Kopyrkin said at a meeting, the embassy said in a statement."):
    // the second passes the first one's words on; the first is the claim.
    if (o.content.end <= o.cue.start && s.content.end <= s.cue.start) return false;
    // The same speaker twice ("he said he believes …") is one claim either way: nothing to drop.
    if (s.claimant && o.claimant === s.claimant) return false;
    return rule('claim.reported-inside', true);
  });
}

/** A bare time phrase ("Two weeks", "last month", "Three days later"): up to three words ending in a time word. */
function timePhrase(source: string): boolean {
  const words = source.split(/\s+/);
  const last = words.at(-1)!;
  if (words.length > 3 || !/^[a-z]/.test(last)) return false;
  const head = /^(?:later|earlier|ago)$/.test(last) && words.length > 1 ? words.at(-2)! : last;
  return TIME_HEAD.test(head.replace(/s$/, ''));
}
