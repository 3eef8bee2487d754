/** Date resolution on sentences written for these tests: every rule, against the publication date, never today. */
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/dates/resolve.js';
import type { DateMention } from '../../src/dates/types.js';

/** The mentions of one sentence against a stated (or inferred) publication date. */
function dates(text: string, published: string | null, inferred = false): DateMention[] {
  return resolveDates(text, [], published ? { date: published, inferred } : null);
}

/** The only mention of a sentence. */
function one(text: string, published: string | null, inferred = false): DateMention {
  const found = dates(text, published, inferred);
  expect(found, `mentions in "${text}"`).toHaveLength(1);
  return found[0]!;
}

describe('resolveDates', () => {
  it('reads "last November" in an August article as the November before', () => {
    const m = one('The deal, signed last November, paused the fighting.', '2021-08-05');
    expect(m).toMatchObject({ text: 'last November', value: '2020-11', date: '2020-11', precision: 'month', inferred: true });
  });

  it('puts "June 4" in a June article in that year', () => {
    expect(one('The embassy made its statement on June 4.', '2021-06-10')).toMatchObject({ value: '2021-06-04', precision: 'day', inferred: true });
  });

  it('keeps a stated year stated, even when the publication date is inferred', () => {
    const m = one('Under the deal signed on November 9, 2020, troops deployed.', '2021-02-23', true);
    expect(m).toMatchObject({ text: 'November 9, 2020', value: '2020-11-09', inferred: false });
  });

  it('resolves weekdays to the nearest one on or before publication for past reporting', () => {
    // 4 June 2021 was a Friday.
    expect(one('The embassy said in a statement on Friday.', '2021-06-04').value).toBe('2021-06-04');
    // 2 June 2021 was a Wednesday: "on Friday" is the Friday before, "on Monday" two days before.
    expect(one('The embassy said in a statement on Friday.', '2021-06-02').value).toBe('2021-05-28');
    expect(one('Officials met on Monday.', '2021-06-02').value).toBe('2021-05-31');
  });

  it('resolves a weekday after publication when the sentence speaks of the future', () => {
    expect(one('The ministers will meet on Friday.', '2021-06-02').value).toBe('2021-06-04');
    expect(one('The talks are scheduled for Monday.', '2021-06-02').value).toBe('2021-06-07');
  });

  it('reads "a week after" in a present-tense clause as a week before publication, circa', () => {
    const m = one('The move comes a week after the prime minister asked Moscow for assistance.', '2021-08-05');
    expect(m).toMatchObject({ text: 'a week after', value: '2021-07-29', precision: 'day', approximate: true, inferred: true });
  });

  it('leaves "a week after" undated when nothing anchors it', () => {
    expect(dates('He resigned a week after the vote.', '2021-08-05')).toEqual([]);
  });

  it('reads "since the end of June" as June, circa', () => {
    const m = one('Since the end of June, relations have sharply deteriorated.', '2025-07-07', true);
    expect(m).toMatchObject({ text: 'the end of June', value: '2025-06', precision: 'month', approximate: true, inferred: true });
  });

  it('takes "in 2023" as a stated year', () => {
    expect(one('In 2023, dozens of protesters were arrested.', '2025-07-07')).toMatchObject({ value: '2023', precision: 'year', inferred: false });
  });

  it('reads "last fall" as a season of the year before a February article', () => {
    expect(one('After its defeat last fall, the country changed course.', '2021-02-23')).toMatchObject({
      text: 'last fall',
      value: '2020-FA',
      date: '2020-09',
      precision: 'season',
      inferred: true,
    });
    expect(one('It ended the bloodshed in the fall of 2020.', '2021-06-04')).toMatchObject({ value: '2020-FA', inferred: false });
  });

  it('reads "the 1990s" as a decade', () => {
    expect(one('The region was at war in the 1990s.', '2021-02-23')).toMatchObject({ text: '1990s', value: '199', date: '1990', precision: 'decade', inferred: false });
  });

  it('rolls an implied year back over New Year rather than past publication', () => {
    expect(one('The talks were held on December 30.', '2021-01-05').value).toBe('2020-12-30');
    expect(one('The fighting began in December.', '2021-01-05').value).toBe('2020-12');
    expect(one('The talks were held on January 3.', '2020-12-28').value).toBe('2020-01-03');
  });

  it('never puts a past-tense implied date after publication', () => {
    for (const [text, published] of [
      ['Troops were deployed on 29th of July.', '2021-08-05'],
      ['The ministry said on May 12 that troops had crossed.', '2021-06-04'],
      ['On March 3, the parliament voted.', '2021-03-01'],
      ['It was agreed on Sunday.', '2021-06-02'],
    ] as const) {
      const m = one(text, published);
      expect(m.date! <= published, `${text} → ${m.date}`).toBe(true);
    }
  });

  it('yields only dates whose year the text states when the publication date is unknown', () => {
    const found = dates('On Friday, last November and in June, unlike in 2019 or on 4 May 2020, nothing happened.', null);
    expect(found.map((m) => m.value)).toEqual(['2019', '2020-05-04']);
    expect(found.every((m) => !m.inferred)).toBe(true);
  });

  it('marks everything resolved from an inferred publication date as inferred', () => {
    const found = dates('Yesterday the talks ended; two weeks ago they began.', '2021-06-04', true);
    expect(found.map((m) => [m.value, m.inferred])).toEqual([
      ['2021-06-03', true],
      ['2021-W20', true],
    ]);
  });

  it('reports absolute offsets of each expression inside the given sentences', () => {
    const text = 'Intro line. The ceasefire was signed on November 9, 2020. Then in 2023 the region fell.';
    const sentences = [
      { start: 0, end: 11 },
      { start: 12, end: 57 },
      { start: 58, end: text.length },
    ];
    const found = resolveDates(text, sentences, { date: '2025-07-07', inferred: false });
    expect(found.map((m) => [text.slice(m.start, m.end), m.text, m.sentence])).toEqual([
      ['November 9, 2020', 'November 9, 2020', 1],
      ['2023', '2023', 2],
    ]);
  });

  it('does not take numbers, fractions, times or the verb "may" for dates', () => {
    expect(dates('It may rain; 1,987 shares rose 3/8 at 1930 GMT, and 2000 troops left.', '1987-03-02')).toEqual([]);
  });

  it('handles quarters, halves and relative units', () => {
    expect(dates('Profit rose in the third quarter and in the first half of 1987.', '1989-11-02').map((m) => m.value)).toEqual(['1989-Q3', '1987-H1']);
    expect(dates('Sales fell last year and will rise next month.', '1998-08-18').map((m) => m.value)).toEqual(['1997', '1998-09']);
  });
});
