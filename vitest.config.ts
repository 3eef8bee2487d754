import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Tests spawn bin/newsdesk.js, which runs dist/: compile it first when the sources changed.
    // PostgreSQL starts only if a test asks for it (tests/helpers/postgres.ts).
    globalSetup: ['tests/helpers/build-dist.ts', 'tests/helpers/postgres-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
