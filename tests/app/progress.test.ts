/**
 * Loading progress as people see it: nothing for a quick load; on a terminal one line rewritten in
 * place and cleared at the end; plain lines when stderr is not a terminal; log lines in the bot,
 * throttled to a tenth of the way or five seconds. Time is a counter the test moves.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadingMessage } from '../../src/app/library-state.js';
import { logProgress, terminalProgress } from '../../src/app/progress.js';
import type { BuildProgress } from '../../src/library/build.js';

/** A stream that keeps what was written. */
function sink(): Writable & { text: string } {
  const out = new Writable({
    write(chunk, _enc, done) {
      out.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  out.text = '';
  return out;
}

const ingest = (done: number, total = 19_043): BuildProgress => ({ phase: 'ingest', done, total });

/** A timer the test fires by hand: `fire()` is "a second has passed". */
function handTimer(): { setTimer: (fn: () => void, ms: number) => () => void; fire(): void; ms: number | undefined; cancelled: boolean } {
  const t = {
    fn: undefined as (() => void) | undefined,
    ms: undefined as number | undefined,
    cancelled: false,
    setTimer(fn: () => void, ms: number) {
      t.fn = fn;
      t.ms = ms;
      return () => (t.cancelled = true);
    },
    fire() {
      if (!t.cancelled) t.fn?.();
    },
  };
  return t;
}

describe('terminal progress', () => {
  it('shows nothing when loading ends within a second', () => {
    for (const tty of [true, false]) {
      const out = sink();
      const timer = handTimer();
      const progress = terminalProgress(out, tty, { now: () => 0, setTimer: timer.setTimer });
      for (let done = 0; done <= 5; done++) progress.update(ingest(done, 5));
      progress.update({ phase: 'index', done: 0, total: 5 });
      progress.done();
      timer.fire(); // too late: cancelled
      expect(timer.ms).toBe(1000);
      expect(timer.cancelled).toBe(true);
      expect(out.text).toBe('');
    }
  });

  it('on a terminal, shows the latest report after a second, rewrites one line at most ten times a second, and clears it when done', () => {
    let t = 0;
    const out = sink();
    const timer = handTimer();
    const progress = terminalProgress(out, true, { now: () => t, setTimer: timer.setTimer });
    progress.update(ingest(0));
    progress.update(ingest(7999));
    expect(out.text).toBe('');
    t = 1000;
    timer.fire();
    t = 1050;
    progress.update(ingest(8001)); // within 100 ms of the last draw: skipped
    t = 1200;
    progress.update(ingest(9000));
    progress.update({ phase: 'index', done: 0, total: 19_043 }); // a new phase is drawn at once
    progress.done();
    progress.update({ phase: 'index', done: 19_043, total: 19_043 }); // after done: nothing
    expect(out.text).toBe(
      '\r\x1b[2Knewsdesk: reading the archive (7,999 of 19,043 files)…' +
        '\r\x1b[2Knewsdesk: reading the archive (9,000 of 19,043 files)…' +
        '\r\x1b[2Knewsdesk: indexing the archive (19,043 articles)…' +
        '\r\x1b[2K',
    );
  });

  it('on a terminal, shows a slow snapshot read that reports nothing in between', () => {
    const out = sink();
    const timer = handTimer();
    const progress = terminalProgress(out, true, { now: () => 0, setTimer: timer.setTimer });
    progress.update({ phase: 'snapshot', done: 0, total: 1 });
    timer.fire();
    progress.done();
    expect(out.text).toBe('\r\x1b[2Knewsdesk: opening the archive…\r\x1b[2K');
  });

  it('when stderr is not a terminal, a small or snapshot load shows nothing however long it takes', () => {
    for (const reports of [
      [ingest(0, 5), ingest(5, 5), { phase: 'index', done: 0, total: 5 } as const],
      [{ phase: 'snapshot', done: 0, total: 1 } as const],
    ]) {
      const out = sink();
      const timer = handTimer();
      const progress = terminalProgress(out, false, { now: () => 0, setTimer: timer.setTimer });
      progress.update(reports[0]!);
      timer.fire(); // a busy machine: over a second already
      for (const r of reports) progress.update(r);
      progress.done();
      expect(out.text).toBe('');
    }
  });

  it('when stderr is not a terminal, writes plain lines: one per tenth of the way, or every five seconds', () => {
    let t = 0;
    const out = sink();
    const timer = handTimer();
    const progress = terminalProgress(out, false, { now: () => t, setTimer: timer.setTimer });
    for (let done = 0; done <= 1000; done++) {
      if (done === 100) timer.fire();
      t += 10; // ten seconds in all
      progress.update(ingest(done, 1000));
    }
    progress.done();
    const lines = out.text.trimEnd().split('\n');
    expect(lines[0]).toBe('newsdesk: reading the archive (99 of 1,000 files)');
    expect(lines[1]).toBe('newsdesk: reading the archive (100 of 1,000 files)');
    expect(lines.at(-1)).toBe('newsdesk: reading the archive (1,000 of 1,000 files)');
    expect(lines).toHaveLength(11);
    expect(out.text).not.toContain('\r');
  });
});

describe('progress in the log', () => {
  it('logs at info on each phase and each tenth, and at least every five seconds while stuck', () => {
    let t = 0;
    const lines: Array<{ obj: unknown; msg?: string }> = [];
    const logger = { info: (obj: unknown, msg?: string) => lines.push({ obj, msg }), warn() {}, error() {}, debug() {} };
    const progress = logProgress(logger, { now: () => t });
    for (let done = 0; done <= 100; done++) progress.update(ingest(done, 100));
    expect(lines.map((l) => l.msg)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((n) => `reading the archive (${n} of 100 files)`));
    lines.length = 0;
    progress.update(ingest(0, 1_000_000)); // back to the start: a new tenth, so a line
    for (let i = 1; i <= 12; i++) {
      t += 1000;
      progress.update(ingest(i, 1_000_000));
    }
    expect(lines.map((l) => l.obj)).toEqual([
      { phase: 'ingest', done: 0, total: 1_000_000 },
      { phase: 'ingest', done: 5, total: 1_000_000 },
      { phase: 'ingest', done: 10, total: 1_000_000 },
    ]);
  });
});

describe('the loading message', () => {
  it('says how far reading has come, in words a newsroom reads', () => {
    expect(loadingMessage(ingest(8000))).toBe('newsdesk is reading the archive (8,000 of 19,043 files); ask again in a minute.');
    expect(loadingMessage({ phase: 'index', done: 0, total: 19_043 })).toBe('newsdesk is indexing the archive (19,043 articles); ask again in a minute.');
    expect(loadingMessage({ phase: 'snapshot', done: 0, total: 1 })).toBe('newsdesk is opening the archive; ask again in a moment.');
    expect(loadingMessage(null)).toBe('newsdesk is opening the archive; ask again in a moment.');
  });
});
