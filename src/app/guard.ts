/**
 * The one wrapper around `runtime.execute` that every chat platform calls: the per-user rate limit
 * and the "something went wrong" text live here once instead of in each adapter's handlers.
 */
import type { Origin } from '../core/command.js';
import type { GuardedExecute, PlatformRuntime } from '../core/platform.js';
import { createRateLimiter, rateLimitMessage, type RateLimiter } from './rate-limit.js';
import { logRequest, outcomeOf } from './request-log.js';

/** What the asker sees when answering failed after the request was taken (the details go to the log). */
export const FAILURE_TEXT = 'Something went wrong while answering; the error was logged.';

/**
 * The rate-limit key of the person asking. A Discord user id is the same in every guild, so one
 * limit follows the user everywhere; a Slack user id only means something inside its workspace.
 */
export function askerKey(origin: Origin): string {
  if (origin.platform === 'discord') return `discord:${origin.userId ?? 'unknown'}`;
  return `${origin.platform}:${origin.workspaceId ?? ''}:${origin.userId ?? 'unknown'}`;
}

/**
 * Wraps `runtime.execute` with the rate limit, the failure text and the one log line per request
 * (command, platform, duration, outcome; never the query).
 * @param runtime - the process (its `execute` and `logger`)
 * @param limiter - shared by every platform; keys are per platform (see `askerKey`).
 *   @defaultValue `RATE_LIMIT_PER_MINUTE` per user on the runtime's clock
 * @example const guard = guardedExecute(runtime); const answer = await guard.run('search', { text: 'budget' }, origin);
 */
export function guardedExecute(
  runtime: Pick<PlatformRuntime, 'execute' | 'logger' | 'clock' | 'config' | 'commands'>,
  limiter: RateLimiter = createRateLimiter(runtime.config.RATE_LIMIT_PER_MINUTE, runtime.clock),
): GuardedExecute {
  return {
    async run(name, raw, origin) {
      const startedAt = performance.now();
      const done = (outcome: string) => logRequest(runtime.logger, runtime.commands, name, origin, startedAt, outcome);
      const key = askerKey(origin);
      if (!limiter.take(key)) {
        done('rate_limited');
        return { refused: true, text: rateLimitMessage(limiter.retryAfter(key)) };
      }
      try {
        const reply = await runtime.execute(name, raw, origin);
        done(outcomeOf(reply));
        return { refused: false, reply };
      } catch (err) {
        done('failed');
        throw err;
      }
    },
    failed(fields, message) {
      runtime.logger.error(fields, message);
      return FAILURE_TEXT;
    },
  };
}
