/**
 * `/timeline` over the shipped sample corpus and over small corpora written for the tests:
 * the events a reporter needs, correctly dated and cited, verbatim, in order, never after
 * the article that reports them.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import timeline from '../../commands/timeline.js';
import type { Library } from '../../src/core/ports.js';
import { MAX_QUERY_LENGTH } from '../../src/core/command.js';
import type { Runtime } from '../../src/app/runtime.js';
import { toTimelineJs } from '../../src/timeline/timelinejs.js';
import { listTopics } from '../../src/topics/index.js';
import type { Reply, ReplyItem } from '../../src/core/types.js';
import { libraryOf, runtimeOver, sampleLibrary } from '../helpers/timeline.js';

let library: Library;
let runtime: Runtime;
let reply: Reply;

const cli = { platform: 'cli' } as const;

beforeAll(async () => {
  library = await sampleLibrary();
  runtime = runtimeOver(library);
  reply = await runtime.execute('timeline', { text: 'armenia-russia' }, cli);
});

/** The item dated `date` whose text contains `words`, with its citation. */
function event(date: string, words: string) {
  const found = reply.items.filter((i) => i.fields?.['date'] === date && i.text.includes(words));
  expect(found.length, `an event on ${date} containing "${words}"`).toBeGreaterThanOrEqual(1);
  const item = found[0];
  const citation = reply.citations.find((c) => c.id === item!.source)!;
  return { item: item!, citation };
}

/** Every item's text is the exact text of the article its citation names. */
function expectVerbatim(r: Reply, lib: Library): void {
  for (const item of r.items) {
    const citation = r.citations.find((c) => c.id === item.source)!;
    const article = lib.get(citation.articleId)!;
    expect(article.text.slice(item.span.start, item.span.end)).toBe(item.text);
  }
}

/** Items are in date order, oldest first. */
function expectSorted(items: ReplyItem[]): void {
  const dates = items.map((i) => String(i.fields?.['date']).padEnd(10, ' '));
  expect(dates).toEqual([...dates].sort());
}

