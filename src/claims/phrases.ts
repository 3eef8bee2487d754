/**
 * Noun-phrase edges (and whether one opens a clause) found from word shapes and closed word
 * classes, the cheap stand-in for a parser that attribution uses (see `attribution.ts`); the
 * clause subjects built on them are in `clause-subjects.ts`.
 */
import type { Span } from '../core/types.js';
import {
  BOUNDARY, COMMON_VERBS, CUE_VERBS, DETERMINERS, NP_INNER_PREPS, PRONOUNS, SKIPPABLE, SPEAKER_NOUNS, speakerNoun, TIME_WORD,
} from './lexicon.js';
import { rule } from './rules.js';
import type { Token } from './tokens.js';
import {
  CLAUSE_OPENERS, DATING, MONTH, OF_HEADS, QUANTITY_NOUNS, SUBORDINATORS, TIME_HEAD,
} from './words.js';
import { NAME_TITLES, OTHER_ABBREVIATIONS } from '../ingest/abbreviations.js';

/** A word whose point is an abbreviation's (a title, a state, a firm, "No."), not a full stop. */
export const ABBREVIATION_WORD = new RegExp(`^(?:${[...NAME_TITLES, ...OTHER_ABBREVIATIONS].join('|')}|U\\.S|U\\.N)$`);

/** Longest noun phrase, in tokens, the rules will grow. */
const MAX_NP = 10;

/** A headline in title case ("Trump Says His Plan Will Work"). */
export function titleCase(toks: Token[]): boolean {
  const words = toks.filter((t) => t.word && t.text.length > 3);
  return words.length >= 3 && words.filter((t) => t.cap).length / words.length >= 0.75;
}

/** Roles that follow a company's ticker inside one name ("Loews Corp <LTR> Chairman Lawrence Tisch", "Amoco <AN> unit"). */
const TICKER_ROLE = /^(?:chairman|chairwoman|president|chief|unit|subsidiary|director|spokesman|spokeswoman|executive|officials?|vice|treasurer|board|management)$/i;

/** A wire headline line in capitals ("AMERICAN EXPRESS <AXP> SEEN IN POSSIBLE SPINOFF"): two or more words, none with a lower-case letter. */
export function allCaps(toks: readonly Token[]): boolean {
  let words = 0;
  for (const t of toks) {
    if (!/\p{L}/u.test(t.text)) continue;
    if (/\p{Ll}/u.test(t.text)) return false;
    words++;
  }
  return words >= 2;
}

/** True when the clause before token `k` (back to the unit start) is long enough to be the reported content. */
export function substantial(toks: Token[], k: number): boolean {
  const words = toks.slice(0, k).filter((t) => t.word);
  // "When Francis said …, the campaign responded": a subordinate clause is not what was said.
  if (words[0] && SUBORDINATORS.has(words[0].lower)) return false;
  if (words.length >= 12) return true;
  return words.length >= 6 && !BOUNDARY.has(words[0]!.lower);
}

/** Reporting verbs a plural cue noun may be the subject of ("Press reports said", "Earlier estimates showed"). */
export const REPORTING_AFTER_NOUN = /^(?:said|say|showed|show|suggested|suggest|indicated|indicate|put|claimed|found|estimated|spoke|noted|stated)$/;

/** Particles that open a surname or a name when capitalised ("Al Gore", "De Blasio", "Van Hollen"). */
const NAME_PARTICLES = new Set(['de', 'von', 'van', 'al', 'bin', 'del', 'la', 'le', 'di', 'da', 'du', 'el']);

/**
 * "Theresa May", "April Ryan": a capitalised month right after a name is part of the name — not
 * before a number ("Clinton May 3") nor in a title-case line ("Trump May Have Said Too Much").
 */
function nameMonth(toks: readonly Token[], j: number): boolean {
  const t = toks[j]!;
  const prev = toks[j - 1];
  return MONTH.test(t.lower) && t.cap && !!prev?.cap && prev.word && !BOUNDARY.has(prev.lower) && !MONTH.test(prev.lower) && !/^\d/.test(toks[j + 1]?.text ?? '') && !(toks[j + 1]?.word && toks[j + 1]!.cap);
}

