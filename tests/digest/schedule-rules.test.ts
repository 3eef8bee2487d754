/**
 * Schedule rules at their edges, with the exact words a person sees: the 30-minute floor, field
 * counts, presets and nicknames, time zones, and the (after, now] window.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_TIMEZONE,
  MIN_INTERVAL_MINUTES,
  SCHEDULE_PRESETS,
  formatInZone,
  isValidTimezone,
  latestSlot,
  nextSlot,
  parseSchedule,
  parseTimezone,
} from '../../src/digest/schedule.js';
import { isNewsdeskError } from '../../src/core/errors.js';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(isNewsdeskError(err, 'usage')).toBe(true);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

const EXAMPLE = 'for example "0 9 * * 1-5" (weekdays at 09:00) or "0 9 * * *" (every day at 09:00)';

describe('parseSchedule', () => {
  it('has the documented defaults', () => {
    expect([DEFAULT_SCHEDULE, DEFAULT_TIMEZONE, MIN_INTERVAL_MINUTES]).toEqual(['0 9 * * *', 'UTC', 30]);
    expect(SCHEDULE_PRESETS).toEqual({ hourly: '0 * * * *', daily: '0 9 * * *', weekdays: '0 9 * * 1-5', weekly: '0 9 * * 1' });
  });

  it('accepts every preset and nickname, in any case', () => {
    const expected: Record<string, string> = {
      hourly: '0 * * * *', DAILY: '0 9 * * *', Weekdays: '0 9 * * 1-5', weekly: '0 9 * * 1',
      '@hourly': '0 * * * *', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@weekly': '0 0 * * 0',
      '@monthly': '0 0 1 * *', '@yearly': '0 0 1 1 *', '@ANNUALLY': '0 0 1 1 *',
    };
    for (const [name, cron] of Object.entries(expected)) expect([name, parseSchedule(name, 'UTC')]).toEqual([name, { cron, timezone: 'UTC' }]);
  });

  it('allows slots exactly 30 minutes apart and refuses 29', () => {
    expect(parseSchedule('0,30 * * * *', 'UTC').cron).toBe('0,30 * * * *');
    expect(parseSchedule('*/30 * * * *', 'UTC').cron).toBe('*/30 * * * *');
    expect(refusal(() => parseSchedule('0,29 * * * *', 'UTC'))).toBe(
      `"0,29 * * * *" fires more often than every 30 minutes; a digest needs time to gather news. Try ${EXAMPLE}.`,
    );
    // Only two slots a day close together still count.
    expect(refusal(() => parseSchedule('0,10 9 * * *', 'UTC'))).toMatch(/^"0,10 9 \* \* \*" fires more often than every 30 minutes/);
  });

  it('counts the fields it was given, in words', () => {
    expect(refusal(() => parseSchedule('often', 'UTC'))).toBe(
      `"often" is not a valid schedule: it has 1 field, a schedule has five — minute hour day month weekday — ${EXAMPLE}.`,
    );
    expect(refusal(() => parseSchedule('', 'UTC'))).toBe(
      `"" is not a valid schedule: it has 0 fields, a schedule has five — minute hour day month weekday — ${EXAMPLE}.`,
    );
    expect(refusal(() => parseSchedule('  0   9 * *  ', 'UTC'))).toMatch(/^"0 9 \* \*" is not a valid schedule: it has 4 fields,/);
    expect(refusal(() => parseSchedule(`${'1 '.repeat(40)}`, 'UTC'))).toMatch(/^"(1 ){30}" is not a valid schedule: it has 40 fields/);
  });

  it('explains a field croner refuses, without croner’s prefix or final dot', () => {
    const message = refusal(() => parseSchedule('61 9 * * *', 'UTC'));
    expect(message).toMatch(/^"61 9 \* \* \*" is not a valid schedule \([^)]+\)\. Give five fields — minute hour day month weekday — for example/);
    expect(message).not.toMatch(/CronPattern:|\.\)/);
  });

  it('refuses a schedule that never fires', () => {
    expect(refusal(() => parseSchedule('0 9 30 2 *', 'UTC'))).toBe(`"0 9 30 2 *" never fires. Try ${EXAMPLE}.`);
  });

  it('checks the time zone first and keeps its canonical spelling', () => {
    expect(parseSchedule('0 9 * * *', ' europe/london ')).toEqual({ cron: '0 9 * * *', timezone: 'Europe/London' });
    expect(refusal(() => parseSchedule('nonsense', 'Mars/Olympus'))).toBe(
      '"Mars/Olympus" is not a time zone I know. Use an IANA name such as Asia/Yerevan, Europe/London or UTC.',
    );
  });
});

describe('time zones', () => {
  it('knows IANA names and refuses empty or over-long ones', () => {
    expect(isValidTimezone('UTC')).toBe(true);
    expect(isValidTimezone('Asia/Yerevan')).toBe(true);
    expect(isValidTimezone('')).toBe(false);
    expect(isValidTimezone('Nowhere/Land')).toBe(false);
    expect(isValidTimezone(`${'A'.repeat(60)}/UTC`)).toBe(false);
    expect(parseTimezone('utc')).toBe('UTC');
    expect(refusal(() => parseTimezone('x'.repeat(100)))).toBe(`"${'x'.repeat(64)}" is not a time zone I know. Use an IANA name such as Asia/Yerevan, Europe/London or UTC.`);
  });
});

describe('slots', () => {
  const s = { cron: '0 9 * * *', timezone: 'UTC' };
  it('latestSlot: nothing for an empty or backwards window', () => {
    const t = new Date('2026-11-23T09:00:00Z');
    expect(latestSlot(s, t, t)).toBeNull();
    expect(latestSlot(s, new Date('2026-11-23T10:00:00Z'), t)).toBeNull();
    expect(latestSlot(s, new Date('2026-11-23T08:59:59.999Z'), t)).toEqual(t);
    expect(latestSlot(s, new Date('2026-11-23T09:00:00.001Z'), new Date('2026-11-24T08:59:59.999Z'))).toBeNull();
    expect(latestSlot(s, new Date('2026-11-20T00:00:00Z'), new Date('2026-11-23T08:00:00Z'))).toEqual(new Date('2026-11-22T09:00:00Z'));
  });

  it('nextSlot is strictly after its start', () => {
    expect(nextSlot(s, new Date('2026-11-23T09:00:00Z'))).toEqual(new Date('2026-11-24T09:00:00Z'));
    expect(nextSlot(s, new Date('2026-11-23T08:59:59Z'))).toEqual(new Date('2026-11-23T09:00:00Z'));
  });

  it('formats a time as a reader in the zone sees it', () => {
    expect(formatInZone(new Date('2026-11-23T05:00:00Z'), 'Asia/Yerevan')).toBe("Mon, 23 Nov 2026, 09:00 (Asia/Yerevan)");
    expect(formatInZone(new Date('2026-11-23T23:30:00Z'), 'UTC')).toBe("Mon, 23 Nov 2026, 23:30 (UTC)");
  });
});
