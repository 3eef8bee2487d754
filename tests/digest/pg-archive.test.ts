/**
 * The digest service of a replica over the archive in PostgreSQL (a `PgLibrary`, which holds no
 * articles), against a real PostgreSQL and the real ingest role: it records no arrivals itself,
 * and env subscriptions wait until the ingest role has recorded the archive, so a fresh
 * deployment's first digest is not the whole archive; `/digest now` then carries only what
 * arrived after, read from PostgreSQL, quoted verbatim.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { runIngest } from '../../src/app/ingest-role.js';
import { DigestService } from '../../src/digest/service.js';
import { openReplicaLibrary } from '../../src/library/pg/pg-open.js';
import { PgStateStore } from '../../src/store/pg/pg-state-store.js';
import { repoRoot } from '../helpers/cli.js';
import { recordingLogger, recordingPoster } from '../helpers/digest.js';
import { postgresDatabase } from '../helpers/postgres.js';

const SEED = '2021-06-04-tass-russia-increases-border-troop-strength-in-armenia.md';
const TREMOR = `---\ntitle: "Tremor felt in Gyumri"\noutlet: "Test Wire"\npublished: 2026-11-23\n---\nTremor felt in Gyumri\n\nA tremor was felt in Gyumri on Monday morning. No damage was reported.\n`;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the digest service of a replica on the archive in PostgreSQL', () => {
  it('waits for the ingest role before making env or manual subscriptions, then posts only later arrivals', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nd-pg-archive-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    copyFileSync(path.join(repoRoot, 'corpus', SEED), path.join(corpus, SEED));
    const url = await postgresDatabase();
    const logger = recordingLogger();

    // The replica starts first, on an empty database (compose starts every service at once).
    const { library, pool } = await openReplicaLibrary(url, logger);
    cleanups.push(() => pool.end());
    const store = await PgStateStore.open({ url, logger });
    const slack = recordingPoster();
    const service = new DigestService({
      store,
      library: () => library,
      logger,
      posters: { slack },
      envSubscriptions: [{ platform: 'slack', channel: 'C5000001', topic: null, cron: '0 9 * * *', timezone: 'UTC', createdBy: null, origin: 'env' }],
      retry: { attempts: 1 },
    });
    cleanups.push(() => service.stop());
    expect(await service.start()).toEqual({ posted: 0, empty: 0, failed: 0 });
    expect(await service.list()).toEqual([]);
    // A manual subscription waits for the ingest role too.
    await expect(service.subscribe({ platform: 'slack', channel: 'C5000002' })).rejects.toMatchObject({ code: 'loading' });
    expect(await service.list()).toEqual([]);

    const config = loadConfig({ CORPUS_DIR: corpus, DATA_DIR: path.join(root, 'ingest-data') });
    expect(await runIngest(config, logger, { watch: false, databaseUrl: url })).toBe(0);
    await service.tick();
    const [sub] = await service.list();
    expect(sub).toMatchObject({ channel: 'C5000001', origin: 'env', createdSeq: 1 });
    // The archive as first ingested is not news.
    await expect(service.runNow({ platform: 'slack', channel: 'C5000001' })).resolves.toMatchObject([{ outcome: 'empty' }]);
    await service.subscribe({ platform: 'slack', channel: 'C5000002' });
    await expect(service.runNow({ platform: 'slack', channel: 'C5000002' })).resolves.toMatchObject([{ outcome: 'empty' }]);

    writeFileSync(path.join(corpus, 'tremor.md'), TREMOR);
    expect(await runIngest(config, logger, { watch: false, databaseUrl: url })).toBe(0);
    expect(await service.runNow({ platform: 'slack', channel: 'C5000001' })).toMatchObject([{ outcome: 'posted' }]);
    expect(slack.posts).toHaveLength(1);
    const reply = slack.posts[0]!.reply;
    expect(reply.items.map((i) => i.text)).toEqual(['A tremor was felt in Gyumri on Monday morning.']);
    expect(reply.citations).toMatchObject([{ articleId: 'tremor.md', title: 'Tremor felt in Gyumri' }]);
    expect(logger.errors).toEqual([]);
  }, 120_000);
});
