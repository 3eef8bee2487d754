/** Articles written for adapter tests: one body block, sentences split at . ! ? before a space. */
import { createHash } from 'node:crypto';
import type { Article, ArticleMeta, Sentence } from '../../src/core/types.js';

/** An article whose whole text is body; analysers run when it goes into a library (`libraryFromArticles`). */
export function bodyArticle(id: string, meta: Partial<ArticleMeta> & { title: string }, text: string): Article {
  const sentences: Sentence[] = [];
  for (const m of text.matchAll(/\S[\s\S]*?(?:[.!?](?=\s|$)|$)/g)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) sentences.push({ start, end, index: sentences.length, block: 0, kind: 'body' });
  }
  return {
    id,
    meta: { outlet: null, url: null, published: null, publishedInferred: false, ...meta },
    text,
    blocks: [{ start: 0, end: text.length, kind: 'body' }],
    sentences,
    contentHash: createHash('sha256').update(text).digest('hex'),
    annotations: {},
  };
}
