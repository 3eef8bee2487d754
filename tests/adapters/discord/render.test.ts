/** Rendering Replies for Discord: limits, verbatim snippets, escaping, splitting and paging. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/adapters/discord/limits.js';
import { escapeMarkdown, fitInline, quoteSnippet, unescapeMarkdown } from '../../../src/adapters/discord/markdown.js';
import { embedSize, renderReply, safeUrl, type DiscordPage } from '../../../src/adapters/discord/render.js';
import type { Citation, Reply, ReplyItem } from '../../../src/core/types.js';

/** Every limit of `LIMITS` a page could break, as a list of violations (empty when within). */
function violations(page: DiscordPage): string[] {
  const out: string[] = [];
  if (page.content.length > LIMITS.content) out.push(`content ${page.content.length}`);
  if (page.embeds.length > LIMITS.embedsPerMessage) out.push(`embeds ${page.embeds.length}`);
  let total = 0;
  for (const e of page.embeds) {
    if ((e.title?.length ?? 0) > LIMITS.embedTitle) out.push('title');
    if ((e.description?.length ?? 0) > LIMITS.embedDescription) out.push(`description ${e.description?.length}`);
    if ((e.fields?.length ?? 0) > LIMITS.embedFields) out.push(`fields ${e.fields?.length}`);
    for (const f of e.fields ?? []) {
      if (f.name.length > LIMITS.fieldName || f.name.length === 0) out.push(`field name ${f.name.length}`);
      if (f.value.length > LIMITS.fieldValue || f.value.length === 0) out.push(`field value ${f.value.length}`);
    }
    if ((e.footer?.text.length ?? 0) > LIMITS.embedFooter) out.push('footer');
    total += embedSize(e);
  }
  if (total > LIMITS.embedTotal) out.push(`total ${total}`);
  return out;
}

/** Index of the first `[` not escaped by a backslash (where the citation markers start). */
function firstUnescapedBracket(line: string): number {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '[') return i;
  }
  return -1;
}

/** The quotes of one page, read back from the rendered markdown alone, each marked as continuing the previous item or not. */
function quotedPieces(page: DiscordPage): Array<{ text: string; continued: boolean }> {
  const pieces: Array<{ text: string; continued: boolean }> = [];
  const description = page.embeds[0]?.description ?? '';
  for (const block of description.split('\n\n')) {
    const lines = block.split('\n');
    const quote = lines.filter((l) => l.startsWith('> ')).map((l) => l.slice(2));
    if (!quote.length) continue;
    const last = quote[quote.length - 1]!;
    const at = firstUnescapedBracket(last);
    expect(at, 'citation marker').toBeGreaterThan(-1);
    quote[quote.length - 1] = last.slice(0, at - 1);
    pieces.push({ text: unescapeMarkdown(quote.join('\n')), continued: lines.includes('*(continued)*') });
  }
  return pieces;
}

/** The quoted texts of all pages, reassembled per item. */
function quotedTexts(pages: DiscordPage[]): string[] {
  const items: string[] = [];
  for (const piece of pages.flatMap(quotedPieces)) {
    if (piece.continued && items.length) items[items.length - 1] += piece.text;
    else items.push(piece.text);
  }
  return items;
}

const citation = (id: number, extra: Partial<Citation> = {}): Citation => ({
  id,
  articleId: `a${id}.md`,
  title: `Title ${id}`,
  outlet: 'Outlet',
  published: '2021-06-04',
  publishedInferred: false,
  url: `https://example.org/${id}`,
  ...extra,
});

const reply = (items: ReplyItem[], citations: Citation[], extra: Partial<Reply> = {}): Reply => ({
  command: 'search',
  query: 'q',
  headline: 'Headline',
  items,
  citations,
  notes: [],
  ...extra,
});

const item = (text: string, source = 1, extra: Partial<ReplyItem> = {}): ReplyItem => ({ text, source, span: { start: 0, end: text.length }, ...extra });

