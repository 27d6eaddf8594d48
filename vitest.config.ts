import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests start real server processes; two cores do not want many at once.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One private PostgreSQL and Redis for the whole run; test files make their own databases.
          globalSetup: ['tests/support/globalServices.ts'],
          setupFiles: ['tests/support/fastCheckLimits.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The client's pure helpers and the plan kernel's hooks, in a DOM without a browser.
          name: 'client',
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['client/src/test/setup.ts', 'tests/support/fastCheckLimits.ts'],
        },
      },
    ],
  },
});
