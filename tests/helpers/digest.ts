/**
 * Shared pieces for the digest tests: a fake clock, posters that record (and fail on demand),
 * a logger that keeps warnings, and the real library over articles written for the tests.
 */
import type { Clock, Logger } from '../../src/core/ports.js';
import { ingestText } from '../../src/ingest/index.js';
import { libraryFromArticles, type IndexedLibrary } from '../../src/library/build.js';
import type { Article, ArticleMeta, Reply } from '../../src/core/types.js';

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

/** An article ingested by the real ingest from "title, blank line, body". */
export function makeArticle(id: string, meta: Partial<ArticleMeta> & { title: string }, body: string): Article {
  return ingestText(`${meta.title}\n\n${body}`, {
    id,
    meta: { outlet: 'Test Wire', url: `https://example.org/${id}`, published: null, publishedInferred: false, ...meta },
  });
}

/** The real indexed library over `initial`; the tests change it as the corpus watcher would. */
export function liveLibrary(initial: Article[] = []): IndexedLibrary {
  return libraryFromArticles([...initial]);
}
