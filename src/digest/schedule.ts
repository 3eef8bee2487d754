/**
 * Digest schedules: five-field cron expressions read in an IANA time zone (croner does the
 * calendar arithmetic, DST included). Validation errors are written for the person who typed
 * the schedule, with an example that works.
 */
import { Cron } from 'croner';
import { NewsdeskError } from '../core/errors.js';
import { countOf } from '../answer/plural.js';

/** A schedule that works, shown whenever one is refused. */
export const EXAMPLE_SCHEDULE = '0 9 * * 1-5';
/** A time zone that works, shown whenever one is refused. */
export const EXAMPLE_TIMEZONE = 'Asia/Yerevan';
/** Schedule used when a subscription names none and DIGEST_SCHEDULE is unset: daily at 09:00. */
export const DEFAULT_SCHEDULE = '0 9 * * *';
/** Time zone used when a subscription names none and DIGEST_TIMEZONE is unset. */
export const DEFAULT_TIMEZONE = 'UTC';
/** Closest two digests of one subscription may be; more often than this is a flood, not a digest. */
export const MIN_INTERVAL_MINUTES = 30;

/** Friendly names accepted in place of a cron expression. */
export const SCHEDULE_PRESETS: Readonly<Record<string, string>> = {
  hourly: '0 * * * *',
  daily: '0 9 * * *',
  weekdays: '0 9 * * 1-5',
  weekly: '0 9 * * 1',
};

const CRON_NICKNAMES: Readonly<Record<string, string>> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

/** A validated schedule. */
export interface Schedule {
  /** The five-field expression as stored. */
  cron: string;
  timezone: string;
}

/** True when `tz` is an IANA time zone this Node knows. */
export function isValidTimezone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a time zone name.
 * @returns the canonical spelling (e.g. "asia/yerevan" → "Asia/Yerevan")
 * @throws NewsdeskError (code `usage`) naming an example
 */
export function parseTimezone(tz: string): string {
  const name = tz.trim();
  if (!isValidTimezone(name)) {
    throw new NewsdeskError(
      `"${name.slice(0, 64)}" is not a time zone I know. Use an IANA name such as ${EXAMPLE_TIMEZONE}, Europe/London or UTC.`,
      'usage',
    );
  }
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}

function cronFor(expr: string, timezone: string): Cron {
  return new Cron(expr, { timezone, paused: true, mode: '5-part' });
}

/**
 * Validates a schedule: a five-field cron expression (or a preset such as `weekdays`, or a
 * nickname such as `@daily`) in a time zone, firing at most every {@link MIN_INTERVAL_MINUTES} minutes.
 * @throws NewsdeskError (code `usage`) with an example of a valid schedule
 * @example
 * parseSchedule('0 9 * * 1-5', 'Asia/Yerevan') // weekdays at 09:00 Yerevan time
 */
export function parseSchedule(expr: string, timezone: string): Schedule {
  const tz = parseTimezone(timezone);
  const raw = expr.trim().replace(/\s+/g, ' ');
  const lower = raw.toLowerCase();
  const cron = SCHEDULE_PRESETS[lower] ?? CRON_NICKNAMES[lower] ?? raw;
  const example = `for example "${EXAMPLE_SCHEDULE}" (weekdays at 09:00) or "${DEFAULT_SCHEDULE}" (every day at 09:00)`;
  const fields = cron.split(' ').filter(Boolean).length;
  if (fields !== 5) {
    throw new NewsdeskError(
      `"${raw.slice(0, 60)}" is not a valid schedule: it has ${countOf(fields, 'field')}, a schedule has five — minute hour day month weekday — ${example}.`,
      'usage',
    );
  }
  let job: Cron;
  try {
    job = cronFor(cron, tz);
  } catch (err) {
    const why = (err as Error).message.replace(/^CronPattern:\s*/, '').replace(/\.$/, '');
    throw new NewsdeskError(
      `"${raw.slice(0, 60)}" is not a valid schedule (${why.slice(0, 120)}). Give five fields — minute hour day month weekday — ${example}.`,
      'usage',
    );
  }
  const upcoming = job.nextRuns(50, new Date());
  if (upcoming.length === 0) {
    throw new NewsdeskError(`"${raw.slice(0, 60)}" never fires. Try ${example}.`, 'usage');
  }
  for (let i = 1; i < upcoming.length; i++) {
    if (upcoming[i]!.getTime() - upcoming[i - 1]!.getTime() < MIN_INTERVAL_MINUTES * 60_000) {
      throw new NewsdeskError(
        `"${raw.slice(0, 60)}" fires more often than every ${MIN_INTERVAL_MINUTES} minutes; a digest needs time to gather news. Try ${example}.`,
        'usage',
      );
    }
  }
  return { cron, timezone: tz };
}

/**
 * The latest scheduled time in `(after, now]`, or null when none falls there. Only the latest
 * is returned on purpose: however many slots were missed while the bot was down, one catch-up
 * digest covers them all.
 */
export function latestSlot(schedule: Schedule, after: Date, now: Date): Date | null {
  if (now.getTime() <= after.getTime()) return null;
  // croner counts a run earlier in the same second as the reference as "previous", so 1 ms past
  // `now` makes a slot at exactly `now` count too.
  const [prev] = cronFor(schedule.cron, schedule.timezone).previousRuns(1, new Date(now.getTime() + 1));
  if (!prev || prev.getTime() > now.getTime() || prev.getTime() <= after.getTime()) return null;
  return prev;
}

/** The first scheduled time strictly after `from`, or null if the schedule never fires again. */
export function nextSlot(schedule: Schedule, from: Date): Date | null {
  return cronFor(schedule.cron, schedule.timezone).nextRun(from);
}

/** A time as a reader in `timezone` sees it: "Mon 23 Nov 2026, 09:00 (Asia/Yerevan)". */
export function formatInZone(date: Date, timezone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return `${text.replace(' at ', ', ')} (${timezone})`;
}
