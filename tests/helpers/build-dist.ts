/**
 * vitest globalSetup: compiles dist/ when it is missing or older than the sources, so every test
 * that spawns bin/newsdesk.js runs today's code compiled — never a stale build, never silently
 * the tsx fallback. A run with nothing changed costs one stat per source file.
 */
import type { TestProject } from 'vitest/node';
import { buildStatus } from '../../bin/build-status.js';
import { build, REPO_ROOT } from '../../scripts/build.js';

/** Builds dist/ unless it is current, or the run asks for the sources (`NEWSDESK_FROM_SOURCE`, as the mutation run does). */
export default function setup(project: TestProject): void {
  const fromSource = project.config.env?.NEWSDESK_FROM_SOURCE ?? process.env.NEWSDESK_FROM_SOURCE;
  if (fromSource === '1' || fromSource === 'true') return;
  if (buildStatus(REPO_ROOT).state !== 'current') {
    build(REPO_ROOT, (line) => process.stderr.write(`dist/ built with type errors (npm run typecheck lists them):\n${line}\n`), { typeErrors: 'warn' });
  }
}
