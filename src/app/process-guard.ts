/**
 * The safety net of the `newsdesk` process: what happens on an error nothing caught, on
 * SIGINT/SIGTERM, and on a closed output pipe. The adapters guard their own input; this is for
 * what still gets through, so one bad request can never take both platforms down silently.
 *
 * - An unhandled promise rejection (one request's handler failed): one log line, keep serving.
 * - An uncaught exception (state may be broken): one log line, stop the platforms and digests
 *   within `SHUTDOWN_GRACE_MS`, then exit with `EXIT_CRASHED` so the supervisor restarts newsdesk.
 * - SIGINT/SIGTERM: stop the same way and exit 0; a second signal exits at once (130/143).
 *   Node runs signal handlers only between tasks: a loop stuck inside one synchronous task can
 *   only be ended by SIGKILL (which supervisors send after their own stop timeout).
 */
import { inspect } from 'node:util';
import type { Writable } from 'node:stream';
import type { Logger } from '../core/ports.js';
import type { Config } from './config.js';
import { REDACT_PATHS } from './log.js';

/** Exit code after an uncaught exception: sysexits' EX_SOFTWARE (internal error); any non-zero code makes a supervisor restart. */
export const EXIT_CRASHED = 70;

/**
 * How long stopping may take before the process exits anyway. Under the 10 s Docker (and 30 s
 * Kubernetes) give a container before SIGKILL, so newsdesk's own last log line is written.
 */
export const SHUTDOWN_GRACE_MS = 8_000;

/** Exit codes of a stop forced by a signal: 128 + the signal's number, as a shell reports a process killed by it. */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/** Most stack frames logged: enough to find the place, short enough for one log line. */
const STACK_FRAMES = 8;

/** Longest message (and stack) logged, in characters: one readable line, whatever the error carries. */
const MAX_LOGGED = 1_000;

/** Token shapes that must never reach a log even when they are not the configured ones (Slack, Slack app, Discord bot). */
const TOKEN_SHAPES = [/\bxox[a-z]-[A-Za-z0-9-]+/g, /\bxapp-[A-Za-z0-9-]+/g, /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g];

/** Options for `guardProcess`. */
export interface GuardOptions {
  logger: Logger;
  /** The configuration; its secrets (the variables `REDACT_PATHS` names) are cut out of every logged error. */
  config?: Partial<Config>;
  /** @defaultValue SHUTDOWN_GRACE_MS */
  graceMs?: number;
}

/** What `guardProcess` returns to the process it guards. */
export interface ProcessGuard {
  /** Resolves when the process should stop: the first SIGINT or SIGTERM, or an uncaught exception. */
  readonly stopping: Promise<void>;
  /**
   * Call once stopping is done: removes the handlers (a later signal acts as Node's default) and
   * returns the exit code — 0 after a signal, `EXIT_CRASHED` after an uncaught exception.
   */
  finish(): number;
}

/**
 * Installs the process-level handlers described above; `finish` removes them.
 * @example
 * const guard = guardProcess({ logger, config });
 * await guard.stopping; await shutDown(); return guard.finish();
 */
export function guardProcess(options: GuardOptions): ProcessGuard {
  const { logger } = options;
  const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS;
  const scrub = secretScrubber(options.config ?? {});
  let code = 0;
  let finished = false;
  let requested = false;
  let resolveStopping!: () => void;
  const stopping = new Promise<void>((resolve) => (resolveStopping = resolve));

  /** Starts stopping once; returns false when it had started already. */
  const requestStop = (forcedCode: number): boolean => {
    if (requested) return false;
    requested = true;
    // A platform that never closes must not keep a stopping process alive; unref, so a clean stop exits sooner.
    setTimeout(() => {
      logger.error({ graceMs }, finished ? 'newsdesk stopped but did not exit in time; exiting now' : 'newsdesk did not stop in time; exiting now');
      process.exit(finished ? code : Math.max(code, forcedCode));
    }, graceMs).unref();
    resolveStopping();
    return true;
  };

  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (requestStop(SIGNAL_EXIT[signal])) {
      logger.info({ signal }, 'stopping');
      return;
    }
    logger.warn({ signal }, 'second signal while stopping; exiting now');
    process.exit(code || SIGNAL_EXIT[signal]);
  };
  const onSigint = () => onSignal('SIGINT');
  const onSigterm = () => onSignal('SIGTERM');
  const onRejection = (reason: unknown) => {
    logger.error({ error: describeError(reason, scrub) }, 'unhandled promise rejection; still serving');
  };
  const onException = (err: unknown) => {
    code = EXIT_CRASHED;
    logger.error({ error: describeError(err, scrub) }, `uncaught exception; stopping (exit code ${EXIT_CRASHED}, for the supervisor to restart)`);
    requestStop(EXIT_CRASHED);
  };

  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    stopping,
    finish() {
      finished = true;
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      return code;
    },
  };
}

/** A function that cuts the configured secrets and anything shaped like a token out of a text. */
function secretScrubber(config: Partial<Config>): (text: string) => string {
  const secretNames = REDACT_PATHS.filter((p) => /^[A-Z_]+$/.test(p));
  const values = secretNames
    .map((name) => (config as Record<string, unknown>)[name])
    .filter((v): v is string => typeof v === 'string' && v.length >= 4)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const v of values) out = out.split(v).join('[redacted]');
    for (const re of TOKEN_SHAPES) out = out.replace(re, '[redacted]');
    return out;
  };
}

/**
 * An error (or any rejection reason) as a small loggable object: type, message and the top of the
 * stack, secrets cut out. Logged as `error`, not `err`: pino's `err` serializer would rename the type.
 */
function describeError(err: unknown, scrub: (text: string) => string): { type: string; message: string; stack?: string } {
  // Scrubbed before it is cut to length, with room to spare, so a cut can never leave half a secret.
  const short = (text: string) => scrub(text.slice(0, 4 * MAX_LOGGED)).slice(0, MAX_LOGGED);
  if (err instanceof Error) {
    const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, STACK_FRAMES).map((l) => l.trim());
    return { type: err.name, message: short(err.message), ...(frames.length ? { stack: short(frames.join(' | ')) } : {}) };
  }
  return { type: err === null ? 'null' : typeof err, message: short(inspect(err, { depth: 2, breakLength: Infinity })) };
}

/**
 * Makes a closed output pipe end the CLI quietly, as Unix tools do (`newsdesk sources | head -1`):
 * EPIPE on stdout exits 0 at once (nobody reads the rest, and it is not a failure of newsdesk);
 * EPIPE on stderr is ignored (nobody reads the diagnostics; the exit code still tells). Any
 * other write error on stdout (a full disk) is one line on stderr and exit 1.
 */
export function guardStdio(stdout: Writable = process.stdout, stderr: Writable = process.stderr): void {
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    try {
      stderr.write(`newsdesk: cannot write the output: ${err.code ?? err.message}\n`);
    } finally {
      process.exit(1);
    }
  });
  stderr.on('error', () => {
    // Nowhere left to report it.
  });
}
