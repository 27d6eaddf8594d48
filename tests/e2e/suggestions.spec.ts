import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, openDemoPlan, proseText, removeOwnParagraphs, selectPhrase, signedInPage, typeAtEnd } from './support';

// A paragraph of the test's own, written in 編集 and removed afterwards, so the demo plan is left as found.
const MARKER = 'E2E採否';
const OWN = `${MARKER}：空き店舗を八十店舗に減らす`;

// Three signed-in browsers and a clean-up sign-in: past the default minute under load.
test.describe.configure({ timeout: 120_000 });

test.afterEach(async ({ browser }) => {
  const cleaner = await signedInPage(browser, 'member@example.jp');
  await removeOwnParagraphs(cleaner, MARKER);
  await cleaner.context().close();
});

const cards = (page: Page) => page.getByTestId('suggestion-card');
const cardBy = (page: Page, author: string) => cards(page).filter({ has: page.getByTestId('suggestion-author').filter({ hasText: author }) });

test('a member and staff propose competing wordings; the chair accepts one, the other is resolved, in every browser', async ({ browser }) => {
  const member = await signedInPage(browser, 'member@example.jp');
  const staff = await signedInPage(browser, 'staff@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');
  for (const page of [member, staff, chair]) await openDemoPlan(page);
  await typeAtEnd(member, OWN);

  // The member proposes 七十 in 提案 mode.
  await member.getByTestId('mode-suggest').click();
  await expect(member.getByTestId('suggest-mode')).toHaveAttribute('data-mode', 'suggest');
  await selectPhrase(member, '八十');
  await member.keyboard.type('七十');
  await expect(cardBy(member, '委員 佐藤花子')).toHaveCount(1);

  // Staff (who only suggest) propose another wording for the same 八十: a 事務局案.
  await expect(staff.getByTestId('suggest-mode')).toHaveAttribute('data-mode', 'suggest');
  await expect.poll(() => proseText(staff)).toContain('八十七十');
  await selectPhrase(staff, '八十');
  await staff.keyboard.type('七十五');

  // Every browser shows both, side by side under 競合, with who, where and what.
  for (const page of [member, staff, chair]) {
    await expect(cards(page)).toHaveCount(2);
    await expect(page.getByTestId('suggestions-count')).toHaveText('2');
    const group = page.getByTestId('suggestion-conflict');
    await expect(group).toHaveCount(1);
    await expect(group.getByTestId('suggestion-card')).toHaveCount(2);
    await expect(group).toContainText('競合');
  }
  const memberCard = cardBy(chair, '委員 佐藤花子');
  await expect(memberCard.getByTestId('suggestion-deleted')).toHaveText('八十');
  await expect(memberCard.getByTestId('suggestion-inserted')).toHaveText('七十');
  await expect(cardBy(chair, '事務局 高橋美咲').getByTestId('suggestion-inserted')).toHaveText('七十五');
  // Accepting one says the other goes.
  await expect(memberCard.getByTestId('suggestion-conflict-hint')).toContainText('事務局 高橋美咲');
  await expectNoSeriousA11yViolations(chair, { include: '[data-testid="suggestions-dock"]', label: 'suggestion cards' });
  // Staff may suggest but not decide: no 採用 for them.
  await expect(staff.getByTestId('suggestion-accept')).toHaveCount(0);

  // The card shows its passage in the text.
  await memberCard.getByTestId('suggestion-show').click();
  // Outlined from its struck 八十 to its 七十 (staff's wording, placed between them, lies inside).
  await expect(chair.locator('[data-testid="plan-editor"] .suggestion-focus').first()).toHaveText('八十');
  await expect(memberCard).toHaveAttribute('aria-current', 'true');

  // コメント starts a review thread on the suggestion's passage, quoting it (cancelled here: nothing is written).
  await memberCard.getByTestId('suggestion-comment').click();
  await expect(chair.getByTestId('new-thread-location')).toContainText('八十 → 七十');
  await chair.getByTestId('new-comment-cancel').click();
  await expect(chair.getByTestId('new-thread')).toHaveCount(0);

  // The chair accepts the member's wording; the server changes the live text for everyone.
  await chair.getByRole('button', { name: '委員 佐藤花子さんの提案「八十 → 七十」を採用' }).click();
  await expect(chair.getByTestId('suggestions-notice')).toHaveText('1 件の提案を採用しました。 競合していた 1 件は不採用になりました。');
  for (const page of [member, staff, chair]) {
    await expect(cards(page)).toHaveCount(0);
    await expect.poll(() => proseText(page)).toContain(`${MARKER}：空き店舗を七十店舗に減らす`);
  }

  // 採否の履歴 keeps both, the rejected wording included.
  await chair.getByTestId('suggestions-toggle').click();
  const history = chair.getByTestId('suggestions-history');
  await history.locator('summary').click();
  // Only this test's: decisions of other specs stay in the shared demo plan's history.
  const decisions = history.getByTestId('suggestion-decision').filter({ hasText: '八十' });
  await expect(decisions).toHaveCount(2);
  await expect(decisions.filter({ hasText: '七十五' })).toHaveAttribute('data-decision', 'reject');
  await expect(decisions.filter({ hasText: '七十五' })).toContainText('競合する提案の採用により不採用');
  await expect(decisions.filter({ hasNotText: '七十五' })).toHaveAttribute('data-decision', 'accept');

  for (const page of [member, staff, chair]) await page.context().close();
});

test('the chair rejects all of one author’s suggestions at once, after a confirmation that counts them', async ({ browser }) => {
  const member = await signedInPage(browser, 'member@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');
  await openDemoPlan(member);
  await openDemoPlan(chair);
  await typeAtEnd(member, OWN);
  await member.getByTestId('mode-suggest').click();
  await selectPhrase(member, '空き店舗');
  await member.keyboard.type('空店舗');
  await selectPhrase(member, '八十');
  await member.keyboard.type('六十');
  await expect(cards(chair)).toHaveCount(2);

  await chair.getByTestId('suggestions-bulk').locator('summary').click();
  await chair.getByTestId('suggestions-bulk-scope').selectOption({ label: '委員 佐藤花子さんの提案（2 件）' });
  await chair.getByTestId('suggestions-bulk-reject').click();
  const dialog = chair.getByTestId('suggestions-bulk-confirm');
  await expect(dialog.getByRole('heading')).toHaveText('提案 2 件を不採用にしますか');
  await dialog.getByTestId('suggestions-bulk-confirm-confirm').click();

  for (const page of [member, chair]) {
    await expect(cards(page)).toHaveCount(0);
    await expect.poll(() => proseText(page)).toContain(OWN);
  }
  await expect(chair.getByTestId('suggestions-notice')).toHaveText('2 件の提案を不採用にしました。');
  for (const page of [member, chair]) await page.context().close();
});
