/**
 * `/sources [--page N]`: the articles in the corpus with what is known about each, a page at a time
 * (corpus order), with how many there are in all. A reply never grows with the archive: a replica
 * reads only the page's articles (`Library.articlePage`).
 */
import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { CitationBook, citationLine, quote } from '../src/answer/reply.js';
import { countOf } from '../src/answer/plural.js';
import { pageNumber, splitPage } from '../src/answer/page-option.js';
import type { ArticlePage, Library } from '../src/core/ports.js';
import type { Reply, ReplyItem } from '../src/core/types.js';

/** Articles on one page. */
export const SOURCES_PAGE = 50;
/** Highest page number accepted: 50 million articles, small enough to stay a number. */
const MAX_PAGE = 1_000_000;

const input = z.object({
  page: pageNumber(MAX_PAGE),
});

/** "--page 2" (or "--page=2") as typed on the CLI or in chat; other text is ignored, as before paging. */
function fromText(text: string): { page?: string } {
  const { page } = splitPage(text);
  return page === undefined ? {} : { page };
}

/** The page from the library's own paging, or a slice of its articles. */
function pageOf(library: Library, start: number, count: number): ArticlePage {
  if (library.articlePage) return library.articlePage(start, count);
  return { total: library.articles.length, articles: library.articles.slice(start, start + count) };
}

export default {
  name: 'sources',
  description: 'List the articles newsdesk knows, with outlet, date and link',
  usage: 'sources [--page N]',
  options: [{ name: 'page', description: `Which page of articles, from 1 (${SOURCES_PAGE} a page)`, required: false }],
  input,
  fromText,
  run({ page = 1 }, { library }): Reply {
    const first = (page - 1) * SOURCES_PAGE;
    const { total, articles } = pageOf(library, first, SOURCES_PAGE);
    const citations = new CitationBook();
    const items: ReplyItem[] = [];
    for (const article of articles) {
      const lead = article.sentences.find((s) => s.kind === 'body' || s.kind === 'standfirst');
      const copy = article.duplicateOf ? ` (copy of ${article.duplicateOf})` : '';
      if (lead) items.push(quote(article, lead, citations, { label: `${article.meta.title}${copy}` }));
      else citations.cite(article);
    }
    const list = citations.list();
    const last = first + articles.length;
    const after = Math.max(0, total - last);
    const notes: string[] = [];
    if (after > 0) notes.push(`${countOf(after, 'more article')}: sources --page ${page + 1}.`);
    if (!articles.length && page > 1 && total) notes.push(`There ${total === 1 ? 'is' : 'are'} ${countOf(total, 'article')} in all: page ${Math.ceil(total / SOURCES_PAGE)} is the last.`);
    const range = articles.length && articles.length < total ? ` (${first + 1}–${last} shown)` : '';
    return {
      command: 'sources',
      query: '',
      headline: `${countOf(total, 'article')} in the corpus${range}`,
      items,
      citations: list,
      notes,
      lines: list.map((c) => `[${c.id}] ${citationLine(c)}${c.url ? ` <${c.url}>` : ''}`),
      ...(after > 0 ? { nextPage: `--page ${page + 1}` } : {}),
    };
  },
} satisfies Command<z.output<typeof input>>;
