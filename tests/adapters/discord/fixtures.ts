/**
 * A small real Library over hand-written articles (an object satisfying `Library`, as the core's
 * seam allows), with text that tries to break Discord's layout and to ping everyone.
 */
import { createHash } from 'node:crypto';
import type { Library, SearchHit, SearchOptions } from '../../../src/command.js';
import { loadConfig, type Config } from '../../../src/config.js';
import type { Article, ArticleMeta, Sentence } from '../../../src/types.js';

/** An article whose sentences are split at ". " and all count as body text. */
export function makeArticle(id: string, meta: Partial<ArticleMeta> & { title: string }, text: string): Article {
  const sentences: Sentence[] = [];
  const re = /[^.!?]+[.!?]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
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

/** The articles the Discord tests search. */
export const ARTICLES: Article[] = [
  makeArticle(
    'gyumri.md',
    { title: 'Quake anniversary in Gyumri', outlet: 'Armenpress', url: 'https://example.org/news/gyumri?id=1', published: '2021-06-04', publishedInferred: false },
    'Residents of Gyumri gathered on Friday. The mayor said the rebuilt school will open in September. ' +
      'Officials in Armenia promised more **housing** money @everyone should read. ' +
      'A reporter asked about `code` and ||spoilers|| and <@123456> in Gyumri.',
  ),
  makeArticle(
    'border.txt',
    { title: 'Border talks [update]', outlet: 'Daily *Star*', url: 'https://example.com/border_(talks)', published: '2021-05-30', publishedInferred: true },
    'Armenia and Azerbaijan held border talks. # Not a heading in Gyumri either. The ministry denied the report.',
  ),
];

/** Passage search by whole words, with the matched words as highlights (absolute offsets). */
export function fixtureLibrary(articles: Article[] = ARTICLES): Library {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const words = [...new Set(articles.flatMap((a) => a.text.toLowerCase().match(/\p{L}+/gu) ?? []))].sort();
  const search = (query: string, options: SearchOptions = {}): SearchHit[] => {
    const terms = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
    const hits: SearchHit[] = [];
    for (const article of articles) {
      let fromArticle = 0;
      for (const s of article.sentences) {
        const text = article.text.slice(s.start, s.end);
        const highlights = [];
        for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
          if (terms.includes(m[0].toLowerCase())) highlights.push({ start: s.start + m.index, end: s.start + m.index + m[0].length });
        }
        if (highlights.length && fromArticle < (options.perArticle ?? 2)) {
          fromArticle++;
          hits.push({ articleId: article.id, span: { start: s.start, end: s.end }, sentences: [s.index], score: highlights.length, terms, highlights });
        }
      }
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 5);
  };
  return {
    articles,
    get: (id) => byId.get(id),
    search,
    searchArticles: (query, limit = 10) => [...new Set(search(query, { limit: 100 }).map((h) => h.articleId))].slice(0, limit),
    suggest: (query, limit = 5) => words.filter((w) => w.startsWith(query.trim().toLowerCase())).slice(0, limit),
    version: 'fixture',
  };
}

/** Configuration as the tests want it (env-shaped, through the real loader). */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ DISCORD_TOKEN: 'test-token-not-secret', DISCORD_APP_ID: '100000000000000001', LOG_LEVEL: 'silent', ...env });
}
