/**
 * A serving replica over the archive in PostgreSQL (real server, tests/helpers/postgres.ts): the
 * commands run unchanged through `PgLibrary.answer`, quote the articles verbatim, and answer as
 * the compact library does over the same corpus.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../../src/app/commands-loader.js';
import { loadConfig } from '../../../src/app/config.js';
import { createRuntime, type Runtime } from '../../../src/app/runtime.js';
import type { Logger } from '../../../src/core/ports.js';
import type { Reply } from '../../../src/core/types.js';
import { ANALYSERS } from '../../../src/library/analysers.js';
import { buildLibrary, type IndexedLibrary } from '../../../src/library/build.js';
import { archiveSalt, PgArchiveWriter } from '../../../src/library/pg/archive-writer.js';
import { PgLibrary } from '../../../src/library/pg/pg-library.js';
import { PgSearchIndex } from '../../../src/library/pg/pg-search-index.js';
import { enableTrigrams, migrateSearch } from '../../../src/library/pg/search-schema.js';
import { toJson } from '../../../src/render/json.js';
import { repoRoot } from '../../helpers/cli.js';
import { postgresDatabase } from '../../helpers/postgres.js';

const logger: Logger = { debug() {}, info() {}, error() {}, warn() {} };
const clock = { now: () => new Date('2026-12-01T09:00:00Z') };
/** Words, names, phrases, a prefix, a typo and a miss. */
const QUERIES = ['gyumri', 'russian troops', 'border', 'armenia', 'harbour', 'azerbaijan ceasefire', 'pashinyan', 'HUR', 'milit', 'gyumry', 'xyzzyq'];

/** A reply without the topic table's "— try …" hints in its notes. */
function withoutTopicHints(reply: unknown): unknown {
  const r = reply as { notes?: string[] };
  return { ...r, notes: (r.notes ?? []).map((n) => n.replace(/ — try .*$/, '.')) };
}

describe('a replica serving from PostgreSQL', () => {
  let pool: pg.Pool;
  let compact: IndexedLibrary;
  let local: Runtime;
  let replica: Runtime;
  beforeAll(async () => {
    ({ library: compact } = await buildLibrary({ corpusDir: path.join(repoRoot, 'corpus'), dataDir: mkdtempSync(path.join(tmpdir(), 'nd-pgl-')), logger, snapshot: false }));
    pool = new pg.Pool({ connectionString: await postgresDatabase(), max: 4 });
    await migrateSearch(pool);
    await enableTrigrams(pool);
    await new PgArchiveWriter(pool, archiveSalt(ANALYSERS)).sync(compact.articles);
    const commands = await loadCommands();
    const library = new PgLibrary(pool, new PgSearchIndex(pool), logger);
    local = createRuntime({ commands, library: () => compact, logger, config: loadConfig({}), clock });
    replica = createRuntime({ commands, library: () => library, logger, config: loadConfig({}), clock });
  }, 120_000);
  afterAll(() => pool?.end());

  /** Every quoted item is exact text of its cited article, at its span. */
  function expectVerbatim(reply: Reply): void {
    for (const item of reply.items) {
      const citation = reply.citations.find((c) => c.id === item.source)!;
      const article = compact.get(citation.articleId)!;
      expect(item.text).toBe(article.text.slice(item.span.start, item.span.end));
    }
  }

  it('quotes verbatim: search, claim and timeline answers hold only exact article text', async () => {
    let items = 0;
    for (const q of QUERIES) {
      for (const command of ['search', 'claim', 'timeline']) {
        const reply = await replica.execute(command, { text: q }, { platform: 'cli' });
        expect(reply.error, `${command} ${q}`).toBeFalsy();
        expectVerbatim(reply);
        items += reply.items.length;
      }
    }
    expect(items).toBeGreaterThan(20);
  });

  it('answers search, claim and timeline as the compact library does', async () => {
    const differ: string[] = [];
    for (const q of QUERIES) {
      for (const command of ['search', 'claim', 'timeline']) {
        const a = toJson(await local.execute(command, { text: q }, { platform: 'cli' }));
        const b = toJson(await replica.execute(command, { text: q }, { platform: 'cli' }));
        if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(`${command} ${q}`);
        if (JSON.stringify(withoutTopicHints(a)) !== JSON.stringify(withoutTopicHints(b))) differ.push(`${command} ${q} beyond topic hints`);
      }
    }
    // The one difference: an empty answer's "try …" topics come from the corpus topic table, which a
    // replica does not build (it holds no archive to build it from). A misspelt topic ("gyumry") is
    // such an answer: its names are asked of the index as written, and the hint offers "gyumri".
    expect(differ).toEqual(['claim harbour', 'timeline harbour', 'claim gyumry', 'timeline gyumry', 'claim xyzzyq', 'timeline xyzzyq']);
  });

  it('lists the sources as the compact library does', async () => {
    const a = toJson(await local.execute('sources', { text: '' }, { platform: 'cli' }));
    const b = toJson(await replica.execute('sources', { text: '' }, { platform: 'cli' }));
    expect(b).toEqual(a);
  });

  it('finds a misspelt name through its typo variant, as the compact library does', async () => {
    const reply = await replica.execute('search', { text: 'gyumry' }, { platform: 'cli' });
    expect(reply.items.length).toBeGreaterThan(0);
    expect(reply.items.some((i) => /gyumri/i.test(i.text))).toBe(true);
  });
});
