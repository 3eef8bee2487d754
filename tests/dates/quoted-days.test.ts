/**
 * A quoted letter's "today" speaks from the letter's day: dated to it when the text gives it,
 * left undated when it does not; spoken quotations keep the publication date. Sentences written
 * for these tests.
 */
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/dates/resolve.js';

const ref = { date: '2019-05-10', inferred: false };
const day = (text: string, word: string) => {
  const m = resolveDates(text, [], ref).find((x) => x.text.toLowerCase() === word);
  return m && [m.value, m.precision, m.inferred];
};

describe('relative days inside a quoted document', () => {
  it('dates "today" in a letter to the date the text gives the letter', () => {
    expect(day('In a letter dated March 3, the harbour master wrote: "Today we close the north quay to all traffic."', 'today')).toEqual(['2019-03-03', 'day', true]);
    expect(day('A memo of 14 February 2017 told the crews: “Tomorrow the depot opens an hour late.”', 'tomorrow')).toEqual(['2017-02-15', 'day', false]);
    expect(day('Her e-mail sent on April 2, 2018 read: "The auditors left yesterday."', 'yesterday')).toEqual(['2018-04-01', 'day', false]);
  });

  it('leaves "today" of a quoted letter undated when the text does not say when it was written', () => {
    expect(day('In a letter to the ferry board, the harbour master wrote: "Today we close the north quay."', 'today')).toEqual(['PRESENT_REF', 'ref', true]);
  });

  it('keeps spoken quotations and unquoted days on the publication date', () => {
    expect(day('"Today we close the north quay," the harbour master said.', 'today')).toEqual(['2019-05-10', 'day', true]);
    expect(day('In a letter dated March 3, the harbour master asked for help; the quay closes today.', 'today')).toEqual(['2019-05-10', 'day', true]);
  });
});
