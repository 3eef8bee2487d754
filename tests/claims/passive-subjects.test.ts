/**
 * The subject of a passive cue is never its speaker (issue 14): participles joined after one auxiliary ("was booed
 * and shouted down by"), a tagger's passive proposal ("got jeered by", "is backed by"), and a name modifying the
 * people of an agent ("by Lund supporters").
 */
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { makeTagger, TAGGER_VERSION, type TaggerWeights } from '../../src/claims/model/tagger.js';
import { passiveByCue } from '../../src/claims/passive-agents.js';
import { unitTokens } from '../../src/claims/model/candidates.js';
import { lines } from '../helpers/sentences.js';

/** Cues and sources in PolNeAR scope, rules only unless a tagger is given. */
function found(text: string, tagger: ReturnType<typeof makeTagger> | null = null): string[] {
  return findStatements(text, lines(text), { nested: false, actions: true, negated: true, chooser: null, tagger, cueEdges: null })
    .filter((s) => s.kind === 'attributed')
    .map((s) => `${text.slice(s.cue.start, s.cue.end)} <- ${s.source ? text.slice(s.source.start, s.source.end) : '-'}`);
}

/** Hand weights: "jeered" and "backed" are cues, a capitalised word before one is its source. */
const HAND: TaggerWeights = {
  version: TAGGER_VERSION,
  thresholds: { cue: 0, source: 0 },
  tokens: { b: -1, 'w=jeered': 5, 'w=backed': 5, 'w=got': 5 },
  sources: { 'S:headClass=name|B|len=1': 3, 'S:headClass=name|B|len=2': 4 },
};

describe('passive subjects', () => {
  it('reads a participle joined by "and" after one auxiliary as passive: its agent speaks, never its subject', () => {
    const text = 'Mayor Ida Brandt was heckled and shouted down by angry fishermen at the quay.';
    const rows = found(text);
    expect(rows.some((r) => r.startsWith('shouted <- angry fishermen'))).toBe(true);
    expect(rows.some((r) => r.endsWith('<- Mayor Ida Brandt'))).toBe(false);
  });

  it('keeps an active verb with an object after "was … and" its subject\'s ("was elected and announced a plan")', () => {
    const text = 'The new chair was elected in May and announced the closure of the depot.';
    expect(found(text)).toContain('announced <- The new chair');
  });

  it('takes the people a name modifies as the agent ("by Lund supporters"), not the name', () => {
    const text = 'The levy was condemned by Brandt supporters on the pier.';
    expect(found(text)[0]).toBe('condemned <- Brandt supporters');
  });

  it('drops a tagger proposal whose source is the subject of a passive with "by" ("Lee got jeered by", "Lee is backed by")', () => {
    expect(found('Councillor Lee got jeered by the dockers for the levy.', makeTagger(HAND))).toEqual([]);
    expect(found('Councillor Lee is backed by most dockers in the port.', makeTagger(HAND)).filter((r) => r.endsWith('<- Councillor Lee'))).toEqual([]);
    // An active cue keeps its proposal.
    expect(found('Councillor Lee jeered at the dockers over the levy.', makeTagger(HAND))).toEqual(['jeered <- Councillor Lee']);
  });

  it('knows a passive with "by" from a feeling ("was delighted by") and a means ("by phone")', () => {
    const at = (text: string, cue: string) => {
      const toks = unitTokens(text, { start: 0, end: text.length });
      const i = toks.findIndex((t) => t.lower === cue);
      return passiveByCue(toks, i, i);
    };
    expect(at('Lee was backed by the union.', 'backed')).toBe(true);
    expect(at('Lee got jeered by the union.', 'got')).toBe(true);
    expect(at('Lee was delighted by the vote.', 'delighted')).toBe(false);
    expect(at('Lee was contacted by phone.', 'contacted')).toBe(false);
  });
});
