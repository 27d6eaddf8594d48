/// <reference lib="dom" />
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDemoPlan, selectPhrase, signedInPage } from './support';

test('staff comment on a sentence, a member replies live, staff record the response, resolve, and export the table', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const member = await signedInPage(browser, 'member@example.jp');
  await openDemoPlan(staff);
  await openDemoPlan(member);
  // Its own words on each try: a retry finds the first try's thread still there.
  const opinion = `回収率の目標も示してはどうでしょうか（${test.info().retry + 1}）。`;

  // Staff cannot edit the text, but can select it and comment.
  await selectPhrase(staff, '企業アンケートを実施する');
  await staff.getByTestId('comment-on-selection').click();
  await staff.getByTestId('new-comment-input').fill(`${opinion}<script>window.pwned = 1</script>`);
  await staff.getByTestId('new-comment-submit').click();

  const memberThread = member.getByTestId('thread').filter({ hasText: opinion });
  await expect(memberThread).toBeVisible();
  await expect(memberThread.getByTestId('thread-location')).toContainText('企業アンケートを実施する');
  // Other specs (or a first try) may have left threads on the same words: any highlight of them will do.
  await expect(member.locator('.comment-highlight').filter({ hasText: '企業アンケートを実施する' }).first()).toBeVisible();
  // Shown as text, never run.
  await expect(memberThread).toContainText('<script>window.pwned = 1</script>');
  expect(await member.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  // A first try may have left the staff an unread reply: count from what is there now.
  const unread = staff.getByTestId('notifications-unread');
  const unreadBefore = (await unread.count()) > 0 ? Number(await unread.textContent()) : 0;
  await memberThread.getByTestId('reply-input').fill('回収率は毎年度公表する方向で賛成です。');
  await memberThread.getByTestId('reply-submit').click();
  const staffThread = staff.getByTestId('thread').filter({ hasText: opinion });
  await expect(staffThread).toContainText('回収率は毎年度公表する方向で賛成です。');
  await expect(unread).toHaveText(String(unreadBefore + 1));

  // The 対応方針 form opens on request, and folds back into text once saved.
  await expect(staffThread.getByTestId('disposition-form')).toHaveCount(0);
  await staffThread.getByRole('button', { name: '対応方針を記入' }).click();
  await staffThread.getByTestId('disposition-select').selectOption('reflect');
  await staffThread.getByTestId('disposition-response').fill('令和8年度版から回収率の目標値を記載します。');
  await staffThread.getByTestId('disposition-save').click();
  await expect(staffThread.getByTestId('disposition-form')).toHaveCount(0);
  await expect(staffThread.getByTestId('thread-disposition')).toContainText('反映する');
  await expect(staffThread.getByRole('button', { name: '対応方針を編集' })).toBeFocused();
  await expect(memberThread.getByTestId('thread-disposition')).toContainText('反映する');
  await expect(memberThread.getByTestId('thread-disposition')).toContainText('令和8年度版から回収率の目標値を記載します。');
  // Members see the response but cannot set it.
  await expect(memberThread.getByTestId('disposition-select')).toHaveCount(0);
  await expect(memberThread.getByTestId('disposition-open')).toHaveCount(0);

  await staffThread.getByTestId('thread-resolve').click();
  await expect(member.locator('[data-testid="thread"][data-status="open"]').filter({ hasText: opinion })).toHaveCount(0);

  const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByTestId('opinions-export-csv').click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('No,箇所,委員,意見,対応方針,対応内容');
  expect(csv).toContain('本文「企業アンケートを実施する」');
  expect(csv).toContain('反映する');

  await staff.getByTestId('opinions-print-link').click();
  await expect(staff.getByTestId('opinions-table')).toContainText('令和8年度版から回収率の目標値を記載します。');

  await staff.context().close();
  await member.context().close();
});

test('staff comment on one KPI cell (the R5 actual of 成果指標⑩), and a member sees it on that cell', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const member = await signedInPage(browser, 'member@example.jp');
  for (const page of [staff, member]) {
    await openDemoPlan(page);
    await page.getByTestId('plan-tab-measures').click();
    await page
      .locator('[data-testid="measure-cell"][data-field="title"]', { hasText: /^産学共同研究・委託研究等の支援/ })
      .first()
      .click();
  }

  const staffCard = staff.getByTestId('kpi-card').filter({ hasText: '市支援事業のうち' });
  const actualButton = staffCard.locator('[data-testid="comment-on-kpi-field"][data-field="actual"][data-year="2023"]');
  await actualButton.focus();
  await actualButton.click();
  await expect(staff.getByTestId('new-thread-location')).toContainText('成果指標⑩ 実績値 R5');
  await staff.getByTestId('new-comment-input').fill('令和5年度も0件です。原因を次回会議で説明します。');
  await staff.getByTestId('new-comment-submit').click();

  const badge = member
    .getByTestId('kpi-card')
    .filter({ hasText: '市支援事業のうち' })
    .locator('[data-testid="kpi-field-comments"][data-field="actual"][data-year="2023"]');
  await expect(badge).toHaveAttribute('data-count', '1');
  const thread = member.getByTestId('thread').filter({ hasText: '令和5年度も0件です。' });
  await expect(thread.getByTestId('thread-location')).toContainText('成果指標⑩ 実績値 R5');
  await thread.getByTestId('reply-input').fill('承知しました。');
  await thread.getByTestId('reply-submit').click();
  await expect(staff.getByTestId('thread').filter({ hasText: '令和5年度も0件です。' })).toContainText('承知しました。');

  await staff.context().close();
  await member.context().close();
});
