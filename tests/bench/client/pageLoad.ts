/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_HEADING, freshContext, MUNICIPAL_PC, signedInContext, throttle } from './browser';

/**
 * When a page counts as ready: an element matching `selector` exists and, if `text` is set,
 * one of its descendants matching `textIn` contains it.
 */
type Readiness = { selector: string; textIn?: string; text?: string };

/**
 * Usable editor: the ProseMirror root is editable (contenteditable="true", which TipTap sets
 * once the editor is created with edit access) and the demo plan's first chapter heading is
 * rendered in it, so the document's content has arrived (from the server or the local copy).
 */
export const EDITOR_READY: Readiness = {
  selector: '[data-testid="plan-editor"][contenteditable="true"]',
  textIn: 'h1, h2, h3, h4',
  text: DEMO_HEADING,
};
const SIGN_IN_READY: Readiness = { selector: 'form #password' };
const PLAN_LIST_READY: Readiness = { selector: '[data-testid="plan-list"] a' };

/**
 * Runs in the page before any of its scripts: stamps `performance.now()` (milliseconds since
 * the navigation started) in the first mutation batch after which the page is ready.
 */
function readinessProbe(spec: Readiness): void {
  const w = window as unknown as { __readyAt: number | null };
  w.__readyAt = null;
  const ready = () => {
    const root = document.querySelector(spec.selector);
    if (!root) return false;
    if (!spec.text) return true;
    return Array.from(root.querySelectorAll(spec.textIn ?? '*')).some((el) => el.textContent?.includes(spec.text!));
  };
  const observer = new MutationObserver(() => {
    if (w.__readyAt !== null || !ready()) return;
    w.__readyAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['contenteditable'] });
}

export type LoadSample = {
  ms: number;
  /** Bytes that crossed the network for the page (document and subresources; not the websocket). */
  transferBytes: number;
  requests: number;
  /** Of those, answered from the HTTP cache without a request (transferSize 0). */
  fromCache: number;
  files: string[];
};

async function measuredLoad(page: Page, url: string, spec: Readiness): Promise<LoadSample> {
  await page.addInitScript(readinessProbe, spec);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __readyAt: number | null }).__readyAt !== null, null, {
    polling: 100,
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const fetched = resources.filter((r) => r.initiatorType !== 'xmlhttprequest' && r.initiatorType !== 'fetch');
    return {
      ms: (window as unknown as { __readyAt: number }).__readyAt,
      transferBytes: (nav?.transferSize ?? 0) + resources.reduce((sum, r) => sum + r.transferSize, 0),
      requests: resources.length + 1,
      fromCache: fetched.filter((r) => r.transferSize === 0 && r.decodedBodySize > 0).length,
      files: resources.map((r) => new URL(r.name).pathname),
    };
  });
}

export type PageLoadResult = {
  signIn: LoadSample[];
  planList: LoadSample[];
  editorCold: LoadSample[];
  editorWarm: LoadSample[];
  /** Runs abandoned because a page was not ready within 60 s. */
  failedRuns: number;
};

/**
 * `runs` times, each in a fresh context (empty cache) throttled like a municipal PC:
 * the sign-in page (signed out), the plan list, and the demo plan opened straight from its
 * address, cold and then once more warm (a new navigation in the same context, as the next
 * visit from a bookmark would be).
 */
export async function measurePageLoads(browser: Browser, baseURL: string, demoPlanId: string, runs: number, log: (line: string) => void): Promise<PageLoadResult> {
  const result: PageLoadResult = { signIn: [], planList: [], editorCold: [], editorWarm: [], failedRuns: 0 };
  const withPage = async <T>(context: BrowserContext, fn: (page: Page) => Promise<T>): Promise<T> => {
    const page = await context.newPage();
    try {
      await throttle(page, MUNICIPAL_PC);
      return await fn(page);
    } finally {
      await page.close();
    }
  };
  for (let run = 0; run < runs; run++) {
    try {
      const anonymous = await freshContext(browser, baseURL);
      result.signIn.push(await withPage(anonymous, (page) => measuredLoad(page, '/sign-in', SIGN_IN_READY)));
      await anonymous.close();

      const lists = await signedInContext(browser, baseURL, 'member@example.jp');
      result.planList.push(await withPage(lists, (page) => measuredLoad(page, '/plans', PLAN_LIST_READY)));
      await lists.close();

      const context = await signedInContext(browser, baseURL, 'member@example.jp');
      const planUrl = `/plans/${encodeURIComponent(demoPlanId)}`;
      await withPage(context, async (page) => {
        result.editorCold.push(await measuredLoad(page, planUrl, EDITOR_READY));
        await page.goto('about:blank');
        result.editorWarm.push(await measuredLoad(page, planUrl, EDITOR_READY));
      });
      await context.close();
    } catch (err) {
      // A load that never got ready (60 s) is counted and reported, not fatal to the whole run.
      result.failedRuns += 1;
      log(`  run ${run + 1}/${runs} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      continue;
    }
    const last = (samples: LoadSample[]) => samples.at(-1)!.ms.toFixed(0);
    log(`  run ${run + 1}/${runs}: sign-in ${last(result.signIn)} ms, plan list ${last(result.planList)} ms, editor cold ${last(result.editorCold)} ms, warm ${last(result.editorWarm)} ms`);
  }
  return result;
}
