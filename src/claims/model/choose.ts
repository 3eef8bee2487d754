/**
 * The attribution model's hook: after the rules have read an article, a learned ranker looks at
 * every cue the rules found and its candidate sources, and
 * overrules the rules only where it is surer than a margin picked on held-out data: it drops a
 * source it finds wrong, or puts another span of the sentence in its place. Unsure means
 * the rules' decision stands; a source the model rejects becomes no source ("unattributed beats a
 * guess").
 */
import { readFileSync } from 'node:fs';
import type { RawStatement } from '../types.js';
import { CUE_VERBS, PRONOUNS } from '../lexicon.js';
import { span } from '../phrases.js';
import type { Token } from '../tokens.js';
import type { Unit } from '../units.js';
import { cueCandidates, sourceCandidates, unitTokens, type CueCandidate, type SourceCandidate } from './candidates.js';
import { candidateFeatures } from './features.js';
import { scoreOf, type RankerWeights } from './ranker.js';

/** The feature set's version; weights trained on another version are not used. */
export const FEATURE_VERSION = 4;

/** Most statements in one unit the model reviews. */
const MAX_UNIT_STATEMENTS = 40;

/** Decides the sources of the rules' statements of one text (it may replace entries of `raws`). */
export type SourceChooser = (text: string, units: readonly Unit[], raws: RawStatement[]) => RawStatement[];

/** One cue of a text with its unit, tokens and candidate sources. */
export interface CueCase {
  unit: Unit;
  toks: Token[];
  cue: CueCandidate;
  candidates: SourceCandidate[];
  /** Index in `candidates` of the rules' decision (0: no source). */
  rule: number;
}

/**
 * The cues the model decides on in a text, in text order, skipping statements it cannot read on
 * token edges. Each with the candidates the model may choose (`allowed`), or with `all` (for
 * training) every candidate.
 */
export function cueCases(text: string, units: readonly Unit[], raws: readonly RawStatement[], all = false, review?: ReadonlySet<string>): CueCase[] {
  const byUnit = new Map<number, number[]>();
  raws.forEach((r, i) => {
    if (r.lemma === 'byline' || r.lemma === 'outlet') return;
    const list = byUnit.get(r.unit.start);
    if (list) list.push(i);
    else byUnit.set(r.unit.start, [i]);
  });
  const out: CueCase[] = [];
  for (const unit of units) {
    const mine = byUnit.get(unit.start) ?? [];
    // A unit with very many statements (a run-on page with no sentence end) is left to the rules:
    // the nesting test compares each statement with every other one.
    if (!mine.length || mine.length > MAX_UNIT_STATEMENTS) continue;
    const rules = mine.map((i) => raws[i]!);
    // Kinds of cue the model (almost) never overrules are not read at all: ingest stays cheap.
    const reviewed = review ? rules.map((r) => review.has(gateKey(text, r, rules))) : null;
    if (reviewed && !reviewed.includes(true)) continue;
    const toks = unitTokens(text, unit);
    for (const cue of cueCandidates(toks, rules)) {
      if (reviewed && !reviewed[cue.raw]) continue;
      // The model only reviews sources the rules gave (adding one where they found none gained
      // nothing on dev); one that does not fall on token edges is left to the rules.
      if (!cue.rule) continue;
      let candidates = sourceCandidates(toks, cue, all ? undefined : cue.rule);
      // The rules' pick comes first after "no source" (unless it overlaps the cue: left to the rules).
      const first = candidates[1];
      if (!first || first[0] !== cue.rule[0] || first[1] !== cue.rule[1]) continue;
      const found: CueCase = { unit, toks, cue: { ...cue, raw: mine[cue.raw]! }, candidates, rule: 1 };
      if (!all) found.candidates = candidates = candidates.filter((_, k) => allowed(found, k));
      out.push(found);
    }
  }
  return out;
}

/**
 * The kind of a rules' statement for the review gate, read from the text alone (no tokens): the
 * cue's class, whether it sits in another statement's content, and the shape of its source's last
 * word ("speech|false|name": "…, Yusov said").
 */
