/**
 * Static digest subscriptions from the environment (`DIGEST_SCHEDULE`, `DIGEST_TIMEZONE`,
 * `DIGEST_TOPIC`, `DIGEST_SLACK_CHANNELS`, `DIGEST_DISCORD_CHANNELS`).
 */
import type { Config } from '../app/config.js';
import { NewsdeskError, isNewsdeskError } from '../core/errors.js';
import type { NewSubscription } from '../store/state-store.js';
import { DEFAULT_SCHEDULE, DEFAULT_TIMEZONE, parseSchedule, parseTimezone } from './schedule.js';

/** Defaults for subscriptions that name no schedule or time zone. */
export interface DigestDefaults {
  schedule: string;
  timezone: string;
}

type DigestConfig = Pick<
  Config,
  'DIGEST_SCHEDULE' | 'DIGEST_TIMEZONE' | 'DIGEST_TOPIC' | 'DIGEST_SLACK_CHANNELS' | 'DIGEST_DISCORD_CHANNELS'
>;

/**
 * The default schedule and time zone: DIGEST_SCHEDULE / DIGEST_TIMEZONE when set, else daily at
 * 09:00 UTC.
 * @throws NewsdeskError (code `config`) naming the variable that is invalid
 */
export function digestDefaults(config: DigestConfig): DigestDefaults {
  let timezone = DEFAULT_TIMEZONE;
  try {
    if (config.DIGEST_TIMEZONE) timezone = parseTimezone(config.DIGEST_TIMEZONE);
  } catch (err) {
    throw new NewsdeskError(`DIGEST_TIMEZONE ${(err as Error).message}`, 'config', { cause: err });
  }
  try {
    const schedule = parseSchedule(config.DIGEST_SCHEDULE ?? DEFAULT_SCHEDULE, timezone).cron;
    return { schedule, timezone };
  } catch (err) {
    if (!isNewsdeskError(err)) throw err;
    throw new NewsdeskError(`DIGEST_SCHEDULE ${err.message}`, 'config', { cause: err });
  }
}

/**
 * One subscription per channel listed in DIGEST_SLACK_CHANNELS and DIGEST_DISCORD_CHANNELS.
 * @throws NewsdeskError (code `config`) when DIGEST_SCHEDULE or DIGEST_TIMEZONE is invalid
 */
export function envSubscriptions(config: DigestConfig): NewSubscription[] {
  const channels = [
    ...config.DIGEST_SLACK_CHANNELS.map((channel) => ({ platform: 'slack' as const, channel })),
    ...config.DIGEST_DISCORD_CHANNELS.map((channel) => ({ platform: 'discord' as const, channel })),
  ];
  if (channels.length === 0) return [];
  const { schedule, timezone } = digestDefaults(config);
  const topic = config.DIGEST_TOPIC?.trim() || null;
  const unique = new Map(channels.map((c) => [`${c.platform}:${c.channel}`, c]));
  return [...unique.values()].map((c) => ({ ...c, topic, cron: schedule, timezone, createdBy: null, origin: 'env' as const }));
}
