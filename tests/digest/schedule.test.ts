import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDigestText, parseSince } from '../../src/digest/command-text.js';
import { digestDefaults, envSubscriptions } from '../../src/digest/env.js';
import { EXAMPLE_SCHEDULE, EXAMPLE_TIMEZONE, latestSlot, nextSlot, parseSchedule, parseTimezone } from '../../src/digest/schedule.js';
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

describe('schedules', () => {
  it('accepts five-field cron, presets and nicknames in a time zone', () => {
    expect(parseSchedule('0 9 * * 1-5', 'Asia/Yerevan')).toEqual({ cron: '0 9 * * 1-5', timezone: 'Asia/Yerevan' });
    expect(parseSchedule('  0  9 * *   mon-fri ', 'UTC').cron).toBe('0 9 * * mon-fri');
    expect(parseSchedule('weekdays', 'UTC').cron).toBe('0 9 * * 1-5');
    expect(parseSchedule('@daily', 'UTC').cron).toBe('0 0 * * *');
    expect(parseTimezone('asia/yerevan')).toBe('Asia/Yerevan');
  });

  it('refuses a bad cron with an example of a valid one', () => {
    for (const bad of ['61 9 * * *', 'every morning', '0 9 * *', '0 0 9 * * 1-5', '']) {
      const message = refusal(() => parseSchedule(bad, 'UTC'));
      expect(message).toContain(EXAMPLE_SCHEDULE);
    }
    expect(refusal(() => parseSchedule('* * * * *', 'UTC'))).toMatch(/more often than every 30 minutes.*0 9 \* \* 1-5/);
  });

  it('refuses an unknown time zone naming an example', () => {
    const message = refusal(() => parseTimezone('Mars/Olympus'));
    expect(message).toContain(EXAMPLE_TIMEZONE);
    expect(message).toContain('Mars/Olympus');
  });

  it('reads the schedule in its time zone (09:00 Yerevan is 05:00 UTC)', () => {
    const s = parseSchedule('0 9 * * 1-5', 'Asia/Yerevan');
    // Monday 23 Nov 2026, 06:00 UTC = 10:00 in Yerevan: today's slot has passed.
    const now = new Date('2026-11-23T06:00:00Z');
    expect(latestSlot(s, new Date('2026-11-20T06:00:00Z'), now)).toEqual(new Date('2026-11-23T05:00:00Z'));
    expect(nextSlot(s, now)).toEqual(new Date('2026-11-24T05:00:00Z'));
    // A slot exactly at `now` counts; one at `after` does not.
    expect(latestSlot(s, new Date('2026-11-20T06:00:00Z'), new Date('2026-11-23T05:00:00Z'))).toEqual(new Date('2026-11-23T05:00:00Z'));
    expect(latestSlot(s, new Date('2026-11-23T05:00:00Z'), now)).toBeNull();
  });

  it('keeps local time across a daylight-saving change', () => {
    const s = parseSchedule('0 9 * * *', 'Europe/London');
    // Clocks go forward on Sunday 29 March 2026: 09:00 is 09:00 UTC before, 08:00 UTC after.
    expect(nextSlot(s, new Date('2026-03-28T10:00:00Z'))).toEqual(new Date('2026-03-29T08:00:00Z'));
    expect(latestSlot(s, new Date('2026-03-26T12:00:00Z'), new Date('2026-03-27T12:00:00Z'))).toEqual(new Date('2026-03-27T09:00:00Z'));
    expect(latestSlot(s, new Date('2026-03-29T12:00:00Z'), new Date('2026-03-30T12:00:00Z'))).toEqual(new Date('2026-03-30T08:00:00Z'));
  });

  it('latestSlot is the last slot in (after, now] and nothing later: property', () => {
    const s = parseSchedule('30 7,19 * * *', 'America/New_York');
    const t0 = new Date('2026-01-01T00:00:00Z').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 * 60 }), fc.integer({ min: 1, max: 30 * 24 * 60 }), (startMin, spanMin) => {
        const after = new Date(t0 + startMin * 60_000);
        const now = new Date(after.getTime() + spanMin * 60_000);
        const slot = latestSlot(s, after, now);
        const following = nextSlot(s, slot ?? after);
        if (slot) {
          expect(slot.getTime()).toBeGreaterThan(after.getTime());
          expect(slot.getTime()).toBeLessThanOrEqual(now.getTime());
        }
        // Whatever comes next is after now: no slot in the window was skipped over.
        expect(following!.getTime()).toBeGreaterThan(now.getTime());
      }),
      { numRuns: 150 },
    );
  });
});