// Text that exercises markdown, mentions, newlines and non-BMP characters.
const tricky = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'Z', ' ', ' ', '.', '. ', '!', '?', '\n', '—', 'é', '🙂', '9') },
    { weight: 3, arbitrary: fc.constantFrom('*', '_', '~', '`', '|', '>', '<', '#', '-', '+', '[', ']', '(', ')', ':', '\\', '@', '/', 'https://x.y/', '@everyone', '@here', '<@123>', '||', '```', '1. ', '\u200b') },
  ),
  maxLength: 600,
});

const longText = fc.array(fc.oneof(fc.constantFrom('Officials said the talks would resume. ', 'A ministry spokesman denied it! ', '*Breaking* — ', '@everyone look: '), fc.string({ maxLength: 40 })), {
  minLength: 50,
  maxLength: 300,
}).map((parts) => parts.join(''));

const unbroken = fc.integer({ min: 4000, max: 9000 }).map((n) => 'x'.repeat(n));

const citations = fc.array(
  fc.record({
    title: fc.oneof(fc.string({ maxLength: 30 }), fc.string({ minLength: 200, maxLength: 900 })),
    outlet: fc.option(fc.oneof(tricky, fc.string({ maxLength: 400 })), { nil: null }),
    published: fc.option(fc.constantFrom('2021-06-04', '1999-12-31'), { nil: null }),
    publishedInferred: fc.boolean(),
    url: fc.option(fc.oneof(fc.webUrl(), fc.constant('https://example.org/' + 'p'.repeat(700)), fc.constant('javascript:alert(1)'), fc.string()), { nil: null }),
  }),
  { minLength: 1, maxLength: 30 },
);

const replies = citations.chain((cs) => {
  const cited: Citation[] = cs.map((c, i) => ({ id: i + 1, articleId: `a${i}`, ...c }));
  const ids = cited.map((c) => c.id);
  const anItem = fc
    .record({
      text: fc.oneof({ weight: 6, arbitrary: tricky }, { weight: 2, arbitrary: longText }, { weight: 1, arbitrary: unbroken }),
      source: fc.constantFrom(...ids),
      alsoIn: fc.option(fc.array(fc.constantFrom(...ids), { maxLength: 8 }), { nil: undefined }),
      label: fc.option(fc.oneof(tricky, fc.string({ maxLength: 500 })), { nil: undefined }),
      group: fc.option(fc.constantFrom('2021', 'Claimed by **HUR**', 'x'.repeat(300)), { nil: undefined }),
      caption: fc.boolean(),
      marks: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 })), { maxLength: 6 }),
    })
    .map(({ text, marks, ...rest }) => {
      const highlights = marks.map(([s, len]) => ({ start: s % (text.length + 1), end: Math.min(text.length, (s % (text.length + 1)) + len) }));
      return { text, span: { start: 0, end: text.length }, highlights, ...rest } as ReplyItem;
    });
  return fc.record({
    items: fc.array(anItem, { maxLength: 14 }),
    headline: fc.oneof(tricky, fc.string({ maxLength: 3000 })),
    notes: fc.array(fc.oneof(tricky, fc.string({ maxLength: 900 })), { maxLength: 6 }),
    lines: fc.option(fc.array(fc.oneof(tricky, fc.constant('[1] Title — Outlet <https://example.org/a_(b)>')), { maxLength: 8 }), { nil: undefined }),
  }).map((r): Reply => ({ command: 'search', query: 'q', citations: cited, ...r }));
});

