/**
 * The learned cue tagger: after the rules (and the source ranker) have read an article, it reads
 * every token the rules left alone and proposes the cues they missed (PolNeAR's wider cues:
 * "ruled", "unleashed a series of tweets", "pushed back"), each with a source picked among the
 * same candidate spans the ranker reads. A proposal is kept only when the tagger and the source
 * pick are both surer than thresholds picked on held-out data; a cue with no source it is sure of
 * is left out ("unattributed beats a guess"), and a negated cue never becomes an assertion.
 *
 * Sparse string features over the rules' cheap tokenizer, word classes (`clusters.ts`: "seemed"
 * shares weight with "appears"; dev source exact F1 0.755 -> 0.758 with the ranker's class
 * features) and wink-nlp's parts of speech ("plans" as a verb or a noun; wink's tagging takes about 14 ms per PolNeAR article, which is why only the
 * tagger, never ingest, reads them), one pass over each unit, one map look-up a feature. A last
 * keep filter, trained on the tagger's own proposals, weighs cue and source together.
 *
 * Where its ceiling is (measured for issue 14): over the verbs the rules leave alone on dev (6,385,
 * 453 of them in a gold cue with a source), a classifier by lemma, the subject's part of speech and
 * what follows the verb, trained on train's 58,000, is right at most 36 % of the time at any
 * threshold, before any source error; a new cue pays for itself only above about 37 %. A source
 * for the rules' sourceless cues, a tagger over headlines too: no gain on dev either. PolNeAR's
 * annotators agree with each other at source exact F1 0.79 (`eval:attribution --agreement`).
 */
import { readFileSync } from 'node:fs';
import type { Span } from '../../core/types.js';
import { CUE_VERBS, PRONOUNS } from '../lexicon.js';
import { span, trimSpan } from '../phrases.js';
import { isQuote, type Token } from '../tokens.js';
import { passiveByCue } from '../passive-agents.js';
import type { RawStatement, Stance } from '../types.js';
import type { Unit } from '../units.js';
import { TIME_HEAD, TIME_WORD } from '../words.js';
import { sourceCandidates, tokenRange, unitTokens, type CueCandidate } from './candidates.js';
import { candidateFeatures } from './features.js';
import { wordClass } from './clusters.js';
import { unitTags } from './pos.js';
import { scoreOf } from './ranker.js';

/** The tagger's feature set version; weights trained on another version are not used. */
export const TAGGER_VERSION = 4;

/** Longest unit (tokens) the tagger reads; a run-on page is left to the rules. */
const MAX_UNIT_TOKENS = 400;
/** Longest cue the tagger proposes (tokens). */
const MAX_CUE = 6;

/** Shipped tagger weights: token features, source features, and the thresholds picked on dev. */
export interface TaggerWeights {
  version: number;
  /** Token feature → weight; a token is in a cue when its score exceeds `cue`. */
  tokens: Record<string, number>;
  /** Candidate source feature → weight (the ranker's features, trained on the cues the rules miss). */
  sources: Record<string, number>;
  /** Thresholds: a token's score for a cue, a source's margin over "no source", the keep filter's score. */
  thresholds: { cue: number; source: number; keep?: number };
  /**
   * Proposal feature → weight: the last check on a proposal (cue and source together), trained on
   * the tagger's own proposals on train, right when the source is a gold source. Absent, every
   * proposal over the two thresholds is kept.
   */
  keep?: Record<string, number>;
}

/** One proposal as the keep filter reads it (and as training records it). */
export interface Proposal {
  features: string[];
  cue: Span;
  source: Span;
}

/** Parts of speech that can carry a cue on their own (a verb, a noun, an adjective, a name). */
const CONTENT_TAGS = new Set(['VERB', 'NOUN', 'ADJ', 'PROPN']);

/** A score as a coarse bucket, so the keep filter learns how sure each part is. */
function level(x: number): string {
  return x <= -4 ? '<-4' : x <= -2 ? '-4..-2' : x <= 0 ? '-2..0' : x <= 2 ? '0..2' : x <= 4 ? '2..4' : x <= 8 ? '4..8' : '>8';
}

