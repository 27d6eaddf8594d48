/// <reference lib="dom" />
import { type Page, expect, test } from '@playwright/test';
import { openDemoPlan, signedInPage } from './support';

async function openMeasures(page: Page): Promise<void> {
  await openDemoPlan(page);
  await page.getByTestId('plan-tab-measures').click();
  await expect(page.getByTestId('measure-grid')).toBeVisible();
}

/** The row whose 名称 cell reads exactly `title`. */
function row(page: Page, title: string) {
  return page
    .getByTestId('measure-row')
    .filter({ has: page.locator('[data-testid="measure-cell"][data-field="title"]', { hasText: new RegExp(`^${title}`) }) })
    .first();
}
const cell = (page: Page, title: string, field: string) => row(page, title).locator(`[data-testid="measure-cell"][data-field="${field}"]`);

/** Pastes text into the focused grid as Ctrl+V from Excel would (the clipboard API needs no permission this way). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

test('two members edit different cells of one row and see each other’s edits and presence', async ({ browser }) => {
  const sato = await signedInPage(browser, 'member@example.jp');
  const suzuki = await signedInPage(browser, 'member2@example.jp');
  await openMeasures(sato);
  await openMeasures(suzuki);

  // Numbers are derived, not typed: 1 → (1) → ①.
  await expect(cell(sato, '相談支援事業', 'number')).toHaveText(/①/);

  await cell(sato, '相談支援事業', 'title').click();
  await sato.keyboard.press('F2');
  await sato.getByTestId('cell-editor').fill('経営相談支援事業');
  await sato.keyboard.press('Enter');

  await cell(suzuki, 'よろず支援拠点', 'description').click();
  await expect(cell(suzuki, 'よろず支援拠点', 'description')).toBeFocused();
  // Suzuki is now in the row below; move up to the same row as Sato's edit, in its 内容 cell.
  await suzuki.keyboard.press('ArrowUp');
  await suzuki.keyboard.press('ArrowUp');
  await suzuki.keyboard.press('F2');
  const editor = suzuki.getByTestId('cell-editor');
  await editor.press('Control+End');
  await editor.pressSequentially('（令和8年度は出張相談を拡充）');
  await editor.press('Control+Enter');

  await expect(cell(suzuki, '経営相談支援事業', 'title')).toBeVisible();
  await expect(cell(sato, '経営相談支援事業', 'description')).toContainText('（令和8年度は出張相談を拡充）');

  // Each sees where the other is: Suzuki's name on the 内容 cell, in Sato's grid.
  await expect(cell(sato, '経営相談支援事業', 'description').getByTestId('cell-presence')).toHaveText(/委員 鈴木一郎/);
  await cell(sato, '経営相談支援事業', 'contacts').click();
  await expect(cell(suzuki, '経営相談支援事業', 'contacts').getByTestId('cell-presence')).toHaveText(/委員 佐藤花子/);

  // Put the name back: later specs find this project by its demo name.
  await cell(sato, '経営相談支援事業', 'title').click();
  await sato.keyboard.press('F2');
  await sato.getByTestId('cell-editor').fill('相談支援事業');
  await sato.keyboard.press('Enter');
  await expect(cell(suzuki, '相談支援事業', 'title')).toBeVisible();

  await sato.context().close();
  await suzuki.context().close();
});

test('a member pastes a block from Excel, checks the preview, and both see the imported rows', async ({ browser }) => {
  const sato = await signedInPage(browser, 'member@example.jp');
  const suzuki = await signedInPage(browser, 'member2@example.jp');
  await openMeasures(sato);
  await openMeasures(suzuki);

  await cell(sato, '医療福祉機器等産業創出に係る支援', 'title').click();
  await paste(
    sato,
    '番号\t名称\t区分\t状況\t内容\n(3)\t地域産業のデジタル化推進\t施策\n①\t中小企業DX伴走支援事業\t事業\t新規\tITコーディネーターが伴走支援します。\n②\t\t事業\n',
  );
  const dialog = sato.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-preview-row')).toHaveCount(2);
  // The row with no name is reported with its line and reason, and is not imported.
  await expect(dialog.getByTestId('import-problem')).toHaveCount(1);
  await expect(dialog.getByTestId('import-problem')).toHaveAttribute('data-line', '4');
  // Nothing has changed yet.
  await expect(row(suzuki, '地域産業のデジタル化推進')).toHaveCount(0);

  await dialog.getByTestId('import-apply').click();
  await expect(dialog).toHaveCount(0);
  await expect(cell(suzuki, '中小企業DX伴走支援事業', 'number')).toHaveText(/①/);
  await expect(cell(suzuki, '地域産業のデジタル化推進', 'number')).toHaveText(/\(3\)/);
  await expect(cell(suzuki, '中小企業DX伴走支援事業', 'status')).toContainText('新規');

  // One undo takes the whole import back, for everyone.
  await cell(sato, '中小企業DX伴走支援事業', 'title').click();
  await sato.keyboard.press('Control+z');
  await expect(row(suzuki, '地域産業のデジタル化推進')).toHaveCount(0);

  await sato.context().close();
  await suzuki.context().close();
});

test('staff record a KPI actual, and a member sees the figures move and the generated 成果指標一覧 follow', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const member = await signedInPage(browser, 'member@example.jp');
  await openMeasures(staff);
  await openMeasures(member);

  // Staff do not edit the table; the editing toolbar is not theirs.
  await expect(staff.getByTestId('measure-toolbar')).toHaveCount(0);

  // 成果指標⑥ 中心市街地空き店舗数: 110 → 80 店舗, R5 102 is 26.7 % of the way, not 127 %.
  await cell(member, '街なか出店入居者家賃補助事業', 'title').click();
  const memberCard = member.getByTestId('kpi-card').filter({ hasText: '中心市街地空き店舗数' });
  await expect(memberCard.getByTestId('kpi-figure-progress')).toContainText('26.7%');
  await expect(memberCard.getByTestId('kpi-grade')).toHaveAttribute('data-grade', 'A');

  await cell(staff, '街なか出店入居者家賃補助事業', 'title').click();
  const actual = staff.getByTestId('kpi-card').filter({ hasText: '中心市街地空き店舗数' }).locator('[data-testid="kpi-actual-input"][data-year="2024"]');
  await actual.fill('80 店舗');
  await actual.press('Enter');

  await expect(memberCard.locator('[data-testid="kpi-actual-input"][data-year="2024"]')).toHaveValue(/80/);
  await expect(memberCard.getByTestId('kpi-grade')).toHaveAttribute('data-grade', 'S');
  // Only the actuals are the staff's to write: the KPI's name stays read-only for them.
  await expect(staff.getByTestId('kpi-card').filter({ hasText: '中心市街地空き店舗数' }).getByTestId('kpi-name-input')).not.toBeEditable();

  await member.getByTestId('plan-tab-kpiList').click();
  const listed = member.locator('[data-testid="kpi-list-row"][data-mark="⑥"] [data-testid="kpi-actual"][data-year="2024"]');
  await expect(listed).toHaveText(/80/);

  // Leave ⑥ as it was found (no R6 actual): other specs read its figures.
  await actual.fill('');
  await actual.press('Enter');
  await expect(listed).toHaveText('');

  for (const page of [staff, member]) await page.context().close();
});
