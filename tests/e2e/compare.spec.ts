import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { DEMO_PLAN_TITLE, expectNoHorizontalOverflow, expectNoSeriousA11yViolations, signedInPageAt } from './support';

/** Opens the demo plan and, on the desktop, adds a paragraph at the end of the prose. */
async function openPlan(page: Page, addParagraph: string | null): Promise<void> {
  await page.getByTestId('plan-list').getByRole('link', { name: DEMO_PLAN_TITLE }).first().click();
  await expect(page.getByTestId('plan-tab-revisions')).toBeVisible();
  if (addParagraph === null) return;
  const editor = page.getByTestId('plan-editor');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(addParagraph);
  await expect(editor).toContainText(addParagraph);
}

/*
 * The 新旧対照表 on screen: 改正後 on the left by default, a toggle that swaps the sides (and
 * the downloads with them), fields named in Japanese, and a layout that holds at 1440 px and
 * at 390 px. Screenshots go to tests/.tmp/screenshots for a person to look at.
 */

// Both views read one demo plan; the phone view reads the edit the desktop view made.
test.describe.configure({ mode: 'serial' });

const shots = path.join(path.dirname(new URL(import.meta.url).pathname), '../.tmp/screenshots');

for (const viewport of [
  { width: 1440, height: 900, name: 'desktop' },
  { width: 390, height: 844, name: 'phone' },
]) {
  test(`the 新旧対照表 at ${viewport.width} px`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await signedInPageAt(browser, 'member@example.jp', viewport);
    await openPlan(page, viewport.name === 'desktop' ? '新旧対照表の確認のために加えた文。' : null);
    await page.getByTestId('plan-tab-revisions').click();
    const view = page.getByTestId('compare-view');
    await expect(view).toBeVisible();
    await expect(view).toHaveAttribute('data-order', 'new-old');

    const proseHeads = page.locator('.compare-table--split thead th');
    await expect(proseHeads.first()).toContainText('改正後（新）');
    await expect(proseHeads.nth(1)).toContainText('改正前（旧）');
    await expect(page.getByTestId('compare-row').filter({ hasText: '新旧対照表の確認のために加えた文' }).first()).toBeVisible();
    await expect(page.getByTestId('compare-export-docx')).toHaveAttribute('href', /order=new-old/);

    fs.mkdirSync(shots, { recursive: true });
    await page.getByTestId('compare-view').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `compare-${viewport.width}.png`), fullPage: true });

    await page.getByTestId('compare-order').click();
    await expect(view).toHaveAttribute('data-order', 'old-new');
    await expect(proseHeads.first()).toContainText('改正前（旧）');
    await expect(page.getByTestId('compare-export-docx')).toHaveAttribute('href', /order=old-new/);
    await page.getByTestId('compare-western').check();
    await expect(page.getByTestId('compare-export-html')).toHaveAttribute('href', /calendar=seireki/);

    // The tables scroll inside their own regions; the page itself does not.
    await expectNoHorizontalOverflow(page, `compare at ${viewport.width}px`);
    await expectNoSeriousA11yViolations(page, { include: '.compare-section', label: `compare at ${viewport.width}px` });
  });
}