/** Months as the news abbreviates them ("Sept. 9", "Aug 4"). */
const MONTH_SHORT = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

/** True when token `k` is a day of the month: a number (1–31, "3rd") right after a capitalised month, "May 3", "Sept. 9". */
function dayOfMonth(toks: readonly Token[], k: number): boolean {
  const day = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(toks[k]?.lower ?? '');
  if (!day || Number(day[1]) < 1 || Number(day[1]) > 31) return false;
  const month = toks[k - 1]?.text === '.' ? toks[k - 2] : toks[k - 1];
  if (!month?.cap) return false;
  return toks[k - 1]?.text === '.' ? MONTH_SHORT.test(month.lower) : MONTH.test(month.lower) || MONTH_SHORT.test(month.lower);
}

/** Days of the week. */
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** Words that open a date phrase ("on Tuesday", "in March 2015", "since 2012", "last Friday"). */
const DATE_OPENER = /^(?:on|in|by|since|during|until|through|from|after|before|last|this|next|early|late|mid|that)$/;

/**
 * True when token `k` ends a date phrase opened by a preposition or a time word: "on Tuesday",
 * "in March 2015", "last Friday morning", "in 2015". A capitalised word after it starts a name of
 * its own ("On Tuesday Clinton said"). A month with no opener stays a name ("April Ryan said").
 */
function openingDate(toks: readonly Token[], k: number): boolean {
  const last = toks[k];
  if (!last?.word) return false;
  const dateWord = (t: Token) => (t.cap && (WEEKDAY.test(t.lower) || MONTH.test(t.lower))) || /^(?:1[89]|20)\d\d$/.test(t.text) || /^(?:morning|afternoon|evening|night)$/.test(t.lower) || /^\d{1,2}(?:st|nd|rd|th)?$/.test(t.lower) || t.text === ',';
  if (!dateWord(last) || last.text === ',') return false;
  let j = k;
  while (j >= 0 && k - j < 5 && dateWord(toks[j]!)) j--;
  const opener = toks[j];
  // ("Nine in 10 voters": a bare number after "in" is a share, not a date.)
  const dated = toks.slice(j + 1, k + 1).some((t) => (t.cap && (WEEKDAY.test(t.lower) || MONTH.test(t.lower))) || /^(?:1[89]|20)\d\d$/.test(t.text));
  return dated && !!opener && opener.word && DATE_OPENER.test(opener.lower);
}

/** Nouns ending in -ly, which do not end a phrase the way adverbs do. */
const LY_NOUNS: ReadonlySet<string> = new Set(['family', 'ally', 'assembly', 'rally', 'supply', 'monopoly', 'anomaly', 'daily', 'weekly', 'monthly', 'quarterly', 'italy', 'fly', 'bully', 'belly', 'jelly']);

/** A lower-case word in -ly that is an adverb ("reasonably", "almost"), not a noun ending so ("family", "rally"). */
export function lyAdverb(lower: string): boolean {
  return /ly$/.test(lower) && !LY_NOUNS.has(lower);
}

/** Adjectives in -ly that stand before a noun inside a phrase ("an early tweet", "elderly voters"). */
const LY_ADJECTIVES: ReadonlySet<string> = new Set(['early', 'elderly', 'likely', 'unlikely', 'friendly', 'costly', 'lonely', 'timely', 'lively', 'orderly', 'deadly', 'worldly', 'kindly', 'burly', 'portly', 'scholarly', 'stately', 'homely', 'curly', 'surly']);

