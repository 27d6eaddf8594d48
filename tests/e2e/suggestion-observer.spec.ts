import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, openDemoPlan, proseText, removeOwnParagraphs, selectPhrase, signedInPage, typeAtEnd } from './support';

// A paragraph of the test's own, removed afterwards with the observer's suggestion in it; the
// revision it freezes stays, as every frozen revision does (its review is withdrawn).
const MARKER = 'E2E傍聴者の提案';
const OWN = `${MARKER}：相談会を年四回開く`;
const REVISION = 'E2E傍聴者を招く審議';
const OBSERVER = '傍聴 田中健';

test.describe.configure({ timeout: 180_000 });

const revisionRow = (page: Page) => page.getByTestId('revision-row').filter({ hasText: REVISION });

test.afterEach(async ({ browser }) => {
  // A review left open (a failure midway) would keep the observer on the draft for later specs.
  const staff = await signedInPage(browser, 'staff@example.jp');
  await openDemoPlan(staff);
  await staff.getByTestId('plan-tab-revisions').click();
  const open = revisionRow(staff).and(staff.locator('[data-status="in_review"]'));
  if ((await open.count()) > 0) {
    await open.getByTestId('review-withdraw').click();
    await expect(revisionRow(staff)).toHaveAttribute('data-status', 'withdrawn');
  }
  await staff.context().close();
  const cleaner = await signedInPage(browser, 'member@example.jp');
  await removeOwnParagraphs(cleaner, MARKER);
  await cleaner.context().close();
});

test('an observer invited to a review that lets them suggest proposes wording on the draft, which the chair sees; the review over, they read revisions again', async ({ browser }) => {
  const member = await signedInPage(browser, 'member@example.jp');
  const staff = await signedInPage(browser, 'staff@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');
  for (const page of [member, staff, chair]) await openDemoPlan(page);
  await typeAtEnd(member, OWN);

  // Before any invitation the observer reads approved revisions only.
  const observer = await signedInPage(browser, 'observer@example.jp');
  await observer.getByRole('link', { name: /第2期福島市中小企業振興プログラム/ }).click();
  await expect(observer.getByTestId('read-only-banner')).toBeVisible();
  await expect(observer.getByTestId('plan-editor')).toHaveCount(0);

  // Staff freeze the draft and open its review, inviting the observer, who may suggest.
  await staff.getByTestId('plan-tab-revisions').click();
  await staff.getByTestId('freeze-name').fill(REVISION);
  await staff.getByTestId('freeze-stage').selectOption('素案');
  await staff.getByTestId('freeze-submit').click();
  await expect(revisionRow(staff)).toHaveAttribute('data-status', 'draft');
  const row = revisionRow(staff);
  await row.getByTestId('review-invite').fill('田中');
  await row.getByTestId('review-invite-option').filter({ hasText: OBSERVER }).click();
  await row.getByRole('checkbox', { name: '招待した傍聴者も提案できる' }).check();
  await expectNoSeriousA11yViolations(staff, { include: '.review-open', label: '審議を開始 with its options' });
  await row.getByTestId('review-open').click();
  await expect(row).toHaveAttribute('data-status', 'in_review');
  await expect(row.getByTestId('review-invited-may-suggest-text')).toBeVisible();

  // The observer, back on the plan, opens the draft's 本文 in 提案 only, and is told why.
  await observer.reload();
  await expect(observer.getByTestId('invited-suggest-notice')).toContainText('提案');
  await expect(observer.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await expect(observer.getByTestId('plan-tab-measures')).toHaveCount(0);
  const mode = observer.getByTestId('suggest-mode');
  await expect(mode).toHaveAttribute('data-locked', 'true');
  await expect(mode).toHaveAttribute('data-mode', 'suggest');
  await expect.poll(() => proseText(observer)).toContain(OWN);
  await expectNoSeriousA11yViolations(observer, { include: '[data-testid="invited-suggest-notice"]', label: 'the invited observer notice' });

  // What they type is a suggestion, which reaches the chair as a card of theirs.
  await selectPhrase(observer, '年四回');
  await observer.keyboard.type('毎月');
  await expect.poll(() => proseText(chair)).toContain('年四回毎月');
  const card = chair.getByTestId('suggestion-card').filter({ has: chair.getByTestId('suggestion-author').filter({ hasText: OBSERVER }) });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('毎月');
  // Stored, not refused: the server took it from the observer's suggest-only connection.
  await expect(observer.getByTestId('connection-status')).toHaveAttribute('data-save-state', 'saved');
  await expect(observer.getByTestId('update-refused')).toHaveCount(0);

  // The review withdrawn, the observer's draft closes and the page shows the revisions again.
  await row.getByTestId('review-withdraw').click();
  await expect(row).toHaveAttribute('data-status', 'withdrawn');
  await expect(observer.getByTestId('invited-suggest-notice')).toHaveCount(0, { timeout: 30_000 });
  await expect(observer.getByTestId('plan-editor')).toHaveCount(0);
  await expect(observer.getByTestId('read-only-banner')).toBeVisible();

  for (const page of [member, staff, chair, observer]) await page.context().close();
});
