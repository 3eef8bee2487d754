/**
 * The compose files, read as compose reads them (YAML with merge keys): no container builder runs
 * here, so the services, volumes, health checks and settings are checked by parsing. The scaled-out
 * file (compose.scale.yml) has PostgreSQL, two bot replicas and one ingest process; the
 * single-process compose.yml is unchanged in what it runs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { repoRoot } from '../helpers/cli.js';

interface Service {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const read = (file: string) => parse(readFileSync(path.join(repoRoot, file), 'utf8'), { merge: true }) as ComposeFile;
/** `${NAME:?message}` and `${NAME:-default}` as compose fills them in, from `vars`. */
const interpolate = (text: string, vars: Record<string, string>) =>
  text.replace(/\$\{(\w+)(?::[?-][^}]*)?\}/g, (_m, name: string) => vars[name] ?? '');
const namedVolumes = (s: Service) => (s.volumes ?? []).map((v) => v.split(':')[0]!).filter((v) => /^[\w-]+$/.test(v));

describe('compose.scale.yml', () => {
  const compose = read('compose.scale.yml');
  const { services } = compose;
  const bots = ['bot-1', 'bot-2'].map((name) => services[name]!);

  it('runs PostgreSQL 16 or 17 with a volume and a readiness check', () => {
    const pgService = services.postgres!;
    expect(pgService.image).toMatch(/^postgres:1[67](\b|$)/);
    expect(pgService.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(pgService.healthcheck!.test!.join(' ')).toMatch(/pg_isready -U newsdesk -d newsdesk/);
    expect(pgService.environment).toMatchObject({ POSTGRES_USER: 'newsdesk', POSTGRES_DB: 'newsdesk' });
  });

  it('runs two bot replicas on the shared database, each with its own name and DATA_DIR, ready by /readyz', () => {
    expect(Object.keys(services).sort()).toEqual(['bot-1', 'bot-2', 'ingest', 'postgres']);
    for (const bot of bots) {
      expect(bot.command).toEqual(['node', 'bin/newsdesk.js', 'start']);
      expect(bot.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      expect(bot.healthcheck!.test!.join(' ')).toContain('/readyz');
      expect(bot.environment).toMatchObject({ DATA_DIR: '/data', SEARCH_BACKEND: 'postgres' });
      expect(bot.environment!.DATABASE_URL).toMatch(/^postgres:\/\/newsdesk:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/newsdesk$/);
    }
    expect(bots.map((b) => b.environment!.REPLICA_ID)).toEqual(['bot-1', 'bot-2']);
    // Each DATA_DIR is its own volume: the folder holds one process's lock.
    const data = bots.map((b) => namedVolumes(b));
    expect(data).toEqual([['bot-1-data'], ['bot-2-data']]);
  });

  it("gives the bots settings newsdesk accepts (the state store's, with the password filled in)", () => {
    for (const bot of bots) {
      const env = Object.fromEntries(Object.entries(bot.environment!).map(([k, v]) => [k, interpolate(String(v), { POSTGRES_PASSWORD: 's3cret' })]));
      // SEARCH_BACKEND=postgres belongs to the search backend (h/pgsearch); the rest is checked here.
      const { SEARCH_BACKEND: _search, ...rest } = env;
      const config = loadConfig(rest);
      expect(config).toMatchObject({ DATABASE_URL: 'postgres://newsdesk:s3cret@postgres:5432/newsdesk', DIGEST_LEASE_MS: 60_000, HEALTH_PORT: 8080 });
      expect(config.REPLICA_ID).toMatch(/^bot-[12]$/);
    }
  });

  it('caps the bot replicas\' heap, and the postgres bench runs its replica with the same options', async () => {
    const options = bots.map((b) => b.environment!.NODE_OPTIONS);
    expect(options[0]).toMatch(/^--max-old-space-size=\d+$/);
    expect(options[1]).toBe(options[0]);
    const cap = Number(/=(\d+)/.exec(options[0]!)![1]);
    expect(cap).toBeGreaterThanOrEqual(96);
    expect(cap).toBeLessThanOrEqual(256);
    const { replicaNodeOptions } = await import('../../bench/postgres.js');
    const saved = process.env.BENCH_NODE_OPTIONS;
    delete process.env.BENCH_NODE_OPTIONS;
    try {
      expect(replicaNodeOptions()).toBe(options[0]);
    } finally {
      if (saved !== undefined) process.env.BENCH_NODE_OPTIONS = saved;
    }
    // The ingest process holds the library it writes (the compact build): no replica's cap.
    expect(services.ingest!.environment).not.toHaveProperty('NODE_OPTIONS');
  });

  it('runs one ingest process (newsdesk ingest --watch) on the same database, without the chat health probe', () => {
    const ingest = services.ingest!;
    expect(ingest.command).toEqual(['node', 'bin/newsdesk.js', 'ingest', '--watch']);
    expect(ingest.environment!.DATABASE_URL).toBe(bots[0]!.environment!.DATABASE_URL);
    expect(ingest.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(ingest.healthcheck).toEqual({ disable: true });
  });

  it('declares every named volume a service mounts, and builds the image it runs', () => {
    const used = Object.values(services).flatMap(namedVolumes);
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual([...new Set(used)].sort());
    for (const [name, s] of Object.entries(services)) if (name !== 'postgres') expect(s).toMatchObject({ build: '.', image: 'newsdesk:latest' });
  });
});

describe('compose.yml (one process)', () => {
  it('still runs one newsdesk on the SQLite file in its data volume', () => {
    const { services } = read('compose.yml');
    expect(Object.keys(services)).toEqual(['newsdesk']);
    expect(services.newsdesk!.environment).not.toHaveProperty('DATABASE_URL');
    expect(services.newsdesk!.volumes).toContain('newsdesk-data:/data');
    // The compact engine holds the archive in its heap: no replica's heap cap here.
    expect(services.newsdesk!.environment).not.toHaveProperty('NODE_OPTIONS');
  });
});
