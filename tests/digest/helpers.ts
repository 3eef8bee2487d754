/**
 * Shared pieces for the digest tests: a fake clock, posters that record (and fail on demand),
 * a logger that keeps warnings, and a small live library over hand-written articles.
 */
import { createHash } from 'node:crypto';
import type { Clock, Library, Logger, SearchHit, SearchOptions } from '../../src/command.js';
import type { Reply } from '../../src/types.js';
import type { Article, ArticleMeta, Sentence } from '../../src/types.js';

/** A clock the test moves by hand. */
export function fakeClock(start: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    set: (iso) => {
      now = new Date(iso).getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** A logger that keeps warnings and errors as `msg` lines. */
export function recordingLogger(): Logger & { warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  return {
    warnings,
    errors,
    info() {},
    debug() {},
    warn: (_o: unknown, msg?: string) => void warnings.push(msg ?? ''),
    error: (o: unknown, msg?: string) => void errors.push(`${msg ?? ''} ${JSON.stringify(o)}`),
  };
}

/** A poster that records every post and fails the first `failures` calls. */
export function recordingPoster(failures = 0): ((channel: string, reply: Reply) => Promise<void>) & {
  posts: Array<{ channel: string; reply: Reply }>;
  calls: number;
} {
  let left = failures;
  const poster = Object.assign(
    async (channel: string, reply: Reply) => {
      poster.calls++;
      if (left-- > 0) throw new Error('chat API unavailable (503)');
      poster.posts.push({ channel, reply });
    },
    { posts: [] as Array<{ channel: string; reply: Reply }>, calls: 0 },
  );
  return poster;
}

/** An article whose sentences are split at ". "; the first is the title, the rest body. */
export function makeArticle(id: string, meta: Partial<ArticleMeta> & { title: string }, body: string): Article {
  const text = `${meta.title}\n\n${body}`;
  const sentences: Sentence[] = [{ start: 0, end: meta.title.length, index: 0, block: 0, kind: 'title' }];
  const re = /[^.!?]+[.!?]*/g;
  const offset = meta.title.length + 2;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const start = offset + m.index + (m[0].length - m[0].trimStart().length);
    const end = offset + m.index + m[0].trimEnd().length;
    if (end > start) sentences.push({ start, end, index: sentences.length, block: 1, kind: 'body' });
  }
  return {
    id,
    meta: { outlet: 'Test Wire', url: `https://example.org/${id}`, published: null, publishedInferred: false, ...meta },
    text,
    blocks: [
      { start: 0, end: meta.title.length, kind: 'title' },
      { start: offset, end: text.length, kind: 'body' },
    ],
    sentences,
    contentHash: createHash('sha256').update(text).digest('hex'),
    annotations: {},
  };
}

/** A library the test can change, with whole-word passage search (enough for topic matching). */
export function liveLibrary(initial: Article[] = []): Library & {
  applyChanges(c: { upsert: Article[]; remove: string[] }): void;
} {
  const byId = new Map(initial.map((a) => [a.id, a]));
  const search = (query: string, options: SearchOptions = {}): SearchHit[] => {
    const terms = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
    const hits: SearchHit[] = [];
    for (const article of byId.values()) {
      if (options.articleIds && !options.articleIds.has(article.id)) continue;
      let fromArticle = 0;
      for (const s of article.sentences) {
        const words: string[] = article.text.slice(s.start, s.end).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
        if (terms.length && terms.every((t) => words.includes(t)) && fromArticle < (options.perArticle ?? 2)) {
          fromArticle++;
          hits.push({ articleId: article.id, span: { start: s.start, end: s.end }, sentences: [s.index], score: 1, terms, highlights: [] });
        }
      }
    }
    return hits.slice(0, options.limit ?? 5);
  };
  return {
    get articles() {
      return [...byId.values()];
    },
    get: (id) => byId.get(id),
    search,
    searchArticles: (query, limit = 10) => [...new Set(search(query, { limit: 1000 }).map((h) => h.articleId))].slice(0, limit),
    suggest: () => [],
    version: 'test',
    applyChanges({ upsert, remove }) {
      for (const id of remove) byId.delete(id);
      for (const a of upsert) byId.set(a.id, a);
    },
  };
}
