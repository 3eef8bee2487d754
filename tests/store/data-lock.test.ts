/**
 * One newsdesk per DATA_DIR (issue #11, item 7): chat mode holds an exclusive lock on the data
 * folder; a second `newsdesk start` refuses with one line naming the holder's pid; the lock goes
 * with the process, `kill -9` included (a real child process, really killed). The console and the
 * CLI only read the snapshot and take no lock.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isNewsdeskError } from '../../src/core/errors.js';
import { lockDataDir, PID_FILE, type DataLock } from '../../src/store/data-lock.js';
import { cleanEnv, repoRoot, runNewsdesk } from '../helpers/cli.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { msg, startNewsdesk, type NewsdeskProcess } from '../helpers/newsdesk-process.js';

let dir: string;
let slackFake: FakeSlack;
const locks: DataLock[] = [];
const children: NewsdeskProcess[] = [];

beforeAll(async () => {
  slackFake = await startFakeSlack();
});
afterAll(async () => {
  await slackFake.close();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nd-lock-'));
});
afterEach(async () => {
  for (const l of locks.splice(0)) l.release();
  for (const c of children.splice(0)) {
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await c.exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Chat mode (Slack over HTTP against the fake) on `dir`. */
const chatEnv = (): Record<string, string> => ({
  CORPUS_DIR: path.join(repoRoot, 'corpus'),
  DATA_DIR: dir,
  SLACK_BOT_TOKEN: 'xoxb-lock-test-not-secret',
  SLACK_SIGNING_SECRET: 'lock-test-secret',
  SLACK_API_URL: slackFake.apiUrl,
  SLACK_PORT: '0',
});

function take(): DataLock {
  const lock = lockDataDir(dir);
  if (lock.kind !== 'held') throw new Error(`expected the lock, got ${lock.kind}: ${lock.reason}`);
  locks.push(lock);
  return lock;
}

/** The error a second taker gets. */
function refusal(): unknown {
  try {
    const lock = lockDataDir(dir);
    if (lock.kind === 'held') locks.push(lock);
    return lock;
  } catch (err) {
    return err;
  }
}

// Real processes start in seconds; on a busy machine, many.
describe('the DATA_DIR lock', { timeout: 120_000 }, () => {
  it('is held by one taker at a time; the next is refused with the holder pid, and may take it once released', () => {
    const first = take();
    expect(readFileSync(path.join(dir, PID_FILE), 'utf8')).toBe(`${process.pid}\n`);
    const err = refusal();
    expect(isNewsdeskError(err, 'state')).toBe(true);
    expect((err as Error).message).toBe(`DATA_DIR ${dir} is in use by another newsdesk (pid ${process.pid})`);
    first.release();
    expect(existsSync(path.join(dir, PID_FILE))).toBe(false);
    expect(take().kind).toBe('held');
  });

  it('is released by the OS when its holder is killed with SIGKILL; the stale pid file does not block', async () => {
    const holder = startNewsdesk(chatEnv());
    children.push(holder);
    await holder.waitForLine(msg('newsdesk is running'), '"newsdesk is running"');
    const err = refusal();
    expect((err as Error).message).toBe(`DATA_DIR ${dir} is in use by another newsdesk (pid ${holder.pid})`);

    holder.child.kill('SIGKILL');
    expect(await holder.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // The dead holder never removed its pid file; only the lock counts.
    expect(readFileSync(path.join(dir, PID_FILE), 'utf8')).toBe(`${holder.pid}\n`);
    expect(take().kind).toBe('held');
  });

  it('a second `newsdesk start` on the same DATA_DIR refuses with one line and exit code 1', async () => {
    take();
    const second = startNewsdesk(chatEnv());
    children.push(second);
    const outcome = await Promise.race([
      second.exited.then((e) => ({ exited: e })),
      second.waitForLine(msg('newsdesk is running')).then(() => ({ running: true }), () => second.exited.then((e) => ({ exited: e }))),
    ]);
    expect(outcome).toEqual({ exited: { code: 1, signal: null } });
    expect(second.stderr()).toBe(`newsdesk: DATA_DIR ${dir} is in use by another newsdesk (pid ${process.pid})\n`);
  });

  it('the console takes no lock: it runs beside a holder', async () => {
    take();
    const result = await runNewsdesk(['console'], { env: cleanEnv({ CORPUS_DIR: path.join(repoRoot, 'corpus'), DATA_DIR: dir }), stdin: '/quit\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^newsdesk console — \d+ articles/);
  });
});
