/**
 * Sentence boundaries inside one block: typed double-apostrophe quotes (''), closing marks before
 * a lowercase continuation, and wire copy's bracketed tickers and names. Every sentence is exact
 * text of the block (`text.slice(start, end)`); the property at the end checks that for any mix of
 * the characters these rules look at.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE, blockSentences } from '../../src/ingest/sentences.js';
import type { Span } from '../../src/core/types.js';

/** Sentences of `text` taken as one block (after some leading text, so offsets are not block-relative by accident). */
function sentencesOf(block: string): string[] {
  const lead = 'Headline line\n\n';
  const text = lead + block + '\n';
  return blockSentences(text, { start: lead.length, end: lead.length + block.length }).map((s) => text.slice(s.start, s.end));
}

describe('typed double-apostrophe quotes', () => {
  it("ends a sentence after a closing '' followed by a new sentence", () => {
    expect(sentencesOf("``When can the council vote on the budget?'' Ms. Okafor asked the chair. The meeting went on.")).toEqual([
      "``When can the council vote on the budget?''",
      'Ms. Okafor asked the chair.',
      'The meeting went on.',
    ]);
    expect(sentencesOf("\"The bridge will reopen in the spring.'' The mayor did not give a date.")).toEqual([
      "\"The bridge will reopen in the spring.''",
      'The mayor did not give a date.',
    ]);
  });

  it("keeps a '' quote whole when it ends the paragraph (no stray apostrophe sentence)", () => {
    expect(sentencesOf("The inspector wrote that the pipes were sound. ''We found nothing wrong.''")).toEqual([
      'The inspector wrote that the pipes were sound.',
      "''We found nothing wrong.''",
    ]);
  });

  it("does not split at '' inside a sentence followed by a lowercase word", () => {
    expect(sentencesOf("The minister dismissed the ''fake news'' claims as noise. Reporters left.")).toEqual([
      "The minister dismissed the ''fake news'' claims as noise.",
      'Reporters left.',
    ]);
    expect(sentencesOf("``Who approved the contract?'' the auditor asked. Nobody answered.")).toEqual([
      "``Who approved the contract?'' the auditor asked.",
      'Nobody answered.',
    ]);
  });

  it("closes a quote nested in a '' quote together with it", () => {
    expect(sentencesOf("''He told me, 'Wait until Monday.''' The deal collapsed on Friday.")).toEqual([
      "''He told me, 'Wait until Monday.'''",
      'The deal collapsed on Friday.',
    ]);
  });
});

describe('closing marks before a lowercase word', () => {
  it('keeps the attribution after a quoted question or exclamation in the sentence', () => {
    expect(sentencesOf('“Is the water safe to drink?” she asked the engineer. He nodded.')).toEqual([
      '“Is the water safe to drink?” she asked the engineer.',
      'He nodded.',
    ]);
  });

  it('does not end a sentence at a parenthesised abbreviation', () => {
    expect(sentencesOf('Sen. Ada Quill (D-Mass.) has urged a vote on the bill. It failed.')).toEqual([
      'Sen. Ada Quill (D-Mass.) has urged a vote on the bill.',
      'It failed.',
    ]);
  });
});

describe('wire tickers and bracketed names', () => {
  it('never ends a sentence at a point inside <...>', () => {
    expect(sentencesOf('Harbour Foods Corp <HBFD.O> and Pell Mining Ltd <PELM.TO> agreed to merge. Terms were not disclosed.')).toEqual([
      'Harbour Foods Corp <HBFD.O> and Pell Mining Ltd <PELM.TO> agreed to merge.',
      'Terms were not disclosed.',
    ]);
    expect(sentencesOf('The stake is held by <J.R. Vale and Sons Inc.> and its partners. Shares rose.')).toEqual([
      'The stake is held by <J.R. Vale and Sons Inc.> and its partners.',
      'Shares rose.',
    ]);
    expect(sentencesOf('It sold the unit to Vale Plc < VALE.L>, a rival. Shares rose.')).toEqual([
      'It sold the unit to Vale Plc < VALE.L>, a rival.',
      'Shares rose.',
    ]);
  });

  it('still splits where a ticker ends the sentence', () => {
    expect(sentencesOf('The bid values Harbour Foods Corp <HBFD.O>. Its board will meet on Monday.')).toEqual([
      'The bid values Harbour Foods Corp <HBFD.O>.',
      'Its board will meet on Monday.',
    ]);
  });

  it('treats < and > with spaces inside as comparisons, not brackets', () => {
    expect(sentencesOf('Inflation stayed < 2 pct. Then it rose to > 3 pct in May.')).toEqual([
      'Inflation stayed < 2 pct.',
      'Then it rose to > 3 pct in May.',
    ]);
  });
});

