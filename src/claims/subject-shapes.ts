/**
 * Subject shapes: where the subject of a cue starts and ends ("one in five", a description set off by
 * dashes or commas, a whole clause opening the sentence, a relative "who", a dated participle).
 */
import { ROLE_OPENERS, wholeSubject } from './clause-subjects.js';
import { BOUNDARY, CUE_VERBS, DETERMINERS, PRONOUNS, SKIPPABLE, SPEAKER_NOUNS, TIME_WORD } from './lexicon.js';
import { clauseStart, npLeft, npRight, skipLeft, span, titleCase } from './phrases.js';
import { rule } from './rules.js';
import { CONNECTIVES, DATING, INTRO_WORDS, MONTH, QUANTIFIERS, SUBORDINATE, SUBORDINATORS, TIME_HEAD, US_STATES } from './words.js';
import { isQuote, OPEN_QUOTES, type Token } from './tokens.js';
import { OTHER_ABBREVIATIONS } from '../ingest/abbreviations.js';
import type { RawStatement as Raw } from './types.js';
import { type CueSite, infinitiveCarrier, PERSON_NOUN, ROLE_LEAD, type Speaker, TO_VERBS } from './scan.js';

/** "to"-taking words that are adjectives, which `skipLeft` already passes ("likely to", "ready to"). */
const ADJECTIVE_TO = new Set(['likely', 'ready', 'willing', 'expected', 'going', 'set']);

/** Words that open a description of a person after a comma ("chairman of …", "a Democrat from …"). */
const DESCRIPTION_START = /^(?:a|an|the|who|whose|one|former|then|now|executive|senior|chief|deputy|president|director|chairman|chairwoman|chair|founder|co-founder|head|leader|author|editor|professor|spokesman|spokeswoman|spokesperson|member|CEO|vice|general|managing|assistant|associate|his|her|their|its)$/i;

/** Reporting verbs that make a phrase after a name a statement of its own rather than a description. */
const REPORTING_CORE = new Set(['said', 'says', 'say', 'added', 'adds', 'told', 'tells', 'noted', 'notes', 'argued', 'argues', 'claimed', 'claims', 'explained', 'insisted', 'warned', 'wrote', 'writes', 'stated', 'reported', 'reports', 'according', 'asked', 'replied', 'responded', 'continued', 'saying', 'adding', 'telling', 'noting', 'arguing']);

/** A lower-case word opening a description of a person ("executive director of …", "co-founder of …"). */
export function roleWord(t: Token): boolean {
  return t.word && !t.cap && !/^\d/.test(t.text) && !BOUNDARY.has(t.lower) && !SKIPPABLE.has(t.lower) && !CONNECTIVES.has(t.lower) && !TIME_WORD.test(t.lower) &&
    !/(?:ly|ing|ed)$/.test(t.lower) && !CUE_VERBS.has(t.lower) && !PRONOUNS.has(t.lower);
}

/**
 * End of a description set off by commas after a name ending at `end` ("Robert Klein, chairman
 * of the institute,"), including its closing comma; `end` when there is none. An age ("Ramos,
 * 58,") is not taken, nor a phrase holding another reporting verb or "that".
 */
