/// <reference lib="dom" />
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page, expect, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, expectNoHorizontalOverflow, selectPhrase, signedInPageAt } from './support';

/**
 * The README's screenshots of each main page at 1440 and 390 px, in docs/screenshots/
 * (<page>-<width>.png). Run on purpose: SCREENSHOTS=1 pnpm exec playwright test … screenshots.spec.ts.
 * Each page is also checked not to scroll sideways, which is what a screenshot would hide.
 */
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;


async function shoot(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()!.width;
  await expectNoHorizontalOverflow(page, `${name} at ${width}px`);
  // Let fonts and the last layout settle; the caret blinks, so hide it.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, `${name}-${width}.png`), caret: 'hide' });
}

async function openPlan(page: Page): Promise<void> {
  await page.getByRole('link', { name: DEMO_PLAN_TITLE }).click();
  await expect(page.getByTestId('plan-role')).toBeVisible();
}

for (const viewport of WIDTHS) {
  test(`main pages at ${viewport.width}px`, async ({ browser }) => {
    test.setTimeout(240_000);
    const anonymous = await browser.newContext({ locale: 'ja-JP', viewport });
    const signIn = await anonymous.newPage();
    await signIn.goto('/sign-in');
    await expect(signIn.locator('#email')).toBeVisible();
    await shoot(signIn, 'sign-in');
    await anonymous.close();

    const member = await signedInPageAt(browser, 'member@example.jp', viewport);
    await shoot(member, 'plans');
    await openPlan(member);
    await expect(member.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
    await expect(member.getByTestId('plan-editor')).toContainText('第1章 中小企業振興プログラムの趣旨');
    await shoot(member, 'plan-prose');

    await member.getByTestId('plan-tab-measures').click();
    await expect(member.getByTestId('plan-tab-measures')).toHaveAttribute('aria-selected', 'true');
    await member.waitForTimeout(500);
    await shoot(member, 'plan-measures');

    await member.getByTestId('plan-tab-kpiList').click();
    await member.waitForTimeout(500);
    await shoot(member, 'plan-kpi-list');

    await member.getByTestId('plan-tab-revisions').click();
    await expect(member.getByTestId('revisions-view')).toBeVisible();
    await expect(member.getByTestId('revision-row').first()).toBeVisible();
    await shoot(member, 'revisions');
    await member.getByTestId('revision-open').first().click();
    await expect(member.getByTestId('revision-prose')).toBeVisible();
    await shoot(member, 'revision-reader');

    // Comments: a thread being written on a selected passage.
    await member.getByTestId('plan-tab-prose').click();
    await selectPhrase(member, '企業アンケートを実施する');
    await member.getByTestId('comment-on-selection').click();
    await member.getByTestId('new-comment-input').fill('回収率の目標も示してはどうでしょうか。');
    await shoot(member, 'comments-composer');
    await member.getByTestId('new-comment-submit').click();
    await expect(member.getByTestId('thread').filter({ hasText: '回収率の目標も' }).first()).toBeVisible();
    await shoot(member, 'comments');
    await member.context().close();

    const observer = await signedInPageAt(browser, 'observer@example.jp', viewport);
    await openPlan(observer);
    await expect(observer.getByTestId('revision-prose')).toBeVisible();
    await shoot(observer, 'observer');
    await observer.context().close();
  });
}
