/**
 * A real PostgreSQL for tests: the run's one server (see postgres-server.ts, a globalSetup),
 * with a fresh database per call so test files never see each other's rows.
 * @example
 * const url = await postgresDatabase();
 * const pool = new pg.Pool({ connectionString: url });
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

let server: Promise<string> | undefined;

/** Connection URL of the run's PostgreSQL server (its `postgres` database), starting it if needed. */
export function postgresServer(): Promise<string> {
  server ??= (async () => {
    const res = await fetch(inject('postgresControl'));
    const body = await res.text();
    if (!res.ok) throw new Error(body);
    return body;
  })();
  return server;
}

/** Creates a new, empty database on the run's server and returns its connection URL. */
export async function postgresDatabase(): Promise<string> {
  const base = await postgresServer();
  const name = `nd_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: `${base}/postgres` });
  await client.connect();
  try {
    // Two files creating databases at once can meet on the template's lock: wait and retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await client.end();
  }
  return `${base}/${name}`;
}

/**
 * Runs one statement on its own connection (what no store offers: reading the clock, peeking at or
 * ageing rows) and returns its rows.
 */
export async function queryOnce<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
