/**
 * Antecedents of relative pronouns and restrictive clauses for attribution: which noun phrase a
 * "who", "which" or "that" clause hangs on ("Putin met Erdogan, who said" → "Erdogan").
 */
import { wholeSubject } from './clause-subjects.js';
import { BOUNDARY, COMMON_VERBS, CUE_VERBS, DETERMINERS, NP_INNER_PREPS, SKIPPABLE, SPEAKER_NOUNS } from './lexicon.js';
import { npLeft } from './phrases.js';
import { rule } from './rules.js';
import type { Token } from './tokens.js';
import { CALENDAR_NAMES, OF_HEADS } from './words.js';
import { personWord } from './scan.js';

/** How far back from the cue a restrictive "that" clause may open (tokens). */
const THAT_REACH = 10;
/** How far back a "who" clause may open: a people-headed "who" reads further ("leaders who'd rather be working now on a campaign for Cruz or Ben Carson said"). */
const WHO_REACH = 20;

/**
 * "progressive organizations that have endorsed him say": a subject with a short restrictive
 * relative clause before the cue. Returns [first, last] token of the subject noun phrase, or null.
 */
export function relativeSubject(toks: Token[], before: number): [number, number] | null {
  let crossed = false;
  for (let k = before; k > 0 && k > before - WHO_REACH; k--) {
    const t = toks[k]!;
    if (!t.word && t.text !== "'") return null;
    // (A reporting verb closes another clause — "traders who have received telexes said … and some believed" — unless it
    // is the clause's own: "the man who wrote the speech …", "leaders who have said …".)
    if (CUE_VERBS.has(t.lower) && !relativeVerb(toks, k)) crossed = true;
    if (t.lower !== 'that' && t.lower !== 'who') continue;
    // Past the reach of a "that", only a "who" with no other clause's reporting verb between it and the cue.
    if (k <= before - THAT_REACH && !rule('source.long-who-clause', t.lower === 'who' && !crossed)) continue;
    if (k === before) return null;
    // "the soldiers that the HUR said were recruited": the phrase after "that" is the speaker.
    if (t.lower === 'that' && wholeSubject(toks, npLeft(toks, before)) === k + 1) return null;
    let start = npLeft(toks, k - 1);
    // "One of the doctors who signed the letter said": the phrase "who" hangs on may have its own "of" phrase.
    // ("One of the doctors who …", "most of the pilots who …": a quantity head before "of" opens it.)
    const ofHead = start >= 2 && toks[start - 1]!.lower === 'of' && OF_HEADS.has(toks[start - 2]!.lower) ? start - 2 : -1;
    // (Only over a phrase of nouns: "charged during the debate that", "came prepared with questions that" hold verbs.)
    const wide = start > 0 && toks[start - 1]!.word ? wholeSubject(toks, start) : start;
    // (And for "who" only, on a head that names people: "Democrats in Iowa who", "the ex-wife of Ed Lund who"; never "the
    // tics of a candidate who" or "leaders remain confident that".)
    const head = wide >= 0 && wide < start ? headOf(toks, wide, k - 1) : null;
    const people = !!head && t.lower === 'who' && (head.cap || personWord(head.lower) || /^(?:others|.*wife|.*husband)$/.test(head.lower));
    const whole = ofHead >= 0 ? npLeft(toks, ofHead) : people && toks.slice(wide, start).every(nounish) ? wide : start;
    if (rule('source.relative-whole-subject', whole >= 0 && whole < start)) start = whole;
    if (start < 0 || (start > 0 && toks[start - 1]!.word && toks[start - 1]!.lower !== 'and' && toks[start - 1]!.lower !== 'but')) return null;
    // "residents in Jupiter, Florida who were voting … complained": names after "in" are places, not who speaks.
    if (t.lower === 'who' && placeBefore(toks, start, k - 1)) return null;
    return [start, k - 1];
  }
  return null;
}

