/**
 * The work a replica on PostgreSQL does per command (real server, tests/helpers/postgres.ts): it
 * fetches what the answer reads, not the archive around it. Over the sample corpus with many
 * syndicated copies of each article (dated today, so they are "recent"): a timeline fetches no
 * copy, a claim fetches the copies it lists as appearances, a command that reads no article
 * fetches none, and the answers stay the compact library's.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SOURCES_PAGE } from '../../../commands/sources.js';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { loadConfig } from '../../../src/app/config.js';
import { createRuntime, type Runtime } from '../../../src/app/runtime.js';
import type { Library, Logger } from '../../../src/core/ports.js';
import { ANALYSERS } from '../../../src/library/analysers.js';
import { buildLibrary, type IndexedLibrary } from '../../../src/library/build.js';
import { archiveSalt, PgArchiveWriter } from '../../../src/library/pg/archive-writer.js';
import { MAX_RECENT, PgLibrary } from '../../../src/library/pg/pg-library.js';
import { PgSearchIndex } from '../../../src/library/pg/pg-search-index.js';
import { enableTrigrams, migrateSearch } from '../../../src/library/pg/search-schema.js';
import { toJson } from '../../../src/render/json.js';
import { repoRoot } from '../../helpers/cli.js';
import { postgresDatabase } from '../../helpers/postgres.js';

const warnings: string[] = [];
const logger: Logger = { debug() {}, info() {}, error() {}, warn: (_o: unknown, message?: string) => void warnings.push(message ?? '') };
/** Copies of each sample article. */
const COPIES = 12;

