import { expect, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, openDemoPlan, signedInPage, typeAtEnd } from './support';

test('two members co-edit the demo plan and see each other’s text and named caret', async ({ browser }) => {
  const sato = await signedInPage(browser, 'member@example.jp');
  const suzuki = await signedInPage(browser, 'member2@example.jp');
  await openDemoPlan(sato);
  await openDemoPlan(suzuki);

  await typeAtEnd(sato, '佐藤委員の追記：デジタル化支援を強化する。');
  await expect(suzuki.getByTestId('plan-editor')).toContainText('佐藤委員の追記：デジタル化支援を強化する。');

  await typeAtEnd(suzuki, '鈴木委員の追記：事業承継の相談件数を成果指標にする。');
  await expect(sato.getByTestId('plan-editor')).toContainText('鈴木委員の追記：事業承継の相談件数を成果指標にする。');

  // Each sees the other's caret, labelled with the other's name, and the other in the presence list.
  await expect(sato.locator('.collaboration-carets__label', { hasText: '委員 鈴木一郎' })).toBeVisible();
  await expect(suzuki.locator('.collaboration-carets__label', { hasText: '委員 佐藤花子' })).toBeVisible();
  await expect(sato.getByTestId('presence-list')).toContainText('委員 鈴木一郎');
  await expect(suzuki.getByTestId('presence-list')).toContainText('委員 佐藤花子');

  // What was typed is stored: a reload brings it back from the server.
  await sato.reload();
  await expect(sato.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await expect(sato.getByTestId('plan-editor')).toContainText('鈴木委員の追記：事業承継の相談件数を成果指標にする。');

  await sato.context().close();
  await suzuki.context().close();
});

test('staff cannot edit the live text: what they type is a suggestion (事務局案), and their undo takes it back', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const member = await signedInPage(browser, 'member@example.jp');
  await openDemoPlan(staff);
  await openDemoPlan(member);

  await expect(staff.getByTestId('read-only-banner')).toBeVisible();
  // The editor takes input, but only in 提案: 編集 is not theirs to choose.
  await expect(staff.getByTestId('plan-editor')).toHaveAttribute('contenteditable', 'true');
  await expect(staff.getByTestId('suggest-mode')).toHaveAttribute('data-mode', 'suggest');
  await expect(staff.getByTestId('mode-edit')).toBeDisabled();

  await typeAtEnd(member, '委員の編集は事務局にも届く。');
  await expect(staff.getByTestId('plan-editor')).toContainText('委員の編集は事務局にも届く。');
  await staff.getByTestId('plan-editor').locator('p', { hasText: '委員の編集は事務局にも届く。' }).click();
  await staff.keyboard.press('End');
  await staff.keyboard.type('事務局案');
  // It reaches the member as staff's suggested insertion, never as plain text.
  await expect(member.getByTestId('plan-editor').locator('ins.suggestion', { hasText: '事務局案' })).toBeVisible();
  await staff.keyboard.press('Control+z');
  await expect(member.getByTestId('plan-editor')).not.toContainText('事務局案');

  // The member's paragraph goes again, as the demo plan was.
  await member.getByTestId('plan-editor').locator('p', { hasText: '委員の編集は事務局にも届く。' }).click();
  await member.keyboard.press('Control+z');
  await expect(member.getByTestId('plan-editor')).not.toContainText('委員の編集は事務局にも届く。');

  await staff.context().close();
  await member.context().close();
});

test('an observer reads the approved revision, never the live draft', async ({ browser }) => {
  const observer = await signedInPage(browser, 'observer@example.jp');
  await observer.getByRole('link', { name: DEMO_PLAN_TITLE }).click();
  await expect(observer.getByTestId('approved-revisions')).toBeVisible();
  await expect(observer.getByTestId('revision-reader')).toContainText('第1章 中小企業振興プログラムの趣旨');
  await expect(observer.getByTestId('revision-kpi-list')).toContainText('中心市街地空き店舗数');
  await expect(observer.getByTestId('plan-editor')).toHaveCount(0);
  await observer.context().close();
});

test('staff demote a member: the open editor turns to 提案 only, then gives way to the approved revision', async ({ browser }) => {
  const member = await signedInPage(browser, 'member2@example.jp');
  const staff = await signedInPage(browser, 'staff@example.jp');
  await openDemoPlan(member);
  await openDemoPlan(staff);
  await expect(member.getByTestId('read-only-banner')).toHaveCount(0);

  // Staff change the role through the API with their own browser session.
  const me = await member.evaluate(async () => (await (await fetch('/api/me')).json()) as { user: { id: string }; memberships: Array<{ workspaceId: string }> });
  const setRole = (role: string) =>
    staff.evaluate(
      async ({ ws, user, role }) =>
        (await fetch(`/api/workspaces/${ws}/members/${user}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) })).status,
      { ws: me.memberships[0]!.workspaceId, user: me.user.id, role },
    );
  try {
    expect(await setRole('staff')).toBe(200);
    await expect(member.getByTestId('read-only-banner')).toBeVisible();
    // Staff do not edit; they suggest (事務局案), so the open editor stays, locked to 提案.
    await expect(member.getByTestId('suggest-mode')).toHaveAttribute('data-mode', 'suggest');
    await expect(member.getByTestId('mode-edit')).toBeDisabled();
    expect(await setRole('observer')).toBe(200);
    await expect(member.getByTestId('approved-revisions')).toBeVisible();
    await expect(member.getByTestId('plan-editor')).toHaveCount(0);
  } finally {
    expect(await setRole('member')).toBe(200);
  }
  await member.reload();
  await expect(member.getByTestId('plan-editor')).toHaveAttribute('contenteditable', 'true');

  await member.context().close();
  await staff.context().close();
});

test('sign-in refuses a wrong password in Japanese, and the UI switches to English', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/plans');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.locator('#email').fill('chair@example.jp');
  await page.locator('#password').fill('wrong-password');
  await page.locator('#password').press('Enter');
  await expect(page.getByTestId('sign-in-error')).toHaveText('メールアドレスまたはパスワードが正しくありません。');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('#password').fill('sakutei-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Other specs add plans to the demo council: read the role on the demo plan's own entry.
  const demoPlan = page.getByTestId('plan-list-item').filter({ has: page.getByRole('link', { name: DEMO_PLAN_TITLE, exact: true }) });
  await expect(demoPlan.getByTestId('plan-role')).toContainText('Chair');
  await context.close();
});
