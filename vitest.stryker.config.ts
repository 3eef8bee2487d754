/**
 * The test configuration Stryker runs (`npm run mutate`): the normal one with a longer per-test
 * limit, because instrumented code on one busy core runs several times slower than plain code.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      testTimeout: 180_000,
      hookTimeout: 180_000,
      // Mutants live in the sources: spawned newsdesk processes run them through tsx, not a build.
      env: { NEWSDESK_FROM_SOURCE: '1' },
    },
  }),
);
