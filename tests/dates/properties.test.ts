/** Invariants of date resolution that must hold for any text and any publication date. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../../src/dates/resolve.js';
import { datesAnalyser } from '../../src/dates/analyser.js';
import { ingestText } from '../../src/ingest/index.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A publication date between 1980 and 2030, as YYYY-MM-DD. */
const published = fc.date({ min: new Date(Date.UTC(1980, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('resolveDates properties', () => {
  it('never throws, and every mention is the exact text at its offsets', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.option(published, { nil: null }), fc.boolean(), (text, date, inferred) => {
        for (const m of resolveDates(text, [], date ? { date, inferred } : null)) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          if (!date) expect(m.inferred).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never dates a past-tense event with an implied year after publication', () => {
    fc.assert(
      fc.property(
        published,
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom('The treaty was signed on', 'Officials said on', 'Talks ended on', 'The ministry confirmed on'),
        (date, month, day, lead) => {
          const found = resolveDates(`${lead} ${MONTHS[month]} ${day}.`, [], { date, inferred: false });
          expect(found).toHaveLength(1);
          const m = found[0];
          expect(m!.text).toBe(`${MONTHS[month]} ${day}`);
          expect(m!.date! <= date).toBe(true);
          expect(m!.inferred).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('resolves a past weekday to within the week before publication, on or before it', () => {
    fc.assert(
      fc.property(published, fc.constantFrom(...WEEKDAYS), (date, weekday) => {
        const [m] = resolveDates(`The embassy said in a statement on ${weekday}.`, [], { date, inferred: false });
        const days = (Date.parse(date) - Date.parse(m!.date!)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(0);
        expect(days).toBeLessThan(7);
        expect(new Date(m!.date!).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })).toBe(weekday);
      }),
      { numRuns: 200 },
    );
  });

  it('marks every date resolved from an inferred publication date as inferred, unless its year is stated', () => {
    fc.assert(
      fc.property(published, (date) => {
        const found = resolveDates('Yesterday, last May and on Friday the talks moved on; in 1999 they had begun.', [], { date, inferred: true });
        expect(found.filter((m) => m.value !== '1999').every((m) => m.inferred)).toBe(true);
        expect(found.find((m) => m.value === '1999')?.inferred).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('datesAnalyser', () => {
  it('resolves an ingested article against its own publication date and records the sentence', () => {
    const article = ingestText('Talks\n\nThe talks began on Friday. They had started in the fall of 2020.', {
      id: 't.md',
      meta: { title: 'Talks', published: '2021-06-02', publishedInferred: false },
    });
    const mentions = datesAnalyser.analyse(article);
    expect(mentions.map((m) => [m.text, m.value])).toEqual([
      ['Friday', '2021-05-28'],
      ['the fall of 2020', '2020-FA'],
    ]);
    for (const m of mentions) {
      const s = article.sentences[m.sentence]!;
      expect(m.start >= s.start && m.end <= s.end).toBe(true);
      expect(article.text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('yields only stated years for an article with no publication date', () => {
    const article = ingestText('Talks\n\nThe talks began on Friday. They had started in the fall of 2020.', { id: 'u.txt', meta: { title: 'Talks', published: null } });
    expect(datesAnalyser.analyse(article).map((m) => m.value)).toEqual(['2020-FA']);
  });
});