describe('digest settings from the environment', () => {
  const base = { DIGEST_SCHEDULE: undefined, DIGEST_TIMEZONE: undefined, DIGEST_TOPIC: undefined, DIGEST_SLACK_CHANNELS: [], DIGEST_DISCORD_CHANNELS: [] };

  it('makes one subscription per configured channel', () => {
    const subs = envSubscriptions({ ...base, DIGEST_SCHEDULE: '0 9 * * 1-5', DIGEST_TIMEZONE: 'Asia/Yerevan', DIGEST_TOPIC: 'gyumri', DIGEST_SLACK_CHANNELS: ['C1', 'C1'], DIGEST_DISCORD_CHANNELS: ['42'] });
    expect(subs).toEqual([
      { platform: 'slack', channel: 'C1', topic: 'gyumri', cron: '0 9 * * 1-5', timezone: 'Asia/Yerevan', createdBy: null, origin: 'env' },
      { platform: 'discord', channel: '42', topic: 'gyumri', cron: '0 9 * * 1-5', timezone: 'Asia/Yerevan', createdBy: null, origin: 'env' },
    ]);
    expect(envSubscriptions(base)).toEqual([]);
    expect(digestDefaults(base)).toEqual({ schedule: '0 9 * * *', timezone: 'UTC' });
  });

  it('names the variable that is wrong', () => {
    expect(() => digestDefaults({ ...base, DIGEST_SCHEDULE: 'often' })).toThrow(/^DIGEST_SCHEDULE .*0 9 \* \* 1-5/);
    expect(() => digestDefaults({ ...base, DIGEST_TIMEZONE: 'Nowhere/Land' })).toThrow(/^DIGEST_TIMEZONE .*Asia\/Yerevan/);
  });
});

describe('reading /digest text', () => {
  it('splits topic, cron and time zone', () => {
    expect(parseDigestText('subscribe gyumri 0 9 * * 1-5 Asia/Yerevan')).toEqual({
      action: 'subscribe',
      topic: 'gyumri',
      schedule: '0 9 * * 1-5',
      timezone: 'Asia/Yerevan',
    });
    expect(parseDigestText('subscribe armenia russia weekdays')).toEqual({ action: 'subscribe', topic: 'armenia russia', schedule: 'weekdays' });
    expect(parseDigestText('subscribe "0 9 * * mon-fri" UTC')).toEqual({ action: 'subscribe', schedule: '0 9 * * mon-fri', timezone: 'UTC' });
    expect(parseDigestText('subscribe elections 2023')).toEqual({ action: 'subscribe', topic: 'elections 2023' });
    expect(parseDigestText('subscribe')).toEqual({ action: 'subscribe' });
    // Four fields are still taken as a (bad) schedule, to be refused with an example.
    expect(parseDigestText('subscribe gyumri 0 9 * *')).toEqual({ action: 'subscribe', topic: 'gyumri', schedule: '0 9 * *' });
  });

  it('reads the other actions and the flags', () => {
    expect(parseDigestText('')).toEqual({ action: 'show' });
    expect(parseDigestText('list')).toEqual({ action: 'list' });
    expect(parseDigestText('unsubscribe #3')).toEqual({ action: 'unsubscribe', id: '3' });
    expect(parseDigestText('now')).toEqual({ action: 'now' });
    expect(parseDigestText('--since 2021-06-01 --topic armenia russia')).toEqual({ action: 'show', since: '2021-06-01', topic: 'armenia russia' });
    expect(parseDigestText('--since=7d')).toEqual({ action: 'show', since: '7d' });
    expect(() => parseDigestText('--bogus 1')).toThrow(/Unknown option --bogus/);
    expect(() => parseDigestText('--since')).toThrow(/--since needs a value/);
  });

  it('reads --since values relative to now', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(parseSince('2021-06-01', now)).toEqual(new Date('2021-06-01T00:00:00Z'));
    expect(parseSince('24h', now)).toEqual(new Date('2026-11-22T12:00:00Z'));
    expect(parseSince('7d', now)).toEqual(new Date('2026-11-16T12:00:00Z'));
    expect(parseSince('yesterday', now).getUTCDate()).toBe(22);
    expect(() => parseSince('2021-02-30', now)).toThrow(/not a date I can read/);
    expect(() => parseSince('whenever', now)).toThrow(/not a date I can read/);
  });
});
