/**
 * Block Kit rendering: every limit in LIMITS holds on every page of any reply, every quote survives
 * intact across its sections and pages, and no text can become a mention or break the layout.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../src/adapters/slack/limits.js';
import { escapeMrkdwn, markHighlights, plainFromMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { blocksLength, renderPage, type Cursor, type Page, type SlackBlock } from '../../../src/adapters/slack/render.js';
import type { Citation, Reply, ReplyItem } from '../../../src/core/types.js';

/** Characters chosen to hit every rule: markup, mentions, sentence ends, astral symbols, invisible separators. */
const TRICKY = ['a', 'b', 'Z', ' ', ' ', ' ', '.', '. ', '? ', '!', '\n', '*', '_', '~', '`', '@', 'here', 'channel', '<', '>', '&', '&amp;', '|', '\u200B', '😀', 'é', '«', '<!channel>', '<@U123>', '<!subteam^S1|@x>'];
const tricky = (maxLength: number) => fc.array(fc.constantFrom(...TRICKY), { maxLength }).map((parts) => parts.join(''));
/** Prose: words and sentences, sometimes very long ones. */
const prose = (maxWords: number) =>
  fc
    .array(fc.oneof(fc.stringMatching(/^[A-Za-z]{1,12}$/), fc.constantFrom('.', ',', '*', '_', '&', '<b>', '@here', '😀', 'x'.repeat(80)), fc.constant('Gyumri')), { maxLength: maxWords })
    .map((words) => words.join(' ').replace(/ \./g, '.'));

const text = fc.oneof({ weight: 3, arbitrary: prose(60) }, { weight: 2, arbitrary: tricky(80) }, { weight: 1, arbitrary: prose(1500) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{3000,7000}$/) });

const itemArb = (citations: number) =>
  text.chain((t) =>
    fc.record({
      text: fc.constant(t),
      source: fc.integer({ min: 1, max: citations }),
      span: fc.constant({ start: 0, end: t.length }),
      highlights: fc.array(fc.tuple(fc.nat(t.length), fc.nat(40)).map(([s, n]) => ({ start: s, end: Math.min(t.length, s + n) })), { maxLength: 6 }),
      label: fc.option(fc.oneof(tricky(10), prose(80)), { nil: undefined }),
      group: fc.option(fc.constantFrom('2021', '2022', 'Claimed by *HUR*', '<!here>'), { nil: undefined }),
      alsoIn: fc.option(fc.array(fc.integer({ min: 1, max: citations }), { maxLength: 40 }), { nil: undefined }),
      caption: fc.option(fc.boolean(), { nil: undefined }),
    }),
  );

const citationArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    articleId: fc.constant(`a${id}`),
    title: fc.oneof(tricky(20), prose(200)),
    outlet: fc.option(tricky(12), { nil: null }),
    published: fc.option(fc.constantFrom('2021-06-04', '1993-01-01'), { nil: null }),
    publishedInferred: fc.boolean(),
    url: fc.option(fc.oneof(fc.constant('https://example.org/a?b=1&c=<2>|x'), fc.constant('javascript:alert(1)'), fc.constant(`https://example.org/${'p'.repeat(600)}`), tricky(10)), { nil: null }),
  }) as fc.Arbitrary<Citation>;

const replyArb: fc.Arbitrary<Reply> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    command: fc.constantFrom('search', 'claim', 'timeline'),
    query: tricky(20),
    headline: fc.oneof(tricky(30), prose(800)),
    items: fc.array(itemArb(n), { maxLength: 14 }) as fc.Arbitrary<ReplyItem[]>,
    citations: fc.tuple(...Array.from({ length: n }, (_, i) => citationArb(i + 1))),
    notes: fc.array(fc.oneof(tricky(30), prose(700)), { maxLength: 14 }),
    lines: fc.option(fc.array(fc.oneof(tricky(30), prose(700)), { maxLength: 150 }), { nil: undefined }),
  }),
);

/** Every page of a reply, following the cursors. */
function allPages(reply: Reply): Page[] {
  const pages: Page[] = [];
  let cursor: Cursor | null = { unit: 0, offset: 0 };
  while (cursor) {
    const page = renderPage(reply, { cursor, shareValue: (c) => JSON.stringify({ share: c }), moreValue: (c) => JSON.stringify({ more: c, q: reply.query }) });
    pages.push(page);
    if (page.next) {
      // Each page moves forward.
      expect(page.next.unit * 1e7 + page.next.offset).toBeGreaterThan(cursor.unit * 1e7 + cursor.offset);
    }
    cursor = page.next;
    if (pages.length > 400) throw new Error('paging does not end');
  }
  return pages;
}

/** Every piece of text Slack would display. */
function displayed(page: Page): string[] {
  return [
    page.message.text,
    ...page.message.blocks.flatMap((b): string[] =>
      b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : b.elements.map((e) => e.text.text),
    ),
  ];
}

