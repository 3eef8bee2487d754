/** `/search <query>`: the best passages for a query, verbatim, with matched words marked and cited. */
import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { CitationBook, quote, queryText } from '../src/answer/reply.js';
import { countOf } from '../src/answer/plural.js';
import type { Reply } from '../src/core/types.js';

/** How many passages one answer carries; adapters page through them. */
const RESULT_LIMIT = 10;

const input = z.object({ query: queryText('search query') });

export default {
  name: 'search',
  description: 'Find passages in the articles, quoted verbatim with citations',
  usage: 'search <query>',
  options: [{ name: 'query', description: 'Words to look for', required: true }],
  input,
  fromText: (text: string) => ({ query: text }),
  run({ query }, { library }): Reply {
    const hits = library.search(query, { limit: RESULT_LIMIT, perArticle: 2 });
    const citations = new CitationBook();
    const items = hits.flatMap((hit) => {
      const article = library.get(hit.articleId);
      if (!article) return [];
      const caption = hit.sentences.some((i) => article.sentences[i]?.kind === 'caption');
      return [quote(article, hit.span, citations, { highlights: hit.highlights, ...(caption ? { caption: true } : {}) })];
    });
    const notes: string[] = [];
    if (!items.length) {
      const suggestions = library.suggest(query, 5).filter((s) => s.toLowerCase() !== query.toLowerCase());
      notes.push(suggestions.length ? `No results — did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : 'No results.');
    }
    const articles = new Set(items.map((i) => i.source)).size;
    return {
      command: 'search',
      query,
      headline: items.length
        ? `${countOf(items.length, 'passage')} for "${query}" from ${countOf(articles, 'article')}`
        : `Nothing found for "${query}"`,
      items,
      citations: citations.list(),
      notes,
    };
  },
} satisfies Command<z.output<typeof input>>;