describe('points inside a token', () => {
  it('does not split a number, an ellipsis or a parenthesised ticker', () => {
    expect(sentencesOf('Holders get .25 dlrs a share. The offer ends soon.')).toEqual(['Holders get .25 dlrs a share.', 'The offer ends soon.']);
    expect(sentencesOf('"We waited...and waited," he said. Then he left.')).toEqual(['"We waited...and waited," he said.', 'Then he left.']);
    expect(sentencesOf('A stake owned by the Daily Ledger Co (DLC.A) was sold. Buyers paid cash.')).toEqual([
      'A stake owned by the Daily Ledger Co (DLC.A) was sold.',
      'Buyers paid cash.',
    ]);
    expect(sentencesOf('Shipping group Delta Lines Plc [DLTL.L] and a Sino-U.S. venture will bid. The tender closes in May.')).toEqual([
      'Shipping group Delta Lines Plc [DLTL.L] and a Sino-U.S. venture will bid.',
      'The tender closes in May.',
    ]);
  });

  it('keeps the split of pasted text with no space before a capital', () => {
    expect(sentencesOf('The council adjourned.The vote is next week.')).toEqual(['The council adjourned.', 'The vote is next week.']);
  });
});

describe('titles before a name', () => {
  it('does not end a sentence at the point of a title (one list: NAME_TITLES)', () => {
    expect(sentencesOf('The vigil was led by Rev. Okonjo and two deacons. Rain fell all night.')).toEqual([
      'The vigil was led by Rev. Okonjo and two deacons.',
      'Rain fell all night.',
    ]);
    for (const title of ['Msgr', 'Maj', 'Atty', 'Supt', 'Det', 'Cpl', 'Amb']) {
      expect(sentencesOf(`The ceremony was opened by ${title}. Halvorsen on the pier. Nobody spoke after him.`)).toEqual([
        `The ceremony was opened by ${title}. Halvorsen on the pier.`,
        'Nobody spoke after him.',
      ]);
    }
  });

  it('still ends a sentence at a word that only ends like a title, and after a suffix or firm', () => {
    expect(sentencesOf('The cargo went to Marev. Inspectors followed.')).toEqual(['The cargo went to Marev.', 'Inspectors followed.']);
    expect(sentencesOf('The shares were sold to Dunmore Holdings Bros. Traders shrugged.')).toEqual(['The shares were sold to Dunmore Holdings Bros.', 'Traders shrugged.']);
  });
});