export function appositiveEnd(toks: readonly Token[], end: number): number {
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
      // "…,” said Ida Lund, a pilot for the harbour's owner, Tarn Ferries.": a short phrase naming or describing the
      // last noun, running to the sentence's end, belongs to the description.
      if (rule('source.description-tail-to-end', tailToEnd(toks, k + 1))) { closed = k; continue; }
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

/** Whether the tokens from `from` are a short phrase without a verb (a name, "another …", "then …") ending the sentence. */
function tailToEnd(toks: readonly Token[], from: number): boolean {
  const first = toks[from];
  if (!first?.word || !(first.cap || /^(?:another|then|now|its|his|her|their)$/.test(first.lower)) || BOUNDARY.has(first.lower) || PRONOUNS.has(first.lower)) return false;
  let words = 0;
  for (let j = from; j < toks.length; j++) {
    const t = toks[j]!;
    if (t.word) {
      if (++words > 8 || CUE_VERBS.has(t.lower) || REPORTING_CORE.has(t.lower) || (!t.cap && /(?:ing|ed)$/.test(t.lower)) || /^(?:who|whose|which|that)$/.test(t.lower)) return false;
      continue;
    }
    if (/^(?:'s|’s|-|&|\/)$/.test(t.text)) continue;
    if (t.text !== '.') return false;
    const next = toks[j + 1];
    return !next || (isQuote(next) && next.text !== "'" && next.text !== '’');
  }
  return false;
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
export function stateAfterTown(toks: readonly Token[], start: number, end: number): boolean {
  return toks[start - 1]?.text === ',' && !!toks[start - 2]?.cap && stateAt(toks, start) === end;
}

const NUMBER_WORD = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)$/;
const APPROXIMATE = /^(?:about|nearly|roughly|almost|around|some|just|only|over|under)$/;

/**
 * A share written as numbers standing as the subject ending at `end`: "one in five", "about one in
 * four", "more than two in three". Its first token, or -1. (A bare count, "…, 39 have said", stays
 * sourceless: source.no-letter keeps dates such as "Jan. 1, 2015, shows" out.)
 */
export function shareSubject(toks: Token[], end: number): number {
  const n = toks[end];
  if (!n || !NUMBER_WORD.test(n.lower)) return -1;
  if (toks[end - 1]?.lower !== 'in' || !NUMBER_WORD.test(toks[end - 2]?.lower ?? '')) return -1;
  let s = end - 2;
  if (APPROXIMATE.test(toks[s - 1]?.lower ?? '')) s--;
  else if (toks[s - 1]?.lower === 'than' && /^(?:more|fewer|less)$/.test(toks[s - 2]?.lower ?? '')) s -= 2;
  return clauseStart(toks, s) ? s : -1;
}

/** Dash marks that set a phrase into a sentence (a double hyphen is two "-" tokens). */
export const DASHES = new Set(['-', '—', '–', '―']);

/** A subject set before a phrase between dashes: its first and last tokens, and whether the phrase describes it. */
export interface DashedSpeaker {
  start: number;
  last: number;
  /** An apposition ("-- the author of a book --"), part of the source as written; else a phrase set in ("-- who … --"). */
  describes: boolean;
}

/**
 * With a dash closing before the verb at `before` ("Lund -- the author of a book -- said", "Lund ― who
 * built the pier ― has derided"), the subject opening its clause before the matching opening dash,
 * or null. A hyphen or an en dash counts only set off by spaces ("Lund - a welder - said", never "2015–16").
 */
export function dashedSpeaker(toks: Token[], before: number): DashedSpeaker | null {
  const dash = toks[before]?.text;
  if (!dash || !DASHES.has(dash)) return null;
  let close = before;
  while (close > 0 && toks[close - 1]!.text === dash) close--;
  let open = close - 1;
  while (open >= 0 && toks[open]!.text !== dash && close - open <= 40) open--;
  if (open < 1 || toks[open]!.text !== dash) return null;
  while (open > 0 && toks[open - 1]!.text === dash) open--;
  if ((dash === '-' || dash === '–') && (toks[open]!.start === toks[open - 1]!.end || toks[close]!.start === toks[close - 1]!.end)) return null;
  const inside = toks.slice(open + 1, close).filter((x) => x.text !== dash);
  // An apposition: a name, a described role or a list ("-- John Roe, who …", "- a spokesman for …",
  // "-- including …"); a relative or a phrase set in ("-- who has …", "- in a line aimed at …") stays out
  // of the source in PolNeAR's gold, which leaves it to the name alone.
  const first = inside[0];
  if (!first?.word) return null;
  const describes = first.lower === 'including' || roleWord(first) || ROLE_LEAD.test(first.lower) || (DETERMINERS.has(first.lower) && /^(?:a|an|the|his|her|their|its)$/.test(first.lower)) ||
    (first.cap && !BOUNDARY.has(first.lower) && !SUBORDINATE.has(first.lower) && !INTRO_WORDS.has(first.lower) && !DETERMINERS.has(first.lower));
  const last = open - 1;
  const head = toks[last]!;
  if (!head.word || BOUNDARY.has(head.lower) || SKIPPABLE.has(head.lower) || CUE_VERBS.has(head.lower)) return null;
  const start = wholeSubject(toks, npLeft(toks, last));
  // "Ida Lund, the chief of the board -- which … -- said": the name opening the sentence before the role.
  const named = start >= 2 ? openNameBefore(toks, start) : -1;
  if (named >= 0) return { start: named, last, describes };
  return start >= 0 && clauseStart(toks, start) ? { start, last, describes } : null;
}

/**
 * With a dash closing before the verb at `before` ("Lund -- the author of a book -- said"), the
 * first token of the subject opening its clause before the matching opening dash, when the phrase
 * between the dashes describes it; or -1.
 */
export function dashedSubject(toks: Token[], before: number): number {
  const found = dashedSpeaker(toks, before);
  return found?.describes ? found.start : -1;
}

/** Reporting verbs whose subject opening the sentence may be taken whole (source.whole-clause-subject). */
const WHOLE_CUES = /^(?:said|says|say|told|tells|tell|added|adds|wrote|writes|noted|notes|note|argued|argues|argue|warned|warns|warn|claimed|claims|claim|insisted|insist|insists|believe|believes|believed|think|thinks|thought|agreed|agree|agrees|acknowledged|acknowledge|acknowledges|stated|explained|predicted|predict|predicts)$/;

/** The last token of a whole subject ending at `before`, with a time phrase set before the verb ("… on Super Tuesday said"). */
export function wholeEnd(toks: readonly Token[], c: number, before: number): number {
  const gap = toks.slice(before + 1, c);
  return gap.length && gap.every((x) => TIME_WORD.test(x.lower) || TIME_HEAD.test(x.lower) || x.cap || /^(?:on|the|last|this)$/.test(x.lower)) ? c - 1 : before;
}

/**
 * The first token of the subject of the cue at `c` when the sentence opens with it (after "But",
 * "Still," or "Even so," at most): 3 to 20 tokens from a name, a determiner, a quantifier or a
 * plural to `before`, with no comma, quotation, "that" or other reporting verb inside, and an
 * auxiliary only in a relative clause ("people I've spoken with"). Otherwise -1.
 */
export function wholeClauseSubject(toks: readonly Token[], c: number, before: number): number {
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
export function relativeAcrossPhrase(toks: readonly Token[], c: number): number {
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
export function relativeBefore(toks: Token[], c: number): number {
  for (let k = c - 1; k > 0 && k > c - 25; k--) {
    const t = toks[k]!;
    if (t.text === ',' || t.text === ';' || t.text === '—' || isQuote(t) || (t.word && CUE_VERBS.has(t.lower) && k < c - 1)) return -1;
    if (t.lower === 'who') return k;
  }
  return -1;
}

/** Where the subject before the cue ends: past adverbs and auxiliaries, and past a verb taking "to" ("tried to deny"). */
export function subjectEnd(toks: Token[], site: CueSite): number {
  const { c, prev } = site;
  let before = skipLeft(toks, c - 1);
  // "Sanders has begun to rebut", "Trump tried to deny": the subject is before the verb that takes "to".
  const carrier = prev?.lower === 'to' ? infinitiveCarrier(toks, c) : -1;
  if (prev?.lower === 'to' && TO_VERBS.has(toks[before]?.lower ?? '') && !ADJECTIVE_TO.has(toks[before]!.lower)) before = skipLeft(toks, before - 1);
  // "Lund took to the radio to say", "Lund was quick to say": the subject is before the phrase carrying the infinitive.
  else if (rule('source.carried-infinitive', carrier >= 0)) before = skipLeft(toks, carrier - 1);
  // "She will be challenging", "Republicans have begun urging": a progressive's "be" or a verb of beginning before an -ing cue.
  else if (/ing$/.test(site.cueWord.lower) && before === c - 1 && rule('source.progressive-be', /^(?:be|begun|began|begin|begins|started|start|starts|kept|keep|keeps)$/.test(toks[before]?.lower ?? ''))) {
    before = skipLeft(toks, before - 1);
    // ("many dockers seem to be hoping": past a verb of seeming before "to be".)
    if (/^(?:seem|appear)$/.test(toks[before]?.lower ?? '') && toks[before + 1]?.lower === 'to') before = skipLeft(toks, before - 1);
  }
  return before;
}

/**
 * The main clause's subject, right after the comma closing an opening subordinate clause that
 * holds the statement `previous` ("Ever since she endorsed him, Ms. Warren …"), when it comes
 * before the token `c`; with `participles`, an opening participle clause counts too ("Asked about
 * it, Mrs. Lee shook her head and said"). Null otherwise.
 */
export function subjectAfterOpening(toks: Token[], previous: Raw, c: number, participles: boolean): [number, number] | null {
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
export function describedSubject(toks: Token[], subj: [number, number], c: number, speaker: Speaker): void {
  const described = appositiveEnd(toks, subj[1]);
  if (rule('source.described-subject', described > subj[1] && described < c && toks[described]!.text === ',')) {
    speaker.source = span(toks, subj[0], described);
    speaker.name = span(toks, subj[0], subj[1]);
  } else speaker.source = span(toks, subj[0], subj[1]);
}

/**
 * With a subject starting at `s` with a description ("the harbour's spokeswoman", "chief of staff"),
 * the name set before it by a comma at the opening of the sentence ("Ida Lund, the harbour's
 * spokeswoman said"): its first token, or -1.
 */
export function openNameBefore(toks: Token[], s: number): number {
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
export function datedTail(toks: readonly Token[], before: number, c: number): number {
  const k = before + 1;
  const participle = toks[k];
  if (!participle || k >= c || participle.cap || !/ed$/.test(participle.lower)) return before;
  let j = k + 1;
  while (j < c && DATING.test(toks[j]!.lower)) j++;
  const dated = toks.slice(k + 1, j).some((x) => TIME_WORD.test(x.lower) || TIME_HEAD.test(x.lower) || MONTH.test(x.lower));
  return rule('source.dated-participle', j > k + 1 && dated) ? j - 1 : before;
}

/** Prepositions that open a sentence's phrase of occasion before its subject ("In a Bloomberg interview …", "At the rally …"). */
const OCCASION_PREPS = /^(?:in|at|during|on|after|before|throughout)$/;

/**
 * "In a radio interview Lund declared …": a name right before the cue after an opening phrase of
 * occasion that no comma closes. The phrase opens the sentence with a preposition and ends in a
 * lower-case noun; only words of a noun phrase inside it (no verb, "that", comma or quotation).
 * Returns the name's first token, or -1.
 */
export function nameAfterOccasion(toks: readonly Token[], before: number): number {
  const last = toks[before];
  if (!last?.word || !last.cap || BOUNDARY.has(last.lower) || PRONOUNS.has(last.lower) || MONTH.test(last.lower)) return -1;
  let s = before;
  while (s > 0 && before - s < 3 && toks[s - 1]!.word && toks[s - 1]!.cap) s--;
  const noun = toks[s - 1];
  if (!noun?.word || noun.cap || /(?:ly|ed)$/.test(noun.lower) || DETERMINERS.has(noun.lower) || BOUNDARY.has(noun.lower) || SKIPPABLE.has(noun.lower) || CUE_VERBS.has(noun.lower) || TIME_WORD.test(noun.lower) || TIME_HEAD.test(noun.lower)) return -1;
  let first = 0;
  while (first < s && (!toks[first]!.word || /^(?:but|and|yet|so)$/.test(toks[first]!.lower)) && !isQuote(toks[first]!) && toks[first]!.text !== ',') first++;
  const opener = toks[first];
  if (!opener?.word || (!opener.cap && first === 0) || !OCCASION_PREPS.test(opener.lower) || s - first < 3 || s - first > 10) return -1;
  const phrase = toks.slice(first + 1, s - 1);
  return phrase.every((x) => x.word && !CUE_VERBS.has(x.lower) && !PRONOUNS.has(x.lower) && !/^(?:that|which|who|where|when|as|than)$/.test(x.lower) && (x.cap || !/(?:ed|ly)$/.test(x.lower))) ? s : -1;
}

/** Verbs of a relative clause without "that" after a subject's head, besides past forms in -ed ("people I spoke with", "those we know"). */
const CONTACT_VERBS = /^(?:spoke|spoken|met|know|knew|saw|seen|heard|talk|interview|asked|polled|surveyed|trust)$/;

/** Heads of a subject whose relative clause a pronoun opens: a speaker noun, a plural or a quantity of people ("everyone I asked"). */
const PEOPLE_HEADS = /^(?:everyone|everybody|anyone|anybody|many|most|some|all|few|several|each)$/;

/**
 * "All the dockers I interviewed said", "voters we talked to say", "everyone she met agreed": a
 * subject whose head takes a relative clause opened by a subject pronoun, with no "that", before
 * the cue at `c`. Returns [first, last] token of the whole subject, or null.
 */
export function pronounRelativeSubject(toks: Token[], before: number, c: number): [number, number] | null {
  let v = before;
  if (/^(?:with|to)$/.test(toks[v]?.lower ?? '') && v + 1 === c) v--;
  const verb = toks[v];
  if (!verb?.word || verb.cap || CUE_VERBS.has(verb.lower) && !/^(?:interviewed|asked)$/.test(verb.lower) || !(/ed$/.test(verb.lower) || CONTACT_VERBS.test(verb.lower))) return null;
  let p = v - 1;
  while (p > 0 && /^(?:'ve|’ve|have|had|'d|’d|ever|recently|personally)$/.test(toks[p]!.lower)) p--;
  if (!/^(?:i|we|you|they|he|she)$/.test(toks[p]?.lower ?? '')) return null;
  const head = toks[p - 1];
  if (!head?.word || head.cap && !PEOPLE_HEADS.test(head.lower) || !(SPEAKER_NOUNS.has(head.lower) || PEOPLE_HEADS.test(head.lower) || /[^s]s$/.test(head.lower)) ||
    (BOUNDARY.has(head.lower) && !PEOPLE_HEADS.test(head.lower)) || CUE_VERBS.has(head.lower) || SKIPPABLE.has(head.lower)) return null;
  const start = PEOPLE_HEADS.test(head.lower) && !DETERMINERS.has(toks[p - 2]?.lower ?? '') ? p - 1 : wholeSubject(toks, npLeft(toks, p - 1));
  if (start < 0 || !clauseStart(toks, start)) return null;
  const end = toks[before + 1]?.lower === 'to' && before + 2 === c ? before + 1 : before;
  return [start, end];
}

/** Records and shares of people, whose "of" shows who does what follows ("footage of Lund saying", "the proportion of voters saying"). */
const RECORDS = /^(?:footage|video|videos|clip|clips|tape|tapes|recording|recordings|audio|image|images|photo|photos|picture|pictures|proportion|share|percentage|spectacle|sight)$/;

/** Plurals of things that end like nouns for people ("their headquarters calling for", "posters urging"). */
const THINGS_IN_ERS = /^(?:headquarters|papers|numbers|letters|banners|posters|orders|borders|computers|offers|covers|flyers|fliers|stickers|markers|chapters|quarters|waters)$/;

/** Words before a subject of a bare participle that show the person doing it ("footage of Lund saying", "featuring dockers telling"). */
const SHOWING = /^(?:of|about|for|with|between|featuring|featured|features|included|includes|including)$/;

/**
 * "footage of Lund saying …", "an ad featuring dockers telling …", "Anyone expecting …": a person before a
 * bare participle is its subject — named, or a noun for people — when the phrase opens its clause (`start`,
 * the whole subject found) or follows a word that shows them doing it. Not the seeker of "seeking comment".
 * Returns the subject's first token, or -1.
 */
export function participlePerson(toks: Token[], start: number, before: number, c: number): number {
  const head = toks[before]!;
  const named = head.cap && !BOUNDARY.has(head.lower) && !PRONOUNS.has(head.lower) && !INTRO_WORDS.has(head.lower) && !SUBORDINATE.has(head.lower) && head.lower !== 'besides' && !/ly$/.test(head.lower) && /^\p{Lu}[\p{L}.]*$/u.test(head.text);
  const people = !head.cap && ((/s$/.test(head.lower) && PERSON_NOUN.test(head.lower) && !THINGS_IN_ERS.test(head.lower)) || /^(?:anyone|everyone)$/.test(head.lower));
  if (c !== before + 1 || /^seek/.test(toks[c]!.lower) || titleCase(toks) || !head.word || !(named || people)) return -1;
  let tight = npLeft(toks, before);
  // ("featuring dockers": the phrase grown leftwards may have taken the showing word.)
  for (let k = before - 1; tight >= 0 && k >= tight; k--) if (!toks[k]!.cap && SHOWING.test(toks[k]!.lower) && toks[k]!.lower !== 'of') { tight = k + 1; break; }
  // ("the board of directors urging": a body's members are not shown doing it.)
  // ("a wide array of artists writing songs": after "of" only a record or a share shows them doing it, "footage of", "the proportion of".)
  const shown = tight >= 0 && SHOWING.test(toks[tight - 1]?.lower ?? '') && (toks[tight - 1]!.lower !== 'of' || RECORDS.test(toks[tight - 2]?.lower ?? ''));
  const from = shown ? tight : start;
  const lead = toks[from - 1];
  // ("to the chairman and chief executive Ann Roy describing": after "and" the phrase may be an object's second half.)
  // ("Under the plan, taxpayers reporting gains would pay": a common noun opening the clause is often a reduced relative's head.)
  if (!shown && ((lead?.word && lead.lower !== 'but') || !head.cap)) return -1;
  // ("Keeps saying she …", "Besides attacking": one capitalised word opening the sentence may be a verb or a preposition.)
  if (!shown && head.cap && from === before && toks.slice(0, from).every((x) => !x.word)) return -1;
  // ("A German warning about …": one capitalised word after an article is an adjective before a noun.)
  if (from === before - 1 && /^(?:a|an)$/.test(toks[from]!.lower)) return -1;
  const inside = toks.slice(from, before + 1);
  // ("All I'm asking": a pronoun inside is a clause's subject, not a person named.)
  return inside.some((x) => (x.word && !x.cap && (/(?:ed|ing)$/.test(x.lower) || (BOUNDARY.has(x.lower) && x.lower !== 'and'))) || PRONOUNS.has(x.lower) || /^['’]/.test(x.text)) ? -1 : from;
}

/** Nouns of a number of people before "of" ("a handful of Democrats", "a group of senators"). */
const GROUP_OF = /^(?:handful|number|group|couple|pair|majority|minority|few|dozen|host|chorus|coalition|trio|bevy|slew)$/;

/**
 * After an inverted cue ending at `cueEnd`, a group of people named by "a handful of …", "a number of …" ("…, said
 * a handful of Democrats"): the last token of the people's phrase, or -1. The phrase after "of" must name people:
 * a capitalised head, or a noun for people.
 */
export function groupOfPeopleEnd(toks: Token[], cueEnd: number): number {
  const det = toks[cueEnd + 1];
  const noun = toks[cueEnd + 2];
  if (!det || !/^(?:a|an|the)$/.test(det.lower) || !noun?.word || !GROUP_OF.test(noun.lower) || toks[cueEnd + 3]?.lower !== 'of') return -1;
  const end = npRight(toks, cueEnd + 4);
  const head = toks[end];
  return end >= cueEnd + 4 && head && head.word && (head.cap || PERSON_NOUN.test(head.lower) || SPEAKER_NOUNS.has(head.lower)) && !PRONOUNS.has(head.lower) ? end : -1;
}

/**
 * After an inverted cue ending at `cueEnd`, a name whose first word is also a modal or another boundary word ("…,” said
 * Will Doyle", "said May Lee"): the last token of the name, or -1. Only a capitalised word followed by a capitalised
 * word that is no boundary word.
 */
export function boundaryNameEnd(toks: Token[], cueEnd: number): number {
  const first = toks[cueEnd + 1];
  const second = toks[cueEnd + 2];
  if (!first?.word || !first.cap || !BOUNDARY.has(first.lower) || PRONOUNS.has(first.lower) || !/^(?:will|may)$/.test(first.lower)) return -1;
  if (!second?.word || !second.cap || BOUNDARY.has(second.lower)) return -1;
  return npRight(toks, cueEnd + 2);
}

/** Head nouns of documents, polls and ads that report what they show ("a poll released Sunday shows"); claimants.ts's DOCUMENT_HEADS are the documents a body issues ("the statement said"). */
const REPORTING_HEADS = /^(?:study|studies|report|reports|poll|polls|survey|surveys|analysis|analyses|letter|letters|memo|memos|memorandum|email|e-mail|emails|e-mails|document|documents|ad|ads|advertisement|video|videos|statement|paper|book|textbook|review|audit|article|editorial|op-ed|investigation|lawsuit|lawsuits|complaint|filing|transcript|data|estimate|estimates|assessment|research|ruling|post|tweet|message|petition|forecast|projection|projections|cable|dossier|footage|recording|brief|indictment|affidavit|record|records)$/;

/** Past participles without "-ed" that modify a document's head ("a book written by …", "an email sent Friday"). */
const BARE_PARTICIPLES = /^(?:written|made|sent|drawn|taken|seen|given|done|shown|put|run|paid|held|brought|built|set)$/;

/** Words that open a post-modifier after the head noun: a participle, a preposition or a time phrase. */
function postModifierStart(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  if (!t?.word || t.cap) return false;
  if (/^(?:of|from|for|by|about|on|in|at|with|among|covering|relating|out)$/.test(t.lower)) return true;
  if (participleWord(t) || (/^(?:just|newly|recently|previously|first|being)$/.test(t.lower) && participleWord(toks[k + 1]))) return true;
  return TIME_HEAD.test(t.lower) || (/^(?:last|this|earlier)$/.test(t.lower) && TIME_HEAD.test(toks[k + 1]?.lower ?? ''));
}

/** A lower-case past participle ("released", "written"). */
function participleWord(t: Token | undefined): boolean {
  return !!t?.word && !t.cap && (/^[a-z]{3,}ed$/.test(t.lower) || BARE_PARTICIPLES.test(t.lower));
}

/** The last token of a subject before the verb at `c`, past auxiliaries and adverbs ("… released last week actually showed"). */
export function documentEnd(toks: readonly Token[], c: number): number {
  let end = c - 1;
  while (end > 0 && (SKIPPABLE.has(toks[end]!.lower) || /^[a-z]{3,}ly$/.test(toks[end]!.text)) && !TIME_HEAD.test(toks[end]!.lower)) end--;
  return end;
}

/**
 * The first token of the run of words (and of the `joiners` between them: "'s", "-" …) ending at `end`, when the
 * run opens its unit or follows a comma, colon, semicolon or dash; else -1.
 */
function clauseRunStart(toks: readonly Token[], end: number, joiners: RegExp): number {
  let start = end;
  while (start > 0 && (toks[start - 1]!.word || joiners.test(toks[start - 1]!.text))) start--;
  return start > 0 && !/^(?:,|:|;|—|–|--)$/.test(toks[start - 1]!.text) ? -1 : start;
}

/**
 * "A new study released on Monday by two economists shows …", "A report about jobs issued last week by the
 * board noted …": a subject opening its clause whose head — a document, poll or ad — is followed by a
 * participle, prepositional or time phrase running up to the verb. The first token of that subject, or -1.
 * No comma, quotation, relative pronoun, auxiliary or "that" inside; "and" only between capitalised names.
 */
export function documentSubject(toks: readonly Token[], c: number, before: number): number {
  if (/ing$/.test(toks[c]!.lower) || before < 0 || before >= c) return -1;
  const end = documentEnd(toks, c);
  if (end < 0 || !toks[end]!.word || BOUNDARY.has(toks[end]!.lower)) return -1;
  // The subject opens the unit or follows its last comma, colon or dash ("In Ohio, a poll … showed").
  let start = clauseRunStart(toks, end, /^(?:'s|’s|-|\/|&)$/);
  if (start < 0) return -1;
  while (start < end && /^(?:and|but|yet|so)$/.test(toks[start]!.lower)) start++;
  const first = toks[start]!;
  if (!(first.cap || DETERMINERS.has(first.lower) || /^\d/.test(first.text)) || PRONOUNS.has(first.lower) || SUBORDINATE.has(first.lower) || INTRO_WORDS.has(first.lower)) return -1;
  if (end - start < 3 || end - start > 26) return -1;
  // The head: the first document noun within six tokens, right before a post-modifier.
  let head = -1;
  for (let k = start; k <= Math.min(end - 1, start + 6); k++) {
    const t = toks[k]!;
    if (!t.word && !/^(?:'s|’s|-|\/)$/.test(t.text)) return -1;
    if (t.word && !t.cap && BOUNDARY.has(t.lower) && !DETERMINERS.has(t.lower)) return -1;
    if (!t.cap && (REPORTING_HEADS.test(t.lower)) && postModifierStart(toks, k + 1)) { head = k; break; }
  }
  if (head < 0) return -1;
  for (let k = head + 1; k <= end; k++) {
    const t = toks[k]!;
    if (!t.word && !/^(?:'s|’s|-|\/|\(|\))$/.test(t.text)) return -1;
    if (t.lower === 'to' && toks[k - 1]?.lower === 'relating') continue;
    if (/^(?:that|which|who|whom|whose|is|was|are|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did|not|to)$/.test(t.lower)) return -1;
    if (t.lower === 'and' && !(toks[k + 1]?.cap || (DETERMINERS.has(toks[k + 1]?.lower ?? '') && toks[k + 2]?.cap))) return -1;
    if (t.word && !t.cap && CUE_VERBS.has(t.lower) && !participleWord(t)) return -1;
    if (/^(?:he|she|they|we|i|you|it)$/.test(t.lower)) return -1;
  }
  return start;
}

/** Plural nouns of groups of people that are no "-er"/"-ist" nouns ("families of the victims", "officials in the FBI"). */
const PEOPLE_PLURALS = /^(?:officials|people|families|members|proponents|opponents|residents|citizens|activists|executives|delegates|democrats|republicans|conservatives|liberals|progressives|students|parents|veterans|immigrants|economists|scientists|analysts|experts|critics|aides|staffers|allies|groups|leaders|others|those)$/;

/** Opening words of a phrase after the people it describes: a preposition, a relative pronoun or a participle. */
function peopleModifierStart(t: Token | undefined, next: Token | undefined): boolean {
  if (!t?.word || t.cap) return false;
  if (/^(?:of|in|at|from|for|with|on|among|across|around|inside|within|who|whose)$/.test(t.lower) || /^[a-z]{3,}ing$/.test(t.lower)) return true;
  // ("officials involved with the board", "those affected by the closure": not "people posted reminders", a verb.)
  return /^[a-z]{3,}ed$/.test(t.lower) && /^(?:with|by|in|at|on|for|from|to|about)$/.test(next?.lower ?? '');
}

/**
 * "Proponents of tighter rules here say …", "Dockers who have worked with Lund say …", "Officials involved with the
 * board have made clear …": a plural noun of people opening its clause (or its subordinate clause) with a phrase
 * after it — prepositional, relative or participial — running up to the verb (no bare -ing form). The first token
 * of that subject, or -1. No comma, quotation, "that" or reporting verb inside; an auxiliary only in a relative clause.
 */
export function modifiedPeopleSubject(toks: readonly Token[], c: number): number {
  if (/ing$/.test(toks[c]!.lower)) return -1;
  let end = documentEnd(toks, c);
  if (end > 0 && /^(?:here|there)$/.test(toks[end]!.lower)) end--;
  if (end < 0 || !toks[end]!.word || BOUNDARY.has(toks[end]!.lower)) return -1;
  let start = clauseRunStart(toks, end, /^(?:'s|’s|-)$/);
  if (start < 0) return -1;
  while (start < end && (/^(?:and|but|yet|so|though|although|while|because|since|if|as)$/.test(toks[start]!.lower) || (INTRO_WORDS.has(toks[start]!.lower) && !DETERMINERS.has(toks[start]!.lower)))) start++;
  if (end - start < 3 || end - start > 22) return -1;
  const first = toks[start]!;
  if (PRONOUNS.has(first.lower) || SUBORDINATE.has(first.lower)) return -1;
  // The head: a plural noun of people within five tokens, with only modifiers (and "current and former") before it.
  let head = -1;
  for (let k = start; k <= Math.min(end - 1, start + 5); k++) {
    const t = toks[k]!;
    if (!t.word) return -1;
    if (!t.cap && (PEOPLE_PLURALS.test(t.lower) || (/s$/.test(t.lower) && PERSON_NOUN.test(t.lower) && !THINGS_IN_ERS.test(t.lower))) && peopleModifierStart(toks[k + 1], toks[k + 2])) { head = k; break; }
    if (!t.cap && BOUNDARY.has(t.lower) && !(t.lower === 'and' && k > start) && !DETERMINERS.has(t.lower)) return -1;
    if (!t.cap && (CUE_VERBS.has(t.lower) || SKIPPABLE.has(t.lower))) return -1;
  }
  if (head < 0) return -1;
  const rest = toks.slice(head + 1, end + 1);
  if (rest.some((t) => !t.word && !/^(?:'s|’s|-)$/.test(t.text))) return -1;
  if (rest.some((t) => t.lower === 'that' || CUE_VERBS.has(t.lower) && !/(?:ing|ed)$/.test(t.lower))) return -1;
  // A finite verb only inside a relative clause ("who have worked with Lund").
  const relative = rest.findIndex((t) => /^(?:who|whose)$/.test(t.lower));
  if (rest.some((t, k) => /^(?:is|was|are|were|has|have|had|will|would|can|could|do|does|did)$/.test(t.lower) && (relative < 0 || k < relative))) return -1;
  return start;
}

/** A party tag in parentheses after a legislator's name ("(D-Ore.)", "(R-Va.)", "(I-Vt.)"). */
const PARTY_TAG = /^[DRI]-\p{Lu}/u;

/**
 * "Sens. Ida Lund (D-Ore.), Tom Berg (D-Ohio) and Ana Roy (D-N.J.) all …", "He and Rep. Tom Berg (R-Va.) both …": the
 * first token of a list of names with party tags ending at the ')' `close` before a floating quantifier, or -1. The
 * list runs back over tagged names joined by commas and "and", and a name or pronoun before the last "and".
 */
export function taggedListStart(toks: readonly Token[], close: number): number {
  let start = -1;
  for (let k = close; k > 0;) {
    if (toks[k]!.text !== ')') return -1;
    let open = k - 1;
    while (open > k - 5 && open > 0 && toks[open]!.text !== '(') open--;
    if (toks[open]?.text !== '(' || !PARTY_TAG.test(toks[open + 1]?.text ?? '') || !toks[open - 1]?.cap) return -1;
    const name = npLeft(toks as Token[], open - 1);
    if (name < 0 || !toks[name]!.cap) return -1;
    start = name;
    const joint = toks[name - 1];
    if (!joint || !/^(?:,|and)$/.test(joint.lower)) break;
    if (toks[name - 2]?.text === ')') { k = name - 2; continue; }
    // ("He and Rep. Tom Berg (R-Va.)": a pronoun or an untagged name before the last "and".)
    if (joint.lower === 'and' && toks[name - 2]?.word) {
      const other = /^(?:he|she|i|we|they)$/.test(toks[name - 2]!.lower) ? name - 2 : toks[name - 2]!.cap ? npLeft(toks as Token[], name - 2) : -1;
      if (other >= 0) start = other;
    }
    break;
  }
  return start >= 0 && clauseStart(toks as Token[], start) ? start : -1;
}

/** Prepositions inside names and descriptions ("Bank of Japan", "director for ACLU"), never a noun before a name. */
const NOUN_PREPS_IN_NAMES = new Set(['of', 'for', 'de', 'del', 'der', 'van', 'von', 'la', 'le', 'du', 'al', 'bin', 'da', 'dos', 'das']);

/** Words after which a subject and its verb modify what comes before: the verb's object is that word ("what he said"). */
const GAP_OPENERS = new Set(['what', 'whatever', 'anything', 'everything', 'something', 'nothing', 'things']);
/** Words that may open what follows a verb whose object went before it ("said on Monday", "cited about it"). */
const GAP_FOLLOWERS = new Set(['on', 'in', 'at', 'over', 'during', 'about', 'last', 'this', 'earlier', 'later', 'after', 'before', 'since', 'for', 'from', 'with', 'of', 'below', 'above', 'here', 'there', 'yesterday', 'today', 'tonight', 'again', 'repeatedly', 'often', 'once']);

/**
 * Whether the cue at `c` (ending at `cueEnd`), with its source the tokens `from`..`to` before it, stands in a relative
 * clause whose object went before it ("the phrase Lund cited on Monday", "anything the mayor said at the hearing",
 * "the rules that the board announced in May"): nothing after the cue is a clause or a quotation, so the statement
 * has no content of its own. (", which the board rejected" is left alone: a rejection or a denial of what went before
 * is a statement about it.) Returns where the speaker's name starts in the source ("Lund" of "phrase Lund"), or -1.
 */
export function objectGapRelative(toks: readonly Token[], from: number, to: number, cueEnd: number): number {
  // What follows the cue up to the clause's end: nothing, or a short phrase opening with a preposition or a time word.
  const after: Token[] = [];
  let k = cueEnd + 1;
  // (At most nine tokens are read: a longer phrase is no gap, and a run-on unit costs no more per cue.)
  for (; k < toks.length && after.length <= 8 && !/^[,;.:!?()]$|^--$|^—$/.test(toks[k]!.text); k++) {
    // ("The phrase Lund cited on Monday has appeared …": the main clause's verb right after the time phrase.)
    if (after.length && TIME_HEAD.test(toks[k - 1]!.lower) && /^(?:is|was|are|were|has|have|had|will|would|remains?|appears?|appeared)$/.test(toks[k]!.lower)) break;
    after.push(toks[k]!);
  }
  // ("what his aides have long said: he is …", "…, to which Lee replied, “…”": what follows the colon or comma is said.)
  if (toks[k]?.text === ':' || isQuote(toks[k + 1])) return -1;
  if (after.some((x) => isQuote(x) || !x.word && !/^[-'’]$/.test(x.text)) || after.length > 8) return -1;
  if (after.length && (!GAP_FOLLOWERS.has(after[0]!.lower) || after.some((x) => x.lower === 'that' || x.lower === 'to' || CUE_VERBS.has(x.lower) || /^(?:is|was|are|were|will|would|could|should|can|may|might|must|has|have|had)$/.test(x.lower)))) return -1;
  // ("whom the board accuses of raising fees": what the cue holds is an act of its own.)
  if (after[0]?.lower === 'of' && /ing$/.test(after[1]?.lower ?? '')) return -1;
  const before = toks[from - 1];
  if (before?.word && GAP_OPENERS.has(before.lower)) return from;
  // "the standard that the court announced in 1992": "that" after a noun (not a verb's "that", nor "so heated that").
  if (before?.lower === 'that' && from >= 2) {
    const noun = toks[from - 2]!;
    if (noun.word && !noun.cap && !CUE_VERBS.has(noun.lower) && !/(?:ed|ly)$/.test(noun.lower) && !BOUNDARY.has(noun.lower) && !PRONOUNS.has(noun.lower) &&
      !toks.slice(Math.max(0, from - 12), from - 1).some((x) => x.lower === 'so' || x.lower === 'such')) return from;
  }
  // "the phrase Lund cited on Monday", "things Ida Lund said about ferries": a common noun inside the source before the
  // name. (With nothing after the cue, "… harbour newspaper Tarn Post reports." has its content before it; nor after a
  // comma or a quotation: "…,” Tarn Post's Ida Lund said on Monday.")
  const closesQuotation = isQuote(before) && (!toks[from - 2] || /^[,.?!]$/.test(toks[from - 2]!.text));
  if (!after.length || !before || before.text === ',' || closesQuotation || toks.slice(from, to + 1).some((x) => x.text === ',')) return -1;
  // The word right before the capitalised run that ends the source.
  let run = to;
  while (run > from && (toks[run - 1]!.cap || !toks[run - 1]!.word)) run--;
  const t = toks[run - 1];
  return run > from && !!t && t.word && !t.cap && toks[run]!.cap && !/^['’]s$/.test(t.lower) && !DETERMINERS.has(t.lower) && !BOUNDARY.has(t.lower) && !NOUN_PREPS_IN_NAMES.has(t.lower) &&
    // (A person noun before a name is a role — "spokesman Ed Lee" — unless plural before one name: "the new users Tarnbook added".)
    !SPEAKER_NOUNS.has(t.lower) && !(PERSON_NOUN.test(t.lower) && !(/[^s]s$/.test(t.lower) && !toks.slice(run, to + 1).some((x) => x.lower === 'and'))) && !ROLE_LEAD.test(t.lower) && !/(?:ed|ing)$/.test(t.lower) && !/ly$/.test(t.lower) ? run : -1;
}
