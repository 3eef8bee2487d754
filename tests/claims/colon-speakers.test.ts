/**
 * Speakers named by a colon rather than a verb (issue 14): a headline's "Name on Topic:", a transcript's
 * described speaker before a quotation, and two authors joined by "and" in a round-up.
 */
import { describe, expect, it } from 'vitest';
import { findStatements, type FindOptions } from '../../src/claims/attribution.js';
import { productSentences } from '../helpers/sentences.js';

/** What `/claim` reads, rules only. */
const PRODUCT: FindOptions = { keepSourceless: false, chooser: null };

/** "cue|source" rows of what attribution finds; `title` marks the first block a headline. */
function found(text: string, title = false): string[] {
  const sentences = productSentences(text).map((s) => (title && s.block === 0 ? { ...s, kind: 'title' as const } : s));
  return findStatements(text, sentences, PRODUCT).filter((s) => s.kind === 'attributed').map((s) => `${text.slice(s.cue.start, s.cue.end)}|${s.source ? text.slice(s.source.start, s.source.end) : ''}`);
}

const colons = (rows: string[]) => rows.filter((r) => r.startsWith(':'));

describe('a headline\'s "Name on Topic:" (colon.speaker-on-topic)', () => {
  it('takes the name before "on" or "to" as the speaker, without the topic', () => {
    expect(colons(found('Marta Ekholm on the Tram Budget: ‘We Cannot Pay for Both Lines’\nThe council met late.', true))).toEqual([':|Marta Ekholm']);
    expect(colons(found('Harbour Union Chief On Pay Talks: ‘No Deal Before Spring’\nTalks resume in May.', true))).toEqual([':|Harbour Union Chief']);
    expect(colons(found('Ekholm to Tram Riders: fares will stay frozen next year\nThe council met late.', true))).toEqual([':|Ekholm']);
  });

  it('leaves a phrase opened by a determiner, and the same label in the body', () => {
    expect(colons(found('A Bold Plan to Save the Tram: Sell the Depot\nThe council met late.', true))).toEqual([]);
    expect(colons(found('The council met late. Ekholm on the budget: the tram lines cost too much to keep open.'))).toEqual([]);
  });
});

describe('a transcript\'s described speaker before a quotation (colon.described-speaker-quoted)', () => {
  it('names the speaker with a party in parentheses or a description before the name', () => {
    expect(colons(found('The hearing went on for hours. Sen. Oskar Lind (D-Minn.):"Nobody told me the tram would close."'))).toEqual([':|Sen. Oskar Lind (D-Minn.)']);
    expect(colons(found('The hearing went on for hours. Former transit chief Hanna Berg Vik:"We closed the line to save it."'))).toEqual([':|Former transit chief Hanna Berg Vik']);
  });

  it('takes no verb before the colon as part of a speaker', () => {
    expect(colons(found('The hearing went on for hours. Told Oskar Lind: "Nobody warned us."'))).toEqual([]);
  });
});

describe('two authors joined by "and" in a round-up (colon.joined-names-quoted)', () => {
  it('quotes both names after the dash', () => {
    expect(colons(found('TRAM RIDERSHIP FELL IN MAY - Ida Holm and Tom Vale: “Fewer riders came back after the strike.”'))).toEqual([':|Ida Holm and Tom Vale']);
  });
});

describe('a paragraph of a dash and a name signing the quotation before it (byline.signing-paragraph)', () => {
  it('names the speaker of the quoted paragraph, with or without a description after a comma', () => {
    expect(found('The board met on Monday.\n\n"Tram fares have doubled since the strike began."\n\n- Oskar Lind.\n\nThat figure is wrong.')).toContain('-|Oskar Lind');
    expect(found('The board met on Monday.\n\n"We will not wait for another winter."\n\n-Hanna Vik, Tarnby.')).toContain('-|Hanna Vik');
  });

  it('leaves a credit line after reporting alone', () => {
    expect(found('The mayor then called the plan "a gift to the rich."\n\n- Harbour Wire.').filter((r) => r.startsWith('-'))).toEqual([]);
  });
});
