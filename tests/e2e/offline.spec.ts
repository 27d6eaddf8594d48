import { type BrowserContext, type Page, type WebSocketRoute, expect, request, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, signedInPage, typeAtEnd } from './support';

/**
 * The network, under the test's hand: every plan socket passes through here, so the test can
 * cut them (and refuse new ones) the way a dropped Wi-Fi would, besides telling the browser
 * it is offline. Page-side routing: the server never sees a socket the test refused.
 */
async function controlNetwork(context: BrowserContext) {
  let cut = false;
  const live = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/collab\//, (ws) => {
    if (cut) {
      // 4000: an ordinary drop, after which the client keeps retrying.
      void ws.close({ code: 4000, reason: 'offline' });
      return;
    }
    ws.connectToServer();
    live.add(ws);
    ws.onClose(() => live.delete(ws));
  });
  return {
    async offline() {
      cut = true;
      await context.setOffline(true);
      for (const ws of live) await ws.close({ code: 4000, reason: 'offline' });
      live.clear();
    },
    async online() {
      cut = false;
      await context.setOffline(false);
    },
  };
}

// Each test walks several pages and contexts through sign-in, sync and reload, on shared cores.
test.describe.configure({ timeout: 180_000 });

/**
 * support.ts's openDemoPlan with patience: these tests run several browsers at once on cores
 * other work shares, and the first load of the editor's chunk can take longer than 10 s there.
 */
async function openDemoPlan(page: Page): Promise<void> {
  await page.getByRole('link', { name: DEMO_PLAN_TITLE }).click();
  const link = page.getByTestId('connection-status');
  await expect(link).toHaveAttribute('data-status', 'connected', { timeout: 60_000 });
  await expect(link).toHaveAttribute('data-synced', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('plan-editor')).toContainText('第1章 中小企業振興プログラムの趣旨', { timeout: 60_000 });
}

const status = (page: Page) => page.getByTestId('connection-status');

async function expectSaved(page: Page): Promise<void> {
  await expect(status(page)).toHaveAttribute('data-save-state', 'saved', { timeout: 30_000 });
  await expect(status(page)).toHaveText('保存済み');
}

/** Entries in this browser's offline copies of plans: each edit adds one as it is made. */
function offlineEntries(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const dbs = (await indexedDB.databases()).filter((db) => db.name?.startsWith('sakutei-plan:'));
    let total = 0;
    for (const { name } of dbs) {
      total += await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name!);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      });
    }
    return total;
  });
}

const offlineDbNames = (page: Page) =>
  page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('sakutei-plan:')),
  );

