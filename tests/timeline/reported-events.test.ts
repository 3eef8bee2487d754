/**
 * Events a news article reports with no time words are dated to its publication, shown as
 * "reported …" and kept apart from stated dates; background, quotations about something else,
 * plans and dates that only qualify a noun are not. Sentences written for these tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/types.js';
import { libraryOf, runtimeOver } from '../helpers/timeline.js';

const cli = { platform: 'cli' } as const;

async function timelineOf(library: Library, topic: string): Promise<Reply> {
  return runtimeOver(library).execute('timeline', { text: topic }, cli);
}

const story = (id: string, published: string, title: string, body: string) => ({
  id,
  text: `${title}\n\n${body}`,
  meta: { title, outlet: 'Test Wire', url: null, published, publishedInferred: false },
});

describe('events reported with no time words', () => {
  it('dates a perfect-tense report to publication, labelled "reported", with no highlighted phrase', async () => {
    const library = await libraryOf([
      story('a.md', '2021-06-04', 'Acme recalls kettles', 'Acme has announced a recall of its steel kettles after a string of faults. The kettles were sold in nine countries.'),
    ]);
    const reply = await timelineOf(library, 'acme');
    const item = reply.items.find((i) => i.text.startsWith('Acme has announced'));
    expect(item?.label).toBe('reported 4 June 2021');
    expect(item?.fields).toMatchObject({ date: '2021-06-04', precision: 'day', basis: 'reported', expression: '' });
    expect(item?.highlights ?? []).toEqual([]);
  });

  it('keeps a stated date stated and does not also date its sentence to publication', async () => {
    const library = await libraryOf([
      story('a.md', '2021-06-04', 'Acme recalls kettles', 'Acme announced a recall of its steel kettles on Wednesday, its chief executive confirmed in a letter.'),
    ]);
    const reply = await timelineOf(library, 'acme');
    expect(reply.items.map((i) => [i.fields?.['date'], i.fields?.['basis']])).toEqual([['2021-06-02', 'stated']]);
  });

  it('leaves out background, present-tense description, plans and past-perfect history', async () => {
    const library = await libraryOf([
      story(
        'a.md',
        '2021-06-04',
        'Acme recalls kettles',
        [
          'Acme originally made garden tools for farmers in the valley.',
          'Acme is the largest maker of kettles in the region by volume.',
          'Acme will open a new repair centre for the faulty kettles.',
          'Acme had warned its dealers about the faulty kettles for months.',
        ].join(' '),
      ),
    ]);
    expect((await timelineOf(library, 'acme')).items).toEqual([]);
  });

  it('reads the tense outside quotations: the saying is reported, a quoted plan is not', async () => {
    const said = await libraryOf([
      story('a.md', '2021-06-04', 'Acme on kettles', '"We are sorry and we will replace every faulty kettle," said Acme chief Dana Reyes.'),
    ]);
    expect((await timelineOf(said, 'acme')).items.map((i) => i.label)).toEqual(['reported 4 June 2021']);
    // The quoted "we sold" is not the tense of a sentence whose own verb is in the present.
    const quoted = await libraryOf([
      story('b.md', '2021-06-04', 'Acme on kettles', 'Acme chief Dana Reyes says "we sold too many faulty kettles" in her letter.'),
    ]);
    expect((await timelineOf(quoted, 'acme')).items).toEqual([]);
  });

  it('shows a plan dated after its article as planned, never as done', async () => {
    const library = await libraryOf([
      story('a.md', '2021-06-02', 'Acme vote', 'Acme shareholders will vote on the merger on Friday, the company said in a filing to the exchange.'),
    ]);
    const reply = await timelineOf(library, 'acme');
    expect(reply.items.map((i) => [i.label, i.fields?.['basis']])).toEqual([['planned: on Friday → 4 June 2021', 'planned']]);
  });

  it('dates nothing to publication where the topic is only a passing mention, far from the lead', async () => {
    const filler = Array.from({ length: 6 }, (_, i) => `The harbour board met dockers about shift pattern ${i + 1} and pay.`).join(' ');
    const library = await libraryOf([
      story('a.md', '2021-06-04', 'Harbour talks continue', `${filler} Acme has supplied kettles to the canteen of the harbour.`),
    ]);
    expect((await timelineOf(library, 'acme')).items).toEqual([]);
  });

  it('does not take a year that only qualifies a noun as the date of the event', async () => {
    const library = await libraryOf([
      story('a.md', '2021-06-04', 'Acme and the union', 'Acme breached the 1991 agreement with the union, the court found. In 1991 Acme signed a deal with the union.'),
    ]);
    const reply = await timelineOf(library, 'acme');
    const stated = reply.items.filter((i) => i.fields?.['basis'] === 'stated');
    expect(stated.map((i) => i.text)).toEqual(['In 1991 Acme signed a deal with the union.']);
    // "this year's summit" names which summit; it is no event dated to the year.
    const summit = await libraryOf([
      story('b.md', '2021-06-04', 'Acme at the summit', "Acme showed its new kettle at this year's summit of kettle makers in Oslo."),
    ]);
    expect((await timelineOf(summit, 'acme')).items.map((i) => i.fields?.['precision'])).toEqual(['day']);
  });
});

describe('property: nothing dated after its article unless planned', () => {
  const SENTENCES = [
    'Acme has announced a recall of its kettles.',
    'Acme will hold a vote on Friday.',
    'Acme said on Monday it would cut prices.',
    "Acme's board meets next month to decide.",
    'Acme opened a plant in 2019.',
    'Acme plans to open a store in the spring.',
    'Acme sold its shares yesterday.',
    'Acme reported a loss for the third quarter.',
    'Acme is to close its kettle plant next year.',
    'As Thursday\'s vote draws near, Acme has hired lawyers.',
  ];
  it('holds for any mix of reported, stated and planned sentences; what is later is marked planned and its sentence speaks of the future', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(SENTENCES, { minLength: 1 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), async (picked, day) => {
        const published = day.toISOString().slice(0, 10);
        const library = await libraryOf([story('a.md', published, 'Acme news', picked.join(' '))]);
        for (const item of (await timelineOf(library, 'acme')).items) {
          const date = String(item.fields?.['date']);
          if (date <= published.slice(0, date.length)) continue;
          expect(item.fields?.['basis'], `${date} in an article of ${published}: ${item.text}`).toBe('planned');
          expect(item.label).toMatch(/^planned: /);
          expect(item.text).toMatch(/\b(?:will|plans|is to|draws near)\b/);
        }
      }),
      { numRuns: 40 },
    );
  });
});
