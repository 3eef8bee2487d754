// @ts-check
/**
 * Mutation testing (`npm run mutate`, issue #11): Stryker plants small bugs in the modules that
 * carry newsdesk's promises and checks that some test fails on each. Slow and not part of CI;
 * run one module at a time with `npm run mutate -- --mutate src/app/rate-limit.ts`.
 */
import { mkdirSync, realpathSync, symlinkSync, lstatSync } from 'node:fs';
import path from 'node:path';

const tempDirName = '/tmp/newsdesk-stryker';

// Stryker links node_modules into its sandbox only when it is a real folder; in a git worktree
// it is a symlink to the shared install, so the sandbox would not find vitest. Node resolves
// packages from parent folders too, so one link next to the sandboxes is enough.
mkdirSync(tempDirName, { recursive: true });
const link = path.join(tempDirName, 'node_modules');
try {
  lstatSync(link);
} catch {
  symlinkSync(realpathSync('node_modules'), link, 'dir');
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/answer/reply.ts',
    'src/adapters/slack/mrkdwn.ts',
    'src/adapters/discord/markdown.ts',
    'src/app/rate-limit.ts',
    'src/ingest/chrome.ts',
    'src/ingest/classify.ts',
    'src/claims/lexicon.ts',
    'src/dates/resolve.ts',
    'src/digest/schedule.ts',
  ],
  // Two cores shared with other work: one test runner at a time.
  concurrency: 1,
  // Word lists built when a module loads (the lexicon's tables) would need the whole related suite
  // re-run with a fresh module graph for every one of hundreds of mutants; their entries are pinned
  // by hand-written tables in the tests instead (tests/claims/lexicon.test.ts).
  ignoreStatic: true,
  timeoutMS: 30_000,
  tempDirName,
  cleanTempDir: 'always',
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
};
