/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page, expect } from '@playwright/test';

export const DEMO_PLAN_TITLE = '第2期福島市中小企業振興プログラム（令和7年度版）';

/** A fresh browser context signed in through the sign-in form, as a person would. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('sakutei-demo');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('plan-list')).toBeVisible();
  return page;
}

/** Opens the demo plan from the plan list and waits until its document is live. */
export async function openDemoPlan(page: Page): Promise<void> {
  await page.getByRole('link', { name: DEMO_PLAN_TITLE }).click();
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveAttribute('data-status', 'connected');
  await expect(status).toHaveAttribute('data-synced', 'true');
  await expect(page.getByTestId('plan-editor')).toContainText('第1章 中小企業振興プログラムの趣旨');
}

/** Puts the caret at the end of the document and types, as a user would. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const lastBlock = await placeCaretAtEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await expect(lastBlock()).toHaveText(text);
}

/**
 * Puts the caret after the last character of the last block, surely: Control+End alone lands
 * short of the end of a wrapped last line. Returns the last block's locator.
 */
export async function placeCaretAtEnd(page: Page) {
  const editor = page.getByTestId('plan-editor');
  const lastBlock = () => editor.locator(':scope > *').last();
  // Into the last block first: a click in the middle of the page leaves the caret where it
  // landed, and Control+End alone was once seen not to move it (the text went into a heading).
  await lastBlock().click();
  // Control+End can land short of the end (seen: just before a final 「。」 of a wrapped line),
  // so press it until the caret really stands after the last character of the last block.
  await expect(async () => {
    await page.keyboard.press('Control+End');
    expect(await caretAtEndOfLastBlock(page)).toBe(true);
  }).toPass({ timeout: 10_000 });
  // ProseMirror takes the browser's caret on its selectionchange event, a task later: let it
  // run, or Enter splits the block where the click left the caret.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  return lastBlock;
}

/** Whether the caret is collapsed in the editor's last block with nothing after it. */
function caretAtEndOfLastBlock(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const last = document.querySelector('[data-testid="plan-editor"]')?.lastElementChild;
    const selection = getSelection();
    if (!last || !selection || selection.rangeCount === 0 || !selection.isCollapsed) return false;
    const focus = selection.focusNode;
    if (!focus || !last.contains(focus)) return false;
    const rest = document.createRange();
    rest.setStart(focus, selection.focusOffset);
    rest.setEnd(last, last.childNodes.length);
    // A co-editor's caret standing there carries their name as text: it is not the document's.
    const after = rest.cloneContents();
    after.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return (after.textContent ?? '') === '';
  });
}

/** One axe finding, short enough to read in a failed assertion. */
function describeViolation(violation: { id: string; impact?: string | null; nodes: Array<{ target: unknown[] }> }): string {
  return `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`;
}

/**
 * Runs axe on the page, or only inside `include`, and fails on any critical or serious
 * violation. `label` names the view in the failure; `soft` lets a sweep go on and report all.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  options: { include?: string; label?: string; soft?: boolean } = {},
): Promise<void> {
  // Every rule axe runs by default (WCAG 2.x A/AA and best practices), plus the experimental
  // label-content-name-mismatch (WCAG 2.5.3); only violations are gathered, which is much faster
  // on the plan's long pages than collecting every pass.
  let builder = new AxeBuilder({ page }).options({
    resultTypes: ['violations'],
    rules: { 'label-content-name-mismatch': { enabled: true } },
  });
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const bad = violations.filter((violation) => violation.impact === 'critical' || violation.impact === 'serious');
  const check = options.soft ? expect.soft : expect;
  check(bad.map(describeViolation), options.label ?? page.url()).toEqual([]);
}

/** Signs in at a given viewport (a phone is 390×844), for layout and accessibility checks. */
export async function signedInPageAt(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('sakutei-demo');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('plan-list')).toBeVisible();
  return page;
}

/** The page is no wider than its viewport: nothing pushes it sideways (a wide table, a sidebar). */
export async function expectNoHorizontalOverflow(page: Page, label = page.url(), options: { soft?: boolean } = {}): Promise<void> {
  const measure = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  // After a resize the layout settles over a frame or two (media queries re-render the comments).
  let widths = await measure();
  for (let tries = 0; tries < 10 && widths.scroll > widths.client; tries++) {
    await page.waitForTimeout(200);
    widths = await measure();
  }
  const check = options.soft ? expect.soft : expect;
  check(widths.scroll, `${label}: page ${widths.scroll}px wide in a ${widths.client}px viewport`).toBeLessThanOrEqual(widths.client);
}

/** Selects `phrase` inside the prose the way a mouse drag would leave the DOM selection. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate((text) => {
    const root = document.querySelector('[data-testid="plan-editor"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`phrase not found: ${text}`);
  }, phrase);
}

/**
 * Removes every top-level block of the demo plan's prose that contains `marker`, suggestions in
 * them included, from a fresh editor's page in 編集: how a spec that wrote paragraphs of its own
 * leaves the plan as it found it. Waits until the server holds the result.
 */
export async function removeOwnParagraphs(page: Page, marker: string): Promise<void> {
  await openDemoPlan(page);
  await expect(page.getByTestId('suggest-mode')).toHaveAttribute('data-mode', 'edit');
  await page.evaluate((text) => {
    type Pm = { state: { doc: { forEach(f: (node: { textContent: string; nodeSize: number }, offset: number) => void): void }; tr: { delete(a: number, b: number): unknown } }; dispatch(tr: unknown): void };
    const view = (document.querySelector('[data-testid="plan-editor"]') as unknown as { editor: { view: Pm } }).editor.view;
    const ranges: Array<[number, number]> = [];
    view.state.doc.forEach((node, offset) => {
      if (node.textContent.includes(text)) ranges.push([offset, offset + node.nodeSize]);
    });
    const tr = view.state.tr;
    for (const [from, to] of ranges.reverse()) tr.delete(from, to);
    view.dispatch(tr);
  }, marker);
  await expect(page.getByTestId('plan-editor')).not.toContainText(marker);
  // A reload brings the plan back from the server: without the paragraphs once it has them.
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await expect(page.getByTestId('plan-editor')).not.toContainText(marker);
}

/** The prose as a reader sees it, without the co-editors' caret labels (their names are text in the DOM). */
export function proseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.querySelector('[data-testid="plan-editor"]')!.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}
