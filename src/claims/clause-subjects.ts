/**
 * Clause subjects: who the subject of a clause is when a cue is found, built on the noun-phrase
 * edges of `phrases.ts` — a subject inserted before a comma ("Ted Cruz, by contrast, wrote"), the
 * whole subject around modifying phrases and coordination ("Officials in Moscow", "Russia and
 * Turkey"), the subject at a unit's start or of a subordinate clause, and the antecedent of "they".
 */
import {
  BOUNDARY, COMMON_VERBS, CUE_VERBS, DETERMINERS, NP_INNER_PREPS, PRONOUNS, SKIPPABLE, SPEAKER_NOUNS, TIME_WORD,
} from './lexicon.js';
import { ABBREVIATION_WORD, allCaps, clauseStart, lyAdverb, nameAfterAnd, npLeft, npRight, quotedTokens } from './phrases.js';
import { rule } from './rules.js';
import { CLOSE_QUOTES, isQuote, OPEN_QUOTES, type Token } from './tokens.js';
import { CLAUSE_OPENERS, INTRO_WORDS, QUANT_SUBJECTS, SUBORDINATORS, TIME_HEAD } from './words.js';

/**
 * "Ted Cruz, by contrast, wrote"; "Trump, speaking at a rally in Charleston, West Virginia, said":
 * with a comma (or dash) at `k` just before the cue, finds a subject at a clause start before an
 * earlier comma. Returns [first, last] token of the subject, or null. The search back starts at
 * `from` (the token before `k` unless given: before the quotation the phrase ends in, "Lund, who
 * calls him a “crook,” said").
 */
