/**
 * Building blocks for commands that quote articles: numbered citations and verbatim items.
 * Every quoted item is made here from an article and a span, so its text is always
 * `article.text.slice(span.start, span.end)`.
 */
import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../core/command.js';
import type { Article, Citation, ReplyItem, Span } from '../core/types.js';

/** Hands out citation numbers in order of first use, one per article. */
export class CitationBook {
  private readonly byArticle = new Map<string, Citation>();

  /** The citation number for an article, adding it if new. */
  cite(article: Article): number {
    const known = this.byArticle.get(article.id);
    if (known) return known.id;
    const citation: Citation = {
      id: this.byArticle.size + 1,
      articleId: article.id,
      title: article.meta.title,
      outlet: article.meta.outlet,
      published: article.meta.published,
      publishedInferred: article.meta.publishedInferred,
      url: article.meta.url,
    };
    this.byArticle.set(article.id, citation);
    return citation.id;
  }

  /** All citations, numbered 1..n. */
  list(): Citation[] {
    return [...this.byArticle.values()];
  }
}

/**
 * A verbatim item for `span` of `article`.
 * @param highlights - absolute offsets of matched words; those inside the span are kept, made relative
 */
export function quote(
  article: Article,
  span: Span,
  citations: CitationBook,
  extra: Omit<ReplyItem, 'text' | 'source' | 'span' | 'highlights'> & { highlights?: Span[] } = {},
): ReplyItem {
  const { highlights, ...rest } = extra;
  const item: ReplyItem = {
    text: article.text.slice(span.start, span.end),
    source: citations.cite(article),
    span: { start: span.start, end: span.end },
    ...rest,
  };
  const inside = (highlights ?? [])
    .filter((h) => h.start >= span.start && h.end <= span.end && h.end > h.start)
    .map((h) => ({ start: h.start - span.start, end: h.end - span.start }));
  if (inside.length) item.highlights = inside;
  return item;
}

/** How a citation's date reads to a person: "2021-06-04", "2021-06-04 (inferred)" or "date unknown". */
export function citationDate(c: Pick<Citation, 'published' | 'publishedInferred'>): string {
  if (!c.published) return 'date unknown';
  return c.publishedInferred ? `${c.published} (inferred)` : c.published;
}

/** "Title — Outlet, 2021-06-04 (inferred)" for a citation. */
export function citationLine(c: Citation): string {
  return `${c.title} — ${c.outlet ?? 'outlet unknown'}, ${citationDate(c)}`;
}

/** The zod schema for a free-text query or topic: trimmed, 1–500 characters, with some letter or digit. */
export function queryText(what: string) {
  return z
    .string({ error: `Give a ${what}.` })
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, `Give a ${what}.`)
    .refine((s) => s.length <= MAX_QUERY_LENGTH, `That ${what} is too long (at most ${MAX_QUERY_LENGTH} characters).`)
    .refine((s) => /[\p{L}\p{N}]/u.test(s), `That ${what} has no letters or digits to look for.`);
}
