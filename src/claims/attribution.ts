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
import type { BlockKind, Span } from '../types.js';
import { resolveClaimants } from './claimants.js';
import {
  BOUNDARY, CUE_PREFILTER, CUE_VERBS, DENIAL_WORDS, DETERMINERS, NP_INNER_PREPS, OUTLET_DISPUTE, PHRASAL_CUES,
  PRONOUNS, SKIPPABLE, SPEAKER_NOUNS, TIME_WORD,
} from './lexicon.js';
import { CLOSE_QUOTES, isQuote, tokenize, type Token } from './tokens.js';
import type { Stance, Statement } from './types.js';

/** A sentence as attribution needs it: offsets, and (from ingest) its kind and block. */
export interface SentenceLike extends Span {
  kind?: BlockKind;
  block?: number;
}

/** Options for `findStatements`. */
export interface FindOptions {
  /** Also return the outlet's own unattributed assertions, one per remaining sentence. @defaultValue false */
  outletStatements?: boolean;
  /** The outlet, used as claimant of its own statements. @defaultValue null */
  outlet?: string | null;
  /** Keep attributed statements whose source is not stated ("it was reported that"). @defaultValue true */
  keepSourceless?: boolean;
  /**
   * Keep statements reported inside another statement's content ("X denied claims by Y that ...").
   * Off for scoring against univocal gold such as PolNeAR, where a token is in one attribution only.
   * @defaultValue true
   */
  nested?: boolean;
}

const defaultOptions: Required<FindOptions> = { outletStatements: false, outlet: null, keepSourceless: true, nested: true };

/** Sentence kinds that can carry reporting; captions and chrome never produce statements. */
const REPORTING_KINDS = new Set<BlockKind>(['body', 'standfirst', 'title']);
const MAX_UNIT_SENTENCES = 8;
const MAX_NP = 10;
const NOMINAL_CUES = new Set(['claim', 'claims', 'report', 'reports', 'allegation', 'allegations', 'accusation', 'accusations', 'assertion', 'assertions', 'statement', 'statements', 'suggestion', 'suggestions']);
const NOUN_MARKERS = new Set([...DETERMINERS, "'s", 'these', 'those']);
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being', 'as']);
const NOUN_PREPS = new Set(['in', 'of', 'for', 'with', 'without']);
const ADVERBS = new Set(['also', 'further', 'first', 'later', 'reportedly', 'allegedly', 'not', 'never', 'widely', 'previously', 'initially', 'originally']);
const TO_VERBS = new Set(['appeared', 'appears', 'appear', 'seemed', 'seems', 'seem', 'continued', 'continues', 'continue', 'went', 'sought', 'tried', 'wants', 'want', 'wanted', 'refused', 'declined', 'used', 'began', 'begun', 'started', 'going', 'likely', 'expected', 'set', 'ready', 'willing', 'moved', 'rushed', 'hastened', 'decided']);
const OBJECT_VERBS = new Set(['tell', 'ask', 'inform', 'urge', 'brief', 'accuse', 'call', 'criticize', 'criticise', 'blame', 'praise', 'attack', 'slam', 'blast', 'defend', 'endorse']);

/** A headline in title case ("Trump Says His Plan Will Work"). */
function titleCase(toks: Token[]): boolean {
  const words = toks.filter((t) => t.word && t.text.length > 3);
  return words.length >= 3 && words.filter((t) => t.cap).length / words.length >= 0.75;
}
/** "polls show", "the study found": evidence verbs are attributions only with such a subject. */
const EVIDENCE_SOURCE = /\b(?:polls?|surveys?|stud(?:y|ies)|data|analys[ie]s|reports?|research(?:ers)?|records?|figures|numbers|results|investigations?|reviews?|audits?|documents?|census|models?|estimates|tests?|experts?|scientists|economists|analysts)\s*(?:\w+\s*){0,1}$/i;
const DOC_SOURCE = /\b(?:statement|report|message|post|letter|order|document|release|communique|readout|text)\s*$/i;

/** True when the clause before token `k` (back to the unit start) is long enough to be the reported content. */
function substantial(toks: Token[], k: number): boolean {
  const words = toks.slice(0, k).filter((t) => t.word);
  if (words.length >= 12) return true;
  return words.length >= 6 && !BOUNDARY.has(words[0]!.lower);
}

