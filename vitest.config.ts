import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Integration tests start real server processes; two cores do not want many at once.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One private PostgreSQL and Redis for the whole run; test files make their own databases.
    globalSetup: ['tests/support/globalServices.ts'],
  },
});
