import { type Page, expect, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, expectNoSeriousA11yViolations, signedInPage, typeAtEnd } from './support';

// This spec makes plans of its own (the demo plan is shared by every spec and must not be
// archived): one from the demo plan as a template, approved, then its next edition.
const TITLE = 'E2E 観光振興計画（令和７年度版）';
const NEXT_TITLE = 'E2E 観光振興計画（令和８年度版）';

const revisionRow = (page: Page, name: string) => page.getByTestId('revision-row').filter({ hasText: name });

async function openPlan(page: Page, title: string): Promise<void> {
  await page.goto('/plans');
  await page.getByTestId('plan-search').fill(title);
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('staff create a plan from a template and its next edition; the 新旧対照表 against last year is one click away', async ({ browser }) => {
  test.setTimeout(150_000);
  const staff = await signedInPage(browser, 'staff@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');
  const member = await signedInPage(browser, 'member@example.jp');

  // Members do not create plans.
  await expect(member.getByTestId('new-plan')).toHaveCount(0);

  // 新しい計画 from the demo plan as a template, by keyboard where it matters.
  await staff.getByTestId('new-plan').click();
  const dialog = staff.getByTestId('new-plan-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('new-plan-source-template').check();
  // Nothing chosen yet: the form says what is missing and sends nothing.
  await dialog.getByTestId('new-plan-submit').click();
  await expect(dialog.getByText('計画を選んでください。')).toBeVisible();
  await expectNoSeriousA11yViolations(staff, { include: '[data-testid="new-plan-dialog"]', label: 'the 新しい計画 dialog' });
  await dialog.getByTestId('new-plan-source-plan').selectOption({ label: DEMO_PLAN_TITLE });
  await dialog.getByTestId('new-plan-title').fill(TITLE);
  await dialog.getByTestId('new-plan-from').selectOption({ label: '令和4年度' });
  await dialog.getByTestId('new-plan-to').selectOption({ label: '令和7年度' });
  await dialog.getByTestId('new-plan-title').press('Enter');
  await expect(staff.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(staff.getByTestId('plan-period')).toHaveText('計画期間：令和4年度〜令和7年度');
  await expect(staff.getByTestId('plan-status')).toHaveText('策定中');

  // The template's columns and levels came along, and none of its KPIs.
  await staff.getByTestId('plan-tab-kpiList').click();
  await expect(staff.getByTestId('kpi-list')).toBeVisible();
  await expect(staff.getByTestId('kpi-list')).not.toContainText('経営は概ね順調');

  // A next edition is refused while nothing is approved.
  await staff.getByTestId('plan-next-edition').click();
  const early = staff.getByTestId('new-plan-dialog');
  await early.getByTestId('new-plan-submit').click();
  await expect(early.getByTestId('new-plan-error')).toContainText('承認された版がありません');
  await early.getByTestId('new-plan-cancel').click();

  // The chair writes, staff freeze and open the review, the chair approves.
  await openPlan(chair, TITLE);
  await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await typeAtEnd(chair, '観光客数を令和７年度までに増やす。');
  await staff.getByTestId('plan-tab-revisions').click();
  await staff.getByTestId('freeze-name').fill('令和7年度版');
  await staff.getByTestId('freeze-stage').selectOption('策定版');
  await staff.getByTestId('freeze-submit').click();
  await revisionRow(staff, '令和7年度版').getByTestId('review-open').click();
  await expect(revisionRow(staff, '令和7年度版')).toHaveAttribute('data-status', 'in_review');
  await chair.reload();
  await chair.getByTestId('plan-tab-revisions').click();
  await revisionRow(chair, '令和7年度版').getByTestId('review-approve').click();
  await chair.getByTestId('review-approve-dialog-confirm').click();
  await expect(revisionRow(chair, '令和7年度版')).toHaveAttribute('data-status', 'approved');

  // The plan list shows its stage.
  await staff.goto('/plans');
  await staff.getByTestId('plan-search').fill('ｅ２ｅ　観光');
  const card = staff.getByTestId('plan-list-item').filter({ hasText: TITLE });
  await expect(card.getByTestId('plan-stage')).toHaveText('第1版 策定版（承認済み）');
  await expectNoSeriousA11yViolations(staff, { include: '#main', label: 'the plan list' });
  await expect(staff.getByRole('link', { name: DEMO_PLAN_TITLE })).toHaveCount(0);

  // The next edition, from the plan's header.
  await card.getByRole('link', { name: TITLE }).click();
  await staff.getByTestId('plan-next-edition').click();
  const next = staff.getByTestId('new-plan-dialog');
  await expect(next.getByTestId('new-plan-source-nextEdition')).toBeChecked();
  await expect(next.getByTestId('new-plan-title')).toHaveAttribute('placeholder', NEXT_TITLE);
  await next.getByTestId('new-plan-submit').click();
  await expect(staff.getByRole('heading', { level: 1, name: NEXT_TITLE })).toBeVisible();
  await expect(staff.getByTestId('plan-period')).toHaveText('計画期間：令和5年度〜令和8年度');
  await expect(staff.getByTestId('plan-previous')).toContainText(TITLE);

  // The chair edits the new edition; the 新旧対照表 against last year shows it.
  await openPlan(chair, NEXT_TITLE);
  await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await expect(chair.getByTestId('plan-editor')).toContainText('観光客数を令和７年度までに増やす。');
  await typeAtEnd(chair, '令和８年度は外国人観光客の受入れを強化する。');
  await chair.getByTestId('plan-compare-previous').click();
  await expect(chair.getByTestId('compare-previous')).toBeVisible();
  await expect(chair.getByTestId('compare-previous')).toContainText('令和８年度は外国人観光客の受入れを強化する。');

  // The old edition is archived, read-only, and folded under its successor in the list.
  await staff.goto('/plans');
  await staff.getByTestId('plan-search').fill('E2E 観光');
  const group = staff.getByTestId('plan-list-item').filter({ hasText: NEXT_TITLE });
  await expect(group).toBeVisible();
  const earlier = staff.getByTestId('plan-earlier-editions');
  await expect(earlier.getByRole('link', { name: TITLE })).toBeHidden();
  await earlier.locator('summary').focus();
  await staff.keyboard.press('Enter');
  await earlier.getByRole('link', { name: TITLE }).click();
  await expect(staff.getByTestId('plan-archived')).toBeVisible();
  await chair.goto(staff.url());
  await expect(chair.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await expect(chair.getByTestId('plan-archived')).toBeVisible();
  await expect(chair.getByTestId('plan-editor').locator('[contenteditable="true"]')).toHaveCount(0);

  // Period and status, by staff.
  await openPlan(staff, NEXT_TITLE);
  await staff.getByTestId('plan-edit-details').click();
  await staff.getByTestId('edit-plan-status').selectOption('active');
  await staff.getByTestId('edit-plan-save').click();
  await expect(staff.getByTestId('plan-status')).toHaveText('推進中');
});