describe('timeline armenia-russia on the sample corpus', () => {
  it('answers with dated events grouped by year', () => {
    expect(reply.error).toBeFalsy();
    expect(reply.items.length).toBeGreaterThanOrEqual(10);
    for (const item of reply.items) expect(item.group).toBe(String(item.fields?.['date']).slice(0, 4));
  });

  it('includes the 9 November 2020 ceasefire, stated', () => {
    const { item, citation } = event('2020-11-09', 'Under the deal signed on November 9, 2020');
    expect(item.fields).toMatchObject({ precision: 'day', inferred: false });
    expect(item.label).toBe('9 November 2020');
    expect(citation.outlet).toBe('Warsaw Institute');
  });

  it("includes the defence minister's 22 February 2021 interview", () => {
    const { item, citation } = event('2021-02-22', 'in an interview on February 22');
    expect(item.fields).toMatchObject({ precision: 'day', inferred: true });
    expect(item.label).toBe('on February 22 → 22 February 2021');
    expect(citation.published).toBe('2021-02-23');
  });

  it('includes the 12 May and 27 May 2021 border incidents from the TASS report', () => {
    expect(event('2021-05-12', 'since May 12').citation.outlet).toBe('TASS');
    expect(event('2021-05-27', 'On May 27, Azerbaijan said').citation.outlet).toBe('TASS');
  });

  it("includes the embassy's statement of Friday 4 June 2021", () => {
    const { item, citation } = event('2021-06-04', 'the Russian embassy said in a statement on Friday');
    expect(item.fields).toMatchObject({ inferred: true, expression: 'Friday' });
    expect(citation.outlet).toBe('TASS');
  });

  it("includes Pashinyan's 29 July 2021 request", () => {
    const { item } = event('2021-07-29', 'Pashinyan said during a government meeting on 29th of July');
    expect(item.label).toBe('on 29th of July → 29 July 2021 (inferred)');
    const circa = event('2021-07-29', 'a week after Armenian Prime Minister Nikol Pashinyan asked Moscow');
    expect(circa.item.label).toBe('a week after → c. 29 July 2021 (inferred)');
  });

  it('includes the 2023 events from both 2025 articles', () => {
    expect(event('2023', 'In 2023, dozens of anti-Russian protesters were arrested').item.fields).toMatchObject({ precision: 'year', inferred: false });
    expect(event('2023', 'captured Nagorno-Karabakh').item.label).toBe('2023');
  });

  it('dates nothing after the article that reports it', () => {
    for (const item of reply.items) {
      const published = reply.citations.find((c) => c.id === item.source)!.published!;
      const date = String(item.fields?.['date']);
      expect(date <= published.slice(0, date.length), `${date} in an article of ${published}`).toBe(true);
    }
  });

  it('quotes every event verbatim, oldest first', () => {
    expectVerbatim(reply, library);
    expectSorted(reply.items);
  });

  it('never presents the "Date:" line, a dateline, chrome or a caption as an event', () => {
    for (const item of reply.items) {
      const article = library.get(reply.citations.find((c) => c.id === item.source)!.articleId)!;
      const sentence = article.sentences.find((s) => s.start <= item.span.start && item.span.end <= s.end)!;
      expect(['body', 'standfirst']).toContain(sentence.kind);
    }
    expect(reply.items.some((i) => /^Date:/.test(i.text))).toBe(false);
  });

  it('offers TimelineJS as an output format, written out by hand for a small reply', async () => {
    // A reply written for this test: every precision rule, a syndicated copy, HTML to escape, no URL.
    const small: Reply = {
      command: 'timeline',
      query: 'port & "strike"',
      headline: 'Timeline: port <strike>',
      items: [
        { text: 'The strike began on 3 March 2024.', source: 1, span: { start: 0, end: 33 }, label: '2024-03-03', group: '2024', fields: { date: '2024-03-03', precision: 'day' }, alsoIn: [2] },
        { text: 'Talks failed in the week of 11 March.', source: 1, span: { start: 34, end: 71 }, label: 'week of 2024-03-11', group: '2024', fields: { date: '2024-03-11', precision: 'week' } },
        { text: 'Pay was cut in spring 2023 <again>.', source: 2, span: { start: 0, end: 35 }, label: 'spring 2023', group: '2023', fields: { date: '2023-03', precision: 'season' } },
        { text: 'Dockers struck in 2019.', source: 2, span: { start: 36, end: 59 }, fields: { date: '2019-01-01', precision: 'year' } },
        { text: 'The port opened in the 1990s.', source: 3, span: { start: 0, end: 29 }, label: '1990s', fields: { date: '1990', precision: 'decade' } },
        { text: 'No date here.', source: 3, span: { start: 30, end: 43 }, fields: {} },
      ],
      citations: [
        { id: 1, articleId: 'a.md', title: 'Port strike "ends"', outlet: 'Harbour & Sea', published: '2024-03-20', publishedInferred: false, url: 'https://example.org/a?x=1&y=2' },
        { id: 2, articleId: 'b.md', title: "Dockers' pay", outlet: null, published: '2024-03-21', publishedInferred: true, url: null },
        { id: 3, articleId: 'c.md', title: 'History', outlet: 'Gazette', published: null, publishedInferred: false, url: null },
      ],
      notes: [],
    };
    const expected = {
      title: { text: { headline: 'Timeline: port &lt;strike&gt;', text: 'port &amp; &quot;strike&quot;' } },
      events: [
        {
          start_date: { year: '2024', month: '3', day: '3', display_date: '2024-03-03' },
          text: {
            headline: '2024-03-03',
            text:
              '<p>The strike began on 3 March 2024.</p><p class="credit">Source: Harbour &amp; Sea: “<a href="https://example.org/a?x=1&amp;y=2">Port strike &quot;ends&quot;</a>”, 2024-03-20; outlet unknown: “Dockers&#39; pay”, 2024-03-21 (inferred)</p>',
          },
          group: '2024',
          unique_id: 'event-1',
        },
        {
          start_date: { year: '2024', month: '3', day: '11', display_date: 'week of 2024-03-11' },
          text: {
            headline: 'week of 2024-03-11',
            text: '<p>Talks failed in the week of 11 March.</p><p class="credit">Source: Harbour &amp; Sea: “<a href="https://example.org/a?x=1&amp;y=2">Port strike &quot;ends&quot;</a>”, 2024-03-20</p>',
          },
          group: '2024',
          unique_id: 'event-2',
        },
        {
          start_date: { year: '2023', month: '3', display_date: 'spring 2023' },
          text: { headline: 'spring 2023', text: '<p>Pay was cut in spring 2023 &lt;again&gt;.</p><p class="credit">Source: outlet unknown: “Dockers&#39; pay”, 2024-03-21 (inferred)</p>' },
          group: '2023',
          unique_id: 'event-3',
        },
        {
          start_date: { year: '2019', display_date: '2019-01-01' },
          text: { headline: '2019-01-01', text: '<p>Dockers struck in 2019.</p><p class="credit">Source: outlet unknown: “Dockers&#39; pay”, 2024-03-21 (inferred)</p>' },
          unique_id: 'event-4',
        },
        {
          start_date: { year: '1990', display_date: '1990s' },
          text: { headline: '1990s', text: '<p>The port opened in the 1990s.</p><p class="credit">Source: Gazette: “History”, date unknown</p>' },
          unique_id: 'event-5',
        },
      ],
    };
    expect(toTimelineJs(small)).toEqual(expected);
    expect(await timeline.formats.timelinejs(small)).toEqual(expected);
  });

  it('writes TimelineJS JSON with start dates, headlines and a credit naming the source', () => {
    const doc = toTimelineJs(reply);
    expect(doc.events).toHaveLength(reply.items.length);
    const ceasefire = doc.events.find((e) => e.text.text.includes('November 9, 2020'))!;
    expect(ceasefire.start_date).toMatchObject({ year: '2020', month: '11', day: '9' });
    expect(ceasefire.text.text).toContain('Warsaw Institute');
    expect(ceasefire.text.text).toContain('Armenia Invites More Russian Troops to Its Territory');
    const year = doc.events.find((e) => e.text.text.includes('In 2023'))!;
    expect(year.start_date).toEqual({ year: '2023', display_date: '2023' });
  });
});

