/** `/sources`: the articles in the corpus with what is known about each. */
import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { CitationBook, citationLine, quote } from '../src/answer/reply.js';
import { countOf } from '../src/answer/plural.js';
import type { Reply, ReplyItem } from '../src/core/types.js';

const input = z.object({});

export default {
  name: 'sources',
  description: 'List the articles newsdesk knows, with outlet, date and link',
  usage: 'sources',
  options: [],
  input,
  fromText: () => ({}),
  run(_input, { library }): Reply {
    const citations = new CitationBook();
    const items: ReplyItem[] = [];
    for (const article of library.articles) {
      const lead = article.sentences.find((s) => s.kind === 'body' || s.kind === 'standfirst');
      const copy = article.duplicateOf ? ` (copy of ${article.duplicateOf})` : '';
      if (lead) items.push(quote(article, lead, citations, { label: `${article.meta.title}${copy}` }));
      else citations.cite(article);
    }
    const list = citations.list();
    return {
      command: 'sources',
      query: '',
      headline: `${countOf(list.length, 'article')} in the corpus`,
      items,
      citations: list,
      notes: [],
      lines: list.map((c) => `[${c.id}] ${citationLine(c)}${c.url ? ` <${c.url}>` : ''}`),
    };
  },
} satisfies Command<z.output<typeof input>>;