describe('renderReply', () => {
  it('never exceeds a Discord limit and never cuts or alters a quoted word (property)', () => {
    fc.assert(
      fc.property(replies, fc.integer({ min: 1, max: 10 }), (r, itemsPerPage) => {
        const pages = renderReply(r, { itemsPerPage });
        expect(pages.length).toBeGreaterThan(0);
        for (const page of pages) expect(violations(page)).toEqual([]);
        expect(quotedTexts(pages)).toEqual(r.items.map((i) => i.text));
        // No page shows more items than asked for.
        for (const page of pages) {
          const starts = (page.embeds[0]?.description ?? '').split('\n\n').filter((b) => b.includes('\n> ') || b.startsWith('> ')).filter((b) => !b.includes('*(continued)*'));
          expect(starts.length).toBeLessThanOrEqual(itemsPerPage);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('splits an item too long for one page at sentence ends, keeping every sentence whole', () => {
    const sentence = (n: number) => `Sentence number ${n} says something about the border talks and the ministry's denial.`;
    const text = Array.from({ length: 120 }, (_, n) => sentence(n)).join(' ');
    const pages = renderReply(reply([item(text)], [citation(1)]));
    expect(pages.length).toBeGreaterThan(1);
    expect(quotedTexts(pages)).toEqual([text]);
    const pieces = pages.map((p) => quotedPieces(p)[0]!.text);
    for (const piece of pieces) expect(piece).toMatch(/^Sentence number \d+ .*denial\. ?$/s);
    expect(pages[1]!.embeds[0]!.description).toMatch(/^\*\(continued\)\*\n> Sentence/);
    expect(pages[0]!.embeds[0]!.footer?.text).toBe(`Page 1 of ${pages.length}`);
  });

  it('bolds the highlighted words and shows labels, groups, captions and "also in" citations', () => {
    const text = 'HUR said the *strike* hit Gyumri.';
    const r = reply(
      [item(text, 1, { highlights: [{ start: 13, end: 21 }, { start: 26, end: 32 }], label: 'Claimed by HUR', group: 'Claims', alsoIn: [2], caption: true })],
      [citation(1), citation(2, { url: null, publishedInferred: true })],
    );
    const [page] = renderReply(r);
    expect(page!.embeds[0]!.description).toBe(
      '__**Claims**__\n**Claimed by HUR** *(photo caption)*\n> HUR said the **\\*strike\\*** hit **Gyumri**. [[1]](https://example.org/1) [2]',
    );
    expect(page!.embeds[0]!.fields).toEqual([
      { name: '[1] Outlet · 2021-06-04', value: '[Title 1](https://example.org/1)' },
      { name: '[2] Outlet · 2021-06-04 (inferred)', value: 'Title 2' },
    ]);
  });

  it('pages by itemsPerPage and lists on each page only the sources it quotes', () => {
    const r = reply([item('One.', 1), item('Two.', 2), item('Three.', 3)], [citation(1), citation(2), citation(3)]);
    const pages = renderReply(r, { itemsPerPage: 2 });
    expect(pages).toHaveLength(2);
    expect(pages[0]!.embeds[0]!.fields!.map((f) => f.name)).toEqual(['[1] Outlet · 2021-06-04', '[2] Outlet · 2021-06-04']);
    expect(pages[1]!.embeds[0]!.fields!.map((f) => f.name)).toEqual(['[3] Outlet · 2021-06-04']);
    expect(pages.every((p) => p.content === '**Headline**')).toBe(true);
  });

  it('renders an empty answer or an error as content only', () => {
    const pages = renderReply(reply([], [], { headline: 'Nothing found for "x"', notes: ['No results — did you mean "y"?'] }));
    expect(pages).toEqual([{ content: '**Nothing found for "x"**\nNo results — did you mean "y"?', embeds: [] }]);
  });

  it('keeps <https://…> links in plain lines clickable and escapes the rest', () => {
    const [page] = renderReply(reply([], [], { lines: ['[1] A *title* — Outlet <https://example.org/a_b>'] }));
    expect(page!.embeds[0]!.description).toBe('\\[1\\] A \\*title\\* — Outlet <https://example.org/a_b>');
  });
});

describe('Discord markdown escaping', () => {
  it('escapes what formats, keeps the words', () => {
    expect(escapeMarkdown('# Heading\n- item\n1. first\n> quote')).toBe('\\# Heading\n\\- item\n1\\. first\n\\> quote');
    expect(escapeMarkdown('[click](https://evil.example) @everyone <@&1> :smile: Date: today')).toBe(
      '\\[click\\](https\\://evil.example) @\u200beveryone \\<@&1\\> \\:smile: Date: today',
    );
    expect(escapeMarkdown('||spoiler|| ~~gone~~ __under__ `code`')).toBe('\\|\\|spoiler\\|\\| \\~\\~gone\\~\\~ \\_\\_under\\_\\_ \\`code\\`');
  });

  it('unescaping gives back the exact text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '_', '\\', '@', 'everyone', 'here', '#', '-', ' ', '\n', 'a', '1', '.', ':', '/', '>', '<', '🙂') }), (s) => {
        expect(unescapeMarkdown(escapeMarkdown(s))).toBe(s);
        expect(unescapeMarkdown(quoteSnippet(s).replace(/^> /gm, ''))).toBe(s);
      }),
    );
  });

  it('never leaves a mass mention or a user mention that Discord would parse (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('@', 'everyone', 'here', 'EVERYONE', '<', '>', '!', '&', '#', '1', ' ', '\\') }), (s) => {
        const out = escapeMarkdown(s);
        expect(out).not.toMatch(/@(everyone|here)/i);
        expect(out).not.toMatch(/(^|[^\\])<[@#]/);
      }),
    );
  });

  it('fits titles and headlines at a word boundary with an ellipsis', () => {
    expect(fitInline('short', 10)).toBe('short');
    const fitted = fitInline('The minister of foreign affairs said nothing at all', 30);
    expect(fitted).toBe('The minister of foreign…');
    expect(fitInline('*'.repeat(100), 21).length).toBeLessThanOrEqual(21);
  });

  it('links only http(s) URLs that cannot break out of a markdown link', () => {
    expect(safeUrl('https://example.org/a(b)c d')).toBe('https://example.org/a%28b%29c%20d');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl('https://example.org/' + 'x'.repeat(400))).toBeNull();
  });
});

