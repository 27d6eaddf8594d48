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
  const { scheme } = (await (await staff.request.get(`/api/plans/${planId}/measures`)).json()).table.settings;
  const original = { levels: scheme.levels, schemeName: scheme.name };

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
    // The scheme's name was only its levels in a row, so it follows the rename.
    await expect(settings.getByLabel('体系の名称')).toHaveValue('施策体系・基本施策・主要な事業');
    await name.press('Enter');
    await expect(settings.getByTestId('settings-status')).toContainText('保存しました（体系の名称・階層）');
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
    await expect(readOnly.getByLabel('体系の名称')).toHaveValue(original.schemeName);
    await member.getByTestId('plan-tab-measures').click();
    await expect(firstNumberOf(member, '施策')).toHaveText(/^[▾▸]?\(1\)施策$/);
  } finally {
    // Whatever failed above, the shared demo plan keeps its levels.
    const res = await staff.request.patch(`/api/plans/${planId}/settings`, { data: original });
    expect(res.status()).toBe(200);
  }
});

test('staff set the fiscal-year columns and target year of a plan of their own; a wrong baseline is refused in the form', async ({ browser }) => {
  test.setTimeout(90_000);
  const staff = await signedInPage(browser, 'staff@example.jp');
  const plans = (await (await staff.request.get('/api/plans')).json()).plans as Array<{ workspaceId: string }>;
  const created = await staff.request.post('/api/plans', {
    data: { workspaceId: plans[0]!.workspaceId, title: 'E2E 設定の計画', period: { from: 2024, to: 2027 }, source: { kind: 'blank' } },
  });
  expect(created.status()).toBe(201);
  const planId = (await created.json()).plan.id as string;
  await staff.goto(`/plans/${planId}#settings`);
  const settings = staff.getByTestId('plan-settings');
  await expect(settings.getByTestId('settings-year-2027')).toBeVisible();

  // A baseline after the target: the form says so and sends nothing.
  await settings.getByTestId('settings-baseline-year').selectOption('2027');
  await settings.getByTestId('settings-target-year').selectOption('2025');
  await settings.getByTestId('settings-save').click();
  await expect(settings.getByText('基準年度は目標年度より前にしてください。')).toBeVisible();
  await settings.getByRole('button', { name: '変更を取り消す' }).click();

  // A fifth column, and it becomes the target year.
  await settings.getByTestId('settings-year-add-after').click();
  await expect(settings.getByTestId('settings-year-2028')).toBeVisible();
  await settings.getByTestId('settings-target-year').selectOption('2028');
  await settings.getByTestId('settings-save').click();
  await expect(settings.getByTestId('settings-status')).toContainText('保存しました（年度の列・目標年度）');
  const table = (await (await staff.request.get(`/api/plans/${planId}/measures`)).json()).table;
  expect(table.settings.actualYears).toEqual([2024, 2025, 2026, 2027, 2028]);
  expect(table.settings.targetYear).toBe(2028);

  if (SHOTS) {
    await staff.getByRole('button', { name: 'English' }).click();
    await expect(settings.getByRole('heading', { name: 'Plan settings' })).toBeVisible();
    await staff.setViewportSize({ width: 390, height: 844 });
    await expectNoHorizontalOverflow(staff, 'Plan settings (English) at 390 px');
    await settings.getByTestId('settings-years').scrollIntoViewIfNeeded();
    await staff.screenshot({ path: `${SHOTS}/settings-en-390-years.png` });
    await staff.getByRole('button', { name: '日本語' }).click();
  }
});
