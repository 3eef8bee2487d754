/**
 * Tense, read from a sentence's first finite verb outside quotations, and the direction it gives
 * weekday references. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { sentenceTense } from '../../src/dates/tense.js';
import { resolveDates } from '../../src/dates/resolve.js';

describe('sentenceTense', () => {
  it.each([
    ['Acme has announced a recall of its kettles.', 'perfect'],
    ['The board has also quietly approved the sale.', 'perfect'],
    ['Acme announced a recall of its kettles.', 'past'],
    ['Shares fell 3 % in early trade.', 'past'],
    ['"We are sorry," said the chief executive.', 'past'],
    ['Acme had warned dealers for months.', 'past-perfect'],
    ['Acme will open a repair centre.', 'future'],
    ['The vote is due to take place in the spring.', 'future'],
    ['Acme is the largest maker of kettles.', 'present'],
    ['The limited edition is sold out.', 'present'],
    ['Based on the figures, the board approved the sale.', 'past'],
    ['The chief says "we sold too many" in her letter.', 'present'],
    ['Acme would need new money.', 'unknown'],
  ] as const)('%s → %s', (sentence, tense) => {
    expect(sentenceTense(sentence)).toBe(tense);
  });
});

/** The date one weekday phrase resolves to in a sentence, against a publication date. */
function dayOf(sentence: string, published: string, phrase: string): string | null | undefined {
  return resolveDates(sentence, [], { date: published, inferred: false }).find((m) => m.text === phrase)?.date;
}

describe('tense decides the direction of a weekday', () => {
  // 2 June 2021 was a Wednesday.
  it('reads an occasion that "draws near" as the coming day', () => {
    expect(dayOf("As Thursday's vote draws near, the parties made their last appeals.", '2021-06-02', 'Thursday')).toBe('2021-06-03');
  });

  it('reads "ahead of Sunday\'s election" as the coming Sunday', () => {
    expect(dayOf("Ahead of Sunday's election, the parties made their last appeals.", '2021-06-02', 'Sunday')).toBe('2021-06-06');
  });

  it('reads a sentence-opening weekday followed by "will" as the coming day', () => {
    expect(dayOf('On Sunday, the prime minister will open the summit in Tokyo.', '2021-06-02', 'Sunday')).toBe('2021-06-06');
  });

  it('keeps a possessive weekday in ordinary reporting in the past', () => {
    expect(dayOf("Shares rose 2 % above Friday's closing price.", '2021-06-02', 'Friday')).toBe('2021-05-28');
  });
});