/** A run of sentences quoted together (one sentence, or several inside one quotation). */
interface Unit extends Span {
  sentence: number;
  title: boolean;
}

/** True when the text leaves a quotation open. */
function leavesQuoteOpen(s: string): boolean {
  let curly = 0;
  let straight = 0;
  let single = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '“') curly++;
    else if (ch === '”') curly--;
    else if (ch === '"') straight++;
    else if (ch === "'" && s[i + 1] === "'") (straight++, i++);
    else if (ch === '‘') single++;
    else if (ch === '’' && single > 0 && !/\p{L}/u.test(s[i + 1] ?? '')) single--;
  }
  return curly > 0 || straight % 2 === 1 || single > 0;
}

/** Groups sentences into units, merging sentences that sit inside one open quotation. */
function unitsOf(text: string, sentences: readonly SentenceLike[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const first = sentences[i]!;
    if (first.kind && !REPORTING_KINDS.has(first.kind)) continue;
    let end = first.end;
    let j = i;
    let body = text.slice(first.start, end);
    while (leavesQuoteOpen(body) && j + 1 < sentences.length && j - i < MAX_UNIT_SENTENCES - 1) {
      const next = sentences[j + 1]!;
      if (next.kind !== first.kind || next.block !== first.block) break;
      j++;
      end = next.end;
      body = text.slice(first.start, end);
    }
    if (j > i && leavesQuoteOpen(body)) j = i, end = first.end; // never closed: do not merge
    units.push({ start: first.start, end, sentence: i, title: first.kind === 'title' });
    i = j;
  }
  return units;
}

/** Grows a noun phrase leftwards from token `j` (inclusive); returns its first token index, or -1. */
function npLeft(toks: Token[], j: number): number {
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
  if (!head || !head.word || BOUNDARY.has(head.lower) || CUE_VERBS.has(head.lower)) return -1;
  let i = j;
  while (i > 0 && j - i < MAX_NP) {
    const cur = toks[i]!;
    if (DETERMINERS.has(cur.lower) && !cur.cap) break;
    const prev = toks[i - 1]!;
    if (prev.lower === "'s") { i--; continue; }
    if (!prev.word) break;
    if (NP_INNER_PREPS.has(prev.lower) && i - 2 >= 0 && (toks[i - 2]!.cap || SPEAKER_NOUNS.has(toks[i - 2]!.lower)) && cur.cap) { i--; continue; }
    if (DETERMINERS.has(prev.lower)) { i--; break; }
    if (BOUNDARY.has(prev.lower) || CUE_VERBS.has(prev.lower) || NP_INNER_PREPS.has(prev.lower) || PRONOUNS.has(prev.lower)) break;
    // A lower-case word ending in -ly or -ed before a capitalised name is usually an adverb or verb.
    if (!prev.cap && /(?:ly|ed|ing)$/.test(prev.lower) && cur.cap && !SPEAKER_NOUNS.has(prev.lower)) break;
    i--;
  }
  // A phrase of only determiners/possessive markers is no source.
  return toks[i]!.lower === "'s" ? -1 : i;
}

