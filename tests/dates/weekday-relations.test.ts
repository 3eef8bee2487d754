/**
 * Every weekday relation ("last Friday", "next Friday", "this Friday", "on Friday", "will … on
 * Friday") against a publication on each day of one week. The expected day comes from walking the
 * calendar one day at a time (an oracle that shares no arithmetic with the code), and a
 * hand-written table pins the Friday cases: "last Friday" in a Friday article is 7 days earlier.
 */
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/dates/resolve.js';

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** 4–10 March 2024, Monday to Sunday. */
const WEEK = ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08', '2024-03-09', '2024-03-10'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayName = (d: Date) => NAMES[d.getUTCDay()]!;
const shift = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d;
};
/** The first day named `name` found stepping from `day` by `step`, starting `from` steps away. */
function walk(day: string, name: string, step: 1 | -1, from: 0 | 1): string {
  for (let i = from; i < 8; i++) {
    const d = shift(day, i * step);
    if (dayName(d) === name) return iso(d);
  }
  throw new Error('unreachable');
}
/** The day named `name` in the Monday-to-Sunday week of `day`. */
function sameWeek(day: string, name: string): string {
  const back = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  for (let i = 0; i < 7; i++) {
    const d = shift(day, i - back);
    if (dayName(d) === name) return iso(d);
  }
  throw new Error('unreachable');
}

function resolve(sentence: string, published: string): string {
  const found = resolveDates(sentence, [], { date: published, inferred: false });
  expect(found, sentence).toHaveLength(1);
  expect(found[0]).toMatchObject({ precision: 'day', inferred: true });
  return found[0]!.value;
}

describe('weekday relations against a publication on each weekday', () => {
  for (const published of WEEK) {
    const pubName = dayName(new Date(`${published}T00:00:00Z`));
    it(`in a ${pubName} (${published}) article`, () => {
      for (const name of NAMES) {
        const got = {
          last: resolve(`The talks ended last ${name}.`, published),
          next: resolve(`The talks resume next ${name}.`, published),
          this: resolve(`The talks resume this ${name}.`, published),
          on: resolve(`The embassy said in a statement on ${name}.`, published),
          will: resolve(`The ministers will meet on ${name}.`, published),
        };
        expect({ name, ...got }).toEqual({
          name,
          // Strictly before publication: never the publication day itself.
          last: walk(published, name, -1, 1),
          next: walk(published, name, 1, 1),
          this: sameWeek(published, name),
          // Past reporting: the nearest on or before publication (the same day counts).
          on: walk(published, name, -1, 0),
          will: walk(published, name, 1, 0),
        });
      }
    });
  }

  it('reads Friday relations in a Friday article by hand', () => {
    const friday = '2024-03-08';
    expect(resolve('The talks ended last Friday.', friday)).toBe('2024-03-01');
    expect(resolve('The talks resume next Friday.', friday)).toBe('2024-03-15');
    expect(resolve('The talks resume this Friday.', friday)).toBe('2024-03-08');
    expect(resolve('The embassy said in a statement on Friday.', friday)).toBe('2024-03-08');
    expect(resolve('The ministers will meet on Friday.', friday)).toBe('2024-03-08');
    expect(resolve('The talks ended last Thursday.', friday)).toBe('2024-03-07');
    expect(resolve('The talks ended last Saturday.', friday)).toBe('2024-03-02');
    expect(resolve('The talks resume next Saturday.', friday)).toBe('2024-03-09');
    expect(resolve('The talks resume this Sunday.', friday)).toBe('2024-03-10');
    expect(resolve('The talks resume this Monday.', friday)).toBe('2024-03-04');
  });

  it('crosses month and year ends', () => {
    // 1 January 2021 was a Friday.
    expect(resolve('The talks ended last Friday.', '2021-01-01')).toBe('2020-12-25');
    expect(resolve('The talks ended last Thursday.', '2021-01-01')).toBe('2020-12-31');
    expect(resolve('The talks resume next Friday.', '2020-12-31')).toBe('2021-01-01');
  });
});
