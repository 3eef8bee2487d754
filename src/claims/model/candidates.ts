/**
 * Candidates for the attribution model: the cues to decide on in one unit (the rules' own) and,
 * for each cue, the spans that could be its source. Built on the rules' cheap tokenizer and phrase
 * helpers, not a tagger (wink-nlp's POS tagging takes about 14 ms per PolNeAR article, some three
 * times all the rules together), so the model stays cheap at ingest.
 */
import type { Span } from '../../core/types.js';
import { wholeSubject } from '../clause-subjects.js';
import { COMMON_VERBS, CUE_VERBS } from '../lexicon.js';
import { npLeft, npRight } from '../phrases.js';
import { isQuote, unitTokens as cachedUnitTokens, type Token } from '../tokens.js';

/** A cue to decide on: token range in its unit, and the rules' decision when the rules found it. */
export interface CueCandidate {
  /** First and last token of the cue. */
  c: number;
  cueEnd: number;
  lemma: string;
  /** Index of the rules' statement for this cue. */
  raw: number;
  /** The rules' source as token range, or null (none, or one that does not fall on token edges). */
  rule: [number, number] | null;
  /** The rules' name part of the source ("Chris Cox" of "Chris Cox, who runs …"), when it gave one. */
  name: [number, number] | null;
  /** The cue lies inside the content of another statement of the unit ("He said she wants …"). */
  nested: boolean;
  /** How many statements of the unit have a cue before this one. */
  order: number;
}

/** One candidate source of a cue: a token range, or null for "no source / not an attribution". */
export type SourceCandidate = [number, number] | null;

/** How far before the cue a source may end, and how far after it one may start (tokens). */
const WINDOW_BEFORE = 16;
const WINDOW_AFTER = 3;
/** Longest source span considered (tokens). */
const MAX_SPAN = 30;
/** Tokens that close a clause: a source starts after one. */
const CLAUSE_EDGE = new Set([',', ';', ':', '—', '–', '(', 'that', 'and', 'but', 'as', 'while', 'when', 'because', 'after', 'before', 'if']);

/** The tokens of a unit of text (the rules' tokenizer). */
export function unitTokens(text: string, unit: Span): Token[] {
  return cachedUnitTokens(text, unit.start, unit.end);
}

