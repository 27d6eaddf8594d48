import { type Page, expect, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, expectNoHorizontalOverflow, expectNoSeriousA11yViolations, signedInPage, signedInPageAt } from './support';

/**
 * Staff invite a new member, copy the link, the invitee accepts in another browser and lands
 * in the council; staff record the member's attributes and finally remove them again, so the
 * shared demo council is left with the members it had.
 *
 * With MEMBERS_SHOTS=<folder>, the pages are also photographed at 1440 and 390 px.
 */

const SHOTS = process.env.MEMBERS_SHOTS;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/members-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** YYYY-MM-DD, `days` from today in Japan. */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

test('staff invite a member who accepts in another browser, set their attributes, and remove them again', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const invitee = `e2e-invitee-${Date.now()}@example.jp`;

  // The header's name opens the account page, which links to the council's members.
  await staff.getByTestId('current-user-name').click();
  await expect(staff.getByTestId('account-page')).toBeVisible();
  await shoot(staff, 'account');
  await staff.getByTestId('account-members-link').first().click();
  await expect(staff.getByTestId('members-page')).toBeVisible();
  const rowsBefore = await staff.getByTestId('member-row').count();
  await shoot(staff, 'list');

  // Invite, by keyboard where a person would type.
  await staff.getByTestId('invite-open').click();
  const dialog = staff.getByTestId('invite-dialog');
  await expect(dialog).toBeVisible();
  await expect(staff.locator('#invite-email')).toBeFocused();
  await staff.keyboard.type(invitee);
  await staff.locator('#invite-role').selectOption('member');
  await staff.locator('#invite-affiliation').fill('福島市商店街連合会');
  await staff.locator('#invite-category').selectOption('association');
  await shoot(staff, 'invite-dialog');
  await staff.getByTestId('invite-submit').click();
  const link = staff.getByTestId('invitation-link');
  await expect(link).toHaveValue(/\/invite#token=[a-z2-7]+$/);
  const url = await link.inputValue();
  await staff.getByTestId('invitation-link-copy').click();
  await shoot(staff, 'invite-link');
  await staff.keyboard.press('Escape');
  await expect(staff.getByTestId('invitation-link-dialog')).toBeHidden();
  await expect(staff.locator(`[data-testid="invitation-row"][data-email="${invitee}"]`)).toHaveAttribute('data-status', 'pending');

  // The invitee, in a browser of their own, with no account yet.
  const context = await browser.newContext({ locale: 'ja-JP' });
  const guest = await context.newPage();
  await guest.goto(url);
  await expect(guest.getByTestId('invite-lead')).toContainText('委員');
  await expect(guest.getByTestId('invite-lead')).toContainText('福島市');
  await shoot(guest, 'accept');
  await guest.locator('#invite-name').fill('招待 花子');
  await guest.locator('#invite-password').fill('e2e-invited-password');
  await guest.getByTestId('invite-accept').click();
  await expect(guest.getByTestId('plan-list')).toBeVisible();
  await expect(guest.getByRole('link', { name: DEMO_PLAN_TITLE })).toBeVisible();
  await expect(guest.getByTestId('current-user-name')).toContainText('招待 花子');

  // The same link again: used.
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByTestId('invite-fatal')).toBeVisible();

  // Staff see the new member and record their term, which ends within 90 days.
  await staff.reload();
  const row = staff.locator(`[data-testid="member-row"][data-email="${invitee}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('member-affiliation')).toHaveText('福島市商店街連合会');
  await expect(staff.locator(`[data-testid="invitation-row"][data-email="${invitee}"]`)).toHaveAttribute('data-status', 'accepted');
  await row.getByRole('button', { name: /編集/ }).click();
  await expect(staff.getByTestId('member-edit-dialog')).toBeVisible();
  await staff.locator('#member-affiliation').fill('福島市商店街連合会 副会長');
  await staff.locator('#member-category').selectOption('public');
  await staff.locator('#member-termFrom').fill(dayFromToday(-300));
  await staff.locator('#member-termTo').fill(dayFromToday(30));
  await shoot(staff, 'edit-dialog');
  await staff.getByTestId('member-edit-save').click();
  await expect(staff.getByTestId('member-edit-dialog')).toBeHidden();
  await expect(row.getByTestId('member-affiliation')).toHaveText('福島市商店街連合会 副会長');
  await expect(row.getByTestId('member-category')).toHaveText('公募');
  await expect(row.getByTestId('member-term-state')).toContainText('満了まで');
  await expect(staff.getByTestId('members-ending-soon')).toBeVisible();
  await shoot(staff, 'list-attributes');

  // A reset link for them, shown to copy.
  await row.getByRole('button', { name: /再設定リンク/ }).click();
  await expect(staff.getByTestId('reset-link')).toHaveValue(/\/reset-password#token=[a-z2-7]+$/);
  const resetUrl = await staff.getByTestId('reset-link').inputValue();
  await staff.keyboard.press('Escape');
  const resetPage = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await resetPage.goto(resetUrl);
  await expect(resetPage.locator('#reset-password')).toBeVisible();
  await shoot(resetPage, 'reset');
  await resetPage.locator('#reset-password').fill('e2e-reset-password');
  await resetPage.getByTestId('reset-submit').click();
  await expect(resetPage.getByTestId('reset-done')).toBeVisible();
  await resetPage.context().close();

  // Removed again, after a confirmation: the demo council has the members it had.
  await row.getByRole('button', { name: /削除/ }).click();
  await expect(staff.getByTestId('member-remove')).toBeVisible();
  await staff.getByTestId('member-remove-confirm').click();
  await expect(row).toHaveCount(0);
  await expect(staff.getByTestId('member-row')).toHaveCount(rowsBefore);
  await context.close();
  await staff.context().close();
});

test('the members, account and invitation pages pass axe and fit a phone', async ({ browser }) => {
  const staff = await signedInPageAt(browser, 'staff@example.jp', { width: 390, height: 844 });
  // The plan list names the person's councils, each with its 名簿.
  await expect(staff.getByTestId('council-members-link').first()).toBeVisible();
  await expectNoHorizontalOverflow(staff, 'plan list');
  await shoot(staff, 'plan-list');
  await staff.setViewportSize({ width: 390, height: 844 });
  await staff.getByTestId('current-user-name').click();
  await expect(staff.getByTestId('account-page')).toBeVisible();
  await expectNoSeriousA11yViolations(staff, { label: 'account page' });
  await expectNoHorizontalOverflow(staff, 'account page');

  await staff.getByTestId('account-members-link').first().click();
  await expect(staff.getByTestId('member-row').first()).toBeVisible();
  await expectNoSeriousA11yViolations(staff, { label: 'members page' });
  await expectNoHorizontalOverflow(staff, 'members page');

  await staff.getByTestId('invite-open').click();
  await expect(staff.getByTestId('invite-dialog')).toBeVisible();
  await expectNoSeriousA11yViolations(staff, { include: '[data-testid="invite-dialog"]', label: 'invite dialog' });
  // Esc closes it, and the focus goes back to the button that opened it.
  await staff.keyboard.press('Escape');
  await expect(staff.getByTestId('invite-dialog')).toBeHidden();
  await expect(staff.getByTestId('invite-open')).toBeFocused();

  // A link without its token says so, in words.
  const guest = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } })).newPage();
  await guest.goto('/invite');
  await expect(guest.getByTestId('invite-fatal')).toContainText('リンク');
  await expectNoSeriousA11yViolations(guest, { label: 'invitation page' });
  await guest.goto('/reset-password#token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  await expect(guest.getByTestId('reset-fatal')).toBeVisible();
  await guest.context().close();
  await staff.context().close();
});

test('staff see that the chair is appointed by administrators, and cannot choose chair or vice chair for anyone', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  await staff.getByTestId('council-members-link').first().click();
  const chairRow = staff.locator('[data-testid="member-row"][data-role="chair"]');
  await expect(chairRow).toBeVisible();
  // No remove on the chair's row, but words saying why.
  await expect(chairRow.getByTestId('member-appointed-note')).toContainText('管理者が任命');
  await expect(chairRow.getByRole('button', { name: /削除|Remove/ })).toHaveCount(0);
  // The chair's role is shown, not offered.
  await chairRow.getByRole('button', { name: /編集|Edit/ }).click();
  await expect(staff.getByTestId('member-role-fixed')).toBeVisible();
  await expect(staff.getByTestId('member-edit-dialog').locator('select#member-role')).toHaveCount(0);
  await staff.keyboard.press('Escape');
  // A member's choice of role lists only the roles below the chair.
  const memberRow = staff.locator('[data-testid="member-row"][data-role="member"]').first();
  await memberRow.getByRole('button', { name: /編集|Edit/ }).click();
  const options = await staff.locator('select#member-role option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
  expect(options.sort()).toEqual(['member', 'observer', 'staff']);
  await staff.keyboard.press('Escape');
  await staff.context().close();
});