/** Features of a proposal for the keep filter: how sure the cue and source picks are, and what they look like. */
export function proposalFeatures(toks: readonly Token[], range: [number, number], source: [number, number], cueScore: number, margin: number, marks: UnitMarks, tags: readonly string[]): string[] {
  const t = toks[range[0]]!;
  const head = toks[source[1]]!;
  const first = toks[source[0]]!;
  const side = source[1] < range[0] ? 'B' : 'A';
  const dist = side === 'B' ? range[0] - source[1] - 1 : source[0] - range[1] - 1;
  const len = source[1] - source[0] + 1;
  const headKind = PRONOUNS.has(head.lower) ? `pron:${head.lower}` : head.cap ? 'cap' : head.word ? 'x' : 'punct';
  const ctx = `${marks.content[range[0]] ? 'C' : '-'}${marks.quoted[range[0]] ? 'Q' : '-'}${marks.ruled ? 'R' : '-'}`;
  // A cue of function words only ("for", "has been", "at a") is mostly the tail of a rules' cue or a fragment.
  let content = false;
  for (let i = range[0]; i <= range[1]; i++) if (CONTENT_TAGS.has(tags[i] ?? 'X')) content = true;
  const after = range[0] > 0 && marks.covered[range[0] - 1] ? 'cov' : '-';
  return [
    'K:b',
    `K:fn=${content ? 'content' : 'function'}|${after}`,
    `K:next=${near(toks[range[1] + 1])}`,
    `K:srcw=${head.word ? head.lower : shape(head)}`,
    `K:cs=${level(cueScore)}`,
    `K:m=${level(margin)}`,
    `K:csm=${level(cueScore)}|${level(margin)}`,
    `K:head=${headKind}|${side}`,
    `K:len=${len <= 3 ? len : len <= 6 ? '4-6' : '7+'}|${side}`,
    `K:dist=${Math.min(dist, 4)}|${side}`,
    `K:first=${first.word ? first.lower : shape(first)}`,
    `K:w=${t.lower}`,
    `K:P=${tags[range[0]] ?? 'X'}|${lexClass(t)}`,
    `K:ctx=${ctx}`,
    `K:n=${range[1] - range[0] + 1}`,
  ];
}

/** What the tagger needs to know about the call: the rules' negation test and whether to use it. */
export interface TagScope {
  /** Keep negated cues (`FindOptions.negated`). */
  negated: boolean;
  /** The rules' negation test for a cue at token `c`. */
  isNegated: (toks: readonly Token[], c: number) => boolean;
}

/** Proposes statements for cues the rules missed (or the first word and source of a rules' cue left without a source); returns the new list. */
export type CueTagger = (text: string, units: readonly Unit[], raws: RawStatement[], scope: TagScope) => RawStatement[];

/** A word's shape for token features. */
function shape(t: Token | undefined): string {
  if (!t) return '_';
  if (!t.word) return isQuote(t) ? 'Q' : t.text;
  if (/^\d/.test(t.text)) return '9';
  if (t.cap) return t.text.length > 1 && t.text === t.text.toUpperCase() ? 'XX' : 'Xx';
  return 'x';
}

/** A neighbour as a feature: the word (lower case), or its shape for punctuation. */
function near(t: Token | undefined): string {
  return !t ? '_' : t.word ? t.lower : shape(t);
}

/** The lexicon class of a word, or '-' when the verb table does not list it. */
function lexClass(t: Token | undefined): string {
  const e = t?.word ? CUE_VERBS.get(t.lower) : undefined;
  return !e ? '-' : e.position ? 'position' : e.belief ? 'belief' : e.speech ? 'speech' : 'cognition';
}

/** Per-token marks of a unit: covered by a rules' cue or source, inside a rules' content, inside quotation marks. */
export interface UnitMarks {
  covered: Uint8Array;
  content: Uint8Array;
  quoted: Uint8Array;
  /** The unit has a statement of the rules. */
  ruled: boolean;
}

/** Reads the marks of one unit's tokens against the rules' statements of that unit. */
export function unitMarks(toks: readonly Token[], rules: readonly RawStatement[]): UnitMarks {
  const covered = new Uint8Array(toks.length);
  const content = new Uint8Array(toks.length);
  const quoted = new Uint8Array(toks.length);
  const mark = (arr: Uint8Array, s: Span | null | undefined) => {
    if (!s) return;
    for (let i = 0; i < toks.length; i++) if (toks[i]!.start < s.end && s.start < toks[i]!.end) arr[i] = 1;
  };
  for (const r of rules) {
    mark(covered, r.cue);
    mark(covered, r.source);
    mark(content, r.content);
  }
  let open = false;
  for (let i = 0; i < toks.length; i++) {
    const q = isQuote(toks[i]) && toks[i]!.text !== "'" && toks[i]!.text !== '’';
    if (q) open = !open;
    quoted[i] = open && !q ? 1 : 0;
  }
  return { covered, content, quoted, ruled: rules.length > 0 };
}

