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
  const editor = page.getByTestId('plan-editor');
  const lastBlock = () => editor.locator(':scope > *').last();
  // Into the last block first: a click in the middle of the page leaves the caret where it
  // landed, and Control+End alone was once seen not to move it (the text went into a heading).
  await lastBlock().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await expect(lastBlock()).toHaveText(text);
}