describe('a replica fetches what a command reads', () => {
  let pool: pg.Pool;
  let compact: IndexedLibrary;
  let local: Runtime;
  let replica: Runtime;
  /** Article rows the replica read from PostgreSQL since the last reset, and how many were copies. */
  const read = { articles: 0, copies: 0, articleSearches: 0, textChars: 0 };
  beforeAll(async () => {
    const corpus = mkdtempSync(path.join(tmpdir(), 'nd-pgw-corpus-'));
    const today = new Date().toISOString().slice(0, 10);
    const source = path.join(repoRoot, 'corpus');
    cpSync(source, corpus, { recursive: true });
    for (const file of readdirSync(source).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(path.join(source, file), 'utf8');
      for (let n = 1; n <= COPIES; n++) {
        // A republication: same text, another site, dated today.
        const copy = text.replace(/^url: .*$/m, `url: "https://copy${n}.example/${file}"`).replace(/^published: .*$/m, `published: ${today}`);
        writeFileSync(path.join(corpus, `${today}-copy${n}-${file}`), copy);
      }
    }
    ({ library: compact } = await buildLibrary({ corpusDir: corpus, dataDir: mkdtempSync(path.join(tmpdir(), 'nd-pgw-')), logger, snapshot: false }));
    pool = new pg.Pool({ connectionString: await postgresDatabase(), max: 4 });
    await migrateSearch(pool);
    await enableTrigrams(pool);
    await new PgArchiveWriter(pool, archiveSalt(ANALYSERS)).sync(compact.articles);
    // Counts the article rows (those with a body) every query of the replica returns.
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
    (pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
      const result = await query(...args);
      if (typeof args[0] === 'string' && args[0].includes('ranked AS')) read.articleSearches++;
      for (const row of result.rows ?? []) {
        // Article text read, whole bodies or parts of them (`text`).
        for (const key of ['body', 'text'] as const) {
          const value = (row as Record<string, unknown>)[key];
          if (typeof value === 'string') read.textChars += value.length;
        }
        if (typeof (row as { body?: unknown }).body !== 'string') continue;
        read.articles++;
        if ((row as { duplicate_of?: unknown }).duplicate_of) read.copies++;
      }
      return result;
    };
    const commands = await loadCommands();
    const library = new PgLibrary(pool, new PgSearchIndex(pool), logger);
    // The compact library as it answers a large archive (through its index, not a scan of every
    // article), which is how a replica always answers: the two must agree.
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
    replica = createRuntime({ commands, library: () => library, logger, config: loadConfig({}) });
  }, 180_000);
  afterAll(() => pool?.end());
  beforeEach(() => {
    read.articles = 0;
    read.copies = 0;
    read.articleSearches = 0;
    read.textChars = 0;
  });

  it('lists the sources a page at a time as the compact library does, reading of each article on the page its lead, not its body', async () => {
    const total = compact.articles.length;
    expect(total).toBeGreaterThan(SOURCES_PAGE);
    const pages = Math.ceil(total / SOURCES_PAGE);
    for (let page = 1; page <= pages; page++) {
      read.articles = 0;
      read.textChars = 0;
      const text = page === 1 ? '' : `--page ${page}`;
      const reply = await replica.execute('sources', { text }, { platform: 'cli' });
      const b = toJson(reply);
      expect(b, text).toEqual(toJson(await local.execute('sources', { text }, { platform: 'cli' })));
      const on = compact.articles.slice((page - 1) * SOURCES_PAGE, page * SOURCES_PAGE);
      expect((b as { items: unknown[] }).items.length, text).toBe(on.length);
      expect(reply.headline).toBe(`${total} articles in the corpus (${(page - 1) * SOURCES_PAGE + 1}–${(page - 1) * SOURCES_PAGE + on.length} shown)`);
      expect(reply.nextPage).toBe(page < pages ? `--page ${page + 1}` : undefined);
      // Only the page's rows, and of each its lead.
      expect(read.articles, text).toBe(on.length);
      const leads = on.reduce((n, a) => n + (a.sentences.find((x) => x.kind === 'body' || x.kind === 'standfirst')?.end ?? 0), 0);
      expect(read.textChars).toBeGreaterThan(0);
      expect(read.textChars).toBeLessThanOrEqual(leads);
      expect(read.textChars).toBeLessThan(on.reduce((n, a) => n + a.text.length, 0) / 4);
    }
    // Past the last page: nothing listed, and which page is the last.
    const past = await replica.execute('sources', { text: `--page ${pages + 1}` }, { platform: 'cli' });
    expect(toJson(past)).toEqual(toJson(await local.execute('sources', { text: `--page ${pages + 1}` }, { platform: 'cli' })));
    expect(past.items).toEqual([]);
    expect(past.notes).toContain(`There are ${total} articles in all: page ${pages} is the last.`);
  });

  it('has the copies it is about', () => {
    expect(compact.articles.filter((a) => a.duplicateOf).length).toBeGreaterThanOrEqual(4 * COPIES);
  });

  it('reads no syndicated copy for a timeline, and answers as the compact library does', async () => {
    for (const topic of ['armenia', 'russia-armenia', 'gyumri']) {
      const before = read.articles;
      const b = toJson(await replica.execute('timeline', { text: topic }, { platform: 'cli' }));
      expect(b, topic).toEqual(toJson(await local.execute('timeline', { text: topic }, { platform: 'cli' })));
      expect((b as { items: unknown[] }).items.length, topic).toBeGreaterThan(0);
      // At most one row per story (the index lists an original, not its copies), and each once.
      expect(read.articles - before, topic).toBeLessThanOrEqual(5);
    }
    expect(read.copies).toBe(0);
  });

  it('reads the copies a claim lists as appearances, and answers as the compact library does', async () => {
    const reply = await replica.execute('claim', { text: 'gyumri' }, { platform: 'cli' });
    expect(toJson(reply)).toEqual(toJson(await local.execute('claim', { text: 'gyumri' }, { platform: 'cli' })));
    expect(reply.items.some((i) => (i.alsoIn ?? []).length > 0)).toBe(true);
    expect(read.copies).toBeGreaterThan(0);
    // Its candidates (at most 50) and their copies, each once.
    expect(read.articles).toBeLessThanOrEqual(compact.articles.length);
  });

  it('asks a topic\'s aliases only when the topic itself found too few articles, as the compact library does', async () => {
    // "armenia" and its copies fill a claim's candidates: the aliases (Armenian, Yerevan …) are not asked.
    const reply = await replica.execute('claim', { text: 'armenia' }, { platform: 'cli' });
    expect(toJson(reply)).toEqual(toJson(await local.execute('claim', { text: 'armenia' }, { platform: 'cli' })));
    expect(read.articleSearches).toBe(1);
  });

  it('answers topics of several subjects with many aliases in full, within its rounds, as the compact library does', async () => {
    for (const topic of ['russia-armenia', 'ukraine-russia-armenia', 'armenia-azerbaijan', 'russian troops-armenia']) {
      for (const command of ['claim', 'timeline']) {
        const b = toJson(await replica.execute(command, { text: topic }, { platform: 'cli' }));
        expect(b, `${command} ${topic}`).toEqual(toJson(await local.execute(command, { text: topic }, { platform: 'cli' })));
      }
    }
    expect(warnings).toEqual([]);
  });

  it('reads no article for a command that does not read the archive', async () => {
    const reply = await replica.execute('digest', { text: 'list' }, { platform: 'cli' });
    expect(reply.error).toBeTruthy();
    expect(read.articles).toBe(0);
  });

  it('reads the recent articles for a digest shown without the digest service, as the compact library lists them', async () => {
    const since = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const b = toJson(await replica.execute('digest', { text: `--since ${since}` }, { platform: 'cli' }));
    expect(b).toEqual(toJson(await local.execute('digest', { text: `--since ${since}` }, { platform: 'cli' })));
    expect(read.articles).toBeGreaterThan(0);
  });

  it('reads at most its newest MAX_RECENT articles for a command that scans the recent ones (topics)', async () => {
    const few = createRuntime({ commands: await loadCommands(), library: () => new PgLibrary(pool, new PgSearchIndex(pool), logger, { maxRecent: 10 }), logger, config: loadConfig({}) });
    const reply = await few.execute('topics', { text: '' }, { platform: 'cli' });
    expect(reply.error).toBeFalsy();
    expect(read.articles).toBe(10);
    read.articles = 0;
    // The shipped bound: this archive's recent articles are fewer, so all are read.
    await replica.execute('topics', { text: '' }, { platform: 'cli' });
    expect(MAX_RECENT).toBeLessThanOrEqual(5_000);
    expect(read.articles).toBe(compact.articles.filter((a) => a.meta.published && a.meta.published >= new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 10)).length);
  });
});