const TIME_HEAD = /^(?:week|month|year|morning|afternoon|evening|night|weekend|day|time|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/**
 * "Ted Cruz, by contrast, wrote"; "Trump, speaking at a rally in Charleston, West Virginia, said":
 * with a comma (or dash) at `k` just before the cue, finds a subject at a clause start before an
 * earlier comma. Returns [first, last] token of the subject, or null.
 */
function insertedSubject(toks: Token[], k: number): [number, number] | null {
  const mark = toks[k]?.text;
  if (mark !== ',' && mark !== '—') return null;
  for (let open = k - 1; open > 0 && open > k - 40; open--) {
    const t = toks[open]!;
    if (isQuote(t) || t.text === '.' || t.text === ';') return null;
    if (t.text !== mark) continue;
    const start = npLeftOrPronoun(toks, open - 1);
    if (start >= 0 && (start === 0 || !toks[start - 1]!.word || toks[start - 1]!.lower === 'and' || toks[start - 1]!.lower === 'but')) return [start, open - 1];
  }
  return null;
}

/** Like `npLeft`, but a lone subject pronoun ("he, once again, pledged") also counts. */
function npLeftOrPronoun(toks: Token[], j: number): number {
  const t = toks[j];
  if (t && PRONOUNS.has(t.lower) && t.lower !== 'which' && t.lower !== 'it') return j;
  return npLeft(toks, j);
}

/** Grows a noun phrase rightwards from token `i`; returns its last token index, or -1. */
function npRight(toks: Token[], i: number): number {
  const first = toks[i];
  if (!first || !first.word) return -1;
  if (PRONOUNS.has(first.lower)) return i;
  if (BOUNDARY.has(first.lower) && !DETERMINERS.has(first.lower)) return -1;
  let j = i;
  while (j + 1 < toks.length && j - i < MAX_NP) {
    const next = toks[j + 1]!;
    if (next.lower === "'s") { j++; continue; }
    if (next.text === '(' && toks[j + 2]?.cap && toks[j + 3]?.text === ')') { j += 3; continue; }
    if (!next.word) break;
    if (NP_INNER_PREPS.has(next.lower) || next.lower === 'from') {
      const after = toks[j + 2];
      if (after && (after.cap || DETERMINERS.has(after.lower)) && (toks[j]!.cap || SPEAKER_NOUNS.has(toks[j]!.lower))) { j++; continue; }
      break;
    }
    if (BOUNDARY.has(next.lower) || CUE_VERBS.has(next.lower) || TIME_WORD.test(next.lower)) break;
    // After a name, only a speaker noun continues the phrase ("Kopyrkin appeared" ends at the name).
    if (toks[j]!.cap && !next.cap && !SPEAKER_NOUNS.has(next.lower) && !NP_INNER_PREPS.has(next.lower) && !DETERMINERS.has(first.lower)) break;
    if (DETERMINERS.has(next.lower) && !toks[j]!.cap && toks[j]!.lower !== "'s") break;
    j++;
  }
  return j;
}

/** Index of the first token after `i` that is not an auxiliary/adverb sitting between subject and verb (leftwards). */
function skipLeft(toks: Token[], i: number): number {
  let j = i;
  while (j >= 0) {
    const t = toks[j]!;
    if (SKIPPABLE.has(t.lower) || TIME_WORD.test(t.lower) || (!t.cap && t.word && /ly$/.test(t.lower) && t.lower.length > 4 && !SPEAKER_NOUNS.has(t.lower))) { j--; continue; }
    // "on Friday", "last week"
    if ((t.lower === 'week' || t.lower === 'month') && toks[j - 1]?.lower === 'last') { j -= 2; continue; }
    break;
  }
  return j;
}

/** Start of a subject at the beginning of the unit, for "…, saying" and "and added". */
function unitSubject(toks: Token[]): [number, number] | null {
  let i = 0;
  while (i < toks.length && (!toks[i]!.word || toks[i]!.lower === 'but' || toks[i]!.lower === 'and')) i++;
  // An introductory phrase ("Hours later,", "Speaking at a rally,", "On Monday,") is not the subject.
  const first = toks[i];
  if (first && (BOUNDARY.has(first.lower) || /ing$/.test(first.lower) || TIME_WORD.test(toks[i + 1]?.lower ?? '') || toks[i + 1]?.lower === 'later' || toks[i + 1]?.lower === 'ago')) {
    const comma = toks.findIndex((x, k) => k > i && x.text === ',');
    if (comma > 0 && comma - i < 14) i = comma + 1;
  }
  const t = toks[i];
  if (!t) return null;
  if (PRONOUNS.has(t.lower) && t.lower !== 'it') return [i, i];
  const end = npRight(toks, i);
  if (end < 0) return null;
  const after = toks[end + 1];
  // The phrase must be followed by a verb-ish word, not be the object of a preposition.
  if (!after || !after.word) return null;
  return [i, end];
}

/** Trims spaces and trailing sentence punctuation from a span. */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,:;—–-]/.test(text[s]!)) s++;
  while (e > s && /[\s.,;:!?—–-]/.test(text[e - 1]!)) e--;
  if (e > s && /^that\s/i.test(text.slice(s, e))) s += 5;
  return { start: s, end: e };
}

