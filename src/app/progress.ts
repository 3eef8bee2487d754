/**
 * Showing how far loading the library has come: one updating line on a terminal, plain lines
 * when stderr is not a terminal, log lines in the bot. Quick loads show nothing, and every sink
 * is throttled, because `buildLibrary` reports once per file.
 */
import type { Writable } from 'node:stream';
import type { Logger } from '../core/ports.js';
import { describeProgress, type BuildProgress } from './library-state.js';

/** Options of the progress sinks; `now` is injectable so tests control time. */
export interface ProgressOptions {
  /** Milliseconds on a monotonic clock. @defaultValue performance.now */
  now?: () => number;
  /** Loads shorter than this show nothing. @defaultValue 1000 (terminal and plain lines), 0 (log) */
  quietMs?: number;
  /** A plain line or a log line at least this often while loading. @defaultValue 5000 */
  everyMs?: number;
}

/** A progress sink: `update` with each report, `done` once the library is ready. */
export interface ProgressSink {
  update(progress: BuildProgress): void;
  done(): void;
}

/** Whole tenths reached: a line is due when this changes. */
const tenth = (p: BuildProgress) => (p.total > 0 ? Math.floor((p.done / p.total) * 10) : 0);

/**
 * Decides which reports are worth a line: after `quietMs` from the first report, then on a new
 * phase, a new tenth of the way, or `everyMs` since the last line.
 */
function throttle(options: ProgressOptions, quietDefault: number): (progress: BuildProgress) => boolean {
  const now = options.now ?? (() => performance.now());
  const quietMs = options.quietMs ?? quietDefault;
  const everyMs = options.everyMs ?? 5000;
  let started: number | undefined;
  let last: { at: number; phase: string; tenth: number } | undefined;
  return (progress) => {
    const at = now();
    started ??= at;
    if (at - started < quietMs) return false;
    const due = !last || last.phase !== progress.phase || last.tenth !== tenth(progress) || at - last.at >= everyMs;
    if (due) last = { at, phase: progress.phase, tenth: tenth(progress) };
    return due;
  };
}

/** Logs progress at info: a line per phase, per tenth of the files and at least every 5 s. */
export function logProgress(logger: Logger, options: ProgressOptions = {}): ProgressSink {
  const due = throttle(options, 0);
  return {
    update(progress) {
      if (due(progress)) logger.info({ phase: progress.phase, done: progress.done, total: progress.total }, describeProgress(progress));
    },
    done() {},
  };
}

/**
 * Progress for a person at a terminal, on `stream` (stderr): nothing for a load under a second;
 * then one line rewritten in place on a TTY (cleared when done), or plain lines, throttled, when not.
 * @param tty - the stream is a terminal (`process.stderr.isTTY`)
 */
export function terminalProgress(stream: Writable, tty: boolean, options: ProgressOptions = {}): ProgressSink {
  const now = options.now ?? (() => performance.now());
  const plainDue = throttle(options, 1000);
  const quietMs = options.quietMs ?? 1000;
  let started: number | undefined;
  let lastDraw = -Infinity;
  let lastPhase = '';
  let drawn = false;
  return {
    update(progress) {
      if (!tty) {
        if (plainDue(progress)) stream.write(`newsdesk: ${describeProgress(progress)}\n`);
        return;
      }
      const at = now();
      started ??= at;
      // A terminal line is cheap but not free: redraw at most ten times a second.
      if (at - started < quietMs || (at - lastDraw < 100 && progress.phase === lastPhase)) return;
      lastDraw = at;
      lastPhase = progress.phase;
      drawn = true;
      stream.write(`\r\x1b[2Knewsdesk: ${describeProgress(progress)}…`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
