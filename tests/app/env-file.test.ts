/**
 * `.env` in the working directory is read at start by the CLI (and so by `npm start` and the
 * console); the environment wins; a malformed line is named by file and line, never echoed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/app/cli.js';
import { checkEnvText, readEnvFile } from '../../src/app/env-file.js';
import { isNewsdeskError } from '../../src/core/errors.js';
import { cleanEnv, repoRoot, runNewsdesk, tempDir } from '../helpers/cli.js';
import { loadConfig } from '../../src/app/config.js';

/** The tests' clean environment, but with `.env` read (cleanEnv turns it off). */
function envReadingDotenv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = cleanEnv();
  delete env.NEWSDESK_ENV_FILE;
  delete env.DATA_DIR;
  return { ...env, ...extra };
}

/** A one-article corpus whose title says which folder it is. */
function corpus(title: string): string {
  const dir = tempDir('newsdesk-envcorpus-');
  writeFileSync(path.join(dir, 'story.md'), `---\ntitle: ${title}\noutlet: Test Wire\npublished: 2024-03-01\n---\nThe harbour reopened on Friday, the port authority said.\n`);
  return dir;
}

/** A working directory holding `.env` with the given text. */
function workdir(envText: string): string {
  const dir = tempDir('newsdesk-cwd-');
  writeFileSync(path.join(dir, '.env'), envText);
  return dir;
}

/** Runs the CLI in this process, collecting what it writes. */
async function cli(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) => new Writable({ write: (chunk, _enc, done) => (add(String(chunk)), done()) });
  const code = await runCli(argv, {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env,
    color: false,
    cwd,
  });
  return { code, stdout, stderr };
}

describe('.env', () => {
  it('the newsdesk binary reads .env from its working directory (spawned, as a user runs it)', async () => {
    const archive = corpus('Harbour reopens in the env-file archive');
    const cwd = workdir(`# settings\nCORPUS_DIR=${archive}\nexport DATA_DIR="${tempDir()}"\n`);
    const r = await runNewsdesk(['sources'], { cwd, env: envReadingDotenv() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Harbour reopens in the env-file archive');
  });

  it('a variable in the environment wins over the same one in .env', async () => {
    const fromFile = corpus('From the file');
    const fromEnv = corpus('From the environment');
    const cwd = workdir(`CORPUS_DIR=${fromFile}\nDATA_DIR=${tempDir()}\n`);
    const r = await cli(['sources'], envReadingDotenv({ CORPUS_DIR: fromEnv, DATA_DIR: tempDir() }), cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('From the environment');
    expect(r.stdout).not.toContain('From the file');
  });

  it('a malformed line stops start-up with one line naming the file and line, without its text', async () => {
    const cwd = workdir(`CORPUS_DIR=${corpus('x')}\n\nSLACK_BOT_TOKEN xoxb-1234-secret-value\n`);
    const r = await cli(['sources'], envReadingDotenv({ DATA_DIR: tempDir() }), cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`newsdesk: ${path.join(cwd, '.env')} line 3: expected NAME=value\n`);
    expect(r.stdout).toBe('');
  });

  it('a secret in .env never reaches the output, also when the configuration around it is wrong', async () => {
    const cwd = workdir(`CORPUS_DIR=${corpus('x')}\nSLACK_BOT_TOKEN=xoxb-1234-secret-value\n`);
    const r = await cli(['start'], envReadingDotenv({ DATA_DIR: tempDir() }), cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^newsdesk: SLACK_SIGNING_SECRET is missing/);
    expect(r.stderr + r.stdout).not.toContain('secret-value');
  });

  it('.env.example copied to .env as it is loads and configures nothing but the defaults', () => {
    const file = readEnvFile(path.join(repoRoot, '.env.example'))!;
    expect(Object.keys(file)).toEqual(expect.arrayContaining(['CORPUS_DIR', 'LOG_LEVEL', 'LOG_FORMAT', 'SLACK_BOT_TOKEN', 'DISCORD_TOKEN']));
    const config = loadConfig(file);
    expect(config).toMatchObject({ CORPUS_DIR: './corpus', LOG_FORMAT: 'auto', SLACK_PORT: 3000 });
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('NEWSDESK_ENV_FILE names another file, or turns the file off when empty', async () => {
    const cwd = workdir(`CORPUS_DIR=${corpus('From .env')}\n`);
    writeFileSync(path.join(cwd, 'other.env'), `CORPUS_DIR=${corpus('From other.env')}\n`);
    const other = await cli(['sources'], envReadingDotenv({ DATA_DIR: tempDir(), NEWSDESK_ENV_FILE: 'other.env' }), cwd);
    expect(other.stdout).toContain('From other.env');
    const off = await cli(['sources', '--json'], envReadingDotenv({ DATA_DIR: tempDir(), NEWSDESK_ENV_FILE: '' }), cwd);
    // No file read: CORPUS_DIR is the default ./corpus (of this process: the repository's sample).
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).not.toContain('From');
    const missing = await cli(['sources'], envReadingDotenv({ DATA_DIR: tempDir(), NEWSDESK_ENV_FILE: 'nowhere.env' }), cwd);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`newsdesk: NEWSDESK_ENV_FILE names ${path.join(cwd, 'nowhere.env')}, which does not exist\n`);
  });

  it('no .env is no error', () => {
    expect(readEnvFile(path.join(tempDir(), '.env'))).toBeUndefined();
  });

  it('decodes values as node --env-file does: quotes, comments, export, multi-line', () => {
    const cwd = workdir('A=plain # comment\nexport B="x # y"\nC=\'single\'\nD="two\nlines"\nE=\nF = spaced \n');
    expect(readEnvFile(path.join(cwd, '.env'))).toEqual({ A: 'plain', B: 'x # y', C: 'single', D: 'two\nlines', E: '', F: 'spaced' });
  });

  it.each([
    ['JUST_A_NAME', 1, 'expected NAME=value'],
    ['OK=1\n1BAD=2', 2, 'the name before "=" must be'],
    ['A=1\nB="never closed\nC=3', 2, 'the value opened with " is never closed'],
    ['A="closed" trailing', 1, 'unexpected text after the closing "'],
    ['A=1\nB="x\ny" z', 3, 'unexpected text after the closing "'],
  ])('refuses %j at line %i', (text, line, why) => {
    let err: unknown;
    try {
      checkEnvText(text, 'my.env');
    } catch (e) {
      err = e;
    }
    expect(isNewsdeskError(err, 'config')).toBe(true);
    expect((err as Error).message.startsWith(`my.env line ${line}: ${why}`)).toBe(true);
  });
});
