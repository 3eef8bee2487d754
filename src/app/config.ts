/**
 * Configuration, read in one place from the environment and validated with zod.
 * A missing or malformed variable is reported as one line that names it.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { NewsdeskError } from '../core/errors.js';
import { readEnvFile } from './env-file.js';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * A number setting within bounds; unset or empty gives the fallback. `message` names the bounds
 * in words, shown after the variable's name when a value is out of them.
 */
const bounded = (o: { fallback: number; min: number; max: number; integer: boolean; message: string }) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return o.fallback;
      const n = Number(v);
      if (!(o.integer ? Number.isInteger(n) : Number.isFinite(n)) || n < o.min || n > o.max) {
        ctx.addIssue({ code: 'custom', message: o.message });
        return z.NEVER;
      }
      return n;
    });

const port = (fallback: number) =>
  bounded({ fallback, min: 0, max: 65535, integer: true, message: 'must be a port number (0-65535)' });

/** An interface to listen on: an IP address or a host name; empty means all interfaces. */
const host = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const bare = v.replace(/^\[(.*)\]$/, '$1');
    if (isIP(bare) || /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*$/.test(bare)) return bare;
    ctx.addIssue({ code: 'custom', message: 'must be an IP address or a host name (empty = all interfaces)' });
    return z.NEVER;
  });

/** A switch: `true` or `false`; unset or empty means false. */
const flag = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '' || v === 'false') return false;
    if (v === 'true') return true;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const url = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    try {
      return new URL(v).toString();
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a URL' });
      return z.NEVER;
    }
  });

/** Every environment variable newsdesk reads. `.env.example` documents each. */
export const envSchema = z.object({
  CORPUS_DIR: z.string().trim().default('./corpus'),
  CORPUS_FOLLOW_SYMLINKS: flag,
  DATA_DIR: z.string().trim().default('./data'),
  SEARCH_BACKEND: z.enum(['compact', 'minisearch', 'postgres']).default('compact'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_PORT: port(3000),
  SLACK_HOST: host,
  SLACK_API_URL: url,
  DISCORD_TOKEN: optional,
  DISCORD_APP_ID: optional,
  DISCORD_GUILD_ID: optional,
  DISCORD_API_URL: url,
  DISCORD_ASK_CHANNELS: list,
  /** Slack users (U…, W…) and user groups (S…) who may subscribe channels and manage feeds, besides workspace admins and owners. */
  ADMINS_SLACK: list.superRefine((ids, ctx) => {
    const bad = ids.find((id) => !/^[UWS][A-Z0-9]{2,30}$/.test(id));
    if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad.slice(0, 40)}" is not a Slack user id (U…, W…) or user group id (S…)` });
  }),
  DIGEST_SCHEDULE: optional,
  DIGEST_TIMEZONE: optional,
  DIGEST_TOPIC: optional,
  DIGEST_SLACK_CHANNELS: list,
  DIGEST_DISCORD_CHANNELS: list,
  /** The health, readiness and metrics endpoints; `off` or 0 turns them off. */
  HEALTH_PORT: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 8080;
      if (v.toLowerCase() === 'off' || v === '0') return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: 'must be a port number (1-65535), or off (or 0) to turn the health endpoints off' });
        return z.NEVER;
      }
      return n;
    }),
  HEALTH_HOST: host,
  /** The feeds to follow (YAML, see feeds.example.yml); unset or empty: no feeds. */
  FEEDS_FILE: optional,
  /** Let feed and page URLs reach loopback, private and link-local addresses (intranet CMSs, tests). */
  FEEDS_ALLOW_PRIVATE: flag,
  /** The User-Agent feed requests send (and robots.txt is read for). */
  FEEDS_USER_AGENT: z.string().trim().default('newsdesk-feeds/1.0'),
  /** Chat user ids allowed to run `/feeds` besides the channel managers (older setting; ADMINS_SLACK and Manage Channels cover it). */
  FEEDS_ADMINS: list,
  /** Seconds between two requests to one host. */
  FEEDS_HOST_DELAY_SECONDS: bounded({ fallback: 1, min: 0, max: 600, integer: false, message: 'must be a number of seconds from 0 to 600' }),
  RATE_LIMIT_PER_MINUTE: bounded({ fallback: 20, min: 1, max: Infinity, integer: true, message: 'must be a whole number of at least 1' }),
  // Replicas sharing state (README "Scaling out").
  /** `postgres://…`: subscriptions, digest runs and event de-duplication in PostgreSQL, shared by replicas; unset: the SQLite file in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      // Checked by shape only, never echoed: the URL carries the database password.
      if (!/^postgres(?:ql)?:\/\/[^\s]+$/.test(v) || !URL.canParse(v)) {
        ctx.addIssue({ code: 'custom', message: 'must be a postgres:// (or postgresql://) URL' });
        return z.NEVER;
      }
      return v;
    }),
  /** This process's name among replicas in slot claims and logs; unset: host name and process id. */
  REPLICA_ID: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      if (!/^[\w.:-]{1,100}$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'must be 1-100 letters, digits, dots, colons, dashes or underscores' });
        return z.NEVER;
      }
      return v;
    }),
  /** How long a replica's claim on a digest slot lasts without renewal (PostgreSQL); a dead replica's slot is taken over after it. */
  DIGEST_LEASE_MS: bounded({ fallback: 60_000, min: 500, max: 3_600_000, integer: true, message: 'must be a whole number of milliseconds from 500 to 3600000' }),
});

