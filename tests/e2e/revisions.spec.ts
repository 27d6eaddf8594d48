import { type Page, expect, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, openDemoPlan, signedInPage, typeAtEnd } from './support';

async function openRevisions(page: Page): Promise<void> {
  await openDemoPlan(page);
  await page.getByTestId('plan-tab-revisions').click();
  await expect(page.getByTestId('revisions-view')).toBeVisible();
}

/** Chooses the option whose text contains `text` (labels carry numbers and stages around the name). */
async function selectByText(page: Page, testId: string, text: string): Promise<void> {
  const value = await page.getByTestId(testId).locator('option', { hasText: text }).first().getAttribute('value');
  await page.getByTestId(testId).selectOption(value!);
}

const revisionRow = (page: Page, name: string) => page.getByTestId('revision-row').filter({ hasText: name });

async function freeze(staff: Page, name: string, stage: string): Promise<void> {
  await staff.getByTestId('freeze-name').fill(name);
  await staff.getByTestId('freeze-stage').selectOption(stage);
  await staff.getByTestId('freeze-submit').click();
  await expect(revisionRow(staff, name)).toHaveAttribute('data-status', 'draft');
}

test('the full round: edit, freeze, review, send back, edit, freeze again, approve; an observer reads it and the 新旧対照表', async ({ browser }) => {
  test.setTimeout(120_000);
  const member = await signedInPage(browser, 'member@example.jp');
  const staff = await signedInPage(browser, 'staff@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');

  await openDemoPlan(member);
  await typeAtEnd(member, '第1回会議に向けて委員が加えた文。');
  await openRevisions(staff);
  await freeze(staff, '第1回会議資料', '素案');
  await revisionRow(staff, '第1回会議資料').getByTestId('review-open').click();
  await expect(revisionRow(staff, '第1回会議資料')).toHaveAttribute('data-status', 'in_review');

  // The chair sends it back with a reason.
  await openRevisions(chair);
  const first = revisionRow(chair, '第1回会議資料');
  await expect(first).toHaveAttribute('data-status', 'in_review');
  await first.getByTestId('review-request-changes').click();
  await first.getByTestId('review-reason').fill('成果指標⑩の目標値の根拠を本文に書き加えてください。');
  await first.getByTestId('review-reason-submit').click();
  await expect(first).toHaveAttribute('data-status', 'changes_requested');
  await expect(first.getByTestId('review-reason-text')).toContainText('成果指標⑩の目標値の根拠');
  // Who sent it back and when, dated in full in 和暦 for the minutes.
  await expect(first.getByTestId('review-sent-back-by')).toHaveText(/^令和\d+年\d+月\d+日 \d\d:\d\d、座長 山田太郎 さんが差し戻しました。/);

  // The draft went on being edited; the member answers the request.
  await typeAtEnd(member, '目標値は過去3年の実績の伸びを基に設定した。');
  await freeze(staff, '第2回会議資料', 'パブリックコメント案');
  await revisionRow(staff, '第2回会議資料').getByTestId('review-open').click();
  await expect(revisionRow(staff, '第2回会議資料')).toHaveAttribute('data-status', 'in_review');

  // Members cannot decide; the chair approves, naming the revision's hash.
  await member.getByTestId('plan-tab-revisions').click();
  await expect(revisionRow(member, '第2回会議資料').getByTestId('review-approve')).toHaveCount(0);
  await chair.reload();
  await chair.getByTestId('plan-tab-revisions').click();
  const second = revisionRow(chair, '第2回会議資料');
  await expect(second.getByTestId('review-opened-at')).toHaveText(/^令和\d+年\d+月\d+日 \d\d:\d\d、事務局 高橋美咲 さんが審議を開始しました。$/);
  // 承認 asks first, naming the revision, its stage and the hash it approves; cancelling changes nothing.
  const hash = (await second.getByTestId('revision-hash').textContent())!;
  await second.getByTestId('review-approve').click();
  const dialog = chair.getByTestId('review-approve-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('approve-name')).toHaveText(/^第\d+版「第2回会議資料」$/);
  await expect(dialog.getByTestId('approve-stage')).toHaveText('パブリックコメント案');
  await expect(dialog.getByTestId('approve-hash')).toHaveText(hash);
  await dialog.getByTestId('review-approve-dialog-cancel').click();
  await expect(dialog).toHaveCount(0);
  await expect(second.getByTestId('review-approve')).toBeFocused();
  await expect(second).toHaveAttribute('data-status', 'in_review');
  await second.getByTestId('review-approve').click();
  await chair.getByTestId('review-approve-dialog-confirm').click();
  await expect(second).toHaveAttribute('data-status', 'approved');
  await expect(second.getByTestId('review-decided-by')).toHaveText(/^令和\d+年\d+月\d+日 \d\d:\d\d、座長 山田太郎 さんが承認しました。$/);

  // The record shows it, and still verifies.
  await expect(chair.getByTestId('audit-status')).toHaveAttribute('data-intact', 'true');
  await expect(chair.locator('[data-testid="audit-entry"][data-kind="review.approved"]').first()).toBeVisible();

  // An observer reads the approved text, and what changed since the adopted version.
  const observer = await signedInPage(browser, 'observer@example.jp');
  await observer.getByRole('link', { name: DEMO_PLAN_TITLE }).click();
  await expect(observer.getByTestId('revision-reader')).toContainText('目標値は過去3年の実績の伸びを基に設定した。');
  await expect(observer.getByTestId('revision-row').filter({ hasText: '第1回会議資料' })).toHaveCount(0);
  await selectByText(observer, 'compare-from', '令和7年度版');
  await selectByText(observer, 'compare-to', '第2回会議資料');
  const added = observer.locator('[data-testid="compare-row"][data-kind="added"]');
  await expect(added.filter({ hasText: '目標値は過去3年の実績の伸びを基に設定した。' })).toBeVisible();
  await expect(added.first().locator('ins')).toBeVisible();

  for (const page of [member, staff, chair, observer]) await page.context().close();
});

test('the record pages back to its first entry, however much was recorded after it', async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await signedInPage(browser, 'staff@example.jp');
  await openRevisions(staff);
  const planId = /\/plans\/([^/?#]+)/.exec(staff.url())![1]!;
  // 120 entries on top of what is there: staff enter a KPI actual and put the figure back, 60
  // times, so the plan is left as it was found (each entry is recorded: kpi.actualRecorded).
  // The 120 entries stay in the shared demo's record: an append-only record cannot be undone.
  const { table } = await (await staff.request.get(`/api/plans/${planId}/measures`)).json();
  const kpi = table.kpis[0] as { id: string; actuals: Record<string, unknown> };
  const year = (table.settings.actualYears as number[]).at(-1)!;
  const original = kpi.actuals[String(year)] ?? { kind: 'blank' };
  const actual = (value: unknown) => staff.request.put(`/api/plans/${planId}/kpis/${kpi.id}/actuals/${year}`, { data: { value } });
  try {
    for (let i = 0; i < 60; i++) {
      expect((await actual({ kind: 'none' })).status()).toBe(200);
      expect((await actual(original)).status()).toBe(200);
    }
  } finally {
    await actual(original);
  }
  // The oldest entry, following `next` to the last page: earlier specs feed the shared demo's
  // record too (KPI actuals among them), so one page may not reach it.
  let oldest = 0;
  for (let before: number | null = null, pages = 0; pages === 0 || (before !== null && pages < 100); pages++) {
    const page = (await (await staff.request.get(`/api/plans/${planId}/audit?limit=500${before === null ? '' : `&before=${before}`}`)).json()) as {
      entries: Array<{ seq: number }>;
      next: number | null;
    };
    if (page.entries.length > 0) oldest = page.entries.at(-1)!.seq;
    before = page.next;
  }

  await staff.reload();
  await staff.getByTestId('plan-tab-revisions').click();
  const rows = staff.getByTestId('audit-entry');
  await expect(rows).toHaveCount(100);
  await expect(staff.getByTestId('audit-head')).toContainText(/[0-9a-f]{64}/);
  while (await staff.getByTestId('audit-more').isVisible()) {
    const before = await rows.count();
    await staff.getByTestId('audit-more').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(before);
  }
  await expect(rows.last()).toHaveAttribute('data-seq', String(oldest));
  await expect(staff.getByTestId('audit-status')).toHaveAttribute('data-intact', 'true');
  await staff.context().close();
});
