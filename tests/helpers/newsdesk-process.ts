/**
 * A real `newsdesk start` in a child process, for what only a real process shows: a lock the OS
 * releases on `kill -9`, a post interrupted by one, a second process on the same DATA_DIR. Its
 * log lines (pino JSON on stderr) are collected; tests wait for a line, never for a time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { binPath, cleanEnv, repoRoot } from './cli.js';

/** One log line: pino's JSON, or `{ msg }` for a plain line. */
export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/** A running `newsdesk start`. */
export interface NewsdeskProcess {
  child: ChildProcess;
  pid: number;
  lines: LogLine[];
  /** Resolves with the first line (seen or to come) that matches; rejects if the process exits first. */
  waitForLine(match: (l: LogLine) => boolean, what?: string): Promise<LogLine>;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** All stderr, for failure messages. */
  stderr(): string;
}

/** Starts `node bin/newsdesk.js start` with `env` on top of a clean environment. */
export function startNewsdesk(env: Record<string, string>): NewsdeskProcess {
  const child = spawn(process.execPath, [binPath, 'start'], { cwd: repoRoot, env: cleanEnv({ LOG_LEVEL: 'info', ...env }), stdio: ['ignore', 'ignore', 'pipe'] });
  const lines: LogLine[] = [];
  const waiters: Array<{ match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }> = [];
  let raw = '';
  let buffer = '';
  child.stderr!.on('data', (d: Buffer) => {
    raw += d.toString('utf8');
    buffer += d.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: text };
      }
      lines.push(line);
      for (const w of [...waiters]) if (w.match(line)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(line));
    }
  });
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return {
    child,
    pid: child.pid!,
    lines,
    exited,
    stderr: () => raw,
    waitForLine(match, what = 'a matching log line') {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`newsdesk exited (${code ?? signal}) before ${what}:\n${raw}`)));
      });
    },
  };
}

/** True for pino's line with this message (or a message that matches). */
export const msg = (m: string | RegExp) => (l: LogLine) => (typeof m === 'string' ? l.msg === m : m.test(String(l.msg ?? '')));
