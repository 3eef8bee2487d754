/** The replica settings (README "Scaling out"): DATABASE_URL, REPLICA_ID and DIGEST_LEASE_MS, checked where all settings are. */
import { describe, expect, it } from 'vitest';
import { isNewsdeskError } from '../../src/core/errors.js';
import { loadConfig } from '../../src/app/config.js';

const refusal = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(isNewsdeskError(err, 'config')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('accepted');
};

describe('replica settings', () => {
  it('default to one process on the SQLite file', () => {
    const config = loadConfig({});
    expect([config.DATABASE_URL, config.REPLICA_ID, config.DIGEST_LEASE_MS]).toEqual([undefined, undefined, 60_000]);
  });

  it('take a postgres:// URL, a replica name and a lease', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://nd:pw@db.internal:5432/newsdesk?sslmode=require', REPLICA_ID: 'bot-1.eu', DIGEST_LEASE_MS: '1500' });
    expect(config).toMatchObject({ DATABASE_URL: 'postgresql://nd:pw@db.internal:5432/newsdesk?sslmode=require', REPLICA_ID: 'bot-1.eu', DIGEST_LEASE_MS: 1500 });
  });

  it('refuse a URL that is not PostgreSQL, naming the variable but never echoing its value (it holds a password)', () => {
    const message = refusal({ DATABASE_URL: 'mysql://nd:hunter2@db/newsdesk' });
    expect(message).toBe('DATABASE_URL must be a postgres:// (or postgresql://) URL');
    expect(refusal({ DATABASE_URL: 'postgres://nd:hunter2@db/news desk' })).not.toContain('hunter2');
  });

  it('refuse a lease too short or too long, and a replica name with odd characters', () => {
    expect(refusal({ DIGEST_LEASE_MS: '100' })).toMatch(/^DIGEST_LEASE_MS must be a whole number of milliseconds from 500 to 3600000$/);
    expect(refusal({ DIGEST_LEASE_MS: '1e9' })).toMatch(/^DIGEST_LEASE_MS /);
    expect(refusal({ REPLICA_ID: 'bot 1 <@U1>' })).toMatch(/^REPLICA_ID must be /);
  });
});

describe('number settings (one bounded parser)', () => {
  it('take the fallback when unset or empty, and the value when in bounds', () => {
    expect(loadConfig({})).toMatchObject({ FEEDS_HOST_DELAY_SECONDS: 1, RATE_LIMIT_PER_MINUTE: 20, DIGEST_LEASE_MS: 60_000 });
    expect(loadConfig({ FEEDS_HOST_DELAY_SECONDS: '0.5', RATE_LIMIT_PER_MINUTE: '', DIGEST_LEASE_MS: ' 500 ' })).toMatchObject({
      FEEDS_HOST_DELAY_SECONDS: 0.5,
      RATE_LIMIT_PER_MINUTE: 20,
      DIGEST_LEASE_MS: 500,
    });
  });

  it('refuse a fraction where a whole number is asked, and a value out of bounds, each with its own words', () => {
    expect(refusal({ RATE_LIMIT_PER_MINUTE: '2.5' })).toBe('RATE_LIMIT_PER_MINUTE must be a whole number of at least 1');
    expect(refusal({ RATE_LIMIT_PER_MINUTE: '0' })).toBe('RATE_LIMIT_PER_MINUTE must be a whole number of at least 1');
    expect(refusal({ FEEDS_HOST_DELAY_SECONDS: '601' })).toBe('FEEDS_HOST_DELAY_SECONDS must be a number of seconds from 0 to 600');
    expect(refusal({ FEEDS_HOST_DELAY_SECONDS: 'soon' })).toBe('FEEDS_HOST_DELAY_SECONDS must be a number of seconds from 0 to 600');
    expect(refusal({ SLACK_PORT: '70000' })).toBe('SLACK_PORT must be a port number (0-65535)');
  });
});