export function gateKey(text: string, raw: RawStatement, unitRaws: readonly RawStatement[]): string {
  const cueWord = (/^[^\s]+/.exec(text.slice(raw.cue.start, raw.cue.end))?.[0] ?? '').toLowerCase().replace(/’/g, "'");
  const entry = CUE_VERBS.get(cueWord);
  const cls = entry ? (entry.position ? 'position' : entry.belief ? 'belief' : entry.speech ? 'speech' : 'cognition') : 'other';
  const nested = unitRaws.some((o) => o !== raw && raw.cue.start >= o.content.start && raw.cue.end <= o.content.end);
  const last = raw.source ? (/[^\s]+$/.exec(text.slice(raw.source.start, raw.source.end))?.[0] ?? '') : '';
  const shape = !last ? 'none' : PRONOUNS.has(last.toLowerCase()) || /^(?:i|we|you)$/i.test(last) ? 'pronoun' : /^\p{Lu}/u.test(last) ? 'name' : 'lower';
  return `${cls}|${nested}|${shape}`;
}

/**
 * Whether the model may put candidate `k` in place of the rules' source: no source, or a trim of
 * the rules' span that keeps its start or its end and cuts no coordination ("rival Donald Trump" →
 * "Donald Trump"). Never a phrase elsewhere in the sentence, nor a wider one: that would change
 * who is speaking, and a wrong speaker is worse than none.
 */
export function allowed(c: CueCase, k: number): boolean {
  const cand = c.candidates[k];
  const rule = c.candidates[c.rule];
  if (!cand || k === c.rule) return true;
  if (!rule || cand[0] < rule[0] || cand[1] > rule[1] || (cand[0] !== rule[0] && cand[1] !== rule[1])) return false;
  for (let t = rule[0]; t <= rule[1]; t++) {
    if (t >= cand[0] && t <= cand[1]) continue;
    if (/^(?:and|&|or)$/.test(c.toks[t]!.lower)) return false;
  }
  return true;
}

/** The allowed candidate the weights pick for a cue, and by how much it beats the rules' decision. */
export function pick(weights: ReadonlyMap<string, number>, c: CueCase): { best: number; margin: number } {
  const features = candidateFeatures(c.toks, c.cue, c.candidates);
  let best = c.rule;
  const scores = features.map((f) => scoreOf(weights, f));
  scores.forEach((s, k) => {
    if (s > scores[best]! && allowed(c, k)) best = k;
  });
  return { best, margin: scores[best]! - scores[c.rule]! };
}

/** A chooser using the given weights and margins. */
export function makeChooser(model: RankerWeights): SourceChooser {
  const weights = new Map(Object.entries(model.weights));
  const review = model.review ? new Set(model.review) : undefined;
  return (text, units, raws) => {
    for (const c of cueCases(text, units, raws, false, review)) {
      const { best, margin } = pick(weights, c);
      if (best === c.rule) continue;
      const chosen = c.candidates[best]!;
      if (margin <= (chosen ? model.margins.change : model.margins.drop)) continue;
      const raw = raws[c.cue.raw]!;
      // "quoted him as saying": the quoted person stands after the verb, where the model was never trained to look.
      if (raw.quoted) continue;
      // The rules' name, apposition and antecedent described their own pick; a new pick goes without.
      raws[c.cue.raw] = { cue: raw.cue, content: raw.content, unit: raw.unit, stance: raw.stance, lemma: raw.lemma, source: chosen ? span(c.toks, chosen[0], chosen[1]) : null, ...(raw.answers ? { answers: raw.answers } : {}) };
    }
    return raws;
  };
}

let shipped: SourceChooser | null | undefined;

/** The chooser built from the shipped weights (`weights.json` beside this module), or null when there are none. */
export function shippedChooser(): SourceChooser | null {
  if (shipped !== undefined) return shipped;
  try {
    const model = JSON.parse(readFileSync(new URL('./weights.json', import.meta.url), 'utf8')) as RankerWeights;
    shipped = model.version === FEATURE_VERSION ? makeChooser(model) : null;
  } catch {
    shipped = null;
  }
  return shipped;
}
