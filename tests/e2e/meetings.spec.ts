import { type Page, expect, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, expectNoHorizontalOverflow, expectNoSeriousA11yViolations, signedInPage } from './support';

/*
 * A council's meeting, prepared and recorded: staff add a meeting, build its agenda (one item
 * names the demo plan's approved revision), reorder it with the keyboard, send it, change an
 * item afterwards (送付後に変更); a member reads the agenda; staff record attendance and the
 * quorum status turns from 不成立 to 成立, and follows a change of the council's quorum rule.
 * The meeting is deleted and the rule put back, pass or fail, so the demo council is left as found.
 */

/** Deletes what the test created and puts the quorum rule back, through the API (a held meeting is set back to scheduled first). */
let created: { page: Page; workspaceId: string; meetingId: string } | null = null;
let quorumChanged: { page: Page; workspaceId: string } | null = null;
test.afterEach(async () => {
  if (quorumChanged) {
    // The demo council's rule as seeded (the default): more than half, proxies counted.
    const { page, workspaceId } = quorumChanged;
    quorumChanged = null;
    await page.request.put(`/api/workspaces/${workspaceId}/meeting-settings`, { data: { quorum: { kind: 'moreThanHalf', proxyCounts: true } } });
  }
  if (!created) return;
  const { page, workspaceId, meetingId } = created;
  created = null;
  const path = `/api/workspaces/${workspaceId}/meetings/${meetingId}`;
  const found = await page.request.get(path);
  if (!found.ok()) return;
  const { meeting } = await found.json();
  if (meeting.status !== 'scheduled') await page.request.patch(path, { data: { status: 'scheduled', version: meeting.version } });
  expect((await page.request.delete(path)).ok()).toBe(true);
});

const titles = (page: Page) => page.getByTestId('agenda-item-title');
const agendaItem = (page: Page, title: string) => page.getByTestId('agenda-item').filter({ has: page.getByTestId('agenda-item-title').getByText(title, { exact: true }) });

async function addItem(page: Page, title: string, more?: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>) {
  await page.getByTestId('agenda-add').click();
  const dialog = page.getByTestId('agenda-item-dialog');
  await expect(page.locator('#agenda-title')).toBeFocused();
  await page.keyboard.type(title);
  if (more) await more(dialog);
  await dialog.getByTestId('agenda-item-save').click();
  await expect(dialog).toBeHidden();
  await expect(agendaItem(page, title)).toBeVisible();
}