/**
 * Issue #11: a 200 KB passage with no sentence end blocked the event loop for about a second, and
 * growing faster than its length. The work is counted, never timed: every highlight the renderer
 * reads goes through a Proxy over the highlight list.
 */
describe('renderReply on one very long passage', () => {
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
    return { item: item(text, 1, { highlights }), reads: () => reads };
  }

  it('reads each highlight a bounded number of times: twice the passage, about twice the reads', () => {
    const small = longItem(50_000);
    const smallPages = renderReply(reply([small.item], [citation(1)]));
    const large = longItem(100_000);
    const largePages = renderReply(reply([large.item], [citation(1)]));
    expect(largePages.length).toBe(smallPages.length);
    expect(large.reads()).toBeLessThanOrEqual(small.reads() * 2.5);
  });

  it('shows a passage of megabytes in a bounded number of pages, verbatim, and says what is left', () => {
    const { item: long } = longItem(1_000_000);
    const pages = renderReply(reply([long], [citation(1)]));
    expect(pages.length).toBeLessThanOrEqual(10);
    for (const page of pages) expect(violations(page)).toEqual([]);
    const [shown] = quotedTexts(pages);
    expect(shown!.length).toBeGreaterThan(10_000);
    expect(long.text.startsWith(shown!)).toBe(true);
    const left = long.text.length - shown!.length;
    expect(pages[pages.length - 1]!.embeds[0]!.description).toContain(`\n*(${left.toLocaleString('en')} more characters of this passage are not shown; read them in the article)*`);
    for (const page of pages.slice(0, -1)) expect(page.embeds[0]!.description).not.toContain('not shown');
  });

  it('still shows a long passage below the bound whole, with no note', () => {
    const { item: long } = longItem(39_000);
    const pages = renderReply(reply([long], [citation(1)]));
    expect(quotedTexts(pages)).toEqual([long.text]);
    expect(pages.some((p) => p.embeds[0]!.description!.includes('not shown'))).toBe(false);
  });
});