/** Grows a noun phrase leftwards from token `j` (inclusive); returns its first token index, or -1. */
export function npLeft(toks: Token[], j: number): number {
  // "Sen. Bernie Sanders (I-Vt.)": a parenthesis closing the phrase belongs to it.
  if (toks[j]?.text === ')') {
    let k = j - 1;
    while (k > 0 && toks[k]!.text !== '(' && j - k < 8) k--;
    if (toks[k]?.text === '(' && k > 0) {
      const s = npLeft(toks, k - 1);
      return s;
    }
  }
  const head = toks[j];
  // "Polls there show", "executives there say": a place adverb after the head is part of the phrase. (Not "here", the
  // wire's dateline city: "dealers here said" is shown as "dealers", and PolNeAR's gold leaves "here" out.)
  const placed = !!head && head.text === 'there' && j > 0 && !!toks[j - 1]!.word && (toks[j - 1]!.cap || /[^s']s$/.test(toks[j - 1]!.lower)) &&
    !BOUNDARY.has(toks[j - 1]!.lower) && !CUE_VERBS.has(toks[j - 1]!.lower) && !SKIPPABLE.has(toks[j - 1]!.lower);
  if (rule('source.place-adverb-after-head', placed && !/^(?:is|are|was|were)$/.test(toks[j + 1]?.lower ?? ''))) return npLeft(toks, j - 1);
  if (!head || !head.word || (BOUNDARY.has(head.lower) && !nameMonth(toks, j))) return -1;
  // "her thinking", "his remarks": a reporting word after a possessive or article is a noun.
  // ("Press reports said …": a plural cue noun right before a reporting verb is that verb's subject; cue.plural-noun-before-verb.)
  const nounBeforeVerb = /[^s]s$/.test(head.lower) && REPORTING_AFTER_NOUN.test(toks[j + 1]?.lower ?? '') && rule('source.plural-cue-noun', true);
  if (CUE_VERBS.has(head.lower) && !nounBeforeVerb && !/^(?:his|her|their|its|our|my|the|'s|’s)$/.test(toks[j - 1]?.lower ?? '')) return -1;
  let i = j;
  while (i > 0 && j - i < MAX_NP) {
    const cur = toks[i]!;
    const prev = toks[i - 1]!;
    // "the two", "all three": determiners chain; otherwise a determiner starts the phrase.
    if (DETERMINERS.has(cur.lower) && !cur.cap) {
      if (DETERMINERS.has(prev.lower)) { i--; continue; }
      break;
    }
    if (prev.lower === "'s") { i--; continue; }
    // "Sanders' spokesman", "RealClearPolitics’ David Byler": a plural or -s possessive, its mark right after the word.
    const owner = toks[i - 2];
    if (rule('source.s-possessive', (prev.text === "'" || prev.text === '’') && !!owner?.word && /s$/i.test(owner.text) && owner.end === prev.start && prev.end < cur.start && cur.word)) { i -= 2; continue; }
    // "On May 3 Clinton said", "By Sept. 9 Rubio…": a day after a month is the date's, not the name's.
    if (cur.cap && dayOfMonth(toks, i - 1)) break;
    // "On Tuesday Clinton said", "In March 2015 Obama said": an opening date is not part of the name.
    if (cur.cap && openingDate(toks, i - 1)) break;
    // "the Reuters/Ipsos poll": names joined by a slash.
    if (prev.text === '/' && cur.cap && toks[i - 2]?.cap) { i -= 2; continue; }
    // "Kidder Peabody and Co", "Smith & Sons": the conjunction is part of the firm's name.
    if ((prev.lower === 'and' || prev.text === '&') && /^(?:co\.?|company|sons|partners|associates)$/i.test(cur.text) && toks[i - 2]?.cap) { i -= 2; continue; }
    // "Ministry of International Trade and Industry (MITI) Deputy Director General …": an acronym in parentheses inside a name.
    if (prev.text === ')' && cur.cap && toks[i - 3]?.text === '(' && /^[A-Z][A-Z0-9&]{1,7}$/.test(toks[i - 2]?.text ?? '') && !!toks[i - 4]?.cap && rule('source.acronym-inside-name', true)) { i -= 4; continue; }
    // "AMOCO <AN> CANADA SAYS", "UAL <UAL> UNIT": a ticker in angle brackets inside a company's name is part of it.
    // (In running text only before a role: "Loews Corp <LTR> Chairman Lawrence Tisch"; "NEC Corp <NIPN.T> Honeywell-NEC Inc" is two firms.)
    if (prev.text === '>' && cur.cap && prev.end < cur.start && toks[i - 3]?.text === '<' && /^[A-Z0-9.]{1,8}$/.test(toks[i - 2]?.text ?? '') && !!toks[i - 4]?.cap &&
      rule('source.ticker-inside-name', allCaps(toks) || TICKER_ROLE.test(cur.text))) { i -= 4; continue; }
    if (!prev.word) break;
    // "Seventy-four percent of Democratic voters", "a group of conservative leaders".
    if (prev.lower === 'of' && QUANTITY_NOUNS.has(toks[i - 2]?.lower ?? '')) { i--; continue; }
    if (NP_INNER_PREPS.has(prev.lower) && i - 2 >= 0 && (toks[i - 2]!.cap || SPEAKER_NOUNS.has(toks[i - 2]!.lower)) && cur.cap) { i--; continue; }
    // "Al Gore said", "De Blasio said", "Van Hollen": a capitalised particle opens the name.
    if (prev.cap && NAME_PARTICLES.has(prev.lower) && cur.cap && !/\.$/.test(prev.text)) { i--; continue; }
    // "The two lawmakers", "all three candidates": a determiner opens the phrase, and chains with one before it.
    if (DETERMINERS.has(prev.lower)) {
      i--;
      if (DETERMINERS.has(toks[i - 1]?.lower ?? '') && !toks[i]!.cap) i--;
      break;
    }
    // "He Mao, Minister of Trade, said": a capitalised "He" opening the clause before a capitalised word and an
    // appositive comma is a surname, not the pronoun.
    if (prev.text === 'He' && i === j && toks[j + 1]?.text === ',' && /^\p{Lu}\p{Ll}+$/u.test(cur.text) && !CUE_VERBS.has(cur.lower) && !BOUNDARY.has(cur.lower) &&
      (i === 1 || !toks[i - 2]!.word) && rule('source.he-surname', true)) { i--; break; }
    // "campaign spokeswoman Hope Hicks", "state Rep. Will Ford": a capitalised reporting verb between a lower-case word and a capitalised one is a first name.
    const firstName = prev.cap && cur.cap && /^\p{Lu}\p{Ll}+$/u.test(prev.text) && CUE_VERBS.has(prev.lower) && !!toks[i - 2]?.word && (!toks[i - 2]!.cap || ABBREVIATION_WORD.test(toks[i - 2]!.text.replace(/\.$/, ''))) && !titleCase(toks);
    if (rule('source.verb-first-name', firstName)) { i--; continue; }
    // "GOP Chairman Will Rogers", "Chief Economist May Lind": a capitalised modal between a title word and a capitalised
    // word is a first name.
    if (rule('source.modal-first-name', /^(?:Will|May)$/.test(prev.text) && /^\p{Lu}\p{Ll}+$/u.test(cur.text) && !CUE_VERBS.has(cur.lower) && !BOUNDARY.has(cur.lower) &&
      !!toks[i - 2]?.word && toks[i - 2]!.cap && !titleCase(toks))) { i--; continue; }
    if (BOUNDARY.has(prev.lower) || CUE_VERBS.has(prev.lower) || NP_INNER_PREPS.has(prev.lower) || PRONOUNS.has(prev.lower)) break;
    // A lower-case word ending in -ly or -ed before a capitalised name is usually an adverb or verb.
    if (!prev.cap && /(?:ly|ed|ing)$/.test(prev.lower) && cur.cap && !SPEAKER_NOUNS.has(prev.lower)) break;
    // "reasonably campaign", "that night Ex-CIA chief Petraeus": adverbs and time words end the phrase.
    // ("An early tweet", "But early ratings data": an adjective in -ly before a lower-case noun, after an article or
    // opening the phrase, is the phrase's.)
    const lyAdjective = LY_ADJECTIVES.has(prev.lower) && !cur.cap && cur.word && (!toks[i - 2]?.word || DETERMINERS.has(toks[i - 2]!.lower) || /^(?:but|and|yet)$/i.test(toks[i - 2]!.text));
    if (!prev.cap && lyAdverb(prev.lower) && !rule('source.ly-adjective', lyAdjective)) break;
    if (!prev.cap && TIME_HEAD.test(prev.lower) && cur.cap) break;
    i--;
  }
  // A phrase of only determiners/possessive markers is no source.
  if (toks[i]!.lower === "'s") return -1;
  return limitedNumber(toks, i);
}

/** Words that limit a number opening a subject ("only 49 percent", "nearly three in five"). */
const LIMITERS = /^(?:about|nearly|almost|roughly|only|approximately|barely|fully)$/;
/** Two-word limiters ("at least a dozen members", "more than half of voters"). */
const LIMITER_PAIRS = /^(?:at least|at most|more than|less than|fewer than|upwards of)$/;

/** A number opening a subject at `i` ("49", "half", "dozens", "a third", "a majority"). */
function numberWord(toks: readonly Token[], i: number): boolean {
  const first = toks[i]!;
  // "two-thirds", "three-quarters": a share written as a fraction.
  if (rule('source.limited-share', FRACTION.test(first.lower) && i >= 1 && (LIMITERS.test(toks[i - 1]!.lower) || (i >= 2 && LIMITER_PAIRS.test(`${toks[i - 2]!.lower} ${toks[i - 1]!.lower}`))))) return true;
  const numberLike = /^\d/.test(first.text) || /^(?:one|two|three|four|five|six|seven|eight|nine|ten|half|dozens|hundreds|thousands|a)$/.test(first.lower);
  return numberLike && (first.lower !== 'a' || /^(?:third|quarter|fifth|half|dozen|handful|majority|plurality|minority)$/.test(toks[i + 1]?.lower ?? ''));
}

/** A share written as a fraction ("two-thirds", "three-quarters", "one-fifth"). */
const FRACTION = /^(?:one|two|three|four|five|six|seven|eight|nine)-(?:thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)$/;

/**
 * Start of a subject whose number phrase at `i` is limited by the words before it ("only 49
 * percent of Republicans", "at least a dozen members of Congress", "About 1,200 teachers"), when
 * the limiter opens the clause; `i` otherwise.
 */
function limitedNumber(toks: readonly Token[], i: number): number {
  // "At least half of voters", "at least 40 members": the phrase grown leftwards took "least" as a
  // modifier; the limiter pair opens the subject when the number follows it.
  if (/^(?:least|most)$/.test(toks[i]!.lower) && i >= 1 && toks[i - 1]!.lower === 'at' && i + 1 < toks.length && numberWord(toks, i + 1)) {
    return rule('source.at-least-number', clauseStart(toks as Token[], i - 1)) ? i - 1 : i;
  }
  if (!numberWord(toks, i)) return i;
  let start = i;
  if (i >= 1 && LIMITERS.test(toks[i - 1]!.lower)) start = i - 1;
  else if (i >= 2 && LIMITER_PAIRS.test(`${toks[i - 2]!.lower} ${toks[i - 1]!.lower}`)) start = i - 2;
  return start < i && clauseStart(toks as Token[], start) ? start : i;
}

/** Whether token `s` is a capitalised word right after "and"/"&" that follows another capitalised word ("Harbour and | Ferry Board"). */
export function nameAfterAnd(toks: readonly Token[], s: number): boolean {
  const previous = toks[s - 1];
  const left = toks[s - 2];
  // (Not after a day or month, "on Wednesday and Citicorp said", nor in a line all in capitals.)
  if (!previous || !(previous.lower === 'and' || previous.text === '&') || !left?.word || !left.cap || !toks[s]?.cap ||
    WEEKDAY.test(left.lower) || MONTH.test(left.lower) || allCaps(toks) || titleCase(toks as Token[])) return false;
  // "Trump attacked Bush and Rubio said": a one-word name right after a verb other than a reporting one is that
  // verb's object, and "and" opens a clause of its own (unless an infinitive follows: "ordered Tarn and Lund Ltd to …").
  const verb = toks[s - 3];
  const object = !!verb && !verb.cap && /ed$/.test(verb.lower) && !SAID_LIKE.test(verb.lower) && toks[npRight(toks as Token[], s) + 1]?.lower !== 'to';
  return !object;
}

/** Past forms that report speech or thought: a name after them opens the reported clause ("said Baldrige and Weinberger feared"). */
const SAID_LIKE = /^(?:said|told|added|noted|reported|announced|stated|claimed|argued|warned|believed|thought|expected|feared|hoped|insisted|agreed|denied|confirmed|estimated|predicted|suggested|indicated|disclosed|revealed|learned|heard|explained|replied|answered)$/;

/** True when the noun phrase starting at token `s` opens a clause (so it can be the subject). */
export function clauseStart(toks: Token[], s: number): boolean {
  if (s <= 0) return s === 0;
  const previous = toks[s - 1]!;
  // "the Securities and Exchange Commission", "American Express and Shearson said": a capitalised word after
  // "and" right after another is the second part of a name or of a pair of names, never a subject of its own.
  if (rule('source.name-after-and', nameAfterAnd(toks, s))) return false;
  return !previous.word || CLAUSE_OPENERS.has(previous.lower);
}

/** Grows a noun phrase rightwards from token `i`; returns its last token index, or -1. */
export function npRight(toks: Token[], i: number): number {
  const first = toks[i];
  if (!first || !first.word) return -1;
  // "one GOP source", "one official": a numeral, not the pronoun.
  const numeral = first.lower === 'one' && !!toks[i + 1]?.word && !BOUNDARY.has(toks[i + 1]!.lower) && !CUE_VERBS.has(toks[i + 1]!.lower);
  if (PRONOUNS.has(first.lower) && !numeral) return i;
  if (BOUNDARY.has(first.lower) && !DETERMINERS.has(first.lower)) return -1;
  let j = i;
  while (j + 1 < toks.length && j - i < MAX_NP) {
    const next = toks[j + 1]!;
    if (next.lower === "'s") { j++; continue; }
    if (next.text === '(' && toks[j + 2]?.cap && toks[j + 3]?.text === ')') { j += 3; continue; }
    // "Sen. Mark Dale (D-Ore.)": a party and state whose point the tokenizer split off.
    if (next.text === '(' && toks[j]!.cap && /^[RDI]-\p{Lu}/u.test(toks[j + 2]?.text ?? '') && toks[j + 3]?.text === '.' && toks[j + 4]?.text === ')') { j += 4; continue; }
    // "The New York Times/CBS News poll": names joined by a slash.
    if (next.text === '/' && toks[j]!.cap && toks[j + 2]?.cap) { j += 2; continue; }
    if (!next.word) break;
    // "early results of exit polls", "some of his rivals", "half of the voters": the head needs its "of"
    // (and the article after it: "42 percent of those responding").
    if (next.lower === 'of' && OF_HEADS.has(toks[j]!.lower) && toks[j + 2]?.word && (!BOUNDARY.has(toks[j + 2]!.lower) || DETERMINERS.has(toks[j + 2]!.lower))) {
      j += DETERMINERS.has(toks[j + 2]!.lower) && toks[j + 3]?.word ? 2 : 1;
      continue;
    }
    if (NP_INNER_PREPS.has(next.lower) || next.lower === 'from') {
      const after = toks[j + 2];
      if (after && (after.cap || DETERMINERS.has(after.lower)) && (toks[j]!.cap || speakerNoun(toks[j]!.lower))) {
        // "attorneys for the family": the article belongs to the phrase, so take it with the preposition.
        j += !after.cap && DETERMINERS.has(after.lower) && toks[j + 3]?.word ? 2 : 1;
        continue;
      }
      break;
    }
    // "Republicans choose", "the actor held": a common verb after the head ends the phrase.
    // ("the task force called for", "the work force said": a verb-like noun followed by the verb is the head.)
    const verbAfter = toks[j + 2]?.word && !toks[j + 2]!.cap && (CUE_VERBS.has(toks[j + 2]!.lower) || /ed$/.test(toks[j + 2]!.lower)) && !/(?:ly|ed|s)$/.test(next.lower);
    if (j > i && !next.cap && COMMON_VERBS.has(next.lower) && !verbAfter && !DETERMINERS.has(toks[j]!.lower) && toks[j]!.lower !== "'s" && !SPEAKER_NOUNS.has(next.lower)) break;
    // "The FBI director chastised Clinton", "diplomats almost": a verb or an adverb after the head ends the phrase.
    if (j > i && !next.cap && !DETERMINERS.has(toks[j]!.lower) && !SPEAKER_NOUNS.has(next.lower) && toks[j]!.lower !== "'s" &&
      ((/ed$/.test(next.lower) && (!toks[j + 2] || !toks[j + 2]!.word || toks[j + 2]!.cap || DETERMINERS.has(toks[j + 2]!.lower) || PRONOUNS.has(toks[j + 2]!.lower) || BOUNDARY.has(toks[j + 2]!.lower))) ||
       lyAdverb(next.lower))) break;
    if (BOUNDARY.has(next.lower) || CUE_VERBS.has(next.lower) || TIME_WORD.test(next.lower)) break;
    // After a name, only a speaker noun continues the phrase ("Kopyrkin appeared" ends at the name),
    // or a short run of role words that leads to a name or a speaker noun ("ACLU executive Director
    // Anthony Romero", "Clinton ally James Carville", "Obama administration officials").
    if (toks[j]!.cap && !next.cap && !SPEAKER_NOUNS.has(next.lower) && !NP_INNER_PREPS.has(next.lower) && !DETERMINERS.has(first.lower)) {
      const to = roleRun(toks, j + 1);
      if (to < 0) break;
      j = to;
      continue;
    }
    // ("the other candidate", "a few days": a determiner after a determiner continues the phrase.)
    if (DETERMINERS.has(next.lower) && !toks[j]!.cap && toks[j]!.lower !== "'s" && !DETERMINERS.has(toks[j]!.lower)) break;
    j++;
  }
  // "Cameron Easley for Morning Consult": a preposition whose object was not taken ends no phrase.
  while (j > i && (NP_INNER_PREPS.has(toks[j]!.lower) || toks[j]!.lower === 'from') && !toks[j]!.cap) j--;
  return j;
}

/**
 * From lower-case token `i`: up to three role-like words ending at a capitalised word or a
 * speaker noun. Returns the index of that last word, or -1.
 */
function roleRun(toks: Token[], i: number): number {
  for (let k = i; k < i + 4 && k < toks.length; k++) {
    const t = toks[k]!;
    if (!t.word) return -1;
    if (k > i && (t.cap || SPEAKER_NOUNS.has(t.lower))) return k;
    if (t.cap || BOUNDARY.has(t.lower) || DETERMINERS.has(t.lower) || CUE_VERBS.has(t.lower) || SKIPPABLE.has(t.lower) || TIME_WORD.test(t.lower) || PRONOUNS.has(t.lower) || NP_INNER_PREPS.has(t.lower)) return -1;
    if (/(?:ed|ing)$/.test(t.lower) || lyAdverb(t.lower)) return -1;
  }
  return -1;
}

/** Index of the first token after `i` that is not an auxiliary/adverb sitting between subject and verb (leftwards). */
export function skipLeft(toks: Token[], i: number): number {
  let j = i;
  while (j >= 0) {
    const t = toks[j]!;
    // "The poll released Friday showed", "a report released last year found", "a poll released in
    // late August found": a participle dated by a time phrase describes the subject.
    if (j === i || TIME_WORD.test(t.lower)) {
      let p = j;
      while (p > 0 && j - p < 6 && DATING.test(toks[p]!.lower)) p--;
      if (p < j && p > 0 && /ed$/.test(toks[p]!.lower) && !toks[p]!.cap && toks[p - 1]?.word && !BOUNDARY.has(toks[p - 1]!.lower) && toks.slice(p + 1, j + 1).some((x) => TIME_WORD.test(x.lower) || TIME_HEAD.test(x.lower) || MONTH.test(x.lower))) { j = p - 1; continue; }
    }
    // ("the family said": a noun in -ly is the subject's head, not an adverb.)
    // "Theresa May said", "April Ryan": a month after a name is the name's, not a date.
    if (nameMonth(toks, j)) break;
    // "USA Today reported", "Psychology Today says": a capitalised "Today" right after a capitalised word ends a title.
    if (rule('source.today-title', t.lower === 'today' && t.cap && !!toks[j - 1]?.word && toks[j - 1]!.cap && !TIME_WORD.test(toks[j - 1]!.lower) && !allCaps(toks) && !titleCase(toks))) break;
    if (SKIPPABLE.has(t.lower) || TIME_WORD.test(t.lower) || (!t.cap && t.word && lyAdverb(t.lower) && t.lower.length > 4 && !SPEAKER_NOUNS.has(t.lower))) { j--; continue; }
    // "on Friday", "last week", "just this month", "earlier this year"
    if (TIME_HEAD.test(t.lower) && /^(?:last|this|next|that|each|every|earlier|later)$/.test(toks[j - 1]?.lower ?? '')) { j -= 2; continue; }
    if (t.lower === 'just' || t.lower === 'together' || t.lower === 'jointly') { j--; continue; }
    // "would only say", "only briefly explained", "almost universally expressed": a limiting word after a modal or
    // before an adverb stands between the subject and its verb.
    // ("is almost entirely blamed": after a form of "be" the verb is a passive's or an adjective's.)
    const limited = /^(?:only|almost|nearly|virtually)$/.test(t.lower) && j < i && !/^(?:is|was|are|were|be|been|being)$/.test(toks[j - 1]?.lower ?? '') && (/^(?:would|could|can|will|may|might|should|must|did|does|do)$/.test(toks[j - 1]?.lower ?? '') || (/\p{Ll}{3,}ly$/u.test(toks[j + 1]!.text) && !LY_NOUNS.has(toks[j + 1]!.lower)));
    if (rule('source.limiter-before-verb', limited)) { j--; continue; }
    break;
  }
  return j;
}

/** Trims spaces and trailing sentence punctuation from a span. */
export function trimSpan(text: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (from < to && /[\s,:;—–-]/.test(text[from]!)) from++;
  while (to > from && /[\s.,;:!?—–-]/.test(text[to - 1]!)) to--;
  if (to > from && /^that\s/i.test(text.slice(from, to))) from += 5;
  return { start: from, end: to };
}

/** Marks tokens that sit inside quotation marks. */
export function quotedTokens(toks: Token[]): boolean[] {
  const inside = new Array<boolean>(toks.length).fill(false);
  let open = -1;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const straight = t.text === '"' || t.text === "''";
    const opening = t.text === '“' || t.text === '‘' || t.text === '«' || (straight && open < 0);
    const closing = t.text === '”' || t.text === '»' || (straight && open >= 0) || (t.text === '’' && open >= 0 && toks[open]!.text === '‘');
    if (open < 0 && opening) open = k;
    else if (open >= 0 && closing) {
      for (let q = open + 1; q < k; q++) inside[q] = true;
      open = -1;
    }
  }
  return inside;
}

/** The text range from token `a` to token `b` (inclusive). */
export function span(toks: Token[], a: number, b: number): Span {
  return { start: toks[a]!.start, end: toks[b]!.end };
}
