/// <reference lib="dom" />
import { execSync } from 'node:child_process';
import { type Browser, type BrowserContext, type Page, chromium } from '@playwright/test';

export const DEMO_PASSWORD = 'sakutei-demo';
/** A heading of the demo plan's first chapter: its text on screen means the document has arrived. */
export const DEMO_HEADING = '第1章 中小企業振興プログラムの趣旨';

/** Debian's chromium (Playwright cannot download its own here), or CHROMIUM_PATH. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync('command -v chromium || command -v chromium-browser', { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: install Debian chromium or set CHROMIUM_PATH.');
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A new context: its own cookies and an empty HTTP cache. */
export async function freshContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
  // tsx (esbuild's keepNames) wraps the probes' inner functions in __name(), which pages lack.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  return context;
}

/**
 * A fresh context signed in through the API: the sign-in page's own load is not what is
 * measured, and the request leaves the HTTP cache cold.
 */
export async function signedInContext(browser: Browser, baseURL: string, email: string): Promise<BrowserContext> {
  const context = await freshContext(browser, baseURL);
  const res = await context.request.post('/api/auth/sign-in', { data: { email, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in as ${email}: ${res.status()} ${await res.text()}`);
  return context;
}

export type Throttle = { cpuRate: number; downloadMbit: number; uploadMbit: number; latencyMs: number };

/** A mid-range municipal PC on the office network: 4× slower CPU, 10 Mbit/s, 40 ms. */
export const MUNICIPAL_PC: Throttle = { cpuRate: 4, downloadMbit: 10, uploadMbit: 10, latencyMs: 40 };

/** Applies CPU and network throttling to a page through the DevTools protocol; it holds across navigations. */
export async function throttle(page: Page, t: Throttle): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: t.cpuRate });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: t.latencyMs,
    downloadThroughput: (t.downloadMbit * 1_000_000) / 8,
    uploadThroughput: (t.uploadMbit * 1_000_000) / 8,
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
