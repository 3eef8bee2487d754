import { defineConfig } from 'vitest/config';

/**
 * `npm run fuzz`: the fast-check fuzzers in tests/fuzz (random corpora, random Slack and Discord
 * payloads against the real receivers). Bounded: each property runs FUZZ_RUNS cases (default in
 * each file), so a run ends by itself. Not part of `npm test`, which stays quick.
 */
export default defineConfig({
  test: {
    include: ['tests/fuzz/**/*.fuzz.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
