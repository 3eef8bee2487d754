/**
 * Speakers the text names but the source search missed (issue 14): inverted speakers after the cue whose phrase opens
 * with a modal, a number or a group noun, and participles after a main clause ending in a quotation or a time phrase.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { findStatements } from '../../src/claims/attribution.js';
import { lines } from '../helpers/sentences.js';

/** Source text of the statement whose cue is `cue` (rules only: the model may trim). */
function sourceOf(text: string, cue: string): string | null | undefined {
  const s = findStatements(text, lines(text), { chooser: null }).find((x) => text.slice(x.cue.start, x.cue.end) === cue);
  return s ? (s.source ? text.slice(s.source.start, s.source.end) : null) : undefined;
}

describe('inverted speakers after the cue', () => {
  it('takes a name whose first word is a modal', () => {
    const text = '"It costs far too much," said Will Berg, a law professor in Tarn.';
    expect(sourceOf(text, 'said')).toBe('Will Berg, a law professor in Tarn');
  });

  it('takes role words opening with numbers joined by a slash', () => {
    const text = '"They are plainly wrong," said 7/7 widow Ann Lund.';
    expect(sourceOf(text, 'said')).toBe('7/7 widow Ann Lund');
  });

  it('takes a group of people after "a handful of", not the clause before the comma', () => {
    const text = 'The pier will not close this year, said a handful of dockers at the gate.';
    expect(sourceOf(text, 'said')).toMatch(/^a handful of dockers/);
  });

  it('takes no group of things', () => {
    const text = 'The pier will not close this year, said a handful of reports on Monday.';
    expect(sourceOf(text, 'said') ?? null).not.toMatch(/^a handful/);
  });
});

describe('participles after a main clause', () => {
  it('reads past a comma inside a closing quotation mark', () => {
    const text = 'Ida Lund gave a long speech on “harbour pride,” saying the pier would stay open.';
    expect(sourceOf(text, 'saying')).toBe('Ida Lund');
  });

  it('reads past a time phrase before the comma', () => {
    const text = 'Lund renewed her attacks Sunday morning, saying the pier would fail.';
    expect(sourceOf(text, 'saying')).toBe('Lund');
  });

  it('guesses no half of a pair after a quotation', () => {
    const text = 'Lund and Berg, both of Tarn, are rivals in what one critic has dubbed “the pier race,” referring to the vote.';
    expect(sourceOf(text, 'referring') ?? null).not.toBe('Lund');
  });
});
