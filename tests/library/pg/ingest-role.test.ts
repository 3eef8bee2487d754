/**
 * `newsdesk ingest [--watch]` against a real PostgreSQL: the corpus folder ends up in the archive,
 * and with --watch a file added later does too.
 */
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/app/config.js';
import { runIngest } from '../../../src/app/ingest-role.js';
import type { Logger } from '../../../src/core/ports.js';
import { PgSearchIndex } from '../../../src/library/pg/pg-search-index.js';
import { repoRoot } from '../../helpers/cli.js';
import { postgresDatabase } from '../../helpers/postgres.js';

const logger: Logger = { debug() {}, info() {}, error() {}, warn() {} };

describe('the ingest role', () => {
  it('writes the corpus folder to the archive, then, watching, a file added later', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nd-ingest-'));
    const corpus = path.join(dir, 'corpus');
    cpSync(path.join(repoRoot, 'corpus'), corpus, { recursive: true });
    const url = await postgresDatabase();
    const config = loadConfig({ CORPUS_DIR: corpus, DATA_DIR: path.join(dir, 'data') });
    expect(await runIngest(config, logger, { watch: false, databaseUrl: url })).toBe(0);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      const index = new PgSearchIndex(pool);
      const before = await index.size();
      expect(before).toBe(readdirSync(corpus).filter((f) => /\.(md|txt|html?|json)$/.test(f)).length);
      let stop!: () => void;
      const until = new Promise<void>((resolve) => (stop = resolve));
      const running = runIngest(config, logger, { watch: true, databaseUrl: url, until });
      // Once the watcher has written its first sync, a new file is written on its change.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeFileSync(path.join(corpus, 'zanzibar-ferry.md'), '# Ferry service resumes to Zanzibar\n\nThe Zanzibar ferry resumed service on Monday after repairs, the operator said in a statement.\n');
      while ((await index.searchArticles('zanzibar ferry', 5)).length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await index.size()).toBe(before + 1);
      stop();
      expect(await running).toBe(0);
    } finally {
      await pool.end();
    }
  }, 120_000);

  it('says what is missing without DATABASE_URL', async () => {
    await expect(runIngest(loadConfig({}), logger, { watch: false, databaseUrl: undefined })).rejects.toThrow(/DATABASE_URL/);
  });
});
