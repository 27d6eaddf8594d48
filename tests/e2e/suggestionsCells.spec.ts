import { type Page, expect, test } from '@playwright/test';
import { openDemoPlan, signedInPage } from './support';

// Named to run after suggestions.spec.ts (specs share one demo server, in alphabetical order): the decisions
// this test makes stay in 採否の履歴 (no API deletes them), and that spec counts the history's entries.

// 成果指標⑥ 中心市街地空き店舗数: 110 → 80 店舗 in the demo plan, attached to 街なか出店入居者家賃補助事業.
const KPI = '中心市街地空き店舗数';
const ROW = '街なか出店入居者家賃補助事業';

// Three signed-in browsers and a clean-up: past the default minute under load.
test.describe.configure({ timeout: 120_000 });

async function openKpi(page: Page, open = true) {
  if (open) await openDemoPlan(page);
  await page.getByTestId('plan-tab-measures').click();
  await expect(page.getByTestId('measure-grid')).toBeVisible();
  await page.locator('[data-testid="measure-cell"][data-field="title"]', { hasText: new RegExp(`^${ROW}`) }).first().click();
  const card = page.getByTestId('kpi-card').filter({ hasText: KPI });
  await expect(card).toBeVisible();
  return card;
}

const targetSuggestion = (card: ReturnType<Page['getByTestId']>) => card.locator('[data-testid="figure-suggestion"][data-field="targetValue"]');

// Leave the demo plan as found: no pending cell proposals, ⑥'s target 80 店舗.
test.afterEach(async ({ browser }) => {
  const chair = await signedInPage(browser, 'chair@example.jp');
  await openDemoPlan(chair);
  const leftovers = chair.locator('[data-testid="suggestion-card"][data-kind="cell"]');
  if ((await leftovers.count()) > 0 && !(await leftovers.first().isVisible())) await chair.getByTestId('suggestions-toggle').click();
  while ((await leftovers.count()) > 0) {
    const before = await leftovers.count();
    await leftovers.first().getByTestId('suggestion-reject').click();
    await expect(leftovers).toHaveCount(before - 1);
  }
  const card = await openKpi(chair, false);
  const target = card.getByTestId('kpi-target-input');
  if (!/^80/.test(await target.inputValue())) {
    await target.fill('80');
    await target.press('Enter');
    await expect(target).toHaveValue(/^80/);
  }
  await chair.context().close();
});

test('staff propose a new target for a KPI, a member a competing one, the chair accepts one: the target changes, the other goes', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const member = await signedInPage(browser, 'member@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');
  const staffCard = await openKpi(staff);
  const memberCard = await openKpi(member);
  await openDemoPlan(chair);

  // Staff cannot edit the target, but propose one: a 事務局案.
  await expect(staffCard.getByTestId('kpi-target-input')).not.toBeEditable();
  await targetSuggestion(staffCard).getByTestId('figure-suggest').click();
  const dialog = staff.getByTestId('cell-suggest-dialog');
  await expect(dialog.getByTestId('cell-suggest-current')).toHaveText('80 店舗');
  await dialog.getByTestId('cell-suggest-input').fill('70');
  await dialog.getByTestId('cell-suggest-submit').click();
  await expect(dialog).toHaveCount(0);

  // The member sees 「80 店舗 → 70 店舗」 live, in staff's colour, said in words.
  const shown = targetSuggestion(memberCard).getByTestId('cell-suggestion');
  await expect(shown.locator('del')).toHaveText('80 店舗');
  await expect(shown.locator('ins')).toHaveText('70 店舗');
  await expect(shown).toContainText('事務局 高橋美咲さんの提案: 80 店舗 → 70 店舗');
  // The target itself has not moved.
  await expect(memberCard.getByTestId('kpi-target-input')).toHaveValue(/^80/);

  // The member proposes a competing target.
  await targetSuggestion(memberCard).getByTestId('figure-suggest').click();
  await member.getByTestId('cell-suggest-input').fill('75');
  await member.getByTestId('cell-suggest-submit').click();
  await expect(targetSuggestion(staffCard).getByTestId('cell-suggestion-count')).toHaveText('提案 2 件');

  // The chair's cards show both side by side, named by the KPI and its field.
  const cellCards = chair.locator('[data-testid="suggestion-card"][data-kind="cell"]');
  await expect(cellCards).toHaveCount(2);
  await expect(chair.getByTestId('suggestion-conflict').locator('[data-kind="cell"]')).toHaveCount(2);
  await expect(cellCards.first().getByTestId('suggestion-section')).toHaveText(`成果指標⑥ ${KPI}の目標値`);
  const staffs = cellCards.filter({ has: chair.getByTestId('suggestion-author').filter({ hasText: '事務局 高橋美咲' }) });
  await expect(staffs.getByTestId('suggestion-deleted')).toHaveText('80 店舗');
  await expect(staffs.getByTestId('suggestion-inserted')).toHaveText('70 店舗');
  // Staff may propose but not decide.
  await expect(staff.getByTestId('suggestion-accept')).toHaveCount(0);

  await staffs.getByTestId('suggestion-accept').click();
  await expect(cellCards).toHaveCount(0);
  // The target is 70 店舗 everywhere, and no proposal is left on it.
  for (const card of [memberCard, staffCard]) {
    await expect(card.getByTestId('kpi-target-input')).toHaveValue(/^70/);
    await expect(targetSuggestion(card).getByTestId('cell-suggestion')).toHaveCount(0);
  }

  for (const page of [staff, member, chair]) await page.context().close();
});

test('staff typing in a row’s 名称 opens 提案する with what they typed; cancelling proposes nothing', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  await openKpi(staff);
  const title = staff.locator('[data-testid="measure-cell"][data-field="title"]', { hasText: new RegExp(`^${ROW}`) }).first();
  await title.click();
  await staff.keyboard.press('k');
  const dialog = staff.getByTestId('cell-suggest-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('cell-suggest-input')).toHaveValue('k');
  await expect(dialog.getByTestId('cell-suggest-current')).toHaveText(ROW);
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(title.getByTestId('cell-suggestion')).toHaveCount(0);
  // The grid's help names the shortcut.
  await staff.getByTestId('measure-help-toggle').click();
  await expect(staff.getByTestId('measure-help')).toContainText('Ctrl+Alt+P');
  await staff.context().close();
});
