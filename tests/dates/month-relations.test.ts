/**
 * Month, quarter and half relations against a publication in each month of a year, checked
 * against a month-by-month calendar walk that shares no arithmetic with the code.
 */
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/dates/resolve.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Months as [year, month] stepping from (y, m) by `step`, starting `from` steps away; the first named `month`. */
function walk(y: number, m: number, month: number, step: 1 | -1, from: 0 | 1): string {
  for (let i = from; i < 14; i++) {
    const idx = y * 12 + (m - 1) + i * step;
    const yy = Math.floor(idx / 12);
    const mm = (idx % 12) + 1;
    if (mm === month) return `${yy}-${pad(mm)}`;
  }
  throw new Error('unreachable');
}

function value(sentence: string, published: string): string {
  const found = resolveDates(sentence, [], { date: published, inferred: false });
  expect(found, sentence).toHaveLength(1);
  expect(found[0]!.inferred, sentence).toBe(true);
  return found[0]!.value;
}

describe('month relations against a publication in each month', () => {
  for (let pm = 1; pm <= 12; pm++) {
    const published = `2023-${pad(pm)}-15`;
    it(`in an article of ${published}`, () => {
      for (let month = 1; month <= 12; month++) {
        // "May" alone is read as the verb unless the text makes it a date; it is tested elsewhere.
        if (month === 5) continue;
        const name = MONTHS[month - 1]!;
        const got = {
          last: value(`The deal was signed last ${name}.`, published),
          next: value(`The talks resume next ${name}.`, published),
          this: value(`The talks resume this ${name}.`, published),
          past: value(`The talks were held in ${name}.`, published),
          future: value(`The ministers will meet in ${name}.`, published),
        };
        expect({ name, ...got }).toEqual({
          name,
          last: walk(2023, pm, month, -1, 1),
          next: walk(2023, pm, month, 1, 1),
          this: `2023-${pad(month)}`,
          past: walk(2023, pm, month, -1, 0),
          future: walk(2023, pm, month, 1, 0),
        });
      }
    });
  }

  it('reads an unmarked month up to 90 days ahead as coming, further as last year’s', () => {
    // Published 15 November 2023: December 2023 begins 16 days later, February 2024 78, March 2024 107.
    expect(value('The report covers December.', '2023-11-15')).toBe('2023-12');
    expect(value('The report covers January.', '2023-11-15')).toBe('2023-01');
    // Within a year an unmarked later month counts from publication: 1 February 2023 is 78 days before 20 April.
    expect(value('The report covers June.', '2023-04-20')).toBe('2023-06');
    expect(value('The report covers July 19.', '2023-04-20')).toBe('2023-07-19');
    expect(value('The report covers July 20.', '2023-04-20')).toBe('2022-07-20');
    expect(value('The report covers April 21.', '2023-04-20')).toBe('2023-04-21');
    expect(value('The talks were held on April 21.', '2023-04-20')).toBe('2022-04-21');
    expect(value('The ministers will meet on April 19.', '2023-04-20')).toBe('2024-04-19');
    expect(value('The ministers will meet on April 20.', '2023-04-20')).toBe('2023-04-20');
  });
});

describe('quarters and halves', () => {
  it('reads an unmarked quarter or half as the latest one begun, or a coming one when the sentence looks ahead', () => {
    expect(value('Sales fell in the third quarter.', '2023-08-10')).toBe('2023-Q3');
    expect(value('Sales fell in the fourth quarter.', '2023-08-10')).toBe('2022-Q4');
    expect(value('Sales will rise in the fourth quarter.', '2023-08-10')).toBe('2023-Q4');
    expect(value('Sales fell in the first quarter.', '2023-08-10')).toBe('2023-Q1');
    expect(value('Sales fell in the second half.', '2023-06-30')).toBe('2022-H2');
    expect(value('Sales fell in the second half.', '2023-07-01')).toBe('2023-H2');
    expect(value('Sales fell in the first half.', '2023-03-01')).toBe('2023-H1');
    expect(value('Sales will rise in the second half.', '2023-03-01')).toBe('2023-H2');
  });

  it('dates a quarter by its first month and a half by January or July', () => {
    const [q] = resolveDates('Sales fell in the third quarter of 2021.', [], null);
    expect(q).toMatchObject({ value: '2021-Q3', date: '2021-07', precision: 'quarter', inferred: false });
    const [h] = resolveDates('Sales fell in the second half of 2021.', [], null);
    expect(h).toMatchObject({ value: '2021-H2', date: '2021-07', precision: 'half', inferred: false });
    const [h1] = resolveDates('Sales fell in the first half of 2021.', [], null);
    expect(h1).toMatchObject({ value: '2021-H1', date: '2021-01', precision: 'half', inferred: false });
  });

  it('moves relative units from the publication date', () => {
    const ref = '2023-01-15';
    expect(value('Prices rose last quarter.', ref)).toBe('2022-Q4');
    expect(value('Prices rose last month.', ref)).toBe('2022-12');
    expect(value('Prices rose last year.', ref)).toBe('2022');
    expect(value('Prices will rise next year.', ref)).toBe('2024');
    expect(value('Prices will rise next month.', ref)).toBe('2023-02');
    // Two weeks before 15 January 2023 is Sunday 1 January, in ISO week 52 of 2022.
    expect(value('Prices rose two weeks ago.', ref)).toBe('2022-W52');
  });
});
