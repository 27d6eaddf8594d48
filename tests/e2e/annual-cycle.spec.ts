/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { type Page, expect, test } from '@playwright/test';
import { unzip } from '../../server/src/services/export/testing/unzip';
import { signedInPage } from './support';

/*
 * Issue 14's year in one flow, on the rows an import brings in: a member pastes another
 * city's table (施策名 / 取組内容 / 所管課 / 方向性), fixes the one column read wrongly,
 * applies, records a year's 実施状況 on an imported project, and generates the annual report,
 * which shows that project with its 実施状況, on screen and in the Word file; the 新旧対照表
 * against the revision frozen after the import lists the 実施状況 for review.
 */

const TABLE = [
  ['番号', '施策名', '取組内容', '所管課', '方向性', '区分'],
  ['1', '観光と産業の連携', '観光資源を産業振興に活かします。', '', '', '重点'],
  ['(1)', '体験型観光の推進', '農業体験などを旅行商品にします。', '', '', '重点'],
  ['①', '農業体験ツアー事業', 'ツアーの造成を支援します。', '農林課', '新規', '一般'],
  ['②', '観光案内DX事業', '多言語で案内します。', '観光課', '充実', '一般'],
]
  .map((cells) => cells.join('\t'))
  .join('\n');

const PROJECT = '観光案内DX事業';
const NOTE = '駅前の案内板を4か国語にした。';

function row(page: Page, title: string) {
  return page
    .getByTestId('measure-row')
    .filter({ has: page.locator('[data-testid="measure-cell"][data-field="title"]', { hasText: new RegExp(`^${title}`) }) })
    .first();
}
const cell = (page: Page, title: string, field: string) => row(page, title).locator(`[data-testid="measure-cell"][data-field="${field}"]`);

test('a member imports a foreign table, records a year’s 実施状況 on an imported project and finds it in the annual report and its DOCX', async ({ browser }) => {
  test.setTimeout(90_000);
  // A plan of this spec's own, so the demo plan and the other specs' rows stay as they are.
  const staff = await signedInPage(browser, 'staff@example.jp');
  const plans = (await (await staff.request.get('/api/plans')).json()).plans as Array<{ workspaceId: string }>;
  const created = await staff.request.post('/api/plans', {
    data: { workspaceId: plans[0]!.workspaceId, title: 'E2E 年次の流れの計画', period: { from: 2025, to: 2028 }, source: { kind: 'blank' } },
  });
  expect(created.status()).toBe(201);
  const planId = (await created.json()).plan.id as string;

  const member = await signedInPage(browser, 'member@example.jp');
  await member.setViewportSize({ width: 1440, height: 1000 });
  await member.goto(`/plans/${planId}`);
  await member.getByTestId('plan-tab-measures').click();
  await expect(member.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');

  // 1. Paste: the foreign header words are read as 名称, 内容, 担当 and 状況.
  await member.getByTestId('import-paste-button').click();
  const dialog = member.getByTestId('import-dialog');
  await dialog.getByTestId('import-text').fill(TABLE);
  await expect(dialog.getByTestId('import-mapping-1')).toHaveValue('name');
  await expect(dialog.getByTestId('import-mapping-2')).toHaveValue('description');
  await expect(dialog.getByTestId('import-mapping-3')).toHaveValue('contacts');
  await expect(dialog.getByTestId('import-mapping-4')).toHaveValue('status');
  await expect(dialog.getByTestId('import-problem').filter({ hasText: '重点' }).first()).toBeVisible();

  // 2. Fix one mapping: 区分 (重点 / 一般) is a priority, not a status; it is left out.
  await dialog.getByTestId('import-mapping-5').selectOption('ignored');
  await expect(dialog.getByTestId('import-problem').filter({ hasText: '重点' })).toHaveCount(0);

  // 3. Apply.
  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toHaveCount(0);
  await expect(member.getByTestId('import-status')).toContainText('4行を取り込みました');
  await expect(cell(member, PROJECT, 'status')).toContainText('充実');
  // The secretariat freezes the imported table, so the year's record is reviewed against it.
  await expect(async () => {
    const { table } = await (await staff.request.get(`/api/plans/${planId}/measures`)).json();
    expect(table.nodes).toHaveLength(4);
  }).toPass();
  const frozen = await staff.request.post(`/api/plans/${planId}/revisions`, { data: { name: '取り込み直後', stage: '素案' } });
  expect(frozen.status()).toBe(201);
  await staff.context().close();

  // 4. A year's 実施状況 on the imported project, in the grid.
  const toggle = member.getByTestId('progress-column-toggle');
  if ((await toggle.getAttribute('aria-pressed')) === 'false') await toggle.click();
  await member.getByTestId('progress-year').selectOption({ label: '令和7年度' });
  await cell(member, PROJECT, 'progress').click();
  await member.keyboard.press('Enter');
  const progress = member.getByTestId('progress-dialog');
  await expect(progress.getByTestId('progress-status')).toBeFocused();
  await progress.getByTestId('progress-status').selectOption({ label: '実施' });
  await progress.getByTestId('progress-note').fill(NOTE);
  await progress.getByTestId('progress-figure-value').fill('4');
  await progress.getByTestId('progress-figure-unit').fill('か国語');
  await progress.getByTestId('progress-save').click();
  await expect(progress).toHaveCount(0);
  await expect(cell(member, PROJECT, 'progress')).toContainText('実施');

  // 5. The annual report of that year shows the imported project with its 実施状況 and 担当課.
  await member.getByTestId('plan-tab-report').click();
  const view = member.getByTestId('report-view');
  await expect(view).toBeVisible();
  await member.getByTestId('report-year').selectOption({ label: '令和7年度' });
  await expect(view.getByRole('heading', { level: 2 })).toHaveText('進捗状況報告（令和7年度）');
  await expect(view).toContainText('観光と産業の連携');
  const project = view.getByTestId('report-project').filter({ hasText: PROJECT });
  await expect(project.getByTestId('report-project-progress')).toHaveText('実施');
  await expect(project).toContainText(NOTE);
  await expect(project).toContainText('観光課');
  await expect(view.getByTestId('report-project').filter({ hasText: '農業体験ツアー事業' }).getByTestId('report-project-progress')).toHaveText('未記録');

  // …and the Word file carries the same.
  const [download] = await Promise.all([member.waitForEvent('download'), view.getByTestId('report-docx').click()]);
  expect(download.suggestedFilename()).toMatch(/進捗状況報告_令和7年度\.docx$/);
  const xml = unzip(await readFile((await download.path())!)).get('word/document.xml')!;
  expect(xml).toContain(PROJECT);
  expect(xml).toContain(NOTE);
  expect(xml).toContain('観光と産業の連携');

  // The 新旧対照表 of the draft against the frozen revision lists it, for review.
  await member.getByTestId('plan-tab-revisions').click();
  const progressChanges = member.getByRole('region', { name: '実施状況の新旧対照表' });
  const line = progressChanges.getByTestId('compare-measure-row').filter({ hasText: '実施状況（令和7年度）' });
  await expect(progressChanges).toContainText(PROJECT);
  await expect(line.getByRole('cell').nth(2)).toHaveText('実施');
  await expect(member.getByTestId('compare-evaluations-unchanged')).toBeVisible();
});
