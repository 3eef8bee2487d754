import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitMessage } from '../../src/app/rate-limit.js';
import type { Clock } from '../../src/core/ports.js';

/** A clock the test moves by hand: no sleeps, no wall-clock dependence. */
function manualClock(start = Date.UTC(2024, 2, 5, 9, 0, 0)): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}

describe('rate limiter (sliding 60-second window)', () => {
  it('allows perMinute requests, refuses the next one, and says how long to wait', () => {
    const clock = manualClock();
    const limiter = createRateLimiter(3, clock);
    expect(limiter.retryAfter('u1')).toBe(0);
    expect([limiter.take('u1'), limiter.take('u1'), limiter.take('u1')]).toEqual([true, true, true]);
    expect(limiter.take('u1')).toBe(false);
    expect(limiter.retryAfter('u1')).toBe(60);
    clock.advance(15_000);
    expect(limiter.retryAfter('u1')).toBe(45);
  });

  it('lets a user ask again exactly 60 s after the oldest request, not 1 ms before', () => {
    const clock = manualClock();
    const limiter = createRateLimiter(1, clock);
    expect(limiter.take('u1')).toBe(true);
    clock.advance(59_999);
    expect(limiter.take('u1')).toBe(false);
    expect(limiter.retryAfter('u1')).toBe(1);
    clock.advance(1);
    expect(limiter.retryAfter('u1')).toBe(0);
    expect(limiter.take('u1')).toBe(true);
    expect(limiter.take('u1')).toBe(false);
  });

  it('slides: each old request frees one slot as it leaves the window', () => {
    const clock = manualClock();
    const limiter = createRateLimiter(2, clock);
    expect(limiter.take('u1')).toBe(true); // t = 0
    clock.advance(30_000);
    expect(limiter.take('u1')).toBe(true); // t = 30 s
    expect(limiter.take('u1')).toBe(false);
    expect(limiter.retryAfter('u1')).toBe(30);
    clock.advance(30_000); // t = 60 s: the first request has left the window, the second has not
    expect(limiter.take('u1')).toBe(true);
    expect(limiter.take('u1')).toBe(false);
    expect(limiter.retryAfter('u1')).toBe(30);
    clock.advance(29_000);
    expect(limiter.take('u1')).toBe(false);
    expect(limiter.retryAfter('u1')).toBe(1);
    clock.advance(1_000); // t = 90 s: the request at 30 s leaves
    expect(limiter.take('u1')).toBe(true);
  });

  it('refused requests do not extend the lock-out', () => {
    const clock = manualClock();
    const limiter = createRateLimiter(1, clock);
    expect(limiter.take('u1')).toBe(true);
    for (let i = 0; i < 5; i++) {
      clock.advance(10_000);
      expect(limiter.take('u1')).toBe(false);
    }
    clock.advance(10_000); // 60 s after the only accepted request
    expect(limiter.take('u1')).toBe(true);
  });

  it('counts each user separately', () => {
    const clock = manualClock();
    const limiter = createRateLimiter(1, clock);
    expect(limiter.take('u1')).toBe(true);
    expect(limiter.take('u1')).toBe(false);
    expect(limiter.take('u2')).toBe(true);
    expect(limiter.retryAfter('u2')).toBe(60);
    expect(limiter.retryAfter('u3')).toBe(0);
  });

  it('rounds the wait up to whole seconds and never says 0 while refusing', () => {
    const clock = manualClock();
    const limiter = createRateLimiter(1, clock);
    limiter.take('u1');
    clock.advance(59_500);
    expect(limiter.retryAfter('u1')).toBe(1);
    clock.advance(-58_999); // 501 ms after the request: 59.499 s left → 60
    expect(limiter.retryAfter('u1')).toBe(60);
  });

  it('uses the system clock by default (a fresh limiter allows the first request)', () => {
    const limiter = createRateLimiter(1);
    expect(limiter.take('u1')).toBe(true);
    expect(limiter.take('u1')).toBe(false);
    const wait = limiter.retryAfter('u1');
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(60);
  });

  it('the refusal names the wait in seconds', () => {
    expect(rateLimitMessage(42)).toBe("You're asking faster than newsdesk can keep up — please try again in 42 s.");
  });
});
