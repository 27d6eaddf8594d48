import { type Page, expect, test } from '@playwright/test';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, signedInPage, signedInPageAt } from './support';

/*
 * The calendar of the plan cycle: a member opens it from the meeting list on this fiscal year
 * (the demo meeting in its month), moves to a later year with 次の年度 and finds a meeting staff
 * set there, and opens it; on a phone it fits the width. The meeting is deleted afterwards,
 * pass or fail, so the demo council is left as found.
 */

let created: { page: Page; workspaceId: string; meetingId: string } | null = null;
test.afterEach(async () => {
  if (!created) return;
  const { page, workspaceId, meetingId } = created;
  created = null;
  expect((await page.request.delete(`/api/workspaces/${workspaceId}/meetings/${meetingId}`)).ok()).toBe(true);
});

async function openCalendar(page: Page): Promise<string> {
  await page.getByTestId('council-meetings-link').first().click();
  await expect(page.getByTestId('meetings-page')).toBeVisible();
  await page.getByTestId('meetings-calendar-link').click();
  await expect(page.getByTestId('meeting-calendar-page')).toBeVisible();
  await expect(page.getByTestId('calendar-year')).toBeVisible();
  return /\/councils\/([^/]+)\/meetings\/calendar/.exec(page.url())![1]!;
}

test('a member reads the fiscal year by month, moves between years and opens a meeting from it', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const member = await signedInPage(browser, 'member@example.jp');
  const workspaceId = await openCalendar(member);

  // This fiscal year first: twelve months from April, no 今年度 link (it is this year).
  await expect(member.getByTestId('calendar-month')).toHaveCount(12);
  await expect(member.getByTestId('calendar-month').first()).toContainText('4月');
  await expect(member.getByTestId('calendar-this-year')).toHaveCount(0);
  // The demo meeting (令和9年1月21日) is in 令和8年度's January, the year's turn said in its heading.
  await member.goto(`/councils/${workspaceId}/meetings/calendar?fy=2026`);
  const january = member.locator('[data-month="2027-1"]');
  await expect(january).toContainText('2027年1月');
  await expect(january.locator('[data-kind="meeting"]').filter({ hasText: '令和8年度 第1回' })).toContainText('21日（木）');
  await expectNoSeriousA11yViolations(member, { include: '[data-testid="meeting-calendar-page"]', label: 'calendar 1440' });

  // A meeting staff set in June of a year far ahead, found by moving to it year by year.
  const res = await staff.request.post(`/api/workspaces/${workspaceId}/meetings`, { data: { kind: 'extraordinary', date: '2031-06-10', startTime: '10:00', title: '暦の確認' } });
  expect(res.ok()).toBe(true);
  const meetingId = (await res.json()).meeting.id as string;
  created = { page: staff, workspaceId, meetingId };

  await member.goto(`/councils/${workspaceId}/meetings/calendar?fy=2030`);
  await expect(member.getByTestId('calendar-year')).toHaveAttribute('data-fiscal-year', '2030');
  await expect(member.locator(`[data-meeting-id="${meetingId}"]`)).toHaveCount(0);
  // By keyboard: the year changes under the link, which keeps the focus for the next press.
  await member.getByTestId('calendar-next').focus();
  await member.keyboard.press('Enter');
  await expect(member).toHaveURL(/\?fy=2031$/);
  await expect(member.getByTestId('calendar-year')).toHaveText('令和13年度（2031年4月〜2032年3月）');
  await expect(member.getByTestId('calendar-next')).toBeFocused();
  await expect(member.getByRole('status').filter({ hasText: '令和13年度を表示しています。' })).toBeAttached();
  const june = member.getByTestId('calendar-month').filter({ has: member.locator(`[data-meeting-id="${meetingId}"]`) });
  await expect(june).toHaveAttribute('data-month', '2031-6');
  await expect(june).toContainText('10日（火）');
  await expect(june).toContainText('臨時');
  await expect(june).toContainText('予定');
  // Back returns to the year before; the meeting's link opens its page.
  await member.goBack();
  await expect(member.getByTestId('calendar-year')).toHaveAttribute('data-fiscal-year', '2030');
  await member.goForward();
  await member.locator(`[data-meeting-id="${meetingId}"]`).getByRole('link', { name: '令和13年度 第1回' }).click();
  await expect(member).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
});

test('on a phone the calendar fits the width and stays accessible', async ({ browser }) => {
  const phone = await signedInPageAt(browser, 'member@example.jp', { width: 390, height: 844 });
  await openCalendar(phone);
  await expect(phone.getByTestId('calendar-month')).toHaveCount(12);
  await expectNoHorizontalOverflow(phone, 'calendar 390');
  await expectNoSeriousA11yViolations(phone, { include: '[data-testid="meeting-calendar-page"]', label: 'calendar 390' });
  await phone.getByTestId('calendar-previous').click();
  await expect(phone).toHaveURL(/\?fy=\d{4}$/);
  await expect(phone.getByTestId('calendar-this-year')).toBeVisible();
  await expectNoHorizontalOverflow(phone, 'calendar 390, previous year');
});
