/// <reference lib="dom" />
import { type Page, expect, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, signedInPage } from './support';

/** A JSON call from inside the signed-in page, as the app itself makes it. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<any> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { method, path, body },
  );
}

const SHOTS = '/work/notes/shots';

test('a 対応方針 recorded on my opinion reaches me in the bell, opens my thread, and I choose how mail comes', async ({ browser }) => {
  const member = await signedInPage(browser, 'member@example.jp');
  const staff = await signedInPage(browser, 'staff@example.jp');
  const plan = ((await api(member, 'GET', '/api/plans')).plans as Array<{ id: string; title: string }>).find((p) => p.title === DEMO_PLAN_TITLE)!;
  const node = (await api(member, 'GET', `/api/plans/${plan.id}/measures`)).table.nodes[0] as { id: string };
  // Its own words on each try: a retry finds the first try's thread still there.
  const opinion = `通知の確認用の意見です（${test.info().retry + 1}）。`;
  const created = await api(member, 'POST', `/api/plans/${plan.id}/threads`, {
    anchor: { kind: 'measure', target: { kind: 'node', id: node.id, field: null }, quote: '施策' },
    body: opinion,
  });
  const threadId = created.thread.id as string;
  await api(staff, 'PUT', `/api/threads/${threadId}/disposition`, { disposition: 'reflect', response: '次の版で反映します。' });

  await member.reload();
  await expect(member.getByTestId('notifications-unread')).not.toHaveText('0');
  await member.getByTestId('notifications-button').click();
  const item = member.getByTestId('notification').filter({ hasText: '次の版で反映します。' }).first();
  await expect(item).toContainText('対応方針を記録');
  await expect(item).toContainText('事務局 高橋美咲');
  await expect(item).toContainText('【反映する】');

  // The e-mail choice, from the bell. This server sends no mail: it says so, and keeps the choice.
  await member.getByTestId('notifications-settings').click();
  const settings = member.getByTestId('notification-settings');
  await expect(settings.getByRole('group', { name: '通知をメールで受け取る方法' })).toBeVisible();
  await expect(member.getByTestId('notification-email-immediate')).toBeChecked();
  await expect(settings).toContainText('メールを送信する設定になっていません');
  await member.getByTestId('notification-email-daily').check();
  await expect(settings.getByRole('status')).toHaveText('保存しました。');
  await member.setViewportSize({ width: 1440, height: 900 });
  await member.screenshot({ path: `${SHOTS}/mail-bell-settings-1440.png` });
  await member.setViewportSize({ width: 390, height: 844 });
  await member.screenshot({ path: `${SHOTS}/mail-bell-settings-390.png` });
  await member.setViewportSize({ width: 1280, height: 800 });
  expect((await api(member, 'GET', '/api/me/notification-settings')).email).toBe('daily');
  // Leave the demo account as it was found.
  await member.getByTestId('notification-email-immediate').check();
  await expect(member.getByTestId('notification-email-immediate')).toBeChecked();
  await expect.poll(async () => (await api(member, 'GET', '/api/me/notification-settings')).email).toBe('immediate');

  // The notification opens the thread it is about.
  await item.click();
  await expect(member).toHaveURL(new RegExp(`/plans/${plan.id}#thread-${threadId}$`));
  await expect(member.locator(`#thread-${threadId}`)).toContainText(opinion);
  await member.screenshot({ path: `${SHOTS}/mail-thread-opened-1280.png` });

  await member.context().close();
  await staff.context().close();
});

test("a review notification's link opens its revision in the 版・審議 tab", async ({ browser }) => {
  const member = await signedInPage(browser, 'member@example.jp');
  const plan = ((await api(member, 'GET', '/api/plans')).plans as Array<{ id: string; title: string }>).find((p) => p.title === DEMO_PLAN_TITLE)!;
  const revisions = (await api(member, 'GET', `/api/plans/${plan.id}/revisions`)).revisions as Array<{ id: string; name: string }>;
  const revision = revisions[0]!;
  // The link the bell and the e-mail give for a review step (nothing is changed to make one).
  await member.goto(`/plans/${plan.id}?revision=${revision.id}#revisions`);
  await expect(member.getByTestId('plan-tab-revisions')).toHaveAttribute('aria-selected', 'true');
  const reader = member.getByTestId('revision-reader');
  await expect(reader).toHaveAttribute('data-revision-id', revision.id);
  await expect(reader).toContainText(revision.name);
  await member.screenshot({ path: `${SHOTS}/mail-revision-link-1280.png` });
  await member.context().close();

  // Opened from the mail while signed out: the sign-in page keeps the whole link, #fragment too.
  const fresh = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await fresh.goto(`/plans/${plan.id}?revision=${revision.id}#revisions`);
  await expect(fresh).toHaveURL(/\/sign-in\?next=/);
  await fresh.locator('#email').fill('member@example.jp');
  await fresh.locator('#password').fill('sakutei-demo');
  await fresh.getByRole('button', { name: 'ログイン' }).click();
  await expect(fresh.getByTestId('plan-tab-revisions')).toHaveAttribute('aria-selected', 'true');
  await expect(fresh.getByTestId('revision-reader')).toHaveAttribute('data-revision-id', revision.id);
  await fresh.context().close();
});
