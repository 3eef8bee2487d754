import { describe, expect, it } from 'vitest';
import { CUE_VERBS } from '../../src/claims/lexicon.js';
import { ACTION_WITH_TO, COGNITION, INVERTIBLE, NAMING, OBJECT_VERBS, VERBS } from '../../src/claims/verbs.js';

describe('the verb table', () => {
  it('holds each lemma once, with every property in its row', () => {
    const lemmas = VERBS.map((v) => v.lemma);
    expect(new Set(lemmas).size).toBe(lemmas.length);
    const tell = VERBS.find((v) => v.lemma === 'tell')!;
    expect(tell).toMatchObject({ stance: 'asserts', inverts: true, object: true, cue: true });
    expect(VERBS.find((v) => v.lemma === 'rebut')).toMatchObject({ stance: 'denies' });
    expect(VERBS.find((v) => v.lemma === 'downplay')).toMatchObject({ stance: 'disputes', inverts: false });
  });

  it('derives the property sets the rules read from the rows', () => {
    expect([...INVERTIBLE]).toEqual(VERBS.filter((v) => v.inverts).map((v) => v.lemma));
    expect(OBJECT_VERBS.has('urge') && ACTION_WITH_TO.has('agree') && NAMING.has('dub') && COGNITION.has('believe')).toBe(true);
    expect(ACTION_WITH_TO.has('vow')).toBe(false);
  });

  it('makes cues only of the rows that are reporting verbs, with the row\'s stance and kind', () => {
    expect(CUE_VERBS.get('rebutted')).toMatchObject({ lemma: 'rebut', stance: 'denies', speech: true });
    expect(CUE_VERBS.get('believes')).toMatchObject({ lemma: 'believe', speech: false });
    // "decide" is listed for its "to" property only: "decides" is no cue.
    expect(CUE_VERBS.has('decides')).toBe(false);
  });
});