export type Config = z.output<typeof envSchema>;

/** The settings file read from the working directory at start (`npm start`, the CLI, the console). */
export const ENV_FILE = '.env';

/**
 * The environment variable that names another settings file instead of `.env` (relative to the
 * working directory), or turns the file off when empty (the tests do, so a developer's own `.env`
 * with real tokens is never read by them).
 */
export const ENV_FILE_VARIABLE = 'NEWSDESK_ENV_FILE';

/**
 * The environment with the settings file beneath it: a variable set in the environment wins over
 * the same one in the file (also when set to ""). Without the file the environment is returned as is.
 * @param cwd - where `.env` (or a relative `NEWSDESK_ENV_FILE`) is looked for
 * @throws NewsdeskError (code `config`) naming the file and line of a malformed line, or a named file that is missing
 * @example loadConfig(withEnvFile(process.env, process.cwd()))
 */
export function withEnvFile(env: NodeJS.ProcessEnv, cwd: string): NodeJS.ProcessEnv {
  const named = env[ENV_FILE_VARIABLE]?.trim();
  if (named === '') return env;
  const where = path.resolve(cwd, named ?? ENV_FILE);
  const file = readEnvFile(where);
  if (!file && named !== undefined) throw new NewsdeskError(`${ENV_FILE_VARIABLE} names ${where}, which does not exist`, 'config');
  return file ? { ...file, ...env } : env;
}

/**
 * Reads and validates configuration.
 * @param env - the environment; defaults to `process.env`
 * @throws NewsdeskError with code `config`, whose message names the first bad variable
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    throw new NewsdeskError(`${name} ${issue.message}`, 'config');
  }
  const c = parsed.data;
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    throw new NewsdeskError('SLACK_SIGNING_SECRET is missing (needed with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN is set)', 'config');
  }
  if ((c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN) && !c.SLACK_BOT_TOKEN) {
    throw new NewsdeskError('SLACK_BOT_TOKEN is missing (Slack is partly configured)', 'config');
  }
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && c.HEALTH_PORT === c.SLACK_PORT) {
    throw new NewsdeskError(`HEALTH_PORT must differ from SLACK_PORT (both are ${c.SLACK_PORT}; Slack's HTTP mode listens there)`, 'config');
  }
  if (c.DISCORD_APP_ID && !c.DISCORD_TOKEN) {
    throw new NewsdeskError('DISCORD_TOKEN is missing (DISCORD_APP_ID is set)', 'config');
  }
  return c;
}

/** True when Slack should start. */
export const slackConfigured = (c: Config): boolean => Boolean(c.SLACK_BOT_TOKEN);
/** True when Discord should start. */
export const discordConfigured = (c: Config): boolean => Boolean(c.DISCORD_TOKEN);
