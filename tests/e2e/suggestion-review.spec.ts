import { readFile } from 'node:fs/promises';
import { type Page, expect, test } from '@playwright/test';
import { unzip } from '../../server/src/services/export/testing/unzip';
import { openDemoPlan, proseText, removeOwnParagraphs, selectPhrase, signedInPage, typeAtEnd } from './support';

// A paragraph of the test's own, removed afterwards; the revision it freezes stays, as every
// frozen revision does (its review is withdrawn, so nothing stays locked).
const MARKER = 'E2E審議中提案';
const OWN = `${MARKER}：試行窓口の相談目標を二十件とする`;
const REVISION = 'E2E見え消しの審議';

test.describe.configure({ timeout: 180_000 });

test.afterEach(async ({ browser }) => {
  // A review left open (a failure midway) would keep the draft locked for every later spec.
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

const cards = (page: Page) => page.getByTestId('suggestion-card');
const cardBy = (page: Page, author: string) => cards(page).filter({ has: page.getByTestId('suggestion-author').filter({ hasText: author }) });
const revisionRow = (page: Page) => page.getByTestId('revision-row').filter({ hasText: REVISION });

test('under a 提案のみ review the draft takes only suggestions; the chair accepts one in the meeting; the Word file carries them as tracked changes', async ({ browser }) => {
  const member = await signedInPage(browser, 'member@example.jp');
  const staff = await signedInPage(browser, 'staff@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');
  for (const page of [member, staff, chair]) await openDemoPlan(page);
  await typeAtEnd(member, OWN);

  // A member proposes 十五; the secretariat proposes 三十 for the same words: competing wordings.
  await member.getByTestId('mode-suggest').click();
  await selectPhrase(member, '二十');
  await member.keyboard.type('十五');
  await expect.poll(() => proseText(staff)).toContain('二十十五');
  await selectPhrase(staff, '二十');
  await staff.keyboard.type('三十');
  await expect(cards(chair)).toHaveCount(2);

  // Staff freeze the draft and open its review with 「審議中は提案のみ受け付ける」.
  await staff.getByTestId('plan-tab-revisions').click();
  await staff.getByTestId('freeze-name').fill(REVISION);
  await staff.getByTestId('freeze-stage').selectOption('素案');
  await staff.getByTestId('freeze-submit').click();
  await expect(revisionRow(staff)).toHaveAttribute('data-status', 'draft');
  await revisionRow(staff).getByTestId('review-suggestions-only').check();
  await revisionRow(staff).getByTestId('review-open').click();
  await expect(revisionRow(staff)).toHaveAttribute('data-status', 'in_review');

  // The member's open editor is locked into 提案 at once, and says why.
  const mode = member.getByTestId('suggest-mode');
  await expect(mode).toHaveAttribute('data-locked', 'true', { timeout: 30_000 });
  await expect(mode).toHaveAttribute('data-mode', 'suggest');
  await expect(member.getByTestId('suggest-mode-reason')).toContainText('審議中');
  // What the member types now is a suggestion too, not an edit.
  await selectPhrase(member, '試行窓口');
  await member.keyboard.type('常設窓口');
  await expect(cards(chair)).toHaveCount(3);

  // The frozen revision's Word file carries the pending suggestions as Word's own tracked changes.
  await revisionRow(staff).getByTestId('revision-open').click();
  const reader = staff.getByTestId('revision-reader');
  await reader.getByTestId('revision-export-suggestions').check();
  const [download] = await Promise.all([staff.waitForEvent('download'), reader.getByTestId('revision-export-docx').click()]);
  const xml = unzip(await readFile((await download.path())!)).get('word/document.xml')!;
  expect(xml).toMatch(/<w:ins [^>]*w:author="委員 佐藤花子"[^>]*>[\s\S]*?十五/);
  expect(xml).toMatch(/<w:ins [^>]*w:author="事務局 高橋美咲"[^>]*>[\s\S]*?三十/);
  expect(xml).toMatch(/<w:del [^>]*w:author="[^"]+"[^>]*w:date="\d{4}-\d\d-\d\dT[^"]+"[^>]*>[\s\S]*?<w:delText[^>]*>二十<\/w:delText>/);

  // In the meeting the chair accepts the member's wording from its card; the secretariat's goes.
  await chair.getByRole('button', { name: '委員 佐藤花子さんの提案「二十 → 十五」を採用' }).click();
  for (const page of [member, chair]) {
    await expect.poll(() => proseText(page)).toContain(`${MARKER}：試行窓口常設窓口の相談目標を十五件とする`);
    await expect(cardBy(page, '事務局 高橋美咲')).toHaveCount(0);
  }

  // Withdrawing the review lifts the lock: the member may edit again.
  await revisionRow(staff).getByTestId('review-withdraw').click();
  await expect(revisionRow(staff)).toHaveAttribute('data-status', 'withdrawn');
  await expect(mode).not.toHaveAttribute('data-locked', 'true', { timeout: 30_000 });

  for (const page of [member, staff, chair]) await page.context().close();
});