test('an edit typed offline survives closing the page, warns before closing, and reaches the server on return', async ({ browser }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  const context = page.context();
  const network = await controlNetwork(context);
  await openDemoPlan(page);
  await expectSaved(page);

  await network.offline();
  await expect(status(page)).toHaveAttribute('data-save-state', 'offline');
  const before = await offlineEntries(page);
  const line = '通信が切れている間に書いた一文：商店街の空き店舗対策を重点化する。';
  await typeAtEnd(page, line);
  await expect(status(page)).toHaveText(/^オフライン（未送信 \d+ 件）$/);
  await expect(page.getByTestId('offline-note')).toContainText('この端末に保存');
  // Every keystroke is in IndexedDB before the tab goes.
  await expect.poll(() => offlineEntries(page)).toBeGreaterThanOrEqual(before + line.length);

  // Closing now asks first; staying keeps the page.
  const prompt = new Promise<string>((resolve) => page.once('dialog', (dialog) => {
    resolve(dialog.type());
    void dialog.dismiss();
  }));
  await page.close({ runBeforeUnload: true });
  expect(await prompt).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // Nobody else has it yet: the server never saw it.
  const other = await signedInPage(browser, 'member2@example.jp');
  await openDemoPlan(other);
  await expect(other.getByTestId('plan-editor')).not.toContainText(line);

  await page.close();
  await network.online();
  const reopened = await context.newPage();
  await reopened.goto('/plans');
  await openDemoPlan(reopened);
  await expect(reopened.getByTestId('plan-editor')).toContainText(line);
  await expectSaved(reopened);
  await expect(reopened.getByTestId('saved-at')).toHaveText(/^\d{2}:\d{2} に保存$/);
  // The co-editor sees it arrive, and a fresh load from the server has it.
  await expect(other.getByTestId('plan-editor')).toContainText(line);
  await other.reload();
  await expect(other.getByTestId('plan-editor')).toContainText(line);

  // Saved: closing no longer asks.
  let asked = false;
  reopened.on('dialog', (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await reopened.close({ runBeforeUnload: true });
  await expect.poll(() => reopened.isClosed()).toBe(true);
  expect(asked).toBe(false);

  await context.close();
  await other.context().close();
});

test('an expired session says so, keeps the page’s edits, and sends them after signing in again', async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  const context = page.context();
  const network = await controlNetwork(context);
  await openDemoPlan(page);
  await expectSaved(page);

  await network.offline();
  const line = 'セッション切れの前に書いた一文：創業支援の相談窓口を一本化する。';
  await typeAtEnd(page, line);

  // The session ends on the server (as it would by expiry, or a sign-out elsewhere).
  const api = await request.newContext({ baseURL, storageState: await context.storageState() });
  expect((await api.post('/api/auth/sign-out', { headers: { origin: baseURL! } })).ok()).toBe(true);
  await api.dispose();

  await network.online();
  const dialog = page.getByTestId('session-expired');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('セッションの有効期限が切れました');
  // Still the plan page, with the edit, behind the dialog: nothing was unloaded.
  expect(new URL(page.url()).pathname).toMatch(/^\/plans\/[^/]+$/);
  await expect(page.getByTestId('plan-editor')).toContainText(line);
  await expect(status(page)).not.toHaveAttribute('data-save-state', 'saved');
  // Signing out from here would delete the edit the dialog keeps: asked first, as anywhere.
  await page.getByTestId('session-expired-sign-out').click();
  await expect(page.getByTestId('sign-out-unsent')).toContainText(/まだサーバーに保存されていない編集が \d+ 件/);
  await page.getByTestId('sign-out-unsent-cancel').click();
  await expect(page.getByTestId('sign-out-unsent')).toHaveCount(0);
  await expect(dialog).toBeVisible();

  await expect(dialog.getByLabel('メールアドレス')).toHaveValue('member@example.jp');
  await dialog.getByLabel('パスワード').fill('wrong-password');
  await dialog.getByRole('button', { name: 'ログインして続ける' }).click();
  await expect(page.getByTestId('session-expired-error')).toBeVisible();
  await dialog.getByLabel('パスワード').fill('sakutei-demo');
  await dialog.getByRole('button', { name: 'ログインして続ける' }).click();
  await expect(dialog).toHaveCount(0);
  await expectSaved(page);

  const other = await signedInPage(browser, 'member2@example.jp');
  await openDemoPlan(other);
  await expect(other.getByTestId('plan-editor')).toContainText(line);

  await context.close();
  await other.context().close();
});

test('signing out deletes the offline copies of that user’s plans, asking first when edits are unsent', async ({ browser }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  const network = await controlNetwork(page.context());
  await openDemoPlan(page);
  await expectSaved(page);
  await expect.poll(() => offlineDbNames(page)).toHaveLength(1);

  await network.offline();
  await typeAtEnd(page, '送らずに消える一文');
  await page.getByRole('button', { name: 'ログアウト' }).click();
  const ask = page.getByTestId('sign-out-unsent');
  await expect(ask).toContainText(/まだサーバーに保存されていない編集が \d+ 件/);
  await page.getByTestId('sign-out-unsent-cancel').click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId('plan-editor')).toContainText('送らずに消える一文');

  // Signing out needs the API: the browser is back online, the plan's socket still cut.
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.getByTestId('sign-out-unsent-confirm').click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect.poll(() => offlineDbNames(page)).toEqual([]);
  const leftovers = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => /^sakutei-(unsent|offline-docs):/.test(key)),
  );
  expect(leftovers).toEqual([]);
  await page.context().close();
});

test('staff, who write suggestions, keep them offline like edits and are shown the save state', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  await openDemoPlan(staff);
  await expect(status(staff)).toHaveAttribute('data-status', 'connected');
  await expect(status(staff)).toHaveAttribute('data-save-state', 'saved');
  await expect.poll(() => offlineDbNames(staff)).toHaveLength(1);
  await staff.context().close();
});