test('staff prepare a meeting’s agenda and send it, a member reads it, and attendance decides the quorum', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  await staff.getByTestId('council-meetings-link').first().click();
  await expect(staff.getByTestId('meetings-page')).toBeVisible();
  const workspaceId = /\/councils\/([^/]+)\/meetings/.exec(staff.url())![1]!;
  // Counted once the list has loaded: counted while it loads, the demo meeting was missed (CI saw 0 where 1 stood).
  await expect(staff.getByTestId('meetings-table').or(staff.getByTestId('meetings-empty'))).toBeVisible();
  const before = await staff.getByTestId('meeting-row').count();

  // A meeting far ahead, so its number (第1回 of its fiscal year) does not depend on others.
  await staff.getByTestId('meeting-add').click();
  await expect(staff.locator('#meeting-kind')).toBeFocused();
  await staff.locator('#meeting-title').fill('計画素案の審議');
  await staff.locator('#meeting-date').fill('2031-01-15');
  await staff.locator('#meeting-startTime').fill('14:00');
  await staff.locator('#meeting-endTime').fill('13:00');
  await staff.getByTestId('meeting-dialog-submit').click();
  await expect(staff.locator('#meeting-endTime-error')).toContainText('終了時刻は開始時刻より後');
  await staff.locator('#meeting-endTime').fill('16:00');
  await staff.locator('#meeting-place').fill('福島市役所 本庁舎 8階 大会議室');
  await staff.getByTestId('meeting-dialog-submit').click();
  await expect(staff.getByTestId('meeting-page')).toBeVisible();
  await expect(staff.getByTestId('meeting-heading')).toContainText('令和12年度 第1回');
  created = { page: staff, workspaceId, meetingId: /\/meetings\/([^/]+)$/.exec(staff.url())![1]! };
  await expect(staff.getByTestId('meeting-when')).toHaveText('令和13年1月15日（水） 14:00〜16:00');
  await expect(staff.getByTestId('meeting-status')).toHaveText('予定');

  // The agenda: three items, the second naming the demo plan's approved revision.
  await addItem(staff, '開会');
  await addItem(staff, '計画素案について', async (dialog) => {
    await dialog.locator('#agenda-presenter').fill('事務局 高橋美咲');
    await dialog.locator('#agenda-minutes').fill('40');
    await dialog.locator('#agenda-link-kind').selectOption('revision');
    await dialog.locator('#agenda-link-plan').selectOption({ label: DEMO_PLAN_TITLE });
    await dialog.locator('#agenda-link-revision').selectOption({ index: 1 });
    await dialog.getByTestId('agenda-link-add').click();
    await expect(dialog.getByTestId('agenda-item-links')).toContainText('令和7年度版');
  });
  await addItem(staff, '閉会');
  await expect(titles(staff)).toHaveText(['開会', '計画素案について', '閉会']);
  await expect(agendaItem(staff, '計画素案について').getByTestId('agenda-item-links')).toContainText('令和7年度版');
  // The revision link opens its plan's 版・審議 at that revision.
  await expect(agendaItem(staff, '計画素案について').getByRole('link', { name: /令和7年度版/ })).toHaveAttribute('href', /^\/plans\/[^/?]+\?revision=[^#]+#revisions$/);

  // The chair, who also manages meetings, opens the page before the staff member reorders it.
  const chair = await signedInPage(browser, 'chair@example.jp');
  await chair.goto(staff.url());
  await expect(titles(chair)).toHaveText(['開会', '計画素案について', '閉会']);

  // Reorder by keyboard: the moved item keeps the focus, on its other button once at the top.
  await agendaItem(staff, '計画素案について').getByTestId('agenda-item-up').focus();
  await staff.keyboard.press('Enter');
  await expect(titles(staff)).toHaveText(['計画素案について', '開会', '閉会']);
  await expect(agendaItem(staff, '計画素案について').getByTestId('agenda-item-down')).toBeFocused();
  await staff.keyboard.press('Enter');
  await expect(titles(staff)).toHaveText(['開会', '計画素案について', '閉会']);
  await expect(agendaItem(staff, '計画素案について').getByTestId('agenda-item-down')).toBeFocused();

  // The chair's copy predates the moves: the save is refused, the page reads the meeting again,
  // and the same save then goes through on the fresh copy.
  await agendaItem(chair, '開会').getByTestId('agenda-item-edit').click();
  await chair.locator('#agenda-presenter').fill('座長 山田太郎');
  await chair.getByTestId('agenda-item-save').click();
  await expect(chair.getByTestId('agenda-item-failure')).toContainText('ほかの人が先にこの会議を変更しました');
  await chair.getByTestId('agenda-item-save').click();
  await expect(chair.getByTestId('agenda-item-dialog')).toBeHidden();
  await expect(agendaItem(chair, '開会')).toContainText('説明: 座長 山田太郎');
  await chair.context().close();
  await staff.reload();
  await expect(agendaItem(staff, '開会')).toContainText('説明: 座長 山田太郎');

  // Sending asks first; then an item changed afterwards is marked, the others not.
  await staff.getByTestId('agenda-send').click();
  await staff.getByTestId('agenda-send-dialog-cancel').click();
  await expect(staff.getByTestId('meeting-agenda-sent')).toHaveText('未送付');
  await staff.getByTestId('agenda-send').click();
  await staff.getByTestId('agenda-send-dialog-confirm').click();
  await expect(staff.getByTestId('meeting-agenda-sent')).toContainText('送付');
  await expect(staff.getByTestId('agenda-item-changed')).toHaveCount(0);
  await agendaItem(staff, '閉会').getByTestId('agenda-item-edit').click();
  await staff.locator('#agenda-presenter').fill('座長 山田太郎');
  await staff.getByTestId('agenda-item-save').click();
  await expect(agendaItem(staff, '閉会').getByTestId('agenda-item-changed')).toHaveText('送付後に変更');
  await expect(staff.getByTestId('agenda-item-changed')).toHaveCount(1);
  await expectNoSeriousA11yViolations(staff, { label: 'meeting page (staff)' });

  // A member reads the agenda, without the tools.
  const member = await signedInPage(browser, 'member@example.jp');
  await member.getByTestId('council-meetings-link').first().click();
  await member.getByTestId('meeting-row').filter({ hasText: '令和12年度 第1回' }).getByTestId('meeting-link').click();
  await expect(titles(member)).toHaveText(['開会', '計画素案について', '閉会']);
  await expect(agendaItem(member, '閉会').getByTestId('agenda-item-changed')).toBeVisible();
  await expect(member.getByTestId('agenda-add')).toHaveCount(0);
  await expect(member.getByTestId('agenda-item-up')).toHaveCount(0);
  await expect(member.getByTestId('attendance-select')).toHaveCount(0);
  await expect(member.getByTestId('meeting-edit')).toHaveCount(0);

  // Attendance: the chair and two members vote, so the quorum (more than half) is 2.
  const quorum = staff.getByTestId('quorum-status');
  await expect(quorum).toHaveText(/定足数 2 \/ 出席 0 — 不成立/);
  const row = (name: string) => staff.getByTestId('attendance-row').filter({ hasText: name });
  await row('座長 山田太郎').getByTestId('attendance-select').selectOption('present');
  await expect(quorum).toHaveText(/定足数 2 \/ 出席 1 — 不成立/);
  await row('事務局 高橋美咲').getByTestId('attendance-select').selectOption('present');
  await expect(row('事務局 高橋美咲')).toHaveAttribute('data-attendance', 'present');
  await expect(quorum).toHaveText(/出席 1 — 不成立/);
  await row('委員 佐藤花子').getByTestId('attendance-select').selectOption('proxy');
  await row('委員 佐藤花子').getByTestId('attendance-proxy-save').click();
  await expect(row('委員 佐藤花子').getByRole('alert')).toContainText('代理出席者の氏名');
  await row('委員 佐藤花子').getByTestId('attendance-proxy').fill('佐藤商店 佐藤次郎');
  await row('委員 佐藤花子').getByTestId('attendance-proxy').press('Enter');
  await expect(quorum).toHaveText(/定足数 2 \/ 出席 2 — 成立/);
  await expect(quorum).toHaveAttribute('data-met', 'true');

  // The member sees the same record on the next read.
  await member.reload();
  await expect(member.getByTestId('quorum-status')).toHaveText(/出席 2 — 成立/);
  await expect(member.getByTestId('attendance-row').filter({ hasText: '委員 佐藤花子' })).toContainText('佐藤商店 佐藤次郎');
  // On a phone the tables become cards: nothing runs off the side.
  await member.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(member, 'meeting page at 390 px');
  await member.getByTestId('meetings-back').click();
  await expect(member.getByTestId('meetings-table')).toBeVisible();
  await expectNoHorizontalOverflow(member, 'meetings list at 390 px');
  await expectNoSeriousA11yViolations(member, { label: 'meetings list (member)' });
  await member.context().close();

  // The council's quorum rule: two members present, proxies not counted; the meeting is then short of it.
  await staff.getByTestId('meetings-back').click();
  quorumChanged = { page: staff, workspaceId };
  await staff.locator('#quorum-kind').selectOption('atLeastCount');
  await staff.locator('#quorum-count').fill('2');
  await staff.getByLabel('代理出席を出席に数える').uncheck();
  await staff.getByTestId('quorum-save').click();
  await expect(staff.getByTestId('quorum-rule')).toHaveText('委員（座長・座長代理を含む）の2名以上の出席で成立します。代理出席は出席に数えません。');
  await staff.getByTestId('meeting-row').filter({ hasText: '令和12年度 第1回' }).getByTestId('meeting-link').click();
  await expect(quorum).toHaveText(/定足数 2 \/ 出席 1 — 不成立/);
  await staff.getByTestId('meetings-back').click();
  await staff.locator('#quorum-kind').selectOption('moreThanHalf');
  await staff.getByLabel('代理出席を出席に数える').check();
  await staff.getByTestId('quorum-save').click();
  await expect(staff.getByTestId('quorum-rule')).toHaveText('委員（座長・座長代理を含む）の過半数の出席で成立します。代理出席を出席に数えます。');
  quorumChanged = null;
  await staff.getByTestId('meeting-row').filter({ hasText: '令和12年度 第1回' }).getByTestId('meeting-link').click();
  await expect(quorum).toHaveText(/定足数 2 \/ 出席 2 — 成立/);

  // Held, it cannot be deleted; back to scheduled, it can (with a confirmation).
  await staff.getByTestId('meeting-mark-held').click();
  await expect(staff.getByTestId('meeting-status')).toHaveText('開催済み');
  await expect(staff.getByTestId('meeting-delete')).toHaveCount(0);
  await staff.getByTestId('meeting-mark-scheduled').click();
  await expect(staff.getByTestId('meeting-status')).toHaveText('予定');
  await staff.getByTestId('meeting-delete').click();
  await staff.getByTestId('meeting-delete-dialog-confirm').click();
  await expect(staff.getByTestId('meetings-page')).toBeVisible();
  await expect(staff.getByTestId('meeting-row')).toHaveCount(before);
  created = null;
  await staff.context().close();
});

test('an agenda item links a KPI of the plan, chosen in labelled selects, and the link opens the measure table at it', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  await staff.getByTestId('council-meetings-link').first().click();
  await expect(staff.getByTestId('meetings-page')).toBeVisible();
  const workspaceId = /\/councils\/([^/]+)\/meetings/.exec(staff.url())![1]!;
  const made = await staff.request.post(`/api/workspaces/${workspaceId}/meetings`, { data: { kind: 'regular', date: '2031-02-20', title: '指標の確認' } });
  expect(made.status()).toBe(201);
  const meetingId = (await made.json()).meeting.id as string;
  created = { page: staff, workspaceId, meetingId };
  await staff.goto(`/councils/${workspaceId}/meetings/${meetingId}`);

  await addItem(staff, '成果指標の進捗', async (dialog) => {
    // Every picker is a plain labelled select (reached with Tab, chosen with the arrow keys).
    await dialog.getByLabel('種類').selectOption('kpi');
    await dialog.getByLabel('計画', { exact: true }).selectOption({ label: DEMO_PLAN_TITLE });
    await dialog.getByLabel('成果指標', { exact: true }).selectOption({ index: 1 });
    await dialog.getByTestId('agenda-link-add').focus();
    await staff.keyboard.press('Enter');
    await expect(dialog.getByTestId('agenda-item-links')).toContainText('指標①');
  });
  const link = agendaItem(staff, '成果指標の進捗').getByRole('link', { name: /指標①/ });
  await expect(link).toHaveAttribute('href', /^\/plans\/[^/?#]+#kpi-[^#]+$/);
  const kpiId = decodeURIComponent(/#kpi-(.+)$/.exec((await link.getAttribute('href'))!)![1]!);
  await link.click();
  // The plan page opens on 施策・事業・成果指標 with that KPI's card shown.
  await expect(staff.getByTestId('plan-tab-measures')).toHaveAttribute('aria-selected', 'true');
  await expect(staff.locator(`[data-testid="kpi-card"][data-kpi-id="${kpiId}"]`)).toBeVisible();
});
