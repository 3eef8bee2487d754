import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { makeTagger, shippedTagger, TAGGER_VERSION, type TaggerWeights } from '../../src/claims/model/tagger.js';
import { foldOf, taggerExamples, trainTagger } from '../../src/claims/model/tagger-train.js';
import { readBrat, type GoldArticle } from '../../src/claims/model/train.js';
import { lines } from '../helpers/sentences.js';
import { unitTokens } from '../../src/claims/model/candidates.js';
import { unitTags } from '../../src/claims/model/pos.js';

/** A gold article written for these tests: each attribution given as [source, cue] substrings. */
function article(text: string, attributions: Array<[string, string]>): GoldArticle {
  const ann: string[] = [];
  attributions.forEach(([source, cue], i) => {
    const c = text.indexOf(cue);
    const s = text.indexOf(source);
    ann.push(`T${2 * i + 1}\tCue ${c} ${c + cue.length}\t${cue}`, `T${2 * i + 2}\tSource ${s} ${s + source.length}\t${source}`, `E${i + 1}\tAttribution:T${2 * i + 1} Cue:T${2 * i + 1} Source:T${2 * i + 2}`);
  });
  return { text, sentences: lines(text), gold: readBrat(text, ann.join('\n')) };
}

/** Cues (text) and sources (text) found in PolNeAR scope with a tagger. */
function found(text: string, tagger: ReturnType<typeof makeTagger> | null, negated = false): string[] {
  return findStatements(text, lines(text), { nested: false, actions: true, negated, chooser: null, tagger, cueEdges: null })
    .filter((s) => s.kind === 'attributed')
    .map((s) => `${text.slice(s.cue.start, s.cue.end)} <- ${s.source ? text.slice(s.source.start, s.source.end) : '-'}`);
}

/** Weights written by hand: "ruled" is a cue, a capitalised word before it is its source. */
const HAND: TaggerWeights = {
  version: TAGGER_VERSION,
  thresholds: { cue: 0, source: 0 },
  tokens: { b: -1, 'w=ruled': 5 },
  sources: { 'S:headClass=name|B|len=1': 3, 'S:headClass=name|B|len=2': 4 },
};

const SLICE: GoldArticle[] = [
  article('The appeals court ruled on Friday that the new district map was fair.\nA panel of judges later ruled that the vote could go ahead.', [['The appeals court', 'ruled'], ['A panel of judges', 'ruled']]),
  article('Governor Hale ruled out a second term.\nThe committee unveiled a plan it said would cut costs.', [['Governor Hale', 'ruled out'], ['it', 'said']]),
];

describe('cue tagger', () => {
  it('adds the cue the weights propose, with the source they pick, where the rules find none', () => {
    const text = 'Judge Marlow ruled in favour of the tenants.';
    expect(found(text, null)).toEqual([]);
    expect(found(text, makeTagger(HAND))).toEqual(['ruled <- Judge Marlow']);
  });

  it('with the shipped weights, proposes a cue the rules leave alone, with its source ("The Harbour Trust estimates"), and joins an adverb to a rules\' cue ("has repeatedly questioned")', () => {
    const shipped = shippedTagger();
    expect(shipped).not.toBeNull();
    // (Which cue the weights propose moves with retraining: "pushed for" before h/attr6's rules, "angry
    // about" before the ranker's weights were averaged over shuffle seeds, "are worried" before stop 27's rules,
    // "as Mr. Lund observed" before the word classes, "Mr. Lund plans to" before stop 28's rules.)
    // (Retrained on stop 29's rules the tagger proposes "has" alone before "repeatedly questioned": the adverbs
    // between a proposal and a rules' cue are the cue's too, so the two still join.)
    const estimates = 'The Harbour Trust estimates that fees will double.';
    expect(found(estimates, null)).toEqual([]);
    expect(found(estimates, shipped)).toEqual(['estimates <- The Harbour Trust']);
    // PolNeAR's cue takes in the auxiliary and adverb before the verb; the rules' cue is the verb alone.
    const questioned = 'The mayor has repeatedly questioned whether the audit was fair.';
    expect(found(questioned, null)).toEqual(['questioned <- The mayor']);
    expect(found(questioned, shipped)).toEqual(['has repeatedly questioned <- The mayor']);
  });

  it('never turns a negated cue into an assertion ("has not ruled")', () => {
    const text = 'Judge Marlow has not ruled in favour of the tenants.';
    expect(found(text, makeTagger(HAND))).toEqual([]);
    // PolNeAR counts a negated cue as an attribution; with `negated` the scorer sees it.
    expect(found(text, makeTagger(HAND), true)).toEqual(['ruled <- Judge Marlow']);
  });

  it('a keep filter turns down a proposal the cue and source thresholds let through (a pronoun source here)', () => {
    const keep: TaggerWeights = { ...HAND, sources: { ...HAND.sources, 'S:headClass=pron:she|B|len=1': 3 }, thresholds: { cue: 0, source: 0, keep: 0 }, keep: { 'K:b': 1, 'K:head=pron:she|B': -5 } };
    const named = 'Judge Marlow ruled in favour of the tenants.';
    const pronoun = 'She ruled in favour of the tenants.';
    expect(found(pronoun, makeTagger({ ...keep, keep: undefined }))).toEqual(['ruled <- She']);
    expect(found(pronoun, makeTagger(keep))).toEqual([]);
    expect(found(named, makeTagger(keep))).toEqual(['ruled <- Judge Marlow']);
  });

  it('reads parts of speech over the rules\' own tokens ("didn\'t" as its auxiliary, a name, a verb)', () => {
    const text = 'Yesterday Senator Okafor declared that she didn\'t plan a run.';
    const toks = unitTokens(text, { start: 0, end: text.length });
    const tags = unitTags(text, toks);
    const tagOf = (w: string) => tags[toks.findIndex((t) => t.text === w)];
    expect(tags).toHaveLength(toks.length);
    expect(tagOf('Okafor')).toBe('PROPN');
    expect(tagOf('declared')).toBe('VERB');
    expect(tagOf("didn't")).toBe('AUX');
    expect(tagOf('plan')).toBe('VERB');
    expect(tagOf('.')).toBe('PUNCT');
  });

  it('never runs in /claim scope (without actions)', () => {
    const text = 'Judge Marlow ruled in favour of the tenants.';
    const st = findStatements(text, lines(text), { chooser: null, tagger: makeTagger(HAND) });
    expect(st.filter((s) => s.kind === 'attributed')).toEqual([]);
  });

  it('cross-fitting splits the examples by article (the keep filter learns from weights that never saw the article)', () => {
    const ex = taggerExamples(SLICE, null);
    const first = foldOf(ex, (i) => i === 0);
    const second = foldOf(ex, (i) => i === 1);
    expect(first.tokens.length).toBeGreaterThan(0);
    expect(second.tokens.length).toBeGreaterThan(0);
    expect(first.tokens.length + second.tokens.length).toBe(ex.tokens.length);
    expect(first.sources.length + second.sources.length).toBe(ex.sources.length);
    // Only the first article holds "The appeals court" (a word of its first line).
    expect(first.tokens.some((t) => t.features.includes('w=appeals'))).toBe(true);
    expect(second.tokens.some((t) => t.features.includes('w=appeals'))).toBe(false);
  });

  it('trains deterministically: the same articles give the same weights', () => {
    const a = trainTagger(taggerExamples(SLICE, null), { epochs: 3, seed: 1 });
    const b = trainTagger(taggerExamples(SLICE, null), { epochs: 3, seed: 1 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a.tokens).length).toBeGreaterThan(0);
  });
});
