/**
 * Embedded and shared dates: a range keeps its start and its end, a year stated once is shared
 * by both ends, and "January of this year" is one expression. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/dates/resolve.js';

const dates = (sentence: string, published = '2021-06-04') =>
  resolveDates(sentence, [], { date: published, inferred: false }).map((m) => [m.text, m.value]);

describe('ranges and shared years', () => {
  it('shares a year stated at the end of a range with its start', () => {
    expect(dates('The memos were written between late March and mid-April of 2011.')).toEqual([
      ['late March', '2011-03'],
      ['mid-April of 2011', '2011-04'],
    ]);
    expect(dates('The strike lasted from June 3 to June 7, 2019.')).toEqual([
      ['June 3', '2019-06-03'],
      ['June 7, 2019', '2019-06-07'],
    ]);
  });

  it('keeps the end of a range as a date of its own', () => {
    expect(dates('The talks ran from March to May 2019.')).toEqual([
      ['March', '2019-03'],
      ['May 2019', '2019-05'],
    ]);
  });

  it('puts the start of a range that crosses a new year in the year before', () => {
    expect(dates('The talks ran from December to February 2019.')).toEqual([
      ['December', '2018-12'],
      ['February 2019', '2019-02'],
    ]);
  });

  it('reads a month with its year in an "of" phrase as one expression', () => {
    expect(dates('He has been on leave since January of this year.')).toEqual([['January of this year', '2021-01']]);
    expect(dates('The port closed in December of last year.')).toEqual([['December of last year', '2020-12']]);
  });
});

describe('decades', () => {
  it('reads a decade written with a curly apostrophe as the decade', () => {
    expect(dates('The market collapsed in the 1980’s, the paper wrote.')).toEqual([['1980’s', '198']]);
  });
});