/** Token index starting exactly at `pos`, or -1. */
function tokenAt(toks: readonly Token[], pos: number, edge: 'start' | 'end'): number {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = toks[mid]![edge];
    if (v === pos) return mid;
    if (v < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The token range a text span covers exactly, or null when it does not fall on token edges. */
export function tokenRange(toks: readonly Token[], s: Span | null | undefined): [number, number] | null {
  if (!s) return null;
  const a = tokenAt(toks, s.start, 'start');
  const b = tokenAt(toks, s.end, 'end');
  return a >= 0 && b >= a ? [a, b] : null;
}

/** What the model needs of a rules' statement. */
export interface RuleCue {
  cue: Span;
  source: Span | null;
  content: Span;
  name?: Span;
  lemma: string;
}

/**
 * The cues of one unit: each rules' statement. (Reporting verbs the rules passed over were tried
 * as cues too and gained nothing on dev: 423 right against the rules' 422 of 526.)
 */
export function cueCandidates(toks: readonly Token[], rules: readonly RuleCue[]): CueCandidate[] {
  const out: CueCandidate[] = [];
  rules.forEach((r, i) => {
    const range = tokenRange(toks, r.cue);
    if (!range) return;
    const nested = rules.some((o) => o !== r && r.cue.start >= o.content.start && r.cue.end <= o.content.end);
    const order = rules.filter((o) => o.cue.start < r.cue.start).length;
    out.push({ c: range[0], cueEnd: range[1], lemma: r.lemma, raw: i, rule: tokenRange(toks, r.source), name: tokenRange(toks, r.name), nested, order });
  });
  return out;
}

/**
 * Whether tokens `a`..`b` can name a speaker at all: they start with a word, hold a letter, and
 * hold no verb ("the NCIA published what it" is a clause, not a source; 3 % of PolNeAR's gold
 * sources hold one, against a flood of clause-shaped candidates).
 */
function speakerSpan(toks: readonly Token[], a: number, b: number): boolean {
  if (!toks[a]!.word) return false;
  let letter = false;
  for (let k = a; k <= b; k++) {
    const t = toks[k]!;
    if (t.word && (CUE_VERBS.has(t.lower) || COMMON_VERBS.has(t.lower) || t.lower === 'what')) return false;
    // "the NCIA published what it": a past tense taking an object is a clause.
    if (t.word && !t.cap && /ed$/.test(t.lower) && k < b && /^(?:what|that|the|a|an|his|her|their|its)$/.test(toks[k + 1]!.lower)) return false;
    if (/\p{L}/u.test(t.text)) letter = true;
  }
  return letter;
}

/**
 * Candidate sources of a cue: none, the rules' picks, noun phrases ending before it and starting
 * after it. With `within`, only the spans inside that token range (the same ones, found faster).
 */
export function sourceCandidates(toks: readonly Token[], cue: CueCandidate, within?: [number, number]): SourceCandidate[] {
  const [lo, hi] = within ?? [0, toks.length - 1];
  const all = toks as Token[];
  const seen = new Set<number>();
  const out: SourceCandidate[] = [null];
  const add = (a: number, b: number, rules = false) => {
    if (a < lo || b > hi || b < a || b - a >= MAX_SPAN) return;
    if (a <= cue.cueEnd && b >= cue.c) return;
    if (!rules && !speakerSpan(toks, a, b)) return;
    // "Richards and Menendez both": the rules keep a floating quantifier with its subject, by design.
    if (cue.rule && a === cue.rule[0] && b === cue.rule[1] - 1 && /^(?:both|all|each)$/.test(toks[cue.rule[1]]!.lower)) return;
    const key = a * 4096 + b;
    if (seen.has(key)) return;
    seen.add(key);
    out.push([a, b]);
  };
  if (cue.rule) add(cue.rule[0], cue.rule[1], true);
  if (cue.name) add(cue.name[0], cue.name[1], true);
  for (let j = Math.min(cue.c - 1, hi); j >= lo && j >= cue.c - WINDOW_BEFORE; j--) {
    const t = toks[j]!;
    if (!t.word && t.text !== ',' && t.text !== ')') continue;
    const head = t.word ? j : j - 1;
    const s = npLeft(all, head);
    if (s >= 0) {
      add(s, j);
      add(wholeSubject(all, s), j);
      // "Scott Pruitt, the attorney general of Oklahoma, said": a name before its description.
      if (toks[s - 1]?.text === ',' && s > 1) {
        const n = npLeft(all, s - 2);
        if (n >= 0) add(n, j);
      }
    }
    if (t.word) add(j, j);
    // The clause opening before the end: "The GOP's complaint to the … Board says".
    let k = j;
    while (k > 0 && k > j - MAX_SPAN && !CLAUSE_EDGE.has(toks[k - 1]!.lower) && !isQuote(toks[k - 1])) k--;
    add(k, j);
  }
  for (let i = Math.max(cue.cueEnd + 1, lo); i <= hi && i <= cue.cueEnd + WINDOW_AFTER; i++) {
    const e = npRight(all, i);
    if (e >= 0) {
      add(i, e);
      // "…, said Kevin Brady, chairman of …,": the description after a comma.
      if (toks[e + 1]?.text === ',') {
        for (let k = e + 2; k < toks.length && k < e + 20; k++) {
          if (toks[k]!.text === ',') { add(i, k); add(i, k - 1); break; }
          if (!toks[k]!.word && toks[k]!.text !== '(' && toks[k]!.text !== ')' && toks[k]!.text !== '-') { add(i, k - 1); break; }
        }
      }
    }
    // "by officials": the agent of a passive.
    if (toks[i]!.lower === 'by') {
      const a = npRight(all, i + 1);
      if (a >= 0) add(i + 1, a);
    }
  }
  return out;
}
