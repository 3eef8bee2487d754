import { describe, expect, it } from 'vitest';
import { findStatements, type FindOptions } from '../../src/claims/attribution.js';
import { productSentences } from '../helpers/sentences.js';

const POLNEAR: FindOptions = { actions: true, negated: true, nested: false, chooser: null, tagger: null, cueEdges: null };

function sources(text: string, options: FindOptions = {}): Array<{ cue: string; source: string | null }> {
  return findStatements(text, productSentences(text), { cueEdges: null, ...options }).map((s) => ({
    cue: text.slice(s.cue.start, s.cue.end),
    source: s.source ? text.slice(s.source.start, s.source.end) : null,
  }));
}

describe('the agent of a passive cue set apart by a complement (PolNeAR scope)', () => {
  it.each([
    ['The harbour master was called a coward by several residents.', 'called', 'several residents'],
    ['Ana Ruiz was endorsed on Friday by the Harbour Workers Union.', 'endorsed', 'the Harbour Workers Union'],
    ['The plans were described to her by a city official.', 'described', 'a city official'],
    ['Lund was recommended for the post by Mayor Ivo Brandt.', 'recommended', 'Mayor Ivo Brandt'],
  ])('%s', (text, cue, source) => {
    expect(sources(text, POLNEAR).find((s) => s.cue === cue)?.source).toBe(source);
  });

  it('leaves a "by" that belongs to a second verb or a clause of its own', () => {
    for (const text of [
      'The mayor was asked about the pier at a dinner hosted by the harbour board.',
      'The ferry was criticized because it was run by a private firm.',
      'The levy was explained to reduce costs by the end of the year.',
    ]) expect(sources(text, POLNEAR).some((s) => /harbour board|private firm|the end/.test(s.source ?? ''))).toBe(false);
  });

  it('leaves /claim as it was: no claimant from a distant "by"', () => {
    expect(sources('The harbour master was called a coward by several residents.').find((s) => s.cue === 'called')?.source ?? null).toBeNull();
  });
});

describe('irregular passive participles', () => {
  it('gives no claim to the subject of "is understood to have" (hearsay about it), in /claim too', () => {
    const found = sources('The harbour chief is understood to have resigned on Monday.').find((s) => s.cue === 'understood');
    expect(found?.source ?? null).toBeNull();
  });

  it('leaves "was written by" to the rules before in /claim: a song written by Lee is no claim of Lee\'s', () => {
    expect(sources('The harbour song was written by Ana Ruiz.').some((s) => s.source === 'Ana Ruiz')).toBe(false);
  });

  it('takes the agent, not the subject, of "was written by"', () => {
    const found = sources('The harbour report was written by Ana Ruiz.', POLNEAR).find((s) => s.cue === 'written');
    expect(found?.source).toBe('Ana Ruiz');
  });
});

describe('a body of people as the agent of a passive cue', () => {
  it.each([
    ['The new levy was quickly dismissed by the local media.', 'dismissed', 'the local media'],
    ['The ferry plan was backed by the dock unions.', 'backed', 'the dock unions'],
  ])('%s', (text, cue, source) => {
    expect(sources(text, POLNEAR).find((s) => s.cue === cue)?.source).toBe(source);
  });

  it('leaves an indefinite body, which needs the description after it', () => {
    expect(sources('The levy was rejected by an electorate she barely knew.', POLNEAR).find((s) => s.cue === 'rejected')?.source ?? null).toBeNull();
  });
});

describe('a quantifier floated after the subject', () => {
  it.each([
    ['Ida Lund and Ana Ruiz have both argued that the pier is unsafe.', 'argued', 'Ida Lund and Ana Ruiz'],
    ['The harbour pilots all denied that the pier was unsafe.', 'denied', 'The harbour pilots'],
  ])('%s', (text, cue, source) => {
    expect(sources(text).find((s) => s.cue === cue)?.source).toBe(source);
  });

  it('keeps "both" as the subject when nothing stands before it', () => {
    expect(sources('And both vowed that the pier would stay open.').some((s) => s.source === 'And')).toBe(false);
  });
});

describe('a role before a name after the cue', () => {
  it('makes the name the speaker, not the clause before the comma', () => {
    const text = 'The board met twice in May, said lobbyist and party strategist Ida Lund, a former pilot.';
    const found = sources(text).find((s) => s.cue === 'said');
    expect(found?.source).toMatch(/^lobbyist and party strategist Ida Lund/);
    expect(findStatements(text, productSentences(text), { cueEdges: null }).find((s) => text.slice(s.cue.start, s.cue.end) === 'said')?.claimant).toBe('Ida Lund');
  });

  it('leaves a lower-case clause after the cue as content', () => {
    const found = sources('The pier is closed, said harbour rules passed in May.').find((s) => s.cue === 'said');
    expect(found?.source ?? '').not.toMatch(/rules/);
  });
});
