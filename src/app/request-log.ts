/**
 * The one log line per handled request: which command, on which platform, how long it took and how
 * it ended. Never what was asked — a query typed in a direct message is private, and any query may
 * name a source — and never who asked beyond the platform.
 */
import type { Logger } from '../core/ports.js';
import type { Origin } from '../core/command.js';
import type { Reply } from '../core/types.js';

/** How a request ended: `ok`, the reply's error code (`usage`, `not_found`, `internal` …), `rate_limited` or `failed` (it threw). */
export type RequestOutcome = string;

/** What the request line carries; nothing else is logged. */
export interface RequestLine {
  /** The command's name, or `unknown` for a name that is no command (it may be words someone typed). */
  command: string;
  platform: Origin['platform'];
  /** Wall time from taking the request to having the answer, in milliseconds (one decimal). */
  ms: number;
  outcome: RequestOutcome;
}

/** How a reply ended, for the request line. */
export function outcomeOf(reply: Reply): RequestOutcome {
  return reply.error ? (reply.errorCode ?? 'error') : 'ok';
}

/**
 * Logs one request at info as `request`, with exactly the fields of `RequestLine`.
 * @param known - the loaded command names; any other name is logged as `unknown`
 */
export function logRequest(logger: Logger, known: ReadonlyMap<string, unknown>, name: string, origin: Origin, startedAt: number, outcome: RequestOutcome): void {
  const key = name.trim().toLowerCase().replace(/^\//, '');
  const line: RequestLine = {
    command: known.has(key) ? key : 'unknown',
    platform: origin.platform,
    ms: Math.round((performance.now() - startedAt) * 10) / 10,
    outcome,
  };
  logger.info(line, 'request');
}
