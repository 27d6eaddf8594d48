import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { openDemoPlan, signedInPage } from './support';

const revisionRow = (page: Page, name: string) => page.getByTestId('revision-row').filter({ hasText: name });

async function openRevisions(page: Page): Promise<void> {
  await openDemoPlan(page);
  await page.getByTestId('plan-tab-revisions').click();
  await expect(page.getByTestId('revisions-view')).toBeVisible();
}

async function freeze(staff: Page, name: string): Promise<void> {
  await staff.getByTestId('freeze-name').fill(name);
  await staff.getByTestId('freeze-stage').selectOption('素案');
  await staff.getByTestId('freeze-submit').click();
  await expect(revisionRow(staff, name)).toHaveAttribute('data-status', 'draft');
}

/** No critical or serious axe finding inside `selector`. */
async function expectAccessible(page: Page, selector: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = violations.filter((violation) => violation.impact === 'critical' || violation.impact === 'serious');
  expect(bad.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Staff change a member's role with their own session, as the members API allows them. */
async function setRole(staff: Page, email: string, role: string): Promise<void> {
  const status = await staff.evaluate(
    async ({ email, role }) => {
      const me = (await (await fetch('/api/me')).json()) as { memberships: Array<{ workspaceId: string }> };
      const ws = me.memberships[0]!.workspaceId;
      const { members } = (await (await fetch(`/api/workspaces/${ws}/members`)).json()) as { members: Array<{ userId: string; email: string }> };
      const user = members.find((member) => member.email === email)!.userId;
      const response = await fetch(`/api/workspaces/${ws}/members/${user}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role }),
      });
      return response.status;
    },
    { email, role },
  );
  expect(status).toBe(200);
}

test('staff invite two observers by typing and choosing, by pointer and by keyboard alone', async ({ browser }) => {
  test.setTimeout(180_000);
  const staff = await signedInPage(browser, 'staff@example.jp');
  // The demo council has one observer; a second makes the choice a real multi-select.
  await setRole(staff, 'member2@example.jp', 'observer');
  try {
    await openRevisions(staff);

    // By pointer (a tap on a phone): type part of a name, pick it from the filtered list.
    await freeze(staff, '招待の確認（ポインタ）');
    const byPointer = revisionRow(staff, '招待の確認（ポインタ）');
    const search = byPointer.getByTestId('review-invite');
    await search.fill('田中');
    await expect(byPointer.getByTestId('review-invite-option')).toHaveCount(1);
    await byPointer.getByTestId('review-invite-option').filter({ hasText: '傍聴 田中健' }).click();
    await expect(search).toHaveValue('');
    await search.fill('すずき');
    await expect(byPointer.getByTestId('review-invite-option')).toHaveCount(0);
    await search.fill('member2');
    await byPointer.getByTestId('review-invite-option').filter({ hasText: '委員 鈴木一郎' }).click();
    await expect(byPointer.getByTestId('review-invite-tag')).toHaveText(['傍聴 田中健×', '委員 鈴木一郎×']);
    await expectAccessible(staff, '[data-testid="review-invite-picker"]');
    // A tag comes off with its button, and goes back on.
    await byPointer.getByTestId('review-invite-tag').filter({ hasText: '委員 鈴木一郎' }).getByTestId('review-invite-remove').click();
    await expect(byPointer.getByTestId('review-invite-tag')).toHaveCount(1);
    await search.fill('鈴木');
    await byPointer.getByTestId('review-invite-option').click();
    await byPointer.getByTestId('review-open').click();
    await expect(byPointer).toHaveAttribute('data-status', 'in_review');
    await expect(byPointer.getByTestId('review-invited-text')).toHaveText(/^招待された傍聴者：(傍聴 田中健、委員 鈴木一郎|委員 鈴木一郎、傍聴 田中健)$/);

    // By keyboard alone: type, Enter picks the first match, Tab on to 審議を開始.
    await freeze(staff, '招待の確認（キーボード）');
    const byKeys = revisionRow(staff, '招待の確認（キーボード）');
    await byKeys.getByTestId('review-invite').focus();
    await staff.keyboard.type('田中');
    await staff.keyboard.press('Enter');
    await staff.keyboard.type('鈴木');
    await staff.keyboard.press('Enter');
    await expect(byKeys.getByTestId('review-invite-tag')).toHaveCount(2);
    // The arrows and Enter worked in the list while the focus stayed in the field.
    await expect(byKeys.getByTestId('review-invite')).toBeFocused();
    for (let presses = 0; presses < 6; presses += 1) {
      if (await byKeys.getByTestId('review-open').evaluate((button) => button === document.activeElement)) break;
      await staff.keyboard.press('Tab');
    }
    await expect(byKeys.getByTestId('review-open')).toBeFocused();
    await staff.keyboard.press('Enter');
    await expect(byKeys).toHaveAttribute('data-status', 'in_review');
    await expect(byKeys.getByTestId('review-invited-text')).toHaveText(/^招待された傍聴者：(傍聴 田中健、委員 鈴木一郎|委員 鈴木一郎、傍聴 田中健)$/);
  } finally {
    await setRole(staff, 'member2@example.jp', 'member');
  }
  await staff.context().close();
});

test('the approval dialog is a real modal: Esc cancels, focus returns, and axe finds nothing serious', async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await signedInPage(browser, 'staff@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');
  await openRevisions(staff);
  await freeze(staff, '承認ダイアログの確認');
  await revisionRow(staff, '承認ダイアログの確認').getByTestId('review-open').click();
  await expect(revisionRow(staff, '承認ダイアログの確認')).toHaveAttribute('data-status', 'in_review');

  await openRevisions(chair);
  const row = revisionRow(chair, '承認ダイアログの確認');
  await row.getByTestId('review-approve').focus();
  await chair.keyboard.press('Enter');
  const dialog = chair.getByRole('alertdialog', { name: /承認しますか/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('review-approve-dialog-cancel')).toBeFocused();
  await expectAccessible(chair, '[data-testid="review-approve-dialog"]');
  // Focus stays inside while it is open.
  for (let presses = 0; presses < 4; presses += 1) await chair.keyboard.press('Tab');
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await chair.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row.getByTestId('review-approve')).toBeFocused();
  await expect(row).toHaveAttribute('data-status', 'in_review');

  for (const page of [staff, chair]) await page.context().close();
});

test('each role’s banner says what that role may do here', async ({ browser }) => {
  test.setTimeout(120_000);
  // The banner depends on the role alone, not on the live document: no need to wait for it.
  const staff = await signedInPage(browser, 'staff@example.jp');
  await staff.getByRole('link', { name: /福島市/ }).click();
  const staffBanner = staff.getByTestId('read-only-banner');
  await expect(staffBanner).toBeVisible({ timeout: 30_000 });
  await expect(staffBanner).not.toContainText('閲覧のみ');
  await expect(staffBanner.getByTestId('role-banner-may')).toContainText('事務局としてできること：');
  await expect(staffBanner.getByTestId('role-banner-may')).toContainText('コメントと返信');
  await expect(staffBanner.getByTestId('role-banner-may')).toContainText('対応方針の記入');
  await expect(staffBanner.getByTestId('role-banner-may')).toContainText('スレッドの解決・再開');
  await expect(staffBanner.getByTestId('role-banner-may-not')).toHaveText('できないこと：本文・施策表の編集、審議の判断（承認・差戻し）。');

  const observer = await signedInPage(browser, 'observer@example.jp');
  await observer.getByRole('link', { name: /福島市/ }).click();
  const observerBanner = observer.getByTestId('read-only-banner');
  await expect(observerBanner).toBeVisible({ timeout: 30_000 });
  await expect(observerBanner).toContainText('閲覧のみ 傍聴としてできること：協議会が承認した版の閲覧。');
  await expect(observerBanner).toContainText('審議に招待された版は、審議中に読んでコメントできます。');

  // Those who edit get no banner: the editor itself says so.
  const chair = await signedInPage(browser, 'chair@example.jp');
  await chair.getByRole('link', { name: /福島市/ }).click();
  // The page (a chunk of its own) is loaded once the editor shows.
  await expect(chair.getByTestId('plan-editor')).toBeVisible({ timeout: 30_000 });
  await expect(chair.getByTestId('read-only-banner')).toHaveCount(0);

  for (const page of [staff, observer, chair]) await page.context().close();
});

test('on a phone, observers are chosen by tapping', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const staff = await context.newPage();
  await staff.goto('/sign-in');
  await staff.locator('#email').fill('staff@example.jp');
  await staff.locator('#password').fill('sakutei-demo');
  await staff.getByRole('button', { name: 'ログイン' }).click();
  await openRevisions(staff);
  await freeze(staff, '招待の確認（タップ）');
  const row = revisionRow(staff, '招待の確認（タップ）');
  const search = row.getByTestId('review-invite');
  await search.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await search.tap();
  await search.fill('田中');
  const option = row.getByTestId('review-invite-option').filter({ hasText: '傍聴 田中健' });
  await option.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await option.tap();
  await expect(row.getByTestId('review-invite-tag')).toHaveText(['傍聴 田中健×']);
  // The tag's remove button is a thumb-sized target, and a tap takes the person off again.
  const remove = row.getByTestId('review-invite-remove');
  const box = (await remove.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
  await remove.tap();
  await expect(row.getByTestId('review-invite-tag')).toHaveCount(0);
  await context.close();
});
