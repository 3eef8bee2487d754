/** Runs the real `newsdesk` binary as a child process, the way a user or a script would. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const binPath = path.join(repoRoot, 'bin', 'newsdesk.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temp folder for DATA_DIR so runs never share a snapshot unless a test wants them to. */
export function tempDir(prefix = 'newsdesk-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** The environment of the test process without any chat platform or digest configuration, and without `.env`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(SLACK_|DISCORD_|DIGEST_|CORPUS_DIR|DATA_DIR|DATABASE_URL|REPLICA_ID|NODE_OPTIONS|VITEST)/.test(k)) env[k] = v;
  }
  // NEWSDESK_ENV_FILE empty: a developer's own .env (perhaps with real tokens) is never read by a test.
  // The health endpoints would take port 8080 in every process a test starts; a test that wants them sets HEALTH_PORT.
  return { ...env, LOG_LEVEL: 'warn', NO_COLOR: '1', NEWSDESK_ENV_FILE: '', HEALTH_PORT: 'off', ...extra };
}

/** Spawns `node bin/newsdesk.js ...args`, feeding `stdin` if given, and collects the result (stdout stays empty with `closeStdout`). */
export function runNewsdesk(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string; cwd?: string; timeoutMs?: number; closeStdout?: boolean } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? cleanEnv({ DATA_DIR: tempDir() }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // closeStdout: the reader goes away before newsdesk writes, as `newsdesk … | head -1` or `| true` does.
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`newsdesk ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}
