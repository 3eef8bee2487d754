/**
 * The PostgreSQL backend over an archive where every story has many syndicated copies (as the
 * bench corpus: each Reuters story 15 times, copies differing only in their id), against a real
 * PostgreSQL (tests/helpers/postgres.ts). Copies of a passage score as their original does and
 * sort right after it, so a window of the best passages must not be eaten by them: searches find
 * as many hits as the compact library over the same articles, and a timeline its items.
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REUTERS_DIR } from '../../../bench/search-oracle.js';
import { readReuters } from '../../../bench/reuters.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { loadConfig } from '../../../src/app/config.js';
import { createRuntime, type Runtime } from '../../../src/app/runtime.js';
import type { Library, Logger } from '../../../src/core/ports.js';
import type { Article } from '../../../src/core/types.js';
import { ingestText } from '../../../src/ingest/index.js';
import { ANALYSERS } from '../../../src/library/analysers.js';
import { markCopies } from '../../../src/library/fingerprints.js';
import { analyseArticle, SegmentedLibrary } from '../../../src/library/indexed-library.js';
import { archiveSalt, PgArchiveWriter } from '../../../src/library/pg/archive-writer.js';
import { PgLibrary } from '../../../src/library/pg/pg-library.js';
import { PgSearchIndex } from '../../../src/library/pg/pg-search-index.js';
import { enableTrigrams, migrateSearch } from '../../../src/library/pg/search-schema.js';
import { toJson } from '../../../src/render/json.js';
import { postgresDatabase } from '../../helpers/postgres.js';

/** The first stories taken (with those about coffee), and copies of each (the original included). */
const STORIES = 120;
const COPIES = 15;

const warnings: string[] = [];
const logger: Logger = { debug() {}, info() {}, error() {}, warn: (_o: unknown, message?: string) => void warnings.push(message ?? '') };

describe.skipIf(!existsSync(REUTERS_DIR))(`the archive in PostgreSQL with ${COPIES} copies of each story`, () => {
  let pool: pg.Pool;
  let compact: SegmentedLibrary;
  let index: PgSearchIndex;
  let local: Runtime;
  let replica: Runtime;
  beforeAll(async () => {
    // The first stories, and every one about coffee (a timeline's topic with many stories).
    const all = readReuters(REUTERS_DIR);
    const stories = all.filter((s, i) => i < STORIES || /coffee/i.test(s.text));
    const articles: Article[] = [];
    for (let c = 0; c < COPIES; c++) {
      for (const s of stories) {
        articles.push(ingestText(s.text, { id: `copy${c}-reuters-${s.newId}`, meta: { title: s.title, outlet: 'Reuters', published: s.published } }));
      }
    }
    markCopies(articles);
    for (const a of articles) analyseArticle(a, ANALYSERS);
    compact = SegmentedLibrary.fromArticles(articles);
    pool = new pg.Pool({ connectionString: await postgresDatabase(), max: 4 });
    await migrateSearch(pool);
    await enableTrigrams(pool);
    await new PgArchiveWriter(pool, archiveSalt(ANALYSERS)).sync(articles);
    index = new PgSearchIndex(pool);
    const commands = await loadCommands();
    const large: Library = {
      articles: compact.articles,
      get: (id) => compact.get(id),
      search: (q, o) => compact.search(q, o),
      searchArticles: (q, l) => compact.searchArticles(q, l),
      suggest: (q, l) => compact.suggest(q, l),
      version: compact.version,
      partial: true,
    };
    local = createRuntime({ commands, library: () => large, logger, config: loadConfig({}) });
    replica = createRuntime({ commands, library: () => new PgLibrary(pool, index, logger), logger, config: loadConfig({}) });
  }, 300_000);
  afterAll(() => pool?.end());

  it('has the copies it is about', () => {
    expect(compact.articles.filter((a) => a.duplicateOf).length).toBeGreaterThanOrEqual((COPIES - 1) * (STORIES + 150));
  });

  it('finds as many hits as the compact library, the same passages', async () => {
    for (const query of ['oil', 'cocoa', 'coffee', 'oil prices', 'trade deficit']) {
      const want = compact.search(query, { limit: 10, perArticle: 2 });
      const { hits } = await index.search(query, { limit: 10, perArticle: 2 });
      expect(hits.length, query).toBe(want.length);
      expect(hits.map((h) => [h.articleId, h.span.start]), query).toEqual(want.map((h) => [h.articleId, h.span.start]));
    }
    expect(compact.search('oil', { limit: 10, perArticle: 2 }).length).toBeGreaterThanOrEqual(8);
  });

  it('lists at least the compact library\'s articles, copies of listed originals left out', async () => {
    for (const query of ['oil', 'coffee', 'cocoa']) {
      const want = compact.searchArticles(query, 50);
      const got = await index.searchArticles(query, 50);
      // The compact engine reads a budget of candidates (copies among them), so it may list fewer: never more.
      expect(got.length, query).toBeGreaterThanOrEqual(want.length);
      expect(got.filter((id) => want.includes(id)).sort(), query).toEqual([...want].sort());
      // No copy of a listed original, and each story once.
      const story = (id: string) => compact.get(id)!.duplicateOf ?? id;
      expect(new Set(got.map(story)).size, query).toBe(got.length);
    }
  });

  // A topic's names are learnt from its best 8 articles (topics/aliases.ts): when copies filled the article
  // window, those were 3 stories with all-caps Reuters headlines, "coffee" was learnt as "COFFEE", and the
  // timeline found no event.
  it('answers a timeline as the compact library does', async () => {
    for (const topic of ['coffee', 'cocoa']) {
      const b = toJson(await replica.execute('timeline', { text: topic }, { platform: 'cli' }));
      const a = toJson(await local.execute('timeline', { text: topic }, { platform: 'cli' }));
      const items = (x: unknown) => (x as { items: unknown[] }).items.length;
      expect(items(a), topic).toBeGreaterThan(0);
      // Its candidates may be more (see above), not fewer: as many events.
      expect(items(b), topic).toBe(items(a));
    }
    expect(warnings).toEqual([]);
  });
});