/** Whether the verb at `k` opens a "who" clause: right after "who", or after "who" and an auxiliary ("who have said", "who’d"). */
function relativeVerb(toks: readonly Token[], k: number): boolean {
  if (toks[k - 1]?.lower === 'who') return true;
  // (A token's lower case writes "’" as "'".)
  return toks[k - 2]?.lower === 'who' && /^(?:have|has|had|would|will|'d|'ve|'ll|also|once|later|first)$/.test(toks[k - 1]!.lower);
}

/**
 * Where the noun phrase a relative "who"/"which" right after token `last` stands for begins: the phrase right before,
 * widened over the phrase it belongs to ("a tech staffer at the State Department, who") — never over a verb ("has won over
 * Weaver, who"), nor, for "who", to a head naming no people when the noun right before names some ("no conversations
 * with political supporters who"), nor, for "which", to a head naming people ("members of the Tarn Trade Union, which").
 */
export function relativeAntecedentStart(toks: Token[], last: number, which: boolean): number {
  const tight = tightStart(toks, npLeft(toks, last), last);
  const whole = wholeSubject(toks, tight);
  if (whole < 0 || tight < 0 || whole >= tight) return whole;
  // (A day or a month is no one: "records released in July, which showed …".)
  const people = (t: Token) => (t.cap && !CALENDAR_NAMES.includes(t.lower)) || SPEAKER_NOUNS.has(t.lower) || personWord(t.lower);
  // (The head before the first preposition joining the phrase on: "anxiety" in "anxiety among Clinton supporters".)
  let wide = toks[last]!;
  for (let k = whole + 1; k < tight; k++) if (!toks[k]!.cap && /^(?:of|in|from|at|for|on|with|to|by|among|over|without|against|about|into|under|near|across|within|around|through|during|between|behind)$/.test(toks[k]!.lower)) { wide = toks[k - 1]!; break; }
  const near = toks[last]!;
  const overVerb = toks.slice(whole, tight).some((t) => t.word && !t.cap && (IRREGULAR_PAST.has(t.lower) || CUE_VERBS.has(t.lower) || COMMON_VERBS.has(t.lower) || /ing$/.test(t.lower)));
  const wrongHead = (!people(wide) && (people(near) || (!which && /[^s]s$/.test(near.lower)))) || (which && !wide.cap && personWord(wide.lower) && near.cap);
  return rule('claimant.relative-noun-before', overVerb || wrongHead) ? tight : whole;
}

/** A word of a noun phrase with its modifying phrases and conjuncts: no verb, adverb or clause word. */
function nounish(t: Token): boolean {
  if (!t.word) return t.text === ',' || t.text === "'s" || t.text === '’s';
  if (t.cap || DETERMINERS.has(t.lower) || /^(?:of|in|at|from|for|with|and)$/.test(t.lower)) return true;
  return !BOUNDARY.has(t.lower) && !CUE_VERBS.has(t.lower) && !COMMON_VERBS.has(t.lower) && !SKIPPABLE.has(t.lower) && !/(?:ed|ing|ly)$/.test(t.lower);
}

/**
 * Whether the capitalised names [s, e] ("Los Angeles and Seattle", "Jupiter, Florida") follow "in",
 * "at", "across" … : places, which a "who" clause never hangs on.
 */
export function placeBefore(toks: readonly Token[], s: number, e: number): boolean {
  if (s < 0 || !toks.slice(s, e + 1).every((x) => x.cap || x.lower === 'and' || x.text === ',')) return false;
  let k = s - 1;
  while (k >= 0 && s - k < 12 && (toks[k]!.cap || toks[k]!.lower === 'and' || toks[k]!.text === ',')) k--;
  return rule('source.who-after-place', k >= 0 && /^(?:in|at|across|throughout|near|outside|inside)$/.test(toks[k]!.lower));
}

/** The head noun of the phrase [s, e]: the word before its first modifying preposition, else the last word. */
export function headOf(toks: Token[], s: number, e: number): Token {
  for (let k = s + 1; k <= e; k++) if (/^(?:of|in|from|at|for|on|with|to|by)$/.test(toks[k]!.lower) && !toks[k]!.cap) return toks[k - 1]!;
  return toks[e]!;
}

/** Common irregular past tenses, which a noun phrase never contains ("Putin met envoys"). */
const IRREGULAR_PAST = new Set(['met', 'told', 'saw', 'took', 'gave', 'made', 'held', 'led', 'left', 'sent', 'won', 'beat', 'hit', 'put', 'got', 'brought', 'thought', 'found', 'kept', 'paid', 'lost', 'heard', 'knew', 'meant', 'sold', 'spent', 'stood', 'sat', 'ran', 'came', 'went', 'became', 'began', 'wrote', 'spoke', 'chose', 'drove', 'rose', 'fell', 'felt', 'fought', 'caught', 'taught', 'bought', 'built', 'cut', 'let', 'set', 'shut', 'read', 'drew', 'threw', 'struck', 'sought', 'won', 'joined', 'backs', 'meets', 'sees', 'tells', 'gives', 'takes', 'makes', 'leads', 'hosts', 'visits', 'visited']);

/**
 * Narrows a noun phrase [s, e] that swallowed a verb ("Putin met Erdogan") to the name or noun
 * run at its end ("Erdogan"). Returns the new start, or s when the phrase is clean.
 */
export function tightStart(toks: Token[], s: number, e: number): number {
  if (s < 0) return s;
  const plain = (t: Token) => t.word && !t.cap && !BOUNDARY.has(t.lower) && !SKIPPABLE.has(t.lower) && !CUE_VERBS.has(t.lower) && !IRREGULAR_PAST.has(t.lower) && !/(?:ed|ly|ing)$/.test(t.lower);
  const capRun = (k: number) => { while (k > s && (toks[k - 1]!.cap || toks[k - 1]!.lower === "'s")) k--; return k; };
  let k = e;
  while (k > s) {
    const cur = toks[k]!;
    const t = toks[k - 1]!;
    if (DETERMINERS.has(cur.lower) && !cur.cap) break;
    let ok: boolean;
    if (t.lower === "'s" || cur.lower === "'s" || DETERMINERS.has(t.lower) || SPEAKER_NOUNS.has(t.lower)) ok = true;
    else if (cur.cap) ok = t.cap || (NP_INNER_PREPS.has(t.lower) && !!toks[k - 2]?.cap);
    // A capitalised modifier of a common noun ("Armenian opposition") only when its run opens the phrase.
    // ("among Clinton supporters who", "the Mexican president, who": after an article or a preposition the run opens the phrase too.)
    else ok = plain(t) || (t.cap && (capRun(k - 1) === s || !toks[capRun(k - 1) - 1]?.word ||
      rule('claimant.relative-name-modifier', /^(?:the|a|an|among|of|with|for|from|by|to|at)$/.test(toks[capRun(k - 1) - 1]!.lower))));
    if (!ok) break;
    k--;
  }
  return k;
}
