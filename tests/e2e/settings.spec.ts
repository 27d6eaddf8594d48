import { type Page, expect, test } from '@playwright/test';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, openDemoPlan, signedInPage } from './support';

// 計画の設定 on the shared demo plan: staff rename a level and switch its numbering, a member's
// open measure table re-labels without a reload, and the change is undone at the end (the
// demo plan's settings are left as they were, whatever happens in between).

const SHOTS = process.env.SETTINGS_SHOTS;

/** The number cell of the first row of a level, found by the level name it carries (toggle, number, hidden level name). */
const firstNumberOf = (page: Page, levelName: string) =>
  page.locator(`[data-testid="measure-cell"][data-field="number"][title="${levelName}"]`).first();

test('staff rename a level and switch its numbering; an open member page re-labels at once; undo puts it back', async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await signedInPage(browser, 'staff@example.jp');
  const member = await signedInPage(browser, 'member@example.jp');
  await openDemoPlan(staff);
  await openDemoPlan(member);
  const planId = /\/plans\/([^/#?]+)/.exec(staff.url())![1]!;
  const original = (await (await staff.request.get(`/api/plans/${planId}/measures`)).json()).table.settings.scheme.levels;

  try {
    await member.getByTestId('plan-tab-measures').click();
    await expect(firstNumberOf(member, '施策')).toHaveText(/^[▾▸]?\(1\)施策$/);

    await staff.getByTestId('plan-tab-settings').click();
    const settings = staff.getByTestId('plan-settings');
    await expect(settings).toBeVisible();
    await expect(settings.getByTestId('settings-levels-preview')).toContainText('1 施策体系 › (1) 施策 › ① 主要な事業');

    // An empty name is refused in the form, and nothing is sent.
    const name = settings.getByTestId('settings-level-name-1');
    await name.fill('');
    await name.press('Enter');
    await expect(settings.getByText('入力してください。')).toBeVisible();
    await expect(firstNumberOf(member, '施策')).toHaveText(/^[▾▸]?\(1\)施策$/);

    // By keyboard: type the new name, choose 1-1 numbering, Enter saves.
    await name.fill('基本施策');
    const numbering = settings.getByTestId('settings-level-numbering-1');
    await numbering.focus();
    await numbering.selectOption('{parent}-{arabic}');
    await expect(settings.getByTestId('settings-levels-preview')).toContainText('1 施策体系 › 1-1 基本施策');
    await name.press('Enter');
    await expect(settings.getByTestId('settings-status')).toContainText('保存しました（階層）');
    await expectNoSeriousA11yViolations(staff, { include: '[data-testid="plan-settings"]', label: '計画の設定' });
    if (SHOTS) {
      await staff.setViewportSize({ width: 1440, height: 1000 });
      await staff.screenshot({ path: `${SHOTS}/settings-staff-1440.png`, fullPage: true });
      await staff.setViewportSize({ width: 390, height: 844 });
      await expectNoHorizontalOverflow(staff, '計画の設定 at 390 px');
      await staff.screenshot({ path: `${SHOTS}/settings-staff-390-full.png`, fullPage: true });
      await settings.getByTestId('settings-levels').scrollIntoViewIfNeeded();
      await staff.screenshot({ path: `${SHOTS}/settings-staff-390-levels.png` });
      await settings.getByTestId('settings-grades').scrollIntoViewIfNeeded();
      await staff.screenshot({ path: `${SHOTS}/settings-staff-390-grades.png` });
      await staff.setViewportSize({ width: 1280, height: 720 });
    }

    // The member's open measure table shows the new name and numbers, without a reload.
    await expect(firstNumberOf(member, '基本施策')).toHaveText(/^[▾▸]?1-1基本施策$/);
    await expect(member.locator('[data-testid="measure-cell"][data-field="number"][title="施策"]')).toHaveCount(0);
    if (SHOTS) await member.screenshot({ path: `${SHOTS}/settings-member-measures-1280.png` });

    // The member sees the settings, read-only.
    await member.getByTestId('plan-tab-settings').click();
    const readOnly = member.getByTestId('plan-settings');
    await expect(readOnly.getByTestId('settings-level-name-1')).toHaveValue('基本施策');
    await expect(readOnly.getByTestId('settings-level-name-1')).toBeDisabled();
    await expect(readOnly.getByTestId('settings-save')).toHaveCount(0);
    if (SHOTS) await member.screenshot({ path: `${SHOTS}/settings-member-readonly-1280.png`, fullPage: true });

    // Undo takes the change back, for everyone.
    await settings.getByTestId('settings-undo').click();
    await expect(settings.getByTestId('settings-status')).toContainText('保存前の設定に戻しました');
    await expect(readOnly.getByTestId('settings-level-name-1')).toHaveValue('施策');
    await member.getByTestId('plan-tab-measures').click();
    await expect(firstNumberOf(member, '施策')).toHaveText(/^[▾▸]?\(1\)施策$/);
  } finally {
    // Whatever failed above, the shared demo plan keeps its levels.
    const res = await staff.request.patch(`/api/plans/${planId}/settings`, { data: { levels: original } });
    expect(res.status()).toBe(200);
  }
});
