#!/usr/bin/env node
// Entry point of the `newsdesk` command. It runs the JavaScript that `npm ci` compiled into dist/
// (the `prepare` script): compiling TypeScript at every start would cost ~2 s per call. Without a
// current build (a fresh git worktree, sources edited since) it runs the TypeScript sources
// through tsx instead and says so once per call; NEWSDESK_FROM_SOURCE=1 chooses that quietly.
import { fileURLToPath } from 'node:url';
import { buildStatus } from './build-status.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fromSource = process.env.NEWSDESK_FROM_SOURCE === '1' || process.env.NEWSDESK_FROM_SOURCE === 'true';
const status = fromSource ? null : buildStatus(root);
let app = '../dist/src/app/';
let ext = '.js';
if (status?.state !== 'current') {
  if (status) {
    const why = status.state === 'missing' ? 'dist/ has no compiled code' : `${status.changed} changed after the last build`;
    process.stderr.write(`newsdesk: ${why}; running the TypeScript sources through tsx (about 2 s slower). \`npm run build\` compiles them.\n`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  app = '../src/app/';
  ext = '.ts';
}
const { guardStdio } = await import(`${app}process-guard${ext}`);
// `newsdesk sources | head -1`: a reader that stops early ends newsdesk quietly (exit 0), not with a stack trace.
guardStdio();
const { runCli } = await import(`${app}cli${ext}`);
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
