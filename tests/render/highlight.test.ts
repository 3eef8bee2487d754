import { describe, expect, it } from 'vitest';
import { quoteSnippet } from '../../src/adapters/discord/markdown.js';
import { markHighlights } from '../../src/adapters/slack/mrkdwn.js';
import type { Reply, Span } from '../../src/core/types.js';
import { highlightRanges, markRanges, mergeTouching, type RangeRules } from '../../src/render/highlight.js';
import { SpanIndex } from '../../src/core/span-index.js';
import { toText } from '../../src/render/text.js';

const trim = (text: string) => (r: Span): Span | null => {
  let { start, end } = r;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return end > start ? { start, end } : null;
};

describe('mergeTouching', () => {
  it('merges ranges that overlap or touch, each with the last merged one, into new objects', () => {
    const input = [{ start: 0, end: 2 }, { start: 2, end: 4 }, { start: 5, end: 6 }, { start: 1, end: 3 }];
    const merged = mergeTouching(input);
    expect(merged).toEqual([{ start: 0, end: 4 }, { start: 5, end: 6 }]);
    expect(input[0]).toEqual({ start: 0, end: 2 });
  });
});

describe('highlightRanges', () => {
  const text = 'a b c';
  const index = new SpanIndex([{ start: 2, end: 5 }, { start: 0, end: 2 }, { start: 4, end: 4 }]);

  it('clips to the range and sorts, then adjusts and merges in the order the platform needs', () => {
    const rules = (order: RangeRules['order']): RangeRules => ({ adjust: trim(text), order });
    // Trimmed first ("a " → "a"), the two no longer touch: Slack's `*a* *b c*`.
    expect(highlightRanges(index, 0, 5, rules('adjust-then-merge'))).toEqual([{ start: 0, end: 1 }, { start: 2, end: 5 }]);
    // Merged first: one run, Discord's `**a b c**`.
    expect(highlightRanges(index, 0, 5, rules('merge-then-adjust'))).toEqual([{ start: 0, end: 5 }]);
    // Clipped to [1, 4): " b " trims to "b"; the empty highlight at 4 is never marked.
    expect(highlightRanges(index, 1, 4, rules('merge-then-adjust'))).toEqual([{ start: 2, end: 3 }]);
    expect(highlightRanges(index, 1, 4, { adjust: () => null, order: 'adjust-then-merge' })).toEqual([]);
  });
});

describe('markRanges', () => {
  it('walks the ranges with the marker, escaping the text between and inside', () => {
    const text = 'The <mayor> said so.';
    const marker = { open: '[', close: ']', escape: (a: number, b: number) => text.slice(a, b).replace(/[<>]/g, '!') };
    expect(markRanges([{ start: 4, end: 11 }, { start: 12, end: 16 }], 0, text.length, marker)).toBe('The [!mayor!] [said] so.');
    expect(markRanges([{ start: 12, end: 16 }], 9, 19, marker)).toBe('r! [said] so');
    expect(markRanges([], 2, 6, marker)).toBe('e !m');
  });
});

describe('the platforms’ highlighters', () => {
  const text = 'a b *c* @here';
  const highlights = [{ start: 0, end: 2 }, { start: 2, end: 7 }];

  it('Slack: single asterisks, whitespace and zero-width spaces outside them, mrkdwn escaped', () => {
    expect(markHighlights(text, highlights)).toBe('*a* *b *\u200bc*\u200b* @\u200bhere');
  });

  it('Discord: double asterisks over the merged run, markdown escaped, as a block quote', () => {
    expect(quoteSnippet(text, highlights)).toBe('> **a b \\*c\\*** @\u200bhere');
    expect(quoteSnippet('one\ntwo three', [{ start: 2, end: 7 }], 0, 13)).toBe('> on**e**\n> **two** three');
  });

  it('terminal: ANSI bold, control characters blanked, a highlight overlapping a marked one skipped', () => {
    const reply: Reply = {
      command: 'search',
      query: 'mayor',
      headline: 'One passage',
      items: [{ text: 'The mayor\u0007 said', source: 1, span: { start: 0, end: 15 }, highlights: [{ start: 6, end: 12 }, { start: 4, end: 9 }] }],
      citations: [],
      notes: [],
    };
    expect(toText(reply, { color: true }).split('\n')[1]).toBe(' 1. “The \u001b[1mmayor\u001b[0m  said” [1]');
    expect(toText(reply).split('\n')[1]).toBe(' 1. “The mayor  said” [1]');
  });
});
