/** Retrying a chat post with exponential backoff; the wait is injectable so tests never sleep. */

/** How to retry. */
export interface RetryOptions {
  /** Total tries, the first included. @defaultValue 3 */
  attempts?: number;
  /** Wait before the second try; doubles after each failure. @defaultValue 2000 */
  baseDelayMs?: number;
  /** Waits `ms`; tests pass a recorder. @defaultValue setTimeout-based sleep */
  sleep?: (ms: number) => Promise<void>;
  /** Called before every try (1-based), e.g. to count it in the state database. */
  onAttempt?: (attempt: number) => void | Promise<void>;
  /** Called after a failed try that will be retried. */
  onRetry?: (attempt: number, err: unknown, delayMs: number) => void;
}

/** Defaults for {@link RetryOptions}. */
export const defaultRetryOptions = { attempts: 3, baseDelayMs: 2000 } as const;

/** Real waiting. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** True when the error says retrying cannot help (a poster may set `retryable: false`). */
function permanent(err: unknown): boolean {
  return (err as { retryable?: unknown } | null)?.retryable === false;
}

/**
 * Calls `fn` until it succeeds or the tries run out.
 * @returns what `fn` returned
 * @throws the last error
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? defaultRetryOptions.attempts);
  const base = options.baseDelayMs ?? defaultRetryOptions.baseDelayMs;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    await options.onAttempt?.(attempt);
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= attempts || permanent(err)) throw err;
      const delay = base * 2 ** (attempt - 1);
      options.onRetry?.(attempt, err, delay);
      await sleep(delay);
    }
  }
}
