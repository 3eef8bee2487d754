import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresDatabase } from '../../helpers/postgres.js';

describe('the test PostgreSQL', () => {
  it('gives each call its own empty database on a real server', async () => {
    const [a, b] = await Promise.all([postgresDatabase(), postgresDatabase()]);
    expect(a).not.toBe(b);
    const client = new pg.Client({ connectionString: a });
    await client.connect();
    try {
      const { rows } = await client.query<{ v: string; db: string }>(`SELECT current_setting('server_version_num') AS v, current_database() AS db`);
      expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(180000);
      expect(a.endsWith(`/${rows[0]!.db}`)).toBe(true);
      await client.query(`CREATE TABLE t (x int)`);
    } finally {
      await client.end();
    }
    const other = new pg.Client({ connectionString: b });
    await other.connect();
    try {
      const { rows } = await other.query(`SELECT to_regclass('t') AS t`);
      expect(rows[0].t).toBeNull();
    } finally {
      await other.end();
    }
  });
});
