#!/usr/bin/env node
// Entry point of the `newsdesk` command: loads the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { guardStdio } = await import('../src/app/process-guard.ts');
// `newsdesk sources | head -1`: a reader that stops early ends newsdesk quietly (exit 0), not with a stack trace.
guardStdio();
const { runCli } = await import('../src/app/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