function checkLimits(blocks: readonly SlackBlock[], fallback: string): void {
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(blocksLength(blocks) + fallback.length).toBeLessThanOrEqual(LIMITS.messageChars);
  expect(fallback.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  for (const b of blocks) {
    if (b.type === 'section') {
      expect(b.text.text.length).toBeGreaterThan(0);
      expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(b.text.verbatim).toBe(true);
    } else if (b.type === 'context') {
      expect(b.elements.length).toBeGreaterThan(0);
      expect(b.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
      for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(LIMITS.contextText);
    } else {
      for (const e of b.elements) {
        expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
        expect(e.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
      }
    }
  }
}

describe('renderPage (property)', () => {
  it('never exceeds a limit, keeps every quote intact across sections and pages, and makes no mention', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const pages = allPages(reply);
        for (const page of pages) {
          checkLimits(page.message.blocks, page.message.text);
          for (const t of displayed(page)) {
            expect(t.replace(/<https?:\/\/[^<>|\s]+\|\[\d+\]>/g, '')).not.toMatch(/[<>]/);
            expect(t).not.toMatch(/@(here|channel|everyone)/i);
          }
        }
        // Quotes follow one another across sections; read back, each item's text is there whole.
        const read = pages.flatMap((p) => p.message.blocks.flatMap((b) => (b.type === 'section' ? [plainFromMrkdwn(b.text.text)] : []))).join('');
        for (const item of reply.items) expect(read).toContain(`${item.text}” [${item.source}]`);
        // Every item is shown, with its citation, on some page.
        const quoted = pages.reduce((n, p) => n + p.message.blocks.filter((b) => b.type === 'section' && /” \[\d+\]/.test(plainFromMrkdwn(b.text.text))).length, 0);
        expect(quoted).toBeGreaterThanOrEqual(reply.items.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('mrkdwn escaping', () => {
  it('reads back exactly what was escaped, with or without highlights (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), tricky(60)), fc.array(fc.tuple(fc.nat(200), fc.nat(30)), { maxLength: 5 }), (s, hs) => {
        expect(plainFromMrkdwn(escapeMrkdwn(s))).toBe(s);
        const highlights = hs.map(([start, n]) => ({ start, end: start + n }));
        expect(plainFromMrkdwn(markHighlights(s, highlights))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('makes Slack mentions and markup inert', () => {
    expect(escapeMrkdwn('<!channel> <!here> <!everyone> <@U1> <!subteam^S1> a & b')).toBe(
      '&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@\u200BU1&gt; &lt;!subteam^S1&gt; a &amp; b',
    );
    expect(escapeMrkdwn('@here *bold* _it_ ~s~ `c`')).toBe('@\u200Bhere *\u200Bbold*\u200B _\u200Bit_\u200B ~\u200Bs~\u200B `\u200Bc`\u200B');
  });

  it('bolds the matched words only', () => {
    expect(markHighlights('The mayor said so.', [{ start: 4, end: 9 }])).toBe('The *mayor* said so.');
    // Whitespace is kept outside the markers; touching matches merge so markers never meet.
    expect(markHighlights('a bc de', [{ start: 1, end: 4 }, { start: 4, end: 7 }])).toBe('a *bc* *de*');
    expect(markHighlights('abcd', [{ start: 0, end: 2 }, { start: 2, end: 4 }])).toBe('*abcd*');
  });
});

const cite = (over: Partial<Citation> = {}): Citation => ({
  id: 1,
  articleId: 'a',
  title: 'Base on alert',
  outlet: 'Armenpress',
  published: '2021-06-04',
  publishedInferred: false,
  url: 'https://example.org/a',
  ...over,
});
const reply = (items: ReplyItem[], citations: Citation[] = [cite()]): Reply => ({ command: 'search', query: 'q', headline: 'Found', items, citations, notes: [] });
const item = (text: string, over: Partial<ReplyItem> = {}): ReplyItem => ({ text, source: 1, span: { start: 0, end: text.length }, ...over });
const sectionTexts = (p: Page) => p.message.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
const contextTexts = (p: Page) => p.message.blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => e.text) : []));

describe('renderPage', () => {
  it('cites each quote as a [n] link with outlet and date, inferred dates marked', () => {
    const page = renderPage(reply([item('One.'), item('Two.', { source: 2 })], [cite(), cite({ id: 2, url: null, outlet: null, published: '2020-01-02', publishedInferred: true, title: 'T2' })]));
    expect(contextTexts(page)).toEqual(['<https://example.org/a|[1]> Armenpress · 2021-06-04 · Base on alert', '[2] outlet unknown · 2020-01-02 (inferred) · T2']);
  });

  it('links only http(s) addresses and keeps | and > from ending a link', () => {
    const page = renderPage(reply([item('One.'), item('Two.', { source: 2 })], [cite({ url: 'https://x.org/a|b>c&d' }), cite({ id: 2, url: 'javascript:alert(1)' })]));
    expect(contextTexts(page)[0]).toMatch(/^<https:\/\/x\.org\/a%7Cb%3Ec&amp;d\|\[1\]> /);
    expect(contextTexts(page)[1]).toMatch(/^\[2\] /);
  });

  it('splits a long quote at sentence boundaries, never inside a sentence', () => {
    const sentences = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} says something about the base and the city.`);
    const text = sentences.join(' ');
    const page = renderPage(reply([item(text)]));
    const parts = sectionTexts(page).slice(1).map(plainFromMrkdwn);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(`“${text}” [1]`);
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/city\. $/);
  });

  it('splits a sentence longer than a section at word boundaries, keeping the text verbatim', () => {
    const text = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ') + '.';
    const page = renderPage(reply([item(text)]));
    const parts = sectionTexts(page).slice(1).map(plainFromMrkdwn);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(`“${text}” [1]`);
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/word\d+ $/);
  });

  it('puts at most LIMITS.itemsPerMessage quotes on a page and offers More for the rest', () => {
    const items = Array.from({ length: 7 }, (_, i) => item(`Quote ${i}.`));
    const first = renderPage(reply(items), { moreValue: (c) => JSON.stringify(c) });
    expect(sectionTexts(first).filter((s) => s.startsWith('“'))).toHaveLength(LIMITS.itemsPerMessage);
    expect(first.next).toEqual({ unit: 5, offset: 0 });
    const actions = first.message.blocks.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' && actions.elements.map((e) => e.text.text)).toEqual(['More']);
    const second = renderPage(reply(items), { cursor: first.next! });
    expect(sectionTexts(second).map(plainFromMrkdwn)).toEqual(['“Quote 5.” [1]', '“Quote 6.” [1]']);
    expect(second.next).toBeNull();
    expect(contextTexts(second)).toContain('Quotes 6–7 of 7');
  });

  it('shows labels, groups and captions around the verbatim quote', () => {
    const page = renderPage(reply([item('He said it.', { label: 'Claimed by <@U1>', group: '2021', caption: true, alsoIn: [2] })], [cite(), cite({ id: 2, outlet: 'TASS' })]));
    expect(sectionTexts(page).map(plainFromMrkdwn)).toEqual(['Found', '2021', 'Claimed by <@U1>: (photo caption) “He said it.” [1][2]']);
    expect(contextTexts(page)[1]).toBe('Also in <https://example.org/a|[2]> TASS');
  });
});

/**
 * Issue #11: a passage of 200 KB with no sentence end took seconds of blocked event loop, growing
 * faster than its length. The work is counted, never timed: every highlight the renderer reads
 * (through a Proxy over the highlight list) and every character handed to `Intl.Segmenter`
 * (a spy that calls through). A page of a quote twice as long must cost no more segmenting (only
 * one page is formatted) and at most about twice the highlight reads (they are sorted once).
 */
describe('renderPage on one very long passage', () => {
  const PHRASE = 'Gyumri word, and more words; ';
  function longItem(chars: number): { item: ReplyItem; reads: () => number } {
    const text = PHRASE.repeat(Math.ceil(chars / PHRASE.length)).slice(0, chars).trimEnd();
    const spans = [];
    for (let at = text.indexOf('Gyumri'); at >= 0; at = text.indexOf('Gyumri', at + 1)) spans.push({ start: at, end: at + 6 });
    let reads = 0;
    const highlights = new Proxy(spans, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    return { item: item(text, { highlights }), reads: () => reads };
  }
  /** Highlight reads and characters segmented to render the first page of a quote of `chars` characters. */
  function work(chars: number): { reads: number; segmented: number; page: Page } {
    const { item: long, reads } = longItem(chars);
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    try {
      const page = renderPage(reply([long]), { moreValue: (c) => JSON.stringify(c) });
      const segmented = segment.mock.calls.reduce((n, [input]) => n + input.length, 0);
      return { reads: reads(), segmented, page };
    } finally {
      segment.mockRestore();
    }
  }

  it('formats only what one page shows: twice the passage, the same segmenting and about twice the highlight reads', () => {
    const small = work(50_000);
    const large = work(100_000);
    expect(large.page.message).toEqual(small.page.message);
    expect(large.page.next).toEqual(small.page.next);
    expect(large.segmented).toBeLessThanOrEqual(small.segmented * 1.1);
    expect(large.reads).toBeLessThanOrEqual(small.reads * 2.5);
    // What a page formats is bounded by the page, not by the passage.
    expect(large.segmented).toBeLessThan(20 * LIMITS.messageChars);
  });

  it('still reaches the whole passage, verbatim, through More', () => {
    const { item: long } = longItem(60_000);
    const pages = allPages(reply([long]));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) checkLimits(page.message.blocks, page.message.text);
    const read = pages.flatMap((p) => sectionTexts(p).slice(p === pages[0] ? 1 : 0).map(plainFromMrkdwn)).join('');
    expect(read).toBe(`“${long.text}” [1]`);
  });
});
