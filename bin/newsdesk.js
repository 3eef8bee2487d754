#!/usr/bin/env node
// Entry point of the `newsdesk` command: loads the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
