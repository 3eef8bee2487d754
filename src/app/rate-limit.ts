/** Per-user rate limiting shared by the chat adapters (a sliding one-minute window). */
import type { Clock } from '../core/ports.js';

/** Decides whether a user may ask again now. */
export interface RateLimiter {
  /** Records one request for `key`; false when the key is over its limit (the request should be refused). */
  take(key: string): boolean;
  /** Seconds until `key` may ask again (0 when it may now). */
  retryAfter(key: string): number;
}

/**
 * Creates a limiter allowing `perMinute` requests per key in any 60-second window.
 * @param perMinute - requests allowed per key per minute
 * @param clock - time source; defaults to the system clock
 */
export function createRateLimiter(perMinute: number, clock: Clock = { now: () => new Date() }): RateLimiter {
  const windowMs = 60_000;
  const hits = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    // Stryker disable next-line ArrayDeclaration: equivalent; a placeholder in the empty default is not a number, so the window filter drops it
    const list = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length) hits.set(key, list);
    else hits.delete(key);
    return list;
  };
  return {
    take(key) {
      const now = clock.now().getTime();
      const list = recent(key, now);
      if (list.length >= perMinute) return false;
      list.push(now);
      hits.set(key, list);
      return true;
    },
    retryAfter(key) {
      const now = clock.now().getTime();
      const list = recent(key, now);
      if (list.length < perMinute) return 0;
      return Math.max(1, Math.ceil((windowMs - (now - list[0]!)) / 1000));
    },
  };
}

/** The polite refusal every adapter shows. */
export function rateLimitMessage(seconds: number): string {
  return `You're asking faster than newsdesk can keep up — please try again in ${seconds} s.`;
}