/** A crude stem, so "pushed", "pushes" and "pushing" share weights. */
function stem(t: Token): string {
  if (!t.word || t.cap) return shape(t);
  return t.lower.replace(/(?:ing|ied|ies|ed|es|s|e)$/, '');
}

/** What stands right before a token, skipping adverbs and auxiliaries: a pronoun, a name, a noun, or a clause edge. */
function subjectBefore(toks: readonly Token[], i: number): string {
  let k = i - 1;
  while (k >= 0 && k >= i - 3 && toks[k]!.word && /^(?:has|have|had|also|was|were|is|are|will|would|again|then|later|quickly|not|never|had|did|does|do)$|ly$/.test(toks[k]!.lower)) k--;
  const t = toks[k];
  if (!t) return 'start';
  if (!t.word) return shape(t);
  if (PRONOUNS.has(t.lower)) return 'pron';
  if (t.cap) return 'name';
  if (/(?:ers|ors|ists|ians|ants|ents|people|officials|voters|aides)$/.test(t.lower)) return 'people';
  return 'x';
}

/** The part of speech of the word before `i`, skipping adverbs and auxiliaries ("Trump has also declared" → PROPN). */
function tagBefore(toks: readonly Token[], tags: readonly string[], i: number): string {
  let k = i - 1;
  while (k >= 0 && k >= i - 4 && (tags[k] === 'AUX' || tags[k] === 'ADV' || tags[k] === 'PART')) k--;
  return k < 0 ? 'start' : toks[k]!.word ? tags[k]! : shape(toks[k]);
}

/**
 * The features of token `i` of a unit (word, suffix, neighbours, verb table class, the rules'
 * marks) and, given the unit's parts of speech, its own and its neighbours'.
 */
export function tokenFeatures(toks: readonly Token[], i: number, marks: UnitMarks, tags?: readonly string[]): string[] {
  const t = toks[i]!;
  const p = toks[i - 1];
  const n = toks[i + 1];
  const w = t.word ? t.lower : shape(t);
  const pos = i === 0 ? 'first' : i === toks.length - 1 ? 'last' : 'mid';
  const ctx = `${marks.content[i] ? 'C' : '-'}${marks.quoted[i] ? 'Q' : '-'}${marks.ruled ? 'R' : '-'}`;
  return [
    'b',
    `w=${w}`,
    `s3=${t.word && !t.cap ? t.lower.slice(-3) : shape(t)}`,
    `sh=${shape(p)}|${shape(t)}|${shape(n)}`,
    `p=${near(p)}`,
    `n=${near(n)}`,
    `pw=${near(p)}|${w}`,
    `wn=${w}|${near(n)}`,
    `p2=${near(toks[i - 2])}|${near(p)}`,
    `n2=${near(n)}|${near(toks[i + 2])}`,
    `lex=${lexClass(t)}|${lexClass(p)}|${pos}`,
    `ctx=${ctx}|${lexClass(t)}`,
    `wctx=${w}|${ctx}`,
    `pc=${p && marks.covered[i - 1] ? 'cov' : '-'}|${n && marks.covered[i + 1] ? 'cov' : '-'}`,
    `stem=${stem(t)}`,
    `subj=${subjectBefore(toks, i)}|${stem(t)}`,
    `sn=${stem(t)}|${near(n)}`,
    ...classFeatures(toks, i, ctx),
    ...(tags ? posFeatures(toks, i, tags, stem(t), `${marks.content[i] ? 'C' : '-'}${marks.quoted[i] ? 'Q' : '-'}`) : []),
  ];
}

/** A token's word classes (`clusters.ts`), or its shape at every level when it has none. */
function classesOf(t: Token | undefined): readonly [string, string, string] {
  const c = t?.word ? wordClass(t.lower) : undefined;
  if (c) return c;
  const s = shape(t);
  return [s, s, s];
}

/** Word-class features of token `i`: its classes at three granularities, with its context and neighbours, so a rare cue word shares weight with its class. */
function classFeatures(toks: readonly Token[], i: number, ctx: string): string[] {
  const [fine, mid, coarse] = classesOf(toks[i]);
  const p = classesOf(toks[i - 1]);
  const n = classesOf(toks[i + 1]);
  return [
    `c1=${fine}`,
    `c2=${mid}`,
    `c3=${coarse}`,
    `c1ctx=${fine}|${ctx}`,
    `c1subj=${subjectBefore(toks, i)}|${fine}`,
    `pc2c1=${p[1]}|${fine}`,
    `c1nc2=${fine}|${n[1]}`,
    `c1n=${fine}|${near(toks[i + 1])}`,
  ];
}

