/** Every short text over the characters that matter to mrkdwn, with every highlight, reads back exactly. */
import { describe, expect, it } from 'vitest';
import { markHighlights, plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';

const ALPHABET = [' ', '\u200b', '*', 'a', '_', '~', '`', '&', '<'];

function* texts(length: number): Generator<string> {
  if (length === 0) return yield '';
  for (const head of texts(length - 1)) for (const c of ALPHABET) yield head + c;
}

describe('bold highlights never change what a reader sees', () => {
  it('holds for every text of up to 3 characters and every highlight range', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= 3; n++) {
      for (const text of texts(n)) {
        for (let start = 0; start < n; start++) {
          for (let end = start + 1; end <= n; end++) {
            const rendered = markHighlights(text, [{ start, end }]);
            if (plainFromMrkdwn(rendered) !== text) wrong.push(`${JSON.stringify(text)} [${start},${end}) → ${JSON.stringify(rendered)}`);
          }
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('a highlight of only whitespace before a zero-width space marks nothing', () => {
    expect(markHighlights(' \u200b', [{ start: 0, end: 1 }])).toBe(' \u200b');
  });
});