export function insertedSubject(toks: Token[], k: number, from = k - 1): [number, number] | null {
  const mark = toks[k]?.text;
  if (mark !== ',' && mark !== '—') return null;
  for (let open = from; open > 0 && open > k - 40; open--) {
    const t = toks[open]!;
    // "Sanders' campaign manager": a possessive apostrophe is no quotation mark.
    const possessive = (t.text === "'" || t.text === '’') && /s$/.test(toks[open - 1]?.lower ?? '') && !!toks[open + 1]?.word;
    // "Ashton, Md., who …": the period of an abbreviation before a comma ends no sentence.
    // "Ashton, Md., who …", "the No. 2 Republican": the period of an abbreviation ends no sentence.
    // ("Rep. Ana Poll (D-Ariz.), …": inside parentheses too.)
    const abbreviation = t.text === '.' && (toks[open + 1]?.text === ',' || rule('source.abbreviation-in-parentheses', toks[open + 1]?.text === ')') || /^\d/.test(toks[open + 1]?.text ?? '') || (!!toks[open + 1]?.word && !toks[open + 1]!.cap) || ABBREVIATION_WORD.test(toks[open - 1]?.text ?? ''));
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
    // "Ida Lund, whose husband, Tom Lund, was killed in the storm, said": a name set off inside a "whose" clause names
    // the clause's noun; the subject is the name before "whose".
    if (start > 0 && toks[start - 1]!.text === mark && rule('source.whose-apposition', whoseBefore(toks, start - 1))) continue;
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

/** True when the words before the mark at `comma`, back to the previous mark, are "whose" and one to four more ("whose husband"). */
function whoseBefore(toks: readonly Token[], comma: number): boolean {
  let j = comma - 1;
  while (j >= 0 && comma - j <= 5 && toks[j]!.word && toks[j]!.lower !== 'whose') j--;
  return j >= 0 && j < comma - 1 && toks[j]!.lower === 'whose' && toks[j - 1]?.text === toks[comma]!.text;
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

/** Prepositions whose phrase modifies the noun before it ("officials in Moscow", "traders from Gyumri"). */
const MODIFIER_PREPS = new Set(['in', 'of', 'from', 'at', 'for', 'on', 'near', 'inside', 'outside', 'across', 'within', 'around', 'with', 'to', 'by', 'among', 'against', 'through', 'throughout', 'into', 'over', 'under', 'during', 'without', 'upon', 'amid', 'toward', 'towards', 'via', 'behind', 'beyond', 'despite', 'along', 'past']);

/** Number words: after "about" they make it a number's "about" ("about half", "about a third", "about one in five"). */
const NUMBER_WORD = /^(?:\d.*|half|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?|millions?|billions?|quarter|third|fourth|fifth|tenth|twice)$/;

/** "about" at token `s - 1` reads as "roughly": a number, a quantifier or "a third" follows it. */
function aboutNumber(toks: readonly Token[], s: number): boolean {
  const next = toks[s]!.lower;
  if (NUMBER_WORD.test(next) || QUANT_SUBJECTS.has(next) || next === 'as') return true;
  return (next === 'a' || next === 'an') && NUMBER_WORD.test(toks[s + 1]?.lower ?? '');
}

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
    // "The founder of a charity found to be a front for smugglers says": a participle with "to be" after a noun is a
    // reduced relative inside the subject; the noun phrase before the participle heads the subject.
    if (previous.lower === 'be' && toks[start - 2]?.lower === 'to' && start >= 4 && TO_BE_PARTICIPLES.test(toks[start - 3]!.text)) {
      const headEnd = start - 4;
      const phraseStart = npLeft(toks, headEnd);
      if (rule('source.reduced-relative-to-be', phraseStart >= 0 && !verbish(toks[headEnd]!) && !AUXILIARY_AFTER.test(toks[headEnd]!.lower) && !PRONOUNS.has(toks[headEnd]!.lower))) {
        start = phraseStart;
        continue;
      }
    }
    // "A report about the company found": "about" before a noun phrase modifies the noun before it as "on" does
    // ("about 20 protesters said" is a number, not a phrase).
    // (Only after a noun phrase opened by a determiner or inside another phrase, "an article on Monday about …": "angry about the mandates" and "asked about Kanemaru suggesting …"
    // leave the phrase after "about" as it was.)
    const about = previous.lower === 'about' && !previous.cap && start >= 2 && toks[start - 2]!.word && !verbish(toks[start - 2]!) && !aboutNumber(toks, start) &&
      (DETERMINERS.has(toks[npLeft(toks, start - 2)]?.lower ?? '') || MODIFIER_PREPS.has(toks[npLeft(toks, start - 2) - 1]?.lower ?? ''));
    if ((MODIFIER_PREPS.has(previous.lower) && (!previous.cap || start === 1)) || rule('source.about-phrase', about)) {
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
      // ("One of his advisers told …": "one" before "of" heads the subject, a share of the group after it.)
      // (Only with the member's name set off after it, "One of his aides, Ida Lund, said": a bare "one of the jobs Lund
      // talks about" may hide a relative clause.)
      const named = npRight(toks, start);
      const oneOf = rule('source.one-of-subject', head.lower === 'one' && previous.lower === 'of' && !toks[start - 3]?.word && !/^\d/.test(toks[start - 3]?.text ?? '') &&
        named >= start && toks[named + 1]?.text === ',' && !!toks[named + 2]?.cap && !CUE_VERBS.has(toks[named]!.lower));
      if (!oneOf && (verbish(head) || PRONOUNS.has(head.lower))) return -1;
      const phraseStart = oneOf ? start - 2 : npLeft(toks, start - 2);
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
    // "Dockers, pilots, and port staff said": a list with a comma before its "and" (two conjuncts or more before it,
    // each a plain noun phrase without a number, the first opening the clause) is one subject as the list without
    // that comma is. ("after the May 1, 2015, strike, and the union said": a date is no conjunct.)
    if (previous.lower === 'and' && toks[start - 2]?.text === ',' && !coordinated) {
      let k = start - 2;
      let first = -1;
      let n = 0;
      while (toks[k]?.text === ',' && n < 6) {
        const ps = npLeft(toks, k - 1);
        if (ps < 0 || verbish(toks[k - 1]!) || !toks.slice(ps, k).every((x) => (x.word && !/^\d/.test(x.text)) || x.text === "'s" || x.text === '’s' || x.text === '.')) { first = -1; break; }
        first = ps;
        n++;
        k = ps - 1;
      }
      if (rule('source.serial-comma-list', first >= 0 && n >= 2 && toks[k]?.text !== ',' && opensPair(toks, first))) {
        start = first;
        coordinated = true;
        continue;
      }
    }
    if (previous.lower === 'and' || previous.text === '&' || (coordinated && previous.text === ',') || rule('source.correlative-coordination', correlative)) {
      const phraseStart = npLeft(toks, start - 2);
      // "Cooperation and Development", "Jeb Bush and Chris Christie": two names joined are one phrase.
      const names = phraseStart >= 0 && toks[start - 2]!.cap && toks[start]!.cap && previous.lower === 'and' &&
        (opensPair(toks, wholeSubject(toks, phraseStart)) || toks.slice(phraseStart, start - 1).some((x) => NP_INNER_PREPS.has(x.lower)));
      // "He criticized the plan and officials said": a conjunct after a verb is its object, not a subject;
      // at a clause start any noun phrase joins ("union members and leaders", "current and former officials").
      // ("Sen. Ana Poll (D-Ore.) and former Gov. Ed Lund said": a party tag in parentheses closes the first conjunct.)
      let tag = start - 3;
      while (phraseStart >= 0 && toks[start - 2]?.text === ')' && tag > phraseStart && start - 2 - tag <= 6 && toks[tag]!.text !== '(') tag--;
      const tagged = rule('source.conjunct-party-tag', phraseStart >= 0 && toks[start - 2]?.text === ')' && tag > phraseStart && toks[tag]!.text === '(' && !!toks[tag + 1]?.cap && toks.slice(tag + 1, start - 2).every((x) => x.word || x.text === '-' || x.text === '.'));
      const opening = phraseStart >= 0 && opensPair(toks, wholeSubject(toks, phraseStart)) && !verbish(toks[tagged ? tag - 1 : start - 2]!) && toks.slice(phraseStart, tagged ? tag : start - 1).every((x) => x.word || x.text === "'s" || x.text === '’s' || x.text === '%');
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

/** Participles that take "to be" after a noun in a reduced relative ("a charity found to be a front", "a man believed to be"); never an active verb ("Syria proved to be" is one). */
const TO_BE_PARTICIPLES = /^(?:found|deemed|believed|known|thought|shown|considered|alleged|reported|proven|judged|ruled|declared|revealed|suspected|determined|presumed|rumou?red|understood|feared|estimated|said)$/;

/** Like `npLeft`, but a lone subject pronoun ("he, once again, pledged") also counts. */
function npLeftOrPronoun(toks: Token[], j: number): number {
  const token = toks[j];
  if (token && PRONOUNS.has(token.lower) && token.lower !== 'which' && token.lower !== 'it') return j;
  return npLeft(toks, j);
}

/** Auxiliaries that may follow a subject's description as its verb ("…, is calling for", "…, has said"). */
const AUXILIARY_AFTER = /^(?:is|was|are|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do)$/;

/** The closing dash of an aside between two dashes after `from` and before `comma` (any when -1), within 30 tokens; -1 without one. */
function dashedAsideEnd(toks: readonly Token[], from: number, comma: number): number {
  const stop = Math.min(comma > 0 ? comma : toks.length, from + 30);
  const dash = (t: Token) => /^(?:—|―|–|--)$/.test(t.text);
  const open = toks.findIndex((t, k) => k > from && k < stop && dash(t));
  if (open < 0) return -1;
  const close = toks.findIndex((t, k) => k > open + 1 && k < stop && dash(t));
  return close > 0 && toks[close + 1]?.word ? close : -1;
}

/** A subject right after an opening time phrase (tokens `i`..) that no comma closes before `comma`, with its verb; null without one. */
function subjectAfterTime(toks: Token[], i: number, comma: number): [number, number] | null {
  for (let k = i + 1; k < comma; k++) {
    const prev = toks[k - 1]!;
    if (!(TIME_HEAD.test(prev.lower) || TIME_WORD.test(prev.lower) || /^(?:later|ago|earlier)$/.test(prev.lower))) continue;
    const t = toks[k]!;
    if (/^(?:he|she|they|we|i)$/.test(t.lower)) return toks[k + 1]?.word ? [k, k] : null;
    if (!t.word || !(t.cap || DETERMINERS.has(t.lower)) || TIME_HEAD.test(t.lower) || TIME_WORD.test(t.lower)) continue;
    const end = npRight(toks, k);
    const verb = toks[end + 1];
    if (end >= k && end < comma && verb?.word && !verb.cap && !BOUNDARY.has(verb.lower) && !TIME_HEAD.test(verb.lower) && (COMMON_VERBS.has(verb.lower) || SKIPPABLE.has(verb.lower) || /(?:ed|[^s]s)$/.test(verb.lower))) return [k, end];
  }
  return null;
}

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
  // "Two days later she toured the port, met the pilots and said …", "On Monday the mayor toured …": a time phrase
  // that no comma closes runs up to the subject; the comma after is the main clause's.
  const afterTime = timed ? subjectAfterTime(toks, i, comma) : null;
  if (rule('source.subject-after-time-phrase', !!afterTime)) return afterTime;
  // "Hastily politicizing the storm, Lund …": an adverb before an opening participle is part of the phrase to skip.
  const adverbOpener = !!first && lyAdverb(first.lower) && /^[a-z]+(?:ing|ed)$/.test(toks[i + 1]?.text ?? '');
  if (first && (BOUNDARY.has(first.lower) || INTRO_WORDS.has(first.lower) || timed || rule('source.place-opener', placed) || /ing$/.test(first.lower) || rule('source.adverb-participle-opener', adverbOpener) || (/ed$/.test(first.lower) && toks[i + 1]?.word && !toks[i + 1]!.cap) || (/ed$/.test(first.lower) && toks[i + 1]?.text === ',') || TIME_WORD.test(toks[i + 1]?.lower ?? '') || toks[i + 1]?.lower === 'later' || toks[i + 1]?.lower === 'ago')) {
    // ("Asked if the six nations had agreed to hold the dollar at 153 yen, the rate …": a question may run longer.)
    // ("Hastily blaming the storm ― much as he did in May ― Lund …": an aside between dashes closes the phrase.)
    const aside = adverbOpener || /ing$/.test(first.lower) ? dashedAsideEnd(toks, i, comma) : -1;
    if (rule('source.opener-dashed-aside', aside > 0)) i = aside + 1;
    else if (comma > 0 && (comma - i < 14 || (first.lower === 'asked' && comma - i < 40))) i = comma + 1;
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
    // "Ana Poll, meanwhile, was making her pitch, saying …", "Poll, speaking in Tarnby, attacked the plan, calling …": an
    // adverbial or participle phrase set in after the subject is passed too; the subject is the name alone.
    // (Never before a name after the phrase: "At an event in Ames, Iowa, on Sunday, Mrs. Lee …" is an opening phrase.)
    if (close > end + 2 && verbAfter && !toks[close + 1]!.cap && rule('source.inserted-phrase-subject', insertedOpener(toks[end + 2]!))) return [i, end];
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

/** Words opening an adverbial phrase set in after a subject ("…, meanwhile,", "…, at the same time,", "…, for her part,"). */
const SET_IN_OPENERS = /^(?:in|at|on|during|for|after|before|with|like|unlike|despite|amid|among|as|too|though|meanwhile|however|instead|also|still|now|then|once|particularly|especially|in|by|from|of|under|over|through)$/;

/** Whether `t` opens an adverbial or participle phrase set in after a subject: an -ing form, an adverb in -ly, or a word of `SET_IN_OPENERS`. */
function insertedOpener(t: Token): boolean {
  return t.word && !t.cap && (SET_IN_OPENERS.test(t.lower) || /^[a-z]{3,}ing$/.test(t.lower) || /^[a-z]{3,}ly$/.test(t.lower)) && !CUE_VERBS.has(t.lower);
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