/** Part-of-speech features of token `i`: its tag with its stem, its neighbours' tags, the subject's. */
function posFeatures(toks: readonly Token[], i: number, tags: readonly string[], st: string, ctx: string): string[] {
  const t = tags[i]!;
  const p = i > 0 ? tags[i - 1]! : '_';
  const n = i + 1 < tags.length ? tags[i + 1]! : '_';
  const before = tagBefore(toks, tags, i);
  const [fine] = classesOf(toks[i]);
  return [
    `P=${t}`,
    `Pst=${t}|${st}`,
    `Pp=${p}|${t}`,
    `Pn=${t}|${n}`,
    `Ppn=${p}|${t}|${n}`,
    `Psubj=${before}|${t}`,
    `Psubjst=${before}|${st}`,
    `Plex=${t}|${lexClass(toks[i])}`,
    `Pctx=${t}|${ctx}`,
    `Pc1=${t}|${fine}`,
    `Psubjc1=${before}|${fine}`,
  ];
}

/** Token score: the sum of its features' weights. */
function tokenScore(weights: ReadonlyMap<string, number>, toks: readonly Token[], i: number, marks: UnitMarks, tags?: readonly string[]): number {
  return scoreOf(weights, tokenFeatures(toks, i, marks, tags));
}

/** The runs of tokens scoring over `threshold` that the rules left alone: the proposed cues. */
export function tagCues(weights: ReadonlyMap<string, number>, threshold: number, toks: readonly Token[], marks: UnitMarks, tags?: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  let from = -1;
  for (let i = 0; i <= toks.length; i++) {
    const on = i < toks.length && !marks.covered[i] && tokenScore(weights, toks, i, marks, tags) > threshold;
    if (on && from < 0) from = i;
    if (!on && from >= 0) {
      // A cue starts and ends on a word ("unleashed a series of tweets", not ", unleashed").
      let a = from;
      let b = i - 1;
      while (a <= b && !toks[a]!.word) a++;
      while (b >= a && !toks[b]!.word) b--;
      if (a <= b && b - a < MAX_CUE) out.push([a, b]);
      from = -1;
    }
  }
  return out;
}

/** The cue candidate the source features read, for a proposed cue of a unit. */
export function newCue(toks: readonly Token[], range: [number, number], order: number): CueCandidate {
  return { c: range[0], cueEnd: range[1], lemma: toks[range[0]]!.lower, raw: -1, rule: null, name: null, nested: false, order };
}

/** The source a set of weights picks for a proposed cue, with its margin over "no source". */
export function pickSource(weights: ReadonlyMap<string, number>, toks: readonly Token[], cue: CueCandidate): { source: [number, number] | null; margin: number } {
  const cands = sourceCandidates(toks, cue);
  const scores = candidateFeatures(toks, cue, cands).map((f) => scoreOf(weights, f));
  let best = 0;
  scores.forEach((s, k) => { if (s > scores[best]!) best = k; });
  return { source: cands[best] ?? null, margin: scores[best]! - scores[0]! };
}

/** The content of a proposed statement: what follows the cue (and a source after it), else what precedes them. */
function contentOf(text: string, unit: Unit, toks: readonly Token[], cue: [number, number], source: [number, number]): Span {
  const after = Math.max(cue[1], source[0] > cue[1] ? source[1] : cue[1]);
  const rest = trimSpan(text, toks[after]!.end, unit.end);
  if (rest.end - rest.start > 1) return rest;
  return trimSpan(text, unit.start, toks[Math.min(cue[0], source[0])]!.start);
}

