/// <reference lib="dom" />
import { type Page, expect, test } from '@playwright/test';
import { openDemoPlan, signedInPage } from './support';

/*
 * The measure table on a phone (390×844): a list of cards, a KPI detail sheet, and a row
 * edited through its 編集 button.
 */
test.use({ viewport: { width: 390, height: 844 } });

async function openMeasures(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDemoPlan(page);
  await page.getByTestId('plan-tab-measures').click();
  await expect(page.getByTestId('measure-cards')).toBeVisible();
}

const card = (page: Page, title: string) =>
  page.getByTestId('measure-card').filter({ has: page.getByTestId('measure-card-title').getByText(title, { exact: true }) });

test('a member reads the table as cards, opens a KPI’s detail and closes it, and edits a row’s name', async ({ browser }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  await openMeasures(page);

  // No grid on a phone, and nothing wider than the screen.
  await expect(page.getByTestId('measure-grid')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // A card reads number, name, status and contacts, and its KPI marks.
  const shop = card(page, '街なか出店入居者家賃補助事業');
  await expect(shop).toContainText('⑨');
  await expect(shop).toContainText('福島市 にぎわい商業課');
  const kpis = shop.getByTestId('measure-card-kpis');
  await expect(kpis).toContainText('⑥');

  // Its KPIs open in a full-screen sheet that takes the focus, and close back to the card.
  await kpis.click();
  const sheet = page.getByTestId('kpi-sheet');
  await expect(sheet).toBeVisible();
  await expect(page.getByTestId('kpi-sheet-close')).toBeFocused();
  // It is modal: Tab and Shift+Tab go round inside it, never into the page hidden behind.
  for (const key of ['Shift+Tab', 'Tab', 'Tab']) {
    await page.keyboard.press(key);
    expect(await sheet.evaluate((element) => element.contains(document.activeElement)), key).toBe(true);
  }
  await page.getByTestId('kpi-sheet-close').focus();
  const kpiCard = sheet.getByTestId('kpi-card').filter({ hasText: '中心市街地空き店舗数' });
  await expect(kpiCard.getByTestId('kpi-figure-progress')).toContainText('26.7%');
  const box = await sheet.boundingBox();
  expect(box?.width).toBe(390);
  await page.getByTestId('kpi-sheet-close').click();
  await expect(sheet).toHaveCount(0);
  await expect(kpis).toBeFocused();

  // Tapping the card itself opens the sheet too; Esc closes it.
  await shop.getByTestId('measure-card-title').click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // An editor changes the row's name through its edit button.
  await shop.getByTestId('measure-card-edit').click();
  const dialog = page.getByTestId('row-edit-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('row-edit-title').fill('街なか出店家賃補助事業');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card(page, '街なか出店家賃補助事業')).toBeVisible();

  // The demo plan is shared by the specs that follow: give the row its name back.
  await card(page, '街なか出店家賃補助事業').getByTestId('measure-card-edit').click();
  await dialog.getByTestId('row-edit-title').fill('街なか出店入居者家賃補助事業');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(card(page, '街なか出店入居者家賃補助事業')).toBeVisible();

  await page.context().close();
});

test('staff read the cards and open a KPI, but have no edit button', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  await openMeasures(staff);
  await expect(staff.getByTestId('measure-card-edit')).toHaveCount(0);
  // (1) 経営の革新、向上及び改善 carries 成果指標①.
  await card(staff, '経営の革新、向上及び改善').getByTestId('measure-card-kpis').click();
  await expect(staff.getByTestId('kpi-sheet').getByTestId('kpi-card')).toHaveCount(1);
  await staff.getByTestId('kpi-sheet-close').click();
  await staff.context().close();
});
