/**
 * The process-level safety net (issue #11, item 5), in real child processes: an unhandled
 * rejection is logged and the bot keeps answering; an uncaught exception stops the platforms and
 * exits with EXIT_CRASHED for the supervisor to restart; SIGTERM while the loop is busy and the
 * shutdown hangs ends the process within the grace period, and a second signal ends it at once.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CRASHED } from '../../src/app/process-guard.js';
import { cleanEnv, repoRoot, tempDir } from '../helpers/cli.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { freePort } from '../helpers/free-port.js';
import { sendSigned, slashCommandBody, startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';

const SECRET = 'guard-test-signing-secret';
const SLACK_TOKEN = 'xoxb-guard-test-0000-not-a-real-token';
const DISCORD_TOKEN = 'discord-guard-test-token-not-real';


/** A spawned TypeScript script whose stderr is read line by line as it comes. */
interface Child {
  child: ChildProcessWithoutNullStreams;
  stderr: string[];
  stdout: string[];
  /** Resolves with the first line (past or future) of `stream` matching `re`. */
  line(re: RegExp, stream?: 'stderr' | 'stdout'): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnScript(script: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests', 'helpers', script)], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = { stderr: [] as string[], stdout: [] as string[] };
  const waiters: Array<{ stream: 'stderr' | 'stdout'; re: RegExp; resolve: (l: string) => void }> = [];
  for (const stream of ['stderr', 'stdout'] as const) {
    let rest = '';
    child[stream].on('data', (d: Buffer) => {
      const parts = (rest + d.toString('utf8')).split('\n');
      rest = parts.pop()!;
      for (const l of parts) {
        lines[stream].push(l);
        for (const w of waiters.filter((x) => x.stream === stream && x.re.test(l))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(l);
        }
      }
    });
  }
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return {
    child,
    ...lines,
    exited,
    line(re, stream = 'stderr') {
      const seen = lines[stream].find((l) => re.test(l));
      if (seen) return Promise.resolve(seen);
      // Settles on exit too, so a child that dies early fails the test with its output rather than a timeout.
      return Promise.race([
        new Promise<string>((resolve) => waiters.push({ stream, re, resolve })),
        exited.then(({ code, signal }) => Promise.reject(new Error(`exited (${code ?? signal}) before a line matching ${re}:\n${lines.stderr.join('\n')}`))),
      ]);
    },
  };
}

/** The parsed pino line with this message. */
const logLine = (line: string) => JSON.parse(line) as { level: number; msg: string; error?: { type: string; message: string; stack?: string } };

let slackFake: FakeSlack;
let discordFake: FakeDiscord;

beforeAll(async () => {
  slackFake = await startFakeSlack();
  discordFake = await FakeDiscord.start();
});

afterAll(async () => {
  await slackFake.close();
  await discordFake.close();
});

/** `npm start` with Slack and Discord configured against the fakes, as a child process. */
async function startGuarded(): Promise<{ child: Child; port: number }> {
  const port = await freePort();
  const child = spawnScript(
    'guarded-start.ts',
    cleanEnv({
      CORPUS_DIR: path.join(repoRoot, 'corpus'),
      DATA_DIR: tempDir('nd-guard-'),
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackFake.apiUrl,
      SLACK_PORT: String(port),
      DISCORD_TOKEN,
      DISCORD_API_URL: discordFake.api,
    }),
  );
  await child.line(/"msg":"newsdesk is running"/);
  return { child, port };
}

/** Asks the running process a slash command and resolves with what it posted to the response URL. */
async function askSlack(port: number, name: string): Promise<string> {
  const responseUrl = slackFake.responseUrl(name);
  const r = await sendSigned(port, slashCommandBody({ command: '/search', text: 'gyumri', responseUrl }), 'application/x-www-form-urlencoded', { secret: SECRET });
  expect(r.status).toBe(200);
  const answer = await slackFake.waitFor((x) => x.path === new URL(responseUrl).pathname, 20_000);
  return JSON.stringify(answer.body);
}

const noSecrets = (text: string) => {
  expect(text).not.toContain(SLACK_TOKEN);
  expect(text).not.toContain(DISCORD_TOKEN);
  expect(text).not.toContain(SECRET);
};

describe('the running process (npm start) under failures it did not catch', () => {
  it('logs an unhandled rejection on one line, secrets cut out, and keeps answering', async () => {
    const { child, port } = await startGuarded();
    try {
      child.child.stdin.write('reject\n');
      const line = logLine(await child.line(/unhandled promise rejection/));
      expect(line).toMatchObject({ level: 50, msg: 'unhandled promise rejection; still serving', error: { type: 'Error' } });
      expect(line.error!.message).toBe('a request handler failed (tokens [redacted] [redacted])');
      child.child.stdin.write('reject-null\n');
      expect(logLine(await child.line(/"type":"null"/)).error).toEqual({ type: 'null', message: 'null' });
      // Still up, and still answering.
      expect(await askSlack(port, 'after-rejection')).toMatch(/Gyumri/);
      noSecrets(child.stderr.join('\n'));
    } finally {
      child.child.kill('SIGTERM');
    }
    expect(await child.exited).toEqual({ code: 0, signal: null });
  }, 90_000);

  it(`stops the platforms and exits ${EXIT_CRASHED} after an uncaught exception, for the supervisor to restart it`, async () => {
    const { child, port } = await startGuarded();
    expect(await askSlack(port, 'before-crash')).toMatch(/Gyumri/);
    child.child.stdin.write('throw\n');
    expect(await child.exited).toEqual({ code: EXIT_CRASHED, signal: null });
    const line = logLine(child.stderr.find((l) => /uncaught exception/.test(l))!);
    expect(line).toMatchObject({ level: 50, error: { type: 'TypeError', message: 'Cannot read properties of null (tokens [redacted] [redacted])' } });
    expect(line.msg).toBe(`uncaught exception; stopping (exit code ${EXIT_CRASHED}, for the supervisor to restart)`);
    expect(line.error!.stack).toMatch(/guarded-start\.ts/);
    // The shutdown ran to its end (it returned the exit code) rather than being cut off by the grace period.
    expect(child.stderr.join('\n')).not.toMatch(/did not stop in time/);
    noSecrets(child.stderr.join('\n'));
  }, 90_000);
});

describe('SIGTERM while the event loop is busy and the shutdown hangs', () => {
  it('a second SIGTERM exits at once (143)', async () => {
    const child = spawnScript('guarded-busy.ts', cleanEnv({ GRACE_MS: '600000' }));
    await child.line(/^ready$/, 'stdout');
    child.child.kill('SIGTERM');
    await child.line(/"msg":"stopping"/);
    child.child.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 143, signal: null });
    expect(child.stderr.some((l) => /second signal while stopping; exiting now/.test(l))).toBe(true);
  }, 60_000);

  it('one SIGINT ends it after the grace period (130), saying so', async () => {
    const child = spawnScript('guarded-busy.ts', cleanEnv({ GRACE_MS: '200' }));
    await child.line(/^ready$/, 'stdout');
    child.child.kill('SIGINT');
    expect(await child.exited).toEqual({ code: 130, signal: null });
    expect(child.stderr.some((l) => /newsdesk did not stop in time; exiting now/.test(l))).toBe(true);
  }, 60_000);
});
