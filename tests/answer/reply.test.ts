/** The Reply building blocks every command uses: citations, verbatim quotes, dates, query text. */
import { describe, expect, it } from 'vitest';
import { CitationBook, citationDate, citationLine, queryText, quote } from '../../src/answer/reply.js';
import type { Citation } from '../../src/core/types.js';
import { bodyArticle } from '../helpers/articles.js';

const harbour = bodyArticle('harbour.md', { title: 'Harbour reopens', outlet: 'Test Wire', url: 'https://example.org/h', published: '2024-03-08' }, 'The harbour reopened. Ships queued at dawn.');
const talks = bodyArticle('talks.md', { title: 'Talks resume', published: '2024-03-09', publishedInferred: true }, 'Delegations met at the border.');

describe('CitationBook', () => {
  it('numbers articles from 1 in order of first use, once each, with their metadata', () => {
    const book = new CitationBook();
    expect(book.list()).toEqual([]);
    expect(book.cite(talks)).toBe(1);
    expect(book.cite(harbour)).toBe(2);
    expect(book.cite(talks)).toBe(1);
    expect(book.list()).toEqual([
      { id: 1, articleId: 'talks.md', title: 'Talks resume', outlet: null, published: '2024-03-09', publishedInferred: true, url: null },
      { id: 2, articleId: 'harbour.md', title: 'Harbour reopens', outlet: 'Test Wire', published: '2024-03-08', publishedInferred: false, url: 'https://example.org/h' },
    ]);
  });
});

describe('quote', () => {
  it('quotes the exact text of the span and cites its article', () => {
    const book = new CitationBook();
    book.cite(talks);
    const item = quote(harbour, { start: 22, end: 43 }, book, { label: 'dawn', fields: { date: '2024-03-08' } });
    expect(item).toEqual({ text: 'Ships queued at dawn.', source: 2, span: { start: 22, end: 43 }, label: 'dawn', fields: { date: '2024-03-08' } });
  });

  it('keeps only highlights inside the span, made relative to it; none means no highlights field', () => {
    const book = new CitationBook();
    const span = { start: 22, end: 43 };
    const item = quote(harbour, span, book, {
      highlights: [
        { start: 4, end: 11 }, // "harbour": outside
        { start: 22, end: 27 }, // "Ships": at the start
        { start: 38, end: 42 }, // "dawn": inside
        { start: 40, end: 40 }, // empty
        { start: 42, end: 44 }, // runs past the end
        { start: 20, end: 23 }, // starts before
        { start: 43, end: 43 }, // empty, at the end
      ],
    });
    expect(item.highlights).toEqual([
      { start: 0, end: 5 },
      { start: 16, end: 20 },
    ]);
    expect(harbour.text.slice(22 + 16, 22 + 20)).toBe('dawn');
    const ending = quote(harbour, span, book, { highlights: [{ start: 38, end: 43 }] });
    expect(ending.highlights).toEqual([{ start: 16, end: 21 }]);
    const none = quote(harbour, span, book, { highlights: [{ start: 0, end: 3 }] });
    expect('highlights' in none).toBe(false);
    expect('highlights' in quote(harbour, span, book)).toBe(false);
  });

  it('copies the span rather than keeping the caller’s object', () => {
    const span = { start: 0, end: 21 };
    const item = quote(harbour, span, new CitationBook());
    span.end = 5;
    expect(item.span).toEqual({ start: 0, end: 21 });
    expect(item.text).toBe('The harbour reopened.');
  });
});

describe('citation dates and lines', () => {
  const c = (published: string | null, publishedInferred: boolean, outlet: string | null = 'Test Wire'): Citation => ({
    id: 1, articleId: 'a', title: 'Harbour reopens', outlet, published, publishedInferred, url: null,
  });
  it('reads the date as stated, inferred or unknown', () => {
    expect(citationDate(c('2024-03-08', false))).toBe('2024-03-08');
    expect(citationDate(c('2024-03-08', true))).toBe('2024-03-08 (inferred)');
    expect(citationDate(c(null, false))).toBe('date unknown');
    expect(citationDate(c(null, true))).toBe('date unknown');
  });
  it('writes "Title — Outlet, date"', () => {
    expect(citationLine(c('2024-03-08', true))).toBe('Harbour reopens — Test Wire, 2024-03-08 (inferred)');
    expect(citationLine(c(null, false, null))).toBe('Harbour reopens — outlet unknown, date unknown');
  });
});

describe('queryText', () => {
  const schema = queryText('topic');
  const error = (input: unknown) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    return r.error!.issues.map((i) => i.message);
  };
  it('trims and accepts 1 to 500 characters with a letter or digit', () => {
    expect(schema.parse('  gyumri  ')).toBe('gyumri');
    expect(schema.parse('7')).toBe('7');
    expect(schema.parse('é')).toBe('é');
    expect(schema.parse('x'.repeat(500))).toBe('x'.repeat(500));
    expect(schema.parse(` ${'x'.repeat(500)} `)).toBe('x'.repeat(500));
  });
  it('refuses with a message naming what is missing', () => {
    expect(error(undefined)).toEqual(['Give a topic.']);
    expect(error(42)).toEqual(['Give a topic.']);
    expect(error('   ')).toEqual(['Give a topic.', 'That topic has no letters or digits to look for.']);
    expect(error('x'.repeat(501))).toEqual(['That topic is too long (at most 500 characters).']);
    expect(error('?!… —')).toEqual(['That topic has no letters or digits to look for.']);
  });
});
