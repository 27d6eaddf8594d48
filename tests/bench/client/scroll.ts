/// <reference lib="dom" />
import type { Browser } from '@playwright/test';
import { signedInContext, sleep } from './browser';

export type ScrollResult = {
  /** Click on the tab → the first row in the DOM, and → the frame after it. */
  openMs: number;
  /** requestAnimationFrame deltas while scrolling (ms). */
  frames: number[];
  /** Long animation frames (over 50 ms) Chrome reported, when it supports the API. */
  longFrames: number[] | null;
  rowsInTable: number;
  rowsInDom: number;
  scroller: string;
  scrolledPx: number;
};

/** Runs in the page: stamps the click on the tab and the first mutation batch with a row in it. */
function openProbe(): void {
  const w = window as unknown as { __open: { clickAt: number | null; rowsAt: number | null; frameAt: number | null } };
  w.__open = { clickAt: null, rowsAt: null, frameAt: null };
  window.addEventListener('click', () => (w.__open.clickAt ??= performance.now()), true);
  const observer = new MutationObserver(() => {
    if (w.__open.clickAt === null || !document.querySelector('[data-testid="measure-row"]')) return;
    w.__open.rowsAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => (w.__open.frameAt = performance.now()));
  });
  observer.observe(document, { subtree: true, childList: true });
}

/**
 * Runs in the page: scrolls the element that scrolls the grid (the grid itself, an ancestor,
 * or the page, so it works with or without a virtualised grid) by `step` px per frame, down
 * and back up, for `durationMs`, recording each frame's duration.
 */
function scrollProbe({ durationMs, step }: { durationMs: number; step: number }) {
  const grid = document.querySelector('[data-testid="measure-grid"]')!;
  let scroller: Element = document.scrollingElement ?? document.documentElement;
  for (let el: Element | null = grid; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 20) {
      scroller = el;
      break;
    }
  }
  const describe = (el: Element) =>
    el === document.scrollingElement ? 'the page' : `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
  const longFrames: number[] = [];
  let observer: PerformanceObserver | null = null;
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longFrames.push(entry.duration)));
    observer.observe({ type: 'long-animation-frame' });
  }
  return new Promise<{ frames: number[]; longFrames: number[] | null; scroller: string; scrolledPx: number; rowsInDom: number }>((resolve) => {
    const frames: number[] = [];
    let direction = 1;
    let scrolled = 0;
    let last: number | null = null;
    let end = Infinity;
    const tick = (now: number) => {
      if (last !== null) frames.push(now - last);
      else end = now + durationMs;
      last = now;
      const max = scroller.scrollHeight - scroller.clientHeight;
      let next = scroller.scrollTop + direction * step;
      if (next >= max) [next, direction] = [max, -1];
      else if (next <= 0) [next, direction] = [0, 1];
      scrolled += Math.abs(next - scroller.scrollTop);
      scroller.scrollTop = next;
      if (now < end) requestAnimationFrame(tick);
      else {
        observer?.disconnect();
        resolve({
          frames,
          longFrames: observer ? longFrames : null,
          scroller: describe(scroller),
          scrolledPx: Math.round(scrolled),
          rowsInDom: document.querySelectorAll('[data-testid="measure-row"]').length,
        });
      }
    };
    requestAnimationFrame(tick);
  });
}

/**
 * A member opens the 2,000-row plan, switches to the 施策・事業 tab (timed), waits for the
 * page to settle, then scrolls the table programmatically for `seconds` seconds.
 */
export async function measureScroll(browser: Browser, baseURL: string, planId: string, rows: number, seconds: number): Promise<ScrollResult> {
  const context = await signedInContext(browser, baseURL, 'member@example.jp');
  try {
    const page = await context.newPage();
    await page.goto(`/plans/${encodeURIComponent(planId)}`);
    const tab = page.getByTestId('plan-tab-measures');
    await tab.waitFor({ timeout: 60_000 });
    await sleep(1000);
    await page.evaluate(openProbe);
    await tab.click();
    await page.waitForFunction(() => (window as unknown as { __open: { frameAt: number | null } }).__open.frameAt !== null, null, { timeout: 120_000 });
    const open = await page.evaluate(() => (window as unknown as { __open: { clickAt: number; frameAt: number } }).__open);
    await sleep(1500);
    const scrolled = await page.evaluate(scrollProbe, { durationMs: seconds * 1000, step: 40 });
    return { openMs: open.frameAt - open.clickAt, rowsInTable: rows, ...scrolled };
  } finally {
    await context.close();
  }
}
