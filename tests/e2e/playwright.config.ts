import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.E2E_PORT ?? 18787);
// Per port, so that two runs side by side (one per developer task) do not share a data folder.
const dataDir = path.join(root, `tests/.tmp/e2e-data-${port}`);

/** Debian's chromium: Playwright cannot download its own browser on these machines. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: install Debian chromium or set CHROMIUM_PATH.');
  }
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // The README's screenshots are refreshed on purpose (SCREENSHOTS=1), not on every run.
  testIgnore: process.env.SCREENSHOTS ? [] : ['screenshots.spec.ts'],
  outputDir: path.join(root, `tests/.tmp/e2e-results-${port}`),
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  // Bounds for a run gone wrong: a browser or server that stops answering fails the run with
  // its reason in minutes, instead of every test waiting out its timeout twice.
  globalTimeout: 35 * 60_000,
  maxFailures: process.env.CI ? 10 : 0,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: path.join(root, 'tests/.tmp/playwright.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // A fresh data folder each run: the demo council is seeded on first start.
    command: `rm -rf "${dataDir}" && exec "${path.join(root, 'node_modules/.bin/tsx')}" server/src/main.ts`,
    cwd: root,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(port), HOST: '127.0.0.1', SAKUTEI_DATA_DIR: dataDir, SAKUTEI_DEMO: '1', SAKUTEI_REVALIDATE_MS: '1000' },
  },
});