describe('timeline topics and input', () => {
  it('matches a subject by its aliases (Moscow, Kremlin, Russian)', async () => {
    const r = await runtime.execute('timeline', { text: 'Kremlin' }, cli);
    expect(r.items.length).toBeGreaterThan(0);
    const all = await runtime.execute('timeline', { text: 'russia' }, cli);
    expect(r.items.map((i) => i.text)).toEqual(all.items.map((i) => i.text));
  });

  it('answers an unknown topic with an empty reply and suggestions from the topics list', async () => {
    const r = await runtime.execute('timeline', { text: 'narnia' }, cli);
    expect(r.error).toBeFalsy();
    expect(r.items).toEqual([]);
    const topics = listTopics(library, 10);
    expect(r.notes.join(' ')).toContain(`"${topics[0]}"`);
    const typo = await runtime.execute('timeline', { text: 'russa' }, cli);
    expect(typo.notes[0]).toMatch(/try "russia"/);
  });

  it.each([
    ['', 'Give a topic.'],
    ['   ', 'Give a topic.'],
    ['?!', 'That topic has no letters or digits to look for.'],
    ['x'.repeat(MAX_QUERY_LENGTH + 1), `That topic is too long (at most ${MAX_QUERY_LENGTH} characters).`],
  ])('refuses %j with a clear message', async (text, message) => {
    const r = await runtime.execute('timeline', { text }, cli);
    expect(r).toMatchObject({ error: true, errorCode: 'usage', headline: message });
  });

  it('takes the topic as a named option (Discord)', async () => {
    const r = await runtime.execute('timeline', { options: { topic: 'armenia-russia' } }, { platform: 'discord' });
    expect(r.items.map((i) => i.text)).toEqual(reply.items.map((i) => i.text));
  });

  it('keeps items verbatim, sorted and not after their article unless marked planned, for any topic', async () => {
    const topics = listTopics(library, 40);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...topics), fc.string({ minLength: 1, maxLength: 30 })), async (topic) => {
        const r = await runtime.execute('timeline', { text: topic }, cli);
        if (r.error) return;
        expectVerbatim(r, library);
        expectSorted(r.items);
        for (const item of r.items) {
          const published = r.citations.find((c) => c.id === item.source)!.published;
          const date = String(item.fields?.['date']);
          if (!published || date <= published.slice(0, date.length)) continue;
          expect(item.fields?.['basis']).toBe('planned');
          expect(item.label).toMatch(/^planned: /);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('events across articles', () => {
  const ceasefire = 'The ceasefire between Armenia and Azerbaijan, brokered by Russia, was signed on November 9, 2020 in Moscow.';

  it('merges the same event reported by several articles into one entry with every source', async () => {
    const lib = await libraryOf([
      { id: 'a.md', text: `Ceasefire anniversary\n\n${ceasefire} Officials met again this week.`, meta: { title: 'Ceasefire anniversary', published: '2021-11-10', outlet: 'Alpha' } },
      { id: 'b.md', text: `Looking back\n\nAs reported, the ceasefire between Armenia and Azerbaijan, brokered by Russia, was signed on November 9, 2020 in Moscow.`, meta: { title: 'Looking back', published: '2021-12-01', outlet: 'Beta' } },
      { id: 'c.md', text: `Other news\n\nArmenia and Russia held talks on November 9, 2020 about gas prices and nothing else.`, meta: { title: 'Other news', published: '2021-01-05', outlet: 'Gamma' } },
    ]);
    const r = await runtimeOver(lib).execute('timeline', { text: 'armenia-russia' }, cli);
    const onDay = r.items.filter((i) => i.fields?.['date'] === '2020-11-09');
    expect(onDay).toHaveLength(2);
    const merged = onDay.find((i) => i.text.includes('ceasefire'))!;
    expect(merged.alsoIn).toHaveLength(1);
    const outlets = [merged.source, ...merged.alsoIn!].map((id) => r.citations.find((c) => c.id === id)!.outlet).sort();
    expect(outlets).toEqual(['Alpha', 'Beta']);
  });

  it('drops a date that only frames the article, and shows a later date only as planned', async () => {
    const lib = await libraryOf([
      {
        id: 'd.md',
        text: 'Date: 3 March 2021\n\nRussia and Armenia\n\nRussia and Armenia signed a treaty on March 1. Russia and Armenia will hold talks on March 20.',
        meta: { title: 'Russia and Armenia', published: '2021-03-03', outlet: 'Delta' },
      },
    ]);
    const r = await runtimeOver(lib).execute('timeline', { text: 'armenia-russia' }, cli);
    expect(r.items.map((i) => [i.fields?.['date'], i.fields?.['basis']])).toEqual([
      ['2021-03-01', 'stated'],
      ['2021-03-20', 'planned'],
    ]);
    expect(r.items[1]!.label).toBe('planned: on March 20 → 20 March 2021');
  });

  it('does not date a sentence by the "since" of a relative clause describing a state', async () => {
    const lib = await libraryOf([
      {
        id: 'f.md',
        text: 'Russia and Armenia\n\nRussia and Armenia signed a treaty on March 1 covering the districts that Armenia had held since 1994. Relations between Russia and Armenia have been tense since May 2, when troops clashed.',
        meta: { title: 'Russia and Armenia', published: '2021-06-03', outlet: 'Phi' },
      },
    ]);
    const r = await runtimeOver(lib).execute('timeline', { text: 'armenia-russia' }, cli);
    expect(r.items.map((i) => i.fields?.['date'])).toEqual(['2021-03-01', '2021-05-02']);
  });

  it('yields only stated years from an article without a publication date', async () => {
    const lib = await libraryOf([
      {
        id: 'e.txt',
        text: 'Russia and Armenia\n\nRussia and Armenia signed a treaty on Friday. Russia and Armenia fought a war with Azerbaijan in 2020.',
        meta: { title: 'Russia and Armenia', published: null, outlet: null },
      },
    ]);
    const r = await runtimeOver(lib).execute('timeline', { text: 'russia-armenia' }, cli);
    expect(r.items.map((i) => [i.fields?.['date'], i.fields?.['inferred']])).toEqual([['2020', false]]);
  });
});

describe('timeline over generated articles', () => {
  const PHRASES = [
    'on Friday', 'last November', 'on June 4', 'on December 30', 'in January', 'since the end of June', 'in 2023', 'last fall',
    'in the 1990s', 'a week ago', 'yesterday', 'next month', 'on 29th of July', 'in the fall of 2020', 'on Monday', 'this year',
    'in the third quarter', 'two weeks ago', 'on March 3, 2019', 'next Friday',
  ];
  const VERBS = ['Armenia and Russia signed a deal', 'Russian troops arrived in Armenia', 'Yerevan asked Moscow for help', 'Armenia and Russia will meet'];

  it('never shows an event dated after the article that reports it unless planned, and quotes every event verbatim', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }),
        fc.boolean(),
        fc.array(fc.tuple(fc.constantFrom(...VERBS), fc.constantFrom(...PHRASES)), { minLength: 1, maxLength: 6 }),
        async (date, inferred, sentences) => {
          const published = date.toISOString().slice(0, 10);
          const body = sentences.map(([verb, phrase]) => `${verb} ${phrase}.`).join(' ');
          const lib = await libraryOf([{ id: 'g.md', text: `Armenia and Russia\n\n${body}`, meta: { title: 'Armenia and Russia', published, publishedInferred: inferred, outlet: 'Gen' } }]);
          const r = await runtimeOver(lib).execute('timeline', { text: 'armenia-russia' }, cli);
          expectVerbatim(r, lib);
          expectSorted(r.items);
          for (const item of r.items) {
            const d = String(item.fields?.['date']);
            // Later than the article only where its sentence speaks of the future, and then marked as planned.
            if (d > published.slice(0, d.length)) {
              expect(item.fields?.['basis'], `${d} reported on ${published}`).toBe('planned');
              expect(item.text).toMatch(/\bwill\b/);
            }
            if (inferred && !/\d{4}/.test(String(item.fields?.['expression']))) expect(item.fields?.['inferred']).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
