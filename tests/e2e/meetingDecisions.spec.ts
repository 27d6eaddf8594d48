import { type Page, expect, test } from '@playwright/test';
import { signedInPage } from './support';

// Decisions in a meeting (issue 17 item 5): staff record 議決 on an agenda item (a vote beyond
// the voters present is refused in the dialog), remove one; the chair sends back a revision
// under review from the agenda item that links it; the revision page names the meeting and
// links back. The meeting is the test's own (2031) and deleted afterwards; the revision it
// freezes stays, as every frozen revision does, its review decided (sent back, never
// approved, so the demo's approved version stays the latest) or withdrawn after a failure.
const REVISION = 'E2E会議で審議する版';
const DATE = '2031-07-03';

type Api = (method: string, path: string, data?: unknown) => Promise<any>;
const apiOf =
  (page: Page): Api =>
  async (method, path, data) => {
    const res = await page.request.fetch(path, { method, data, headers: { origin: new URL(page.url()).origin } });
    const body = await res.json().catch(() => null);
    expect(res.status(), `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(300);
    return body;
  };

test.afterEach(async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const api = apiOf(staff);
  const [plan] = (await api('GET', '/api/plans')).plans;
  const meetings = (await api('GET', `/api/workspaces/${plan.workspaceId}/meetings`)).meetings as Array<{ id: string; date: string; status: string }>;
  for (const m of meetings.filter((m) => m.date === DATE)) {
    const { meeting } = await api('GET', `/api/workspaces/${plan.workspaceId}/meetings/${m.id}`);
    let version = meeting.version;
    if (meeting.status !== 'scheduled') version = (await api('PATCH', `/api/workspaces/${plan.workspaceId}/meetings/${m.id}`, { version, status: 'scheduled' })).meeting.version;
    await api('DELETE', `/api/workspaces/${plan.workspaceId}/meetings/${m.id}`);
  }
  // A review left open (a failure midway) would keep the revision waiting on every later spec.
  const revisions = (await api('GET', `/api/plans/${plan.id}/revisions`)).revisions as Array<{ id: string; name: string; review: { status: string } }>;
  for (const r of revisions.filter((r) => r.name === REVISION && r.review.status === 'in_review')) await api('POST', `/api/revisions/${r.id}/withdraw`);
  await staff.context().close();
});

test('staff record decisions on agenda items; the chair sends a revision back from the item; the revision names the meeting', async ({ browser }) => {
  // Three people signed in on a machine shared with other work: generous, never a measure of speed.
  test.setTimeout(180_000);
  const staff = await signedInPage(browser, 'staff@example.jp');
  const api = apiOf(staff);
  const [plan] = (await api('GET', '/api/plans')).plans;
  const ws = plan.workspaceId;
  // The sitting is prepared through the API (the meetings spec covers doing it on the page).
  const revision = (await api('POST', `/api/plans/${plan.id}/revisions`, { name: REVISION, stage: '素案' })).revision;
  await api('POST', `/api/revisions/${revision.id}/review`, {});
  let m = (await api('POST', `/api/workspaces/${ws}/meetings`, { kind: 'regular', date: DATE, startTime: '10:00', title: 'E2E 決定の記録' })).meeting;
  m = (
    await api('PUT', `/api/workspaces/${ws}/meetings/${m.id}/agenda`, {
      version: m.version,
      items: [{ title: '素案について', links: [{ kind: 'revision', revisionId: revision.id }] }, { title: '重点事業について' }],
    })
  ).meeting;
  const voters = m.attendance.filter((a: { role: string }) => a.role !== 'staff');
  await api('PUT', `/api/workspaces/${ws}/meetings/${m.id}/attendance`, { version: m.version, entries: voters.map((a: { userId: string }) => ({ userId: a.userId, attendance: 'present' })) });
  const meetingPath = `/councils/${ws}/meetings/${m.id}`;

  await staff.goto(meetingPath);
  const second = staff.getByTestId('agenda-item').nth(1);
  await second.getByTestId('decision-record').click();
  const dialog = staff.getByTestId('decision-dialog');
  await dialog.getByTestId('decision-text').fill('原案のとおり可決');
  await dialog.getByTestId('decision-vote-counts').check();
  await dialog.getByTestId('decision-count-for').fill(String(voters.length + 1));
  await dialog.getByTestId('decision-save').click();
  await expect(dialog.getByTestId('decision-problem')).toContainText('超えています');
  await dialog.getByTestId('decision-count-for').fill(String(voters.length - 1));
  await dialog.getByTestId('decision-count-against').fill('1');
  await dialog.getByTestId('decision-save').click();
  await expect(dialog).toBeHidden();
  await expect(second.getByTestId('decision')).toHaveCount(1);
  await expect(second.getByTestId('decision')).toContainText(`議決原案のとおり可決（賛成 ${voters.length - 1}・反対 1・棄権 0）`);

  // A report, then removed with confirmation.
  await second.getByTestId('decision-record').click();
  await dialog.getByTestId('decision-kind-report').check();
  await dialog.getByTestId('decision-text').fill('事務局から報告');
  await dialog.getByTestId('decision-save').click();
  await expect(second.getByTestId('decision')).toHaveCount(2);
  await second.getByTestId('decision').filter({ hasText: '事務局から報告' }).getByTestId('decision-remove').click();
  await staff.getByTestId('decision-remove-dialog').getByRole('button', { name: '削除する' }).click();
  await expect(second.getByTestId('decision')).toHaveCount(1);
  // Staff do not decide reviews: no review action for them.
  await expect(staff.getByTestId('agenda-item-review')).toHaveCount(0);

  // The chair sends the revision back from the agenda item that links it.
  const chair = await signedInPage(browser, 'chair@example.jp');
  await chair.goto(meetingPath);
  const first = chair.getByTestId('agenda-item').first();
  await first.getByTestId('agenda-review-return').click();
  const returning = chair.getByTestId('agenda-review-return-dialog');
  await returning.getByTestId('agenda-review-reason').fill('数値目標の根拠を示すこと');
  await returning.getByRole('button', { name: '差し戻す' }).click();
  await expect(first.locator('[data-kind="reviewReturned"]')).toContainText('数値目標の根拠を示すこと');
  await expect(first.getByTestId('agenda-item-review')).toHaveCount(0);

  // The revision page names the meeting and links back to it.
  const member = await signedInPage(browser, 'member@example.jp');
  await member.goto(`/plans/${plan.id}#revisions`);
  const line = member.getByTestId('review-decided-in-meeting');
  await expect(line).toHaveCount(1);
  await expect(line).toHaveText(/^第\d+回会議（令和13年7月3日）で差し戻し$/);
  await line.getByRole('link').click();
  await expect(member).toHaveURL(new RegExp(`${meetingPath}$`));
  await expect(member.getByTestId('agenda-item').first().locator('[data-kind="reviewReturned"]')).toBeVisible();

  for (const page of [staff, chair, member]) await page.context().close();
});