/** A tagger using the given weights. */
export function makeTagger(model: TaggerWeights, seen?: (p: Proposal) => void): CueTagger {
  const tokens = new Map(Object.entries(model.tokens));
  const sources = new Map(Object.entries(model.sources));
  const keep = model.keep && !seen ? new Map(Object.entries(model.keep)) : null;
  return (text, units, raws, scope) => {
    const byUnit = new Map<number, RawStatement[]>();
    for (const r of raws) {
      const list = byUnit.get(r.unit.start);
      if (list) list.push(r);
      else byUnit.set(r.unit.start, [r]);
    }
    const added: RawStatement[] = [];
    let changed = false;
    for (const unit of units) {
      if (unit.title) continue;
      const toks = unitTokens(text, unit);
      if (toks.length > MAX_UNIT_TOKENS) continue;
      const rules = byUnit.get(unit.start) ?? [];
      const marks = unitMarks(toks, rules);
      const tags = unitTags(text, toks);
      const cues = tagCues(tokens, model.thresholds.cue, toks, marks, tags);
      cues.forEach((range, k) => {
        const word = toks[range[0]]!.lower;
        if (!scope.negated && scope.isNegated(toks, range[0])) return;
        // "The court this month rejected …": a time phrase is when, never a cue or part of one.
        if (toks.slice(range[0], range[1] + 1).every((t) => TIME_WORD.test(t.lower) || TIME_HEAD.test(t.lower) || TIME_DETERMINER.test(t.lower))) return;
        const { source, margin } = pickSource(sources, toks, newCue(toks, range, rules.length + k));
        if (!source || margin <= model.thresholds.source) return;
        // "Lee was supported by most voters", "He got dinged by critics": the subject of a passive never speaks.
        if (source[1] < range[0] && passiveByCue(toks, range[0], range[1])) return;
        // A source the rules already gave a cue in this unit, or one on the cue's own tokens, is no new speaker.
        for (let i = source[0]; i <= source[1]; i++) if (marks.covered[i] && !rules.some((r) => r.source && tokenRange(toks, r.source)?.[0] === source[0])) return;
        if (keep || seen) {
          let cueScore = -Infinity;
          for (let i = range[0]; i <= range[1]; i++) cueScore = Math.max(cueScore, tokenScore(tokens, toks, i, marks, tags));
          const features = proposalFeatures(toks, range, source, cueScore, margin, marks, tags);
          if (seen) seen({ features, cue: span(toks as Token[], range[0], range[1]), source: span(toks as Token[], source[0], source[1]) });
          if (keep && scoreOf(keep, features) <= (model.thresholds.keep ?? 0)) return;
        }
        // "The Post has learned", "Politifact then pointed out": a proposal right before a rules'
        // cue is that cue's first words (PolNeAR's cue is "has learned"), not a second statement;
        // a rules' cue left without a source gets the one picked here. Adverbs between them are
        // the cue's too ("has" proposed before "repeatedly questioned").
        let after = range[1] + 1;
        while (after < toks.length && CUE_ADVERB.test(toks[after]!.lower)) after++;
        const next = rules.findIndex((r) => {
          const at = tokenRange(toks, r.cue)?.[0];
          return at !== undefined && at > range[1] && at <= after;
        });
        if (next >= 0) {
          const r = rules[next]!;
          const i = raws.indexOf(r);
          const merged: RawStatement = { ...r, cue: { start: toks[range[0]]!.start, end: r.cue.end }, source: r.source ?? span(toks as Token[], source[0], source[1]) };
          if (i >= 0) (raws[i] = merged), (rules[next] = merged), (changed = true);
          return;
        }
        const entry = CUE_VERBS.get(word);
        const stance: Stance = entry?.stance ?? 'asserts';
        const sourceSpan = span(toks as Token[], source[0], source[1]);
        added.push({ cue: span(toks as Token[], range[0], range[1]), source: sourceSpan, content: contentOf(text, unit, toks, range, source), unit, stance, lemma: entry?.lemma ?? word });
      });
    }
    if (!added.length) return changed ? [...raws] : raws;
    return [...raws, ...added].sort((a, b) => a.unit.start - b.unit.start || a.cue.start - b.cue.start);
  };
}

/** Words opening a time phrase ("this month", "last week", "on Monday"). */
const TIME_DETERMINER = /^(?:this|that|last|next|past|on|in|at|early|late|the|a|each|every)$/;

/** Adverbs inside a verb group ("has repeatedly questioned", "had long argued"). */
const CUE_ADVERB = /^(?:[a-z]+ly|also|long|often|still|already|just|now|then|again|even|once|ever|since)$/;

let shipped: CueTagger | null | undefined;

/** The tagger built from the shipped weights (`cue-tagger.json` beside this module), or null when there are none. */
export function shippedTagger(): CueTagger | null {
  if (shipped !== undefined) return shipped;
  try {
    const model = JSON.parse(readFileSync(new URL('./cue-tagger.json', import.meta.url), 'utf8')) as TaggerWeights;
    shipped = model.version === TAGGER_VERSION ? makeTagger(model) : null;
  } catch {
    shipped = null;
  }
  return shipped;
}
