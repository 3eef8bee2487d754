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
  /** `terminalProgress` shows nothing for a load shorter than this (the log shows every load). @defaultValue 1000 */
  quietMs?: number;
  /** A plain line or a log line at least this often while loading. @defaultValue 5000 */
  everyMs?: number;
  /**
   * Runs `fn` after `ms` unless cancelled (the returned function): a load that reports nothing for
   * a while (reading the snapshot) still shows once it has taken `quietMs`. @defaultValue an unref'd setTimeout
   */
  setTimer?: (fn: () => void, ms: number) => () => void;
}

/** The default timer: never keeps the process alive on its own. */
function unrefTimer(fn: () => void, ms: number): () => void {
  const timer = setTimeout(fn, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** A progress sink: `update` with each report, `done` once the library is ready. */
export interface ProgressSink {
  update(progress: BuildProgress): void;
  done(): void;
}

/** Whole tenths of the files read: a line is due when this changes (the other phases report only start and end). */
const tenth = (p: BuildProgress) => (p.phase === 'ingest' && p.total > 0 ? Math.floor((p.done / p.total) * 10) : 0);

/** Decides which reports are worth a line: the first, then a new phase, a new tenth of the way, or `everyMs` since the last line. */
function throttle(options: ProgressOptions): (progress: BuildProgress) => boolean {
  const now = options.now ?? (() => performance.now());
  const everyMs = options.everyMs ?? 5000;
  let last: { at: number; phase: string; tenth: number } | undefined;
  return (progress) => {
    const at = now();
    const due = !last || last.phase !== progress.phase || last.tenth !== tenth(progress) || at - last.at >= everyMs;
    if (due) last = { at, phase: progress.phase, tenth: tenth(progress) };
    return due;
  };
}

/** Logs progress at info: a line per phase, per tenth of the files and at least every 5 s. */
export function logProgress(logger: Logger, options: ProgressOptions = {}): ProgressSink {
  const due = throttle(options);
  return {
    update(progress) {
      if (due(progress)) logger.info({ phase: progress.phase, done: progress.done, total: progress.total }, describeProgress(progress));
    },
    done() {},
  };
}

/**
 * When stderr is not a terminal (a script, a CI log), only a cold read of this many files or more
 * shows progress: how long a small load takes depends on how busy the machine is, and a script's
 * stderr should not change with that.
 */
export const PLAIN_MIN_FILES = 1000;

/**
 * Progress for a person at a terminal, on `stream` (stderr): nothing for a load under a second;
 * then one line rewritten in place on a TTY (cleared when done), or, when stderr is not a terminal,
 * plain lines (throttled) for a cold read of at least `PLAIN_MIN_FILES` files.
 * @param tty - the stream is a terminal (`process.stderr.isTTY`)
 */
export function terminalProgress(stream: Writable, tty: boolean, options: ProgressOptions = {}): ProgressSink {
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? unrefTimer;
  const plainDue = throttle(options);
  let latest: BuildProgress | undefined;
  let cancel: (() => void) | undefined;
  let slow = false; // the quiet time has passed
  let big = tty; // worth showing: always on a terminal, a large cold read otherwise
  let finished = false;
  let lastDraw = -Infinity;
  let lastPhase = '';
  let drawn = false;
  const show = (progress: BuildProgress) => {
    if (!tty) {
      if (plainDue(progress)) stream.write(`newsdesk: ${describeProgress(progress)}\n`);
      return;
    }
    const at = now();
    // A terminal line is cheap but not free: redraw at most ten times a second, and at once for a new phase.
    if (at - lastDraw < 100 && progress.phase === lastPhase) return;
    lastDraw = at;
    lastPhase = progress.phase;
    drawn = true;
    stream.write(`\r\x1b[2Knewsdesk: ${describeProgress(progress)}…`);
  };
  return {
    update(progress) {
      if (finished) return;
      latest = progress;
      if (progress.phase === 'ingest' && progress.total >= PLAIN_MIN_FILES) big = true;
      if (slow && big) return show(progress);
      cancel ??= setTimer(() => {
        slow = true;
        if (latest && big && !finished) show(latest);
      }, options.quietMs ?? 1000);
    },
    done() {
      finished = true;
      cancel?.();
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