describe('sentence spans', () => {
  const alphabet = fc.constantFrom("''", "'", '"', '“', '”', '.', '?', '!', ' ', '\n', '<', '>', '(', ')', 'A', 'Ms', 'b', 'said', 'U.S.', '3.5', '...');

  it('are ordered, trimmed, inside the block, and cover every character of it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.array(alphabet, { minLength: 1, maxLength: 200 }), (lead, parts) => {
        const block = parts.join('').trim();
        if (!block) return;
        const text = `${lead}\n${block}\n`;
        const at = lead.length + 1;
        const spans: Span[] = blockSentences(text, { start: at, end: at + block.length });
        let prev = at;
        let chars = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(prev);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(at + block.length);
          const piece = text.slice(s.start, s.end);
          expect(piece.trim()).toBe(piece);
          chars += piece.replace(/\s/g, '').length;
          prev = s.end;
        }
        expect(chars).toBe(block.replace(/\s/g, '').length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('over-long sentences (issue #11: one passage with no sentence end froze the bot)', () => {
  /** Every span of `text` as taken from the whole text, with the checks every sentence must pass. */
  function capped(block: string): { spans: Span[]; pieces: string[]; text: string } {
    const lead = 'Headline line\n\n';
    const text = lead + block + '\n';
    const spans = blockSentences(text, { start: lead.length, end: lead.length + block.length });
    return { spans, pieces: spans.map((s) => text.slice(s.start, s.end)), text };
  }

  it(`cuts a paragraph with no sentence end into pieces of at most MAX_SENTENCE (${MAX_SENTENCE}) characters, exact and in order`, () => {
    const block = 'Gyumri word, and more words; '.repeat(7_000).trimEnd();
    const { spans, pieces, text } = capped(block);
    expect(spans.length).toBeGreaterThan(block.length / MAX_SENTENCE);
    for (const [i, s] of spans.entries()) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(pieces[i]).toBe(pieces[i]!.trim());
      if (i > 0) expect(text.slice(spans[i - 1]!.end, s.start).trim()).toBe('');
    }
    expect(pieces.join(' ')).toBe(block);
    // Cut after a semicolon, the strongest clause mark in this text.
    for (const p of pieces.slice(0, -1)) expect(p.endsWith(';')).toBe(true);
  });

  it('prefers ; : and dashes to commas, commas to spaces, and spaces to a cut inside a word', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    // A colon far back beats a comma near the limit.
    const colon = capped(`${words(150)}: ${words(100)}, ${words(300)}`).pieces;
    expect(colon[0]!.endsWith(':')).toBe(true);
    expect(colon[0]).toBe(`${words(150)}:`);
    const dash = capped(`${words(150)}—${words(400)}`).pieces;
    expect(dash[0]).toBe(`${words(150)}—`);
    const comma = capped(`${words(150)}, ${words(400)}`).pieces;
    expect(comma[0]).toBe(`${words(150)},`);
    // No clause mark: the last space before the limit.
    const spaces = capped(words(600)).pieces;
    expect(spaces.join(' ')).toBe(words(600));
    for (const p of spaces) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE);
    // The last space before the limit: one more word would not have fitted.
    expect(spaces[0]!.length + ' w999'.length).toBeGreaterThan(MAX_SENTENCE);
    // No space at all: a hard cut at the limit, never inside a surrogate pair.
    const run = 'a'.repeat(MAX_SENTENCE - 1) + '😀'.repeat(1_000);
    const hard = capped(run).pieces;
    expect(hard.join('')).toBe(run);
    expect(hard[0]).toBe('a'.repeat(MAX_SENTENCE - 1));
    for (const p of hard) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE);
  });

  it('does not cut at a colon inside a time or a comma inside a number', () => {
    const block = `${'At 10:30 the count was 1,000,000 and rising '.repeat(60)}end`;
    const pieces = capped(block).pieces;
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join(' ')).toBe(block);
    for (const p of pieces) {
      expect(p).not.toMatch(/[:,]$/);
      expect(p).not.toMatch(/^(30|000)\b/);
    }
  });

  it('leaves sentences up to MAX_SENTENCE whole', () => {
    const long = `x${'word '.repeat(MAX_SENTENCE)}`.slice(0, MAX_SENTENCE - 1) + '.';
    expect(long.length).toBe(MAX_SENTENCE);
    expect(capped(`${long} Next one.`).pieces).toEqual([long, 'Next one.']);
  });

  it('is linear: twice the text, about twice the pieces and no sentence ever longer (4.9 MB on one line)', () => {
    const line = 'Gyumri word, and more words; '.repeat(170_000);
    const half = capped(line.slice(0, line.length / 2).trimEnd()).spans.length;
    const whole = capped(line.trimEnd()).spans;
    expect(whole.length).toBeGreaterThanOrEqual(2 * half - 1);
    expect(whole.length).toBeLessThanOrEqual(2 * half + 1);
    expect(Math.max(...whole.map((s) => s.end - s.start))).toBeLessThanOrEqual(MAX_SENTENCE);
  });
});