interface Raw {
  cue: Span;
  source: Span | null;
  content: Span;
  unit: Unit;
  stance: Stance;
  lemma: string;
  /** Apposition parts of the source ("Ukraine’s military intelligence agency" and "the HUR"). */
  apposition?: [Span, Span];
  /** Source of a nominal claim this statement answers ("claims by the HUR"). */
  answers?: Span;
  /** Reuse the source of the previous statement in the unit ("… and emphasized that"). */
  sameAsPrevious?: boolean;
  /** Noun antecedent for "who"/"which" sources. */
  antecedent?: Span;
}

/** Finds the statements in one unit of text. */
function scanUnit(text: string, unit: Unit): Raw[] {
  const toks = tokenize(text, unit.start, unit.end);
  const out: Raw[] = [];
  const taken = new Set<number>();
  const quoted = quotedTokens(toks);
  colonStatement(text, toks, unit, out);
  for (let c = 0; c < toks.length; c++) {
    const t = toks[c]!;
    // Words inside a quotation are the quoted speaker's, not reporting ("I think" in a quote).
    if (!t.word || taken.has(c) || quoted[c]) continue;
    // "according to X"
    if (t.lower === 'according' && toks[c + 1]?.lower === 'to') {
      const end = npRight(toks, c + 2);
      if (end < 0) continue;
      const source = span(toks, c + 2, end);
      const prevComma = c > 0 && toks[c - 1]!.text === ',';
      const content = prevComma || end + 1 >= toks.length - 1
        ? trimSpan(text, unit.start, toks[c]!.start)
        : trimSpan(text, toks[end + 1]!.start, unit.end);
      out.push({ cue: span(toks, c, c + 1), source, content, unit, stance: 'asserts', lemma: 'according' });
      c = end;
      continue;
    }
    let entry = CUE_VERBS.get(t.lower);
    let cueEnd = c;
    let stance: Stance | undefined = entry?.stance;
    let lemma = entry?.lemma ?? '';
    for (const p of PHRASAL_CUES) {
      const m = p.re.exec(text.slice(t.start, Math.min(unit.end, t.start + 30)));
      if (m) {
        stance = p.stance;
        lemma = m[0].toLowerCase();
        while (cueEnd + 1 < toks.length && toks[cueEnd + 1]!.end <= t.start + m[0].length) cueEnd++;
        entry = entry ?? { lemma, stance: p.stance, speech: true };
      }
    }
    if (!entry || !stance) continue;
    // A negated verification ("could not be verified") is the outlet's dispute, found separately.
    if (stance === 'confirms' && /\b(?:not|n't|never)\b/.test(text.slice(toks[Math.max(0, c - 4)]!.start, t.start))) continue;
    // Capitalised cues only at the start of a sentence ("Said X, …") or in a title-case headline.
    if (t.cap && c > 0 && !unit.title && !titleCase(toks) && !isQuote(toks[c - 1])) continue;
    const prev = toks[c - 1];
    // Nominal use ("the claims", "in charge of"): not a reporting verb here.
    if (prev && (NOUN_MARKERS.has(prev.lower) || NOUN_PREPS.has(prev.lower))) continue;
    // "to observe": an infinitive is only a cue after verbs like "appeared to", "wants to".
    if (prev?.lower === 'to' && !TO_VERBS.has(toks[c - 2]?.lower ?? '')) continue;
    if (lemma === 'read' && !DOC_SOURCE.test(text.slice(toks[Math.max(0, c - 4)]!.start, t.start))) continue;
    const next = toks[cueEnd + 1];
    // "X called the report fictitious": "call" is only a cue with a verdict word, "call for" or a quote.
    if ((lemma === 'show' || lemma === 'find') && !EVIDENCE_SOURCE.test(text.slice(toks[Math.max(0, c - 5)]!.start, t.start))) continue;
    if (lemma === 'continue' && next?.word && next.lower !== 'that') continue;
    if (lemma === 'refer' && next?.lower !== 'to') continue;
    if (lemma === 'point' && next?.lower !== 'out') continue;
    if (lemma === 'point') cueEnd++;
    // Participles used as adjectives before a noun ("the claimed victory") were caught above; "said" in "the said" too.
    let source: Span | null = null;
    let apposition: [Span, Span] | undefined;
    let antecedent: Span | undefined;
    let sameAsPrevious = false;
    let contentBefore = false;
    const before = skipLeft(toks, c - 1);
    const bt = toks[before];
    let a = c - 1;
    while (a >= 0 && (ADVERBS.has(toks[a]!.lower) || (/ly$/.test(toks[a]!.lower) && !toks[a]!.cap))) a--;
    const passive = /ed$|wn$|told$|said$|ought$/.test(t.lower) && ((a >= 0 && PASSIVE_AUX.has(toks[a]!.lower)) || next?.lower === 'by');
    // A participle after a comma ("…, adding that"): the subject of the clause speaks.
    const participle = /ing$/.test(t.lower) && prev?.text === ',';
    const initial = c === 0 || isQuote(prev);
    let inverted = !OBJECT_VERBS.has(lemma) && (!prev || initial || prev.text === ',' || CLOSE_QUOTES.has(prev.text) || prev.text === '"' || prev.text === '—') &&
      !!next && next.word && !TIME_WORD.test(next.lower) && (next.cap || DETERMINERS.has(next.lower) || SPEAKER_NOUNS.has(next.lower) || (PRONOUNS.has(next.lower) && next.lower !== 'it' && next.lower !== 'which'));
    if (inverted && prev?.text === ',') {
      // "X, Y, called the report…" is a subject with apposition, not "…, said X".
      const e = npRight(toks, cueEnd + 1);
      const after = toks[e + 1];
      if (e < 0 || (after && after.word && !BOUNDARY.has(after.lower) && !TIME_WORD.test(after.lower))) inverted = false;
      const s = npLeft(toks, c - 2);
      if (s === 0 || (s > 0 && toks[s - 1]!.text === ',' && npLeft(toks, s - 2) === 0)) inverted = false;
      // "Mr. Prasad, a former official at the fund, said Ms. Brainard…": a subject before an inserted phrase.
      if (insertedSubject(toks, c - 1)) inverted = false;
      // "said this week", "said he would": a time phrase or a pronoun subject of the content, not a speaker.
      if (e >= 0 && (TIME_HEAD.test(toks[e]!.lower) || (PRONOUNS.has(toks[cueEnd + 1]!.lower) && after?.word))) inverted = false;
    }
    if (t.cap && c === 0 && !inverted && next?.cap) inverted = true;
    if (participle && !passive) {
      if (out.length) sameAsPrevious = true;
      else {
        const subj = unitSubject(toks);
        if (subj && subj[1] < c) source = span(toks, subj[0], subj[1]);
      }
    } else if (passive) {
      const by = toks[cueEnd + 1]?.lower === 'by' ? cueEnd + 2 : -1;
      if (by > 0) {
        const end = npRight(toks, by);
        if (end >= 0) source = span(toks, by, end);
      }
      // "It was reported that…": no source, content after the cue.
    } else if (inverted) {
      const end = npRight(toks, cueEnd + 1);
      if (end >= 0) {
        source = span(toks, cueEnd + 1, end);
        contentBefore = true;
        cueEnd = cueEnd;
      }
    } else if (bt) {
      if (PRONOUNS.has(bt.lower)) {
        source = span(toks, before, before);
        if ((bt.lower === 'who' || bt.lower === 'which') && toks[before - 1]?.text === ',') {
          const s = npLeft(toks, before - 2);
          if (s >= 0) antecedent = span(toks, s, before - 2);
        }
      } else if (bt.text === ',' || bt.text === '—') {
        // "Ukraine's military intelligence agency, the HUR, has claimed"; "Ted Cruz, by contrast, wrote";
        // "Chris Cox, who runs the lobbying arm, says": the subject sits before the inserted phrase.
        const s2 = npLeft(toks, before - 1);
        const found = insertedSubject(toks, before);
        const open = found ? found[1] + 1 : -1;
        const subjectStart = found ? found[0] : -1;
        const clauseStart = (k: number) => k >= 0;
        if (subjectStart >= 0 && clauseStart(subjectStart)) {
          source = span(toks, subjectStart, open - 1);
          if (s2 === open + 1 && s2 >= 0) apposition = [source, span(toks, s2, before - 1)];
        } else if (s2 >= 0) {
          source = span(toks, s2, before - 1);
        }
      } else if ((bt.lower === 'and' || bt.lower === 'but') && out.length) {
        sameAsPrevious = true;
      } else if (bt.lower === 'and' || bt.lower === 'but') {
        // "She greeted supporters and told them…": the subject of the clause.
        const subj = unitSubject(toks);
        if (subj && subj[1] < before) source = span(toks, subj[0], subj[1]);
      } else {
        const s = npLeft(toks, before);
        if (s >= 0) {
          source = span(toks, s, before);
          const pre = toks[s - 1];
          // "C, X said (at a meeting…)": the content is what comes before the comma.
          const after = toks[cueEnd + 1];
          if (pre && (isQuote(pre) || (pre.text === ',' && substantial(toks, s - 1))) && s > 1 && (!after || !after.word || ['at', 'in', 'on', 'during', 'without', 'after', 'while', 'when', 'to'].includes(after.lower) || (lemma === 'tell' && after.cap))) {
            contentBefore = true;
          }
        }
      }
    }
    if (!source && !sameAsPrevious && !passive && prev?.text === ',') {
      // "…, saying that": the subject of the clause said it.
      const subj = unitSubject(toks);
      if (subj && subj[1] < c) source = span(toks, subj[0], subj[1]);
    }
    let content: Span;
    if (contentBefore) {
      let cut = source && source.start < t.start ? source.start : t.start;
      content = trimSpan(text, unit.start, cut);
    } else {
      let from = toks[cueEnd + 1]?.start ?? unit.end;
      if (source && source.start > t.start) from = toks.find((x) => x.start >= source!.end)?.start ?? unit.end;
      // "told RIA in an interview that…": content starts after "that" when one follows soon.
      for (let k = cueEnd + 1; k < Math.min(toks.length, cueEnd + 14); k++) {
        if (toks[k]!.lower === 'that' && (lemma === 'tell' || lemma === 'inform' || lemma === 'ask' || lemma === 'brief' || k === cueEnd + 1 || lemma === 'say' || lemma === 'deny' || lemma === 'reject')) { from = toks[k + 1]?.start ?? from; break; }
        if (toks[k]!.text === ',' || toks[k]!.text === '.' || isQuote(toks[k])) break;
      }
      content = trimSpan(text, from, unit.end);
    }
    // Verdict words turn "said"/"called" into a denial.
    if (stance === 'asserts' && (lemma === 'call' || lemma === 'say' || lemma === 'describe' || lemma === 'dismiss') && DENIAL_WORDS.test(text.slice(t.end, Math.min(unit.end, t.end + 60)))) stance = 'denies';
    let answers: Span | undefined;
    if (stance === 'denies' || stance === 'disputes') answers = nominalClaimSource(toks, cueEnd + 1);
    for (let k = c; k <= cueEnd; k++) taken.add(k);
    out.push({ cue: span(toks, c, cueEnd), source, content, unit, stance, lemma, ...(apposition ? { apposition } : {}), ...(answers ? { answers } : {}), ...(sameAsPrevious ? { sameAsPrevious } : {}), ...(antecedent ? { antecedent } : {}) });
    // "denied claims by X that C": X's claim is a statement of its own.
    const nominal = embeddedClaim(text, toks, cueEnd + 1, unit);
    if (nominal) {
      out.push(nominal.raw);
      taken.add(nominal.index);
    }
  }
  clipContents(text, out);
  return out;
}

/**
 * Ends each content where the next statement of the unit begins ("X criticized Y and said Z",
 * "…, adding that"), so one statement's content does not swallow the next one's cue.
 */
function clipContents(text: string, raws: Raw[]): void {
  const sorted = [...raws].sort((a, b) => a.cue.start - b.cue.start);
  for (const r of sorted) {
    if (r.content.start < r.cue.end) continue;
    const next = sorted.find((n) => n !== r && !NOMINAL_CUES.has(n.lemma) && n.cue.start > r.content.start && n.cue.start < r.content.end);
    if (!next) continue;
    const boundary = next.source && next.source.start > r.content.start && next.source.start < next.cue.start ? next.source.start : next.cue.start;
    let end = boundary;
    for (;;) {
      const before = text.slice(r.content.start, end);
      const m = /(?:[\s,;:—–-]+|\b(?:and|but|who|which|as|while|after|because|when)\b)$/i.exec(before);
      if (!m || m[0].length === 0) break;
      end -= m[0].length;
    }
    if (end > r.content.start) r.content = { start: r.content.start, end };
  }
}

/** Marks tokens that sit inside quotation marks. */
function quotedTokens(toks: Token[]): boolean[] {
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

/** "Graham: Trump's rhetoric is hateful": a short name before a colon at the start of a unit. */
function colonStatement(text: string, toks: Token[], unit: Unit, out: Raw[]): void {
  const colon = toks.findIndex((t) => t.text === ':');
  if (colon < 1 || colon > 6 || colon + 1 >= toks.length) return;
  const first = toks[0]!;
  if (!first.cap && !PRONOUNS.has(first.lower)) return;
  if (npLeft(toks, colon - 1) !== 0) return;
  if (!toks.slice(0, colon).every((t) => t.cap || t.lower === "'s" || NP_INNER_PREPS.has(t.lower) || SPEAKER_NOUNS.has(t.lower))) return;
  out.push({ cue: span(toks, colon, colon), source: span(toks, 0, colon - 1), content: trimSpan(text, toks[colon + 1]!.start, unit.end), unit, stance: 'asserts', lemma: ':' });
}

/** "claims by the HUR", "the HUR's accusations": the source of a claim named as a noun after `from`. */
function nominalClaimSource(toks: Token[], from: number): Span | undefined {
  for (let k = from; k < Math.min(toks.length, from + 14); k++) {
    const t = toks[k]!;
    if (!NOMINAL_CUES.has(t.lower)) continue;
    if (toks[k + 1]?.lower === 'by' || toks[k + 1]?.lower === 'from') {
      const end = npRight(toks, k + 2);
      if (end >= 0) return span(toks, k + 2, end);
    }
    if (toks[k - 1]?.lower === "'s") {
      const s = npLeft(toks, k - 2);
      if (s >= 0) return span(toks, s, k - 2);
    }
  }
  return undefined;
}

/** "claims by X that C" after a denial: X's own claim, quoted as the denying article reports it. */
function embeddedClaim(text: string, toks: Token[], from: number, unit: Unit): { raw: Raw; index: number } | null {
  for (let k = from; k < Math.min(toks.length, from + 6); k++) {
    const t = toks[k]!;
    if (!NOMINAL_CUES.has(t.lower) || toks[k + 1]?.lower !== 'by') continue;
    const end = npRight(toks, k + 2);
    if (end < 0) return null;
    if (toks[end + 1]?.lower !== 'that') return null;
    const content = trimSpan(text, toks[end + 2]?.start ?? unit.end, clauseEnd(toks, end + 2, unit.end));
    return { raw: { cue: span(toks, k, k), source: span(toks, k + 2, end), content, unit, stance: 'asserts', lemma: t.lower }, index: k };
  }
  return null;
}

/** End of a clause: the next comma followed by a participle/relative, or the unit end. */
function clauseEnd(toks: Token[], from: number, fallback: number): number {
  for (let k = from; k < toks.length; k++) if (toks[k]!.text === ',' && /(?:ed|ing)$|^which$|^who$/.test(toks[k + 1]?.lower ?? '')) return toks[k]!.start;
  return fallback;
}

function span(toks: Token[], a: number, b: number): Span {
  return { start: toks[a]!.start, end: toks[b]!.end };
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
  for (const unit of unitsOf(text, sentences)) {
    const body = text.slice(unit.start, unit.end);
    let found: Raw[] = [];
    if (CUE_PREFILTER.test(body)) found = scanUnit(text, unit);
    const dispute = OUTLET_DISPUTE.exec(body);
    if (dispute) {
      const cue = { start: unit.start + dispute.index, end: unit.start + dispute.index + dispute[0].length };
      found.push({ cue, source: null, content: trimSpan(text, unit.start, unit.end), unit, stance: 'disputes', lemma: 'outlet' });
    }
    if (!found.length) outletUnits.push(unit);
    raws.push(...found);
  }
  const statements = resolveClaimants(text, raws, opts.outlet);
  let kept = statements.filter((s) => opts.keepSourceless || s.kind === 'outlet' || s.source);
  if (!opts.nested) {
    const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;
    kept = kept.filter((s) => !kept.some((o) => o !== s && o.kind === 'attributed' && inside(s.cue, o.content) && !inside(o.cue, s.content)));
  }
  if (opts.outletStatements) {
    for (const unit of outletUnits) {
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
  return kept;
}

export type { Raw as RawStatement };
