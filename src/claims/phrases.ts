/**
 * Noun-phrase edges and clause subjects found from word shapes and closed word classes, the
 * cheap stand-in for a parser that attribution uses (see `attribution.ts`).
 */
import type { Span } from '../core/types.js';
import {
  BOUNDARY, COMMON_VERBS, CUE_VERBS, DETERMINERS, NP_INNER_PREPS, PRONOUNS, SKIPPABLE, SPEAKER_NOUNS, speakerNoun, TIME_WORD,
} from './lexicon.js';
import { rule } from './rules.js';
import { CLOSE_QUOTES, isQuote, OPEN_QUOTES, type Token } from './tokens.js';
import {
  CLAUSE_OPENERS, DATING, INTRO_WORDS, MONTH, OF_HEADS, QUANTITY_NOUNS, SUBORDINATORS, TIME_HEAD,
} from './words.js';
import { NAME_TITLES, OTHER_ABBREVIATIONS } from '../ingest/abbreviations.js';

/** A word whose point is an abbreviation's (a title, a state, a firm, "No."), not a full stop. */
const ABBREVIATION_WORD = new RegExp(`^(?:${[...NAME_TITLES, ...OTHER_ABBREVIATIONS].join('|')}|U\\.S|U\\.N)$`);

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
const LY_NOUNS = new Set(['family', 'ally', 'assembly', 'rally', 'supply', 'monopoly', 'anomaly', 'daily', 'weekly', 'monthly', 'quarterly', 'italy', 'fly', 'bully', 'belly', 'jelly']);

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
  if (!head || !head.word || (BOUNDARY.has(head.lower) && !nameMonth(toks, j))) return -1;
  // "her thinking", "his remarks": a reporting word after a possessive or article is a noun.
  if (CUE_VERBS.has(head.lower) && !/^(?:his|her|their|its|our|my|the|'s|’s)$/.test(toks[j - 1]?.lower ?? '')) return -1;
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
    if (BOUNDARY.has(prev.lower) || CUE_VERBS.has(prev.lower) || NP_INNER_PREPS.has(prev.lower) || PRONOUNS.has(prev.lower)) break;
    // A lower-case word ending in -ly or -ed before a capitalised name is usually an adverb or verb.
    if (!prev.cap && /(?:ly|ed|ing)$/.test(prev.lower) && cur.cap && !SPEAKER_NOUNS.has(prev.lower)) break;
    // "reasonably campaign", "that night Ex-CIA chief Petraeus": adverbs and time words end the phrase.
    if (!prev.cap && /ly$/.test(prev.lower) && !LY_NOUNS.has(prev.lower)) break;
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

/**
 * "Ted Cruz, by contrast, wrote"; "Trump, speaking at a rally in Charleston, West Virginia, said":
 * with a comma (or dash) at `k` just before the cue, finds a subject at a clause start before an
 * earlier comma. Returns [first, last] token of the subject, or null.
 */
export function insertedSubject(toks: Token[], k: number): [number, number] | null {
  const mark = toks[k]?.text;
  if (mark !== ',' && mark !== '—') return null;
  for (let open = k - 1; open > 0 && open > k - 40; open--) {
    const t = toks[open]!;
    // "Sanders' campaign manager": a possessive apostrophe is no quotation mark.
    const possessive = (t.text === "'" || t.text === '’') && /s$/.test(toks[open - 1]?.lower ?? '') && !!toks[open + 1]?.word;
    // "Ashton, Md., who …": the period of an abbreviation before a comma ends no sentence.
    // "Ashton, Md., who …", "the No. 2 Republican": the period of an abbreviation ends no sentence.
    const abbreviation = t.text === '.' && (toks[open + 1]?.text === ',' || /^\d/.test(toks[open + 1]?.text ?? '') || (!!toks[open + 1]?.word && !toks[open + 1]!.cap) || ABBREVIATION_WORD.test(toks[open - 1]?.text ?? ''));
    if (isQuote(t) && !possessive) {
      // "Joe Marr, host of “Harbour Hour” on Radio Tarn, said": a short quoted title inside the description.
      const title = quotedTitleStart(toks, open);
      if (rule('source.quoted-title', title > 0)) {
        open = title;
        continue;
      }
      return null;
    }
    if ((t.text === '.' && !abbreviation) || t.text === ';') return null;
    if (t.text !== mark) continue;
    // "Woodrow Benford, 58, who lives …": an age is no subject; the name sits before it.
    if (/^\d+$/.test(toks[open - 1]?.text ?? '') && toks[open - 2]?.text === mark) continue;
    const start = wholeSubject(toks, npLeftOrPronoun(toks, open - 1));
    // "Jan. 1, 2015,": a date is no subject.
    if (start >= 0 && clauseStart(toks, start) && toks.slice(start, open).some((x) => /\p{L}/u.test(x.text))) {
      // "Karimi, a director of Interfaith Paths, who …, said": the description belongs to the name before it.
      if (!toks[start]!.cap && DETERMINERS.has(toks[start]!.lower) && toks[start - 1]?.text === mark && toks[start - 2]?.cap) {
        const name = wholeSubject(toks, npLeft(toks, start - 2));
        if (name >= 0 && clauseStart(toks, name)) return [name, start - 2];
      }
      // "Ida Lund, chief executive of Portline, a ferry firm, said": a role word opens the description too.
      if (!toks[start]!.cap && ROLE_OPENERS.test(toks[start]!.text) && toks[start - 1]?.text === mark && toks[start - 2]?.cap) {
        const name = wholeSubject(toks, npLeft(toks, start - 2));
        if (rule('source.role-description-name', name >= 0 && clauseStart(toks, name) && toks.slice(name, start - 1).every((x) => x.cap || !x.word))) return [name, start - 2];
      }
      return [start, open - 1];
    }
  }
  return null;
}

/** Lower-case role words opening a description after a name ("vice chair of …", "president of …"). */
export const ROLE_OPENERS = /^(?:vice|president|director|chairman|chairwoman|chair|founder|co-founder|head|leader|author|editor|professor|spokesman|spokeswoman|spokesperson|member|executive|senior|chief|deputy|general|managing|assistant|associate|one|then|now|whose)$/;

/** Longest quoted title inside a speaker's description (tokens between the marks). */
const QUOTED_TITLE_MAX = 6;

/**
 * With a closing quotation mark at `close`, the opening mark of a short quoted title standing
 * inside a phrase ("host of “Harbour Hour,”", "calls him a “crook,”"): a mark after a word, at most
 * a few words, no sentence end, a capitalised or single word. Returns the opening mark's index, or -1.
 */
function quotedTitleStart(toks: readonly Token[], close: number): number {
  const t = toks[close]!;
  if (OPEN_QUOTES.has(t.text)) return -1;
  for (let k = close - 1; k > 0 && k >= close - QUOTED_TITLE_MAX - 1; k--) {
    const x = toks[k]!;
    if (x.text === '.' || x.text === '?' || x.text === '!' || x.text === ';') return -1;
    // Single marks are apostrophes as often as quotation marks: passed over.
    if (!isQuote(x) || x.text === "'" || x.text === '’') continue;
    if (CLOSE_QUOTES.has(x.text)) return -1;
    const inner = toks.slice(k + 1, close).filter((y) => y.word);
    const before = toks[k - 1]!;
    if (!inner.length || !before.word || CUE_VERBS.has(before.lower)) return -1;
    return inner.length === 1 || inner[0]!.cap ? k : -1;
  }
  return -1;
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

/** Head words of a body's name ("… Exchange Commission", "… Ways and Means Committee"). */
const BODY_HEAD = /^(?:Commission|Committee|Board|Department|Ministry|Agency|Office|Council|Bank|Authority|Institute|Association|Union|Corp|Inc|Co|Ltd)$/;

/** In a name cut after "and" starting at `s`, the start of a person's name right after the body's head word, or -1. */
function nameAfterBody(toks: readonly Token[], s: number): number {
  const end = npRight(toks as Token[], s);
  for (let k = end - 1; k >= s; k--) {
    if (BODY_HEAD.test(toks[k]!.text) && toks[k + 1]?.cap && toks[k + 1]!.word && !BODY_HEAD.test(toks[k + 1]!.text) && toks.slice(k + 1, end + 1).every((x) => x.cap && x.word && !BODY_HEAD.test(x.text))) return k + 1;
  }
  return -1;
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

/** Prepositions whose phrase modifies the noun before it ("officials in Moscow", "traders from Gyumri"). */
const MODIFIER_PREPS = new Set(['in', 'of', 'from', 'at', 'for', 'on', 'near', 'inside', 'outside', 'across', 'within', 'around', 'with', 'to', 'by', 'among', 'against', 'through', 'throughout', 'into', 'over', 'under', 'during', 'without', 'upon', 'amid', 'toward', 'towards', 'via', 'behind', 'beyond', 'despite', 'along', 'past']);

/** A word that cannot end a noun phrase: a verb form, an adverb or a function word. */
function verbish(t: Token): boolean {
  if (!t.word) return true;
  if (BOUNDARY.has(t.lower) || SKIPPABLE.has(t.lower) || CUE_VERBS.has(t.lower)) return true;
  return !t.cap && /(?:ed|ing|ly)$/.test(t.lower) && !SPEAKER_NOUNS.has(t.lower);
}

/**
 * A conjunct that is surely a noun phrase: names ("Russia", "the United States"), a phrase opened
 * by a determiner ("its allies"), or one headed by a speaker noun ("opposition leaders").
 */
function conjunct(toks: Token[], start: number, end: number): boolean {
  if (start < 0 || end < start || verbish(toks[end]!)) return false;
  const head = toks[end]!;
  const opened = DETERMINERS.has(toks[start]!.lower) && !toks[start]!.cap;
  for (let k = start; k <= end; k++) {
    const t = toks[k]!;
    if (t.cap || t.lower === "'s" || DETERMINERS.has(t.lower) || NP_INNER_PREPS.has(t.lower) || SPEAKER_NOUNS.has(t.lower)) continue;
    if (!t.word || verbish(t) || !(opened || SPEAKER_NOUNS.has(head.lower))) return false;
  }
  return true;
}

/** Words opening a coordinated pair ("both … and", "neither … nor", "either … or"). */
const PAIR_OPENERS = /^(?:both|neither|either)$/;

/** `clauseStart`, or a phrase right after a pair opener that opens a clause ("Both | the Times and …"). */
function opensPair(toks: Token[], s: number): boolean {
  return clauseStart(toks, s) || (s > 0 && PAIR_OPENERS.test(toks[s - 1]!.lower) && clauseStart(toks, s - 1));
}

/**
 * Widens the noun phrase starting at token `s` to the whole subject it belongs to: across
 * modifying prepositional phrases ("Officials in Moscow said", never "Moscow") and coordination
 * ("Russia and Turkey said", never "Turkey"). Returns the subject's first token, `s` when nothing
 * widens, or -1 when the phrase is the object of a preposition whose head cannot be found
 * (no source is better than a wrong one).
 */
export function wholeSubject(toks: Token[], s: number): number {
  if (s < 0) return s;
  let start = s;
  let coordinated = false;
  for (let hops = 0; hops < 4 && start > 0; hops++) {
    const previous = toks[start - 1]!;
    if (MODIFIER_PREPS.has(previous.lower) && (!previous.cap || start === 1)) {
      const head = toks[start - 2];
      // ", with Cruz promising …": an absolute phrase at a clause start; the phrase after it is the subject.
      if (!head || (!head.word && previous.lower === 'with')) {
        // "In a CBS News survey released …": the object of an opening preposition is no subject.
        if (previous.lower !== 'with') return -1;
        break;
      }
      // "89% of young Democrats": a share is the head.
      if (head.text === '%' && /^\d/.test(toks[start - 3]?.text ?? '')) { start -= 3; continue; }
      // "proposals released yesterday by the Commission showed": a time phrase between the participle and "by"
      // belongs to the participle phrase after the head noun, never opens a subject of its own.
      let h = start - 2;
      while (h > 0 && start - 2 - h < 3 && !toks[h]!.cap && (TIME_WORD.test(toks[h]!.lower) || TIME_HEAD.test(toks[h]!.lower) || /^(?:last|this|on|early|late|earlier)$/.test(toks[h]!.lower))) h--;
      if (rule('source.dated-participle-phrase', previous.lower === 'by' && h < start - 2 && !toks[h]!.cap && /ed$/.test(toks[h]!.lower))) {
        // ("research to be released this week by …": an infinitive passive after the head noun too.)
        const headEnd = toks[h - 1]?.lower === 'be' && toks[h - 2]?.lower === 'to' ? h - 3 : h - 1;
        const phraseStart = npLeft(toks, headEnd);
        if (phraseStart >= 0 && !verbish(toks[headEnd]!) && (phraseStart === 0 || !toks[phraseStart - 1]!.word || CLAUSE_OPENERS.has(toks[phraseStart - 1]!.lower))) { start = phraseStart; continue; }
        return -1;
      }
      // "People briefed on the situation say", "Protesters marching through the streets chanted":
      // a participle phrase after the head noun.
      if (!head.cap && /(?:ed|ing)$/.test(head.lower) && !CUE_VERBS.has(head.lower)) {
        const phraseStart = npLeft(toks, start - 3);
        if (phraseStart >= 0 && !verbish(toks[start - 3]!) && (phraseStart === 0 || !toks[phraseStart - 1]!.word)) { start = phraseStart; continue; }
        return -1;
      }
      if (verbish(head) || PRONOUNS.has(head.lower)) return -1;
      const phraseStart = npLeft(toks, start - 2);
      if (phraseStart < 0) return -1;
      start = phraseStart;
      continue;
    }
    // "She and her husband said": a subject pronoun opening the clause is the first conjunct.
    if (previous.lower === 'and' && /^(?:he|she|they|we|i)$/.test(toks[start - 2]?.lower ?? '') && clauseStart(toks, start - 2)) {
      start -= 2;
      break;
    }
    // "Neither Cruz nor Christie", "either the mayor or her deputy": a correlative pair joins as "and" does.
    const correlative = (previous.lower === 'nor' || previous.lower === 'or') && (() => {
      const first = npLeft(toks, start - 2);
      const opener = previous.lower === 'nor' ? 'neither' : 'either';
      return first >= 0 && (toks[first]!.lower === opener || toks[first - 1]?.lower === opener);
    })();
    // "WEST GERMANY, TANZANIA AGREE …": in a wire headline in capitals, names listed with commas from the line's start are one subject.
    // (Never before a closing cue: "TARN CUTS FEES, TRADERS SAID" — the verb after the list has words after it.)
    if (previous.text === ',' && !coordinated && start >= 2 && start <= 4 && rule('source.headline-list', allCaps(toks) && npLeft(toks, start - 2) === 0 && !!toks[npRight(toks, s) + 2]?.word &&
      toks.slice(0, start - 1).every((x) => x.word && !CUE_VERBS.has(x.lower) && !BOUNDARY.has(x.lower) && !PRONOUNS.has(x.lower)))) {
      start = 0;
      coordinated = true;
      continue;
    }
    if (previous.lower === 'and' || previous.text === '&' || (coordinated && previous.text === ',') || rule('source.correlative-coordination', correlative)) {
      const phraseStart = npLeft(toks, start - 2);
      // "Cooperation and Development", "Jeb Bush and Chris Christie": two names joined are one phrase.
      const names = phraseStart >= 0 && toks[start - 2]!.cap && toks[start]!.cap && previous.lower === 'and' &&
        (opensPair(toks, wholeSubject(toks, phraseStart)) || toks.slice(phraseStart, start - 1).some((x) => NP_INNER_PREPS.has(x.lower)));
      // "He criticized the plan and officials said": a conjunct after a verb is its object, not a subject;
      // at a clause start any noun phrase joins ("union members and leaders", "current and former officials").
      const opening = phraseStart >= 0 && opensPair(toks, wholeSubject(toks, phraseStart)) && !verbish(toks[start - 2]!) && toks.slice(phraseStart, start - 1).every((x) => x.word || x.text === "'s" || x.text === '’s' || x.text === '%');
      // ("In a filing with the Securities and | Exchange Commission X said": a name cut after "and" is no subject.)
      // ("… with the Securities and Exchange Commission Moller said": a name after the cut body's head word is the subject.)
      const cut = () => (rule('source.name-after-and', nameAfterAnd(toks, start)) ? nameAfterBody(toks, start) : start);
      if (!names && !(opening && (conjunct(toks, phraseStart, start - 2) || previous.lower === 'and' || correlative))) return cut();
      if (!names && !opensPair(toks, wholeSubject(toks, phraseStart))) return cut();
      start = phraseStart;
      coordinated = true;
      continue;
    }
    break;
  }
  // "Both the Times and the Journal", "Neither Cruz nor Christie": the word opening the pair is the subject's.
  if (coordinated && rule('source.correlative-coordination', start > 0 && PAIR_OPENERS.test(toks[start - 1]!.lower) && clauseStart(toks, start - 1))) start--;
  return start;
}

/** Like `npLeft`, but a lone subject pronoun ("he, once again, pledged") also counts. */
function npLeftOrPronoun(toks: Token[], j: number): number {
  const token = toks[j];
  if (token && PRONOUNS.has(token.lower) && token.lower !== 'which' && token.lower !== 'it') return j;
  return npLeft(toks, j);
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
       (/ly$/.test(next.lower) && !LY_NOUNS.has(next.lower)))) break;
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
    if (/(?:ed|ing)$/.test(t.lower) || (/ly$/.test(t.lower) && !LY_NOUNS.has(t.lower))) return -1;
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
    if (SKIPPABLE.has(t.lower) || TIME_WORD.test(t.lower) || (!t.cap && t.word && /ly$/.test(t.lower) && t.lower.length > 4 && !SPEAKER_NOUNS.has(t.lower) && !LY_NOUNS.has(t.lower))) { j--; continue; }
    // "on Friday", "last week", "just this month", "earlier this year"
    if (TIME_HEAD.test(t.lower) && /^(?:last|this|next|that|each|every|earlier|later)$/.test(toks[j - 1]?.lower ?? '')) { j -= 2; continue; }
    if (t.lower === 'just' || t.lower === 'together' || t.lower === 'jointly') { j--; continue; }
    break;
  }
  return j;
}

/** Auxiliaries that may follow a subject's description as its verb ("…, is calling for", "…, has said"). */
const AUXILIARY_AFTER = /^(?:is|was|are|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do)$/;

/** Start of a subject at the beginning of the unit, for "…, saying" and "and added". */
export function unitSubject(toks: Token[]): [number, number] | null {
  let i = 0;
  while (i < toks.length && (!toks[i]!.word || toks[i]!.lower === 'but' || toks[i]!.lower === 'and')) i++;
  // An introductory phrase ("Hours later,", "Speaking at a rally,", "On Monday,") is not the subject.
  const first = toks[i];
  const comma = toks.findIndex((x, k) => k > i && x.text === ',');
  // "A few days later,", "Instead,", "Throughout the 2000s,": a time or linking phrase.
  // "It has seized …, beheaded Americans and others, and vowed …": an opening "it" with its verb is the
  // subject; the phrase after the first comma is an object.
  if (rule('source.opening-it', first?.lower === 'it' && toks[i + 1]?.word && !toks[i + 1]!.cap && (SKIPPABLE.has(toks[i + 1]!.lower) || COMMON_VERBS.has(toks[i + 1]!.lower) || /(?:ed|[^s]s)$/.test(toks[i + 1]!.lower)))) return [i, i];
  const timed = comma > 0 && comma - i <= 8 && toks.slice(i, comma).some((x) => TIME_HEAD.test(x.lower) || TIME_WORD.test(x.lower) || /^(?:later|ago|earlier|\d{4}s?)$/.test(x.lower));
  // "Back in Washington,", "Here at home,": a place phrase opening the sentence is no subject.
  const placed = !!first && /^(?:back|here|there|elsewhere|out|over|home)$/.test(first.lower) && /^(?:in|at|on|from|to|home)$/.test(toks[i + 1]?.lower ?? '') && comma > 0 && comma - i <= 8;
  // "He attempted …, arguing", "Then she shattered party norms, pledging": a subject pronoun opening
  // the clause (after a linking word, never a subordinator: "If he wins, …") is its subject, not a word
  // to skip with the phrase to the comma.
  const pronounAt = (k: number) => /^(?:he|she|they|we|i)$/.test(toks[k]?.lower ?? '') && !!toks[k + 1]?.word;
  if (rule('source.opening-pronoun', pronounAt(i) || (!!first && INTRO_WORDS.has(first.lower) && !SUBORDINATORS.has(first.lower) && pronounAt(i + 1)))) return pronounAt(i) ? [i, i] : [i + 1, i + 1];
  if (first && (BOUNDARY.has(first.lower) || INTRO_WORDS.has(first.lower) || timed || rule('source.place-opener', placed) || /ing$/.test(first.lower) || (/ed$/.test(first.lower) && toks[i + 1]?.word && !toks[i + 1]!.cap) || (/ed$/.test(first.lower) && toks[i + 1]?.text === ',') || TIME_WORD.test(toks[i + 1]?.lower ?? '') || toks[i + 1]?.lower === 'later' || toks[i + 1]?.lower === 'ago')) {
    // ("Asked if the six nations had agreed to hold the dollar at 153 yen, the rate …": a question may run longer.)
    if (comma > 0 && (comma - i < 14 || (first.lower === 'asked' && comma - i < 40))) i = comma + 1;
    else if (INTRO_WORDS.has(first.lower)) i++;
  }
  let t = toks[i];
  if (!t) return null;
  if (PRONOUNS.has(t.lower) && t.lower !== 'it') return [i, i];
  let end = npRight(toks, i);
  if (end < 0) return null;
  // "After his rally in San Jose, California the GOP candidate went": the place ends the opening phrase.
  if (t.cap && toks[end + 1]?.word && DETERMINERS.has(toks[end + 1]!.lower) && !toks[end + 1]!.cap) {
    i = end + 1;
    t = toks[i]!;
    end = npRight(toks, i);
    if (end < 0) return null;
  }
  if (INTRO_WORDS.has(toks[end]!.lower) && end === i) return null;
  const after = toks[end + 1];
  // "Gary Emineth, a former state party chairman, became a delegate and said": past the apposition.
  if (after?.text === ',') {
    const close = toks.findIndex((x, k) => k > end + 1 && k < end + 20 && x.text === ',');
    // ("Ted Cruz, who won Ohio, is calling for …": an auxiliary after the description is the subject's verb.)
    const verbAfter = toks[close + 1]?.word && (!BOUNDARY.has(toks[close + 1]!.lower) || rule('source.described-before-auxiliary', AUXILIARY_AFTER.test(toks[close + 1]!.lower)));
    if (close > end + 2 && verbAfter && /^(?:a|an|the|who|his|her|its|their|former|\d+)$/i.test(toks[end + 2]?.text ?? '')) return [i, end];
    // "Ada Roy, vice chair of the board, emailed …": a role word opens the description too.
    if (close > end + 2 && verbAfter && rule('source.role-apposition', ROLE_OPENERS.test(toks[end + 2]?.text ?? ''))) return [i, end];
  }
  // The phrase must be followed by a verb-ish word, not be the object of a preposition.
  if (!after || !after.word) return null;
  // "Brandt and Ana Poll clashed …, each saying", "Poll and husband Tom thanked … and said": the
  // subject is the whole coordination, never its first conjunct alone.
  if (after.lower === 'and' || after.text === '&') {
    const second = npRight(toks, end + 2);
    const verb = toks[second + 1];
    const verbal = !!verb?.word && !verb.cap && !BOUNDARY.has(verb.lower) && !DETERMINERS.has(verb.lower) && finiteVerb(verb);
    const conjunctOk = second > end + 1 && toks[end + 2]!.word && !PRONOUNS.has(toks[end + 2]!.lower);
    if (rule('source.coordinated-subject', conjunctOk && verbal)) return [i, second];
    // ("Lund and her deputies are warning …", "Lund and Berg both campaigned …": an auxiliary or a floating quantifier after the pair.)
    const auxiliary = !!verb?.word && (AUXILIARY_AFTER.test(verb.lower) || (/^(?:both|all)$/.test(verb.lower) && !!toks[second + 2]?.word && !toks[second + 2]!.cap && finiteVerb(toks[second + 2]!)));
    if (rule('source.coordinated-auxiliary', conjunctOk && auxiliary)) return [i, second];
  }
  return [i, end];
}

/**
 * The subject of the clause a participle at `k` hangs on, when the unit opens with an
 * introductory phrase ("Speaking at a town hall in Salem, New Hampshire, Trump went after Bush,
 * calling him …"): the last phrase before `k` that opens a clause and is followed by a verb.
 */
export function clauseSubjectBefore(toks: Token[], k: number): [number, number] | null {
  let found: [number, number] | null = null;
  for (let p = 0; p < k; p++) {
    const t = toks[p]!;
    if (!t.word || !clauseStart(toks, p) || BOUNDARY.has(t.lower) || !(t.cap || DETERMINERS.has(t.lower) || PRONOUNS.has(t.lower))) continue;
    if (t.lower === 'it' || t.lower === 'which' || t.lower === 'you') continue;
    const subjectEnd = PRONOUNS.has(t.lower) ? p : npRight(toks, p);
    const verb = toks[subjectEnd + 1];
    if (subjectEnd < 0 || subjectEnd >= k || !verb?.word || verb.cap) continue;
    if (COMMON_VERBS.has(verb.lower) || SKIPPABLE.has(verb.lower) || CUE_VERBS.has(verb.lower) || /ed$/.test(verb.lower)) found = [p, subjectEnd];
  }
  return found;
}

/**
 * The subject of a subordinate clause that a conjunction at `and` continues ("Mr. Obama's eyes welled
 * as he spoke of his faith and urged voters …": "he" urged, not "Mr. Obama's eyes"; "the crowd cheered
 * when Trump spotted a sign and asked …"). Looks back from `and` to `from` for a subordinator followed
 * by a subject and its verb, with no comma between (after a comma the main clause has resumed).
 * Returns [first, last] token of that subject, or null.
 */
export function subordinateSubject(toks: Token[], from: number, and: number): [number, number] | null {
  for (let k = and - 1; k > from && k > and - 30; k--) {
    const t = toks[k]!;
    if (t.text === ',' || t.text === ';' || t.text === ':' || t.text === '—' || isQuote(t)) return null;
    // "(although he allowed …)": an aside is no clause the conjunction continues; look past it.
    if (t.text === ')') {
      while (k > from && toks[k]!.text !== '(') k--;
      continue;
    }
    const sub = toks[k - 1]!;
    const opens = SUBORDINATORS.has(sub.lower) || (sub.lower === 'as' && !/^(?:such|well|much|many|so|just|same|as)$/.test(toks[k - 2]?.lower ?? ''));
    if (!opens || !t.word) continue;
    const end = /^(?:he|she|they|we|i)$/.test(t.lower) ? k : t.cap || (DETERMINERS.has(t.lower) && !PRONOUNS.has(t.lower)) ? npRight(toks, k) : -1;
    const verb = toks[end + 1];
    if (end < 0 || end + 1 >= and || !verb?.word || verb.cap) continue;
    if (finiteVerb(verb)) return [k, end];
  }
  return null;
}

/** Whether a word after a subject reads as its verb: an auxiliary, a common or cue verb, or an -ed / -s form. */
function finiteVerb(verb: Token): boolean {
  return SKIPPABLE.has(verb.lower) || COMMON_VERBS.has(verb.lower) || CUE_VERBS.has(verb.lower) || /(?:ed|[^s]s)$/.test(verb.lower);
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

/** Plural nouns for people or bodies: "voters", "officials", "politicians", "advocates", "police". */
const PEOPLE_PLURAL = /^(?:[a-z-]+(?:ers|ors|ists|ians|ans|ents|ants|ates|als|ics|ees|ives|ites|men|women|folks|groups|unions|parties|members|leaders|aides|voters|officials)|police|people|staff|activists)$/;

/** Verbs that commonly follow a plural subject and are not in the skippable or cue lists. */
const AFTER_SUBJECT = new Set(['are', 'were', 'have', 'had', 'will', 'would', 'say', 'said', 'went', 'came', 'made', 'took', 'gave', 'got', 'met', 'left', 'led', 'held', 'saw', 'knew', 'felt', 'began', 'became', 'ran', 'fought', 'sought', 'do', 'did', 'want', 'hope', 'fear', 'see', 'know', 'need', 'plan', 'intend', 'demand', 'call', 'remain', 'seem', 'appear', 'believe', 'think', 'argue', 'warn', 'worry']);

/** Words ending in "s" that are never a plural noun head. */
const NOT_PLURAL = new Set(['is', 'was', 'has', 'does', 'this', 'its', 'his', 'hers', 'ours', 'theirs', 'yours', 'us', 'as', 'yes', 'less', 'unless', 'across', 'always', 'perhaps', 'whereas', 'news', 'thus', 'plus', 'besides', 'afterwards', 'towards', 'sometimes', 'nevertheless', 'series', 'species', 'politics', 'economics', 'analysis', 'crisis', 'basis', 'status', 'campus', 'bus', 'gas']);

/** A token that can head a plural noun phrase: "politicians", "police", "Democrats". */
function pluralHead(t: Token): boolean {
  if (!t.word || NOT_PLURAL.has(t.lower) || CUE_VERBS.has(t.lower) || BOUNDARY.has(t.lower)) return false;
  if (t.cap) return /^\p{Lu}\p{Ll}+(?:icans|ocrats|ists|ians|ites|ives|eans)$/u.test(t.text);
  // People and bodies only: "they" as a speaker is never "the talks" or "his tax returns".
  return PEOPLE_PLURAL.test(t.lower) || (SPEAKER_NOUNS.has(t.lower) && /s$/.test(t.lower));
}

/**
 * The antecedent of "they" at token `k` within the same sentence: the clause subject when it is
 * plural ("Opposition politicians went further as they called…"), else the only plural noun
 * phrase before the pronoun. Returns [first, last] token, or null (no guess: a singular subject
 * never stands for "they").
 */
export function pluralAntecedent(toks: Token[], k: number): [number, number] | null {
  const quoted = quotedTokens(toks);
  const found: Array<[number, number]> = [];
  for (let h = 0; h < k; h++) {
    const t = toks[h]!;
    if (quoted[h] || !pluralHead(t)) continue;
    // The head ends its phrase: the next word is not another noun of the same phrase ("union leaders").
    const next = toks[h + 1];
    if (next && next.word && !next.cap && pluralHead(next) && h + 1 < k) continue;
    // A verb must follow a subject ("politicians went", "advocates have"): "fantasy extends to" is no plural.
    if (!next || !(SKIPPABLE.has(next.lower) || CUE_VERBS.has(next.lower) || AFTER_SUBJECT.has(next.lower) || (/ed$/.test(next.lower) && !next.cap))) continue;
    const s = wholeSubject(toks, npLeft(toks, h));
    if (s < 0) continue;
    if (found.length === 0 && (s === 0 || !toks[s - 1]!.word || toks[s - 1]!.lower === 'but' || toks[s - 1]!.lower === 'and')) {
      // A plural subject opening the sentence is the preferred antecedent.
      if (s === 0 || toks.slice(0, s).every((x) => !x.word)) return [s, h];
    }
    found.push([s, h]);
  }
  return found.length === 1 ? found[0]! : null;
}

