/**
 * Every short text over the characters that matter to mrkdwn, with every highlight: what Slack
 * receives is SAFE (no `<` that could open a mention, channel link, broadcast or user-group
 * ping; no `&` Slack could decode into one; no bare `@here`; no formatting character of the text
 * that could pair with another or with our bold markers) and it reads back exactly.
 */
import { describe, expect, it } from 'vitest';
import { markHighlights, plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';

const ZWSP = '\u200b';
const ALPHABET = [' ', ZWSP, '*', 'a', '_', '~', '`', '&', '<', '>', '@', '!'];

function* texts(length: number): Generator<string> {
  if (length === 0) return yield '';
  for (const head of texts(length - 1)) for (const c of ALPHABET) yield head + c;
}

/** Every way `rendered` could do more than show text; empty when it is safe. */
function unsafe(rendered: string): string[] {
  const problems: string[] = [];
  // Slack reads <!channel>, <!here>, <!everyone>, <@U…>, <#C…>, <!subteam^…> and links only between < and >.
  if (/[<>]/.test(rendered)) problems.push('raw < or >');
  // Slack decodes &amp; &lt; &gt; only: any other & would be the text's own, unescaped.
  if (/&(?!(?:amp|lt|gt);)/.test(rendered)) problems.push('unescaped &');
  if (/@(?!\u200b)/.test(rendered)) problems.push('@ without a zero-width space after it');
  // Formatting characters of the text carry a ZWSP; the only bare ones are our bold markers, in pairs
  // around text that starts and ends with a visible character (Slack bolds `*word*` only).
  const bare = [...rendered.matchAll(/[*_~`](?!\u200b)/g)];
  if (bare.some((m) => m[0] !== '*')) problems.push('bare _ ~ or `');
  if (bare.length % 2) problems.push('unpaired bold marker');
  for (let i = 0; i + 1 < bare.length; i += 2) {
    const open = bare[i]!.index;
    const close = bare[i + 1]!.index;
    if (close === open + 1 || /\s/.test(rendered[open + 1]!) || /\s/.test(rendered[close - 1]!)) problems.push('bold marker next to a space or empty bold');
  }
  return problems;
}

describe('mrkdwn for quotes is safe and reads back exactly', () => {
  it('holds for every text of up to 3 characters and every highlight range', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= 3; n++) {
      for (const text of texts(n)) {
        const ranges: Array<[number, number] | null> = [null];
        for (let start = 0; start < n; start++) for (let end = start + 1; end <= n; end++) ranges.push([start, end]);
        for (const r of ranges) {
          const rendered = markHighlights(text, r ? [{ start: r[0], end: r[1] }] : []);
          const problems = unsafe(rendered);
          if (plainFromMrkdwn(rendered) !== text) problems.push('reads back differently');
          if (problems.length) wrong.push(`${JSON.stringify(text)} ${JSON.stringify(r)} → ${JSON.stringify(rendered)}: ${problems.join(', ')}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('leaves no live mention in text made of them, whatever is highlighted', () => {
    const text = 'Ping <!channel> <!here> <!everyone> <@U0123ABC> <#C0456> <!subteam^S1|@team> @here @channel &lt;!here&gt; *b* _i_ ~s~ `c`';
    for (let start = 0; start < text.length; start += 3) {
      for (let end = start + 1; end <= text.length; end += 7) {
        const rendered = markHighlights(text, [{ start, end }]);
        expect(unsafe(rendered)).toEqual([]);
        expect(rendered).not.toMatch(/<[!@#]/);
        expect(plainFromMrkdwn(rendered)).toBe(text);
      }
    }
  });

  it('a highlight of only whitespace before a zero-width space marks nothing', () => {
    expect(markHighlights(' \u200b', [{ start: 0, end: 1 }])).toBe(' \u200b');
  });
});
