/**
 * What the reader sees on a timeline item: the dated phrase next to its date, "(inferred)" only
 * where the publication date itself was inferred, one item per distinct event of a sentence, and
 * a headline span of what happened. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/types.js';
import { libraryOf, runtimeOver } from '../helpers/timeline.js';

const cli = { platform: 'cli' } as const;

async function timeline(body: string, published: string, publishedInferred = false): Promise<Reply> {
  const library = await libraryOf([
    { id: 'a.md', text: `Port strike\n\n${body}`, meta: { title: 'Port strike', outlet: 'Test Wire', url: null, published, publishedInferred } },
  ]);
  return runtimeOver(library).execute('timeline', { text: 'dockers' }, cli);
}

describe('timeline labels', () => {
  it('shows the phrase that was dated next to the date, without "(inferred)" when the publication date is stated', async () => {
    const reply = await timeline('The dockers walked out on Friday over a pay cut at the container terminal.', '2021-06-07');
    expect(reply.items.map((i) => i.label)).toEqual(['on Friday → 4 June 2021']);
    expect(reply.notes.some((n) => n.includes('(inferred)'))).toBe(false);
  });

  it('keeps "(inferred)" where the publication date itself was inferred, and says why', async () => {
    const reply = await timeline('The dockers walked out on Friday over a pay cut at the container terminal.', '2021-06-07', true);
    expect(reply.items.map((i) => i.label)).toEqual(['on Friday → 4 June 2021 (inferred)']);
    expect(reply.notes).toContain('"(inferred)": worked out from a publication date the article does not state.');
  });

  it('shows a date the text states whole as the date alone', async () => {
    const reply = await timeline('The dockers walked out on 4 June 2021 over a pay cut at the container terminal.', '2021-06-07');
    expect(reply.items.map((i) => i.label)).toEqual(['4 June 2021']);
  });

  it('gives one item per distinct event of a sentence, each with the phrase that dated it', async () => {
    const nested = await timeline('In the late 1990s the dockers struck again, finally in 1998 at the container terminal.', '2021-06-07');
    expect(nested.items.map((i) => i.fields?.['date'])).toEqual(['1998']);
    const apart = await timeline('The dockers struck in March 1998 and won a pay deal from the port on May 4, 2004 at the container terminal.', '2021-06-07');
    expect(apart.items.map((i) => i.label)).toEqual(['March 1998', 'on May 4, 2004 → 4 May 2004']);
    // A year alone reads as itself: the snippet's highlight shows which phrase it was.
    const years = await timeline('The dockers struck in 1998 and won a pay deal from the port in 2004 at the container terminal.', '2021-06-07');
    expect(years.items.map((i) => i.label)).toEqual(['1998', '2004']);
  });

  it('spans the headline over what happened, not over plans', async () => {
    const reply = await timeline(
      'The dockers struck in 2019 over pay at the container terminal. The dockers will strike again on 3 March 2023 if talks fail.',
      '2021-06-07',
    );
    expect(reply.items.map((i) => i.fields?.['basis'])).toEqual(['stated', 'planned']);
    expect(reply.headline).toMatch(/ from 1 article, 2019$/);
  });
});
