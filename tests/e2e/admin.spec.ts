import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { startServer, tempDataDir } from '../support/server';
import { expectNoSeriousA11yViolations } from './support';

/**
 * The administration area, from the demo's administrator (admin@example.jp): create a council,
 * appoint its chair, deactivate and reactivate that chair's account. Everything it touches is
 * its own (a new council, an account made here), so the shared demo council stays as it was.
 * The first run happens on a server of its own (empty folder, demo mode off).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.E2E_PORT ?? 18787);
const dataDir = path.join(root, `tests/.tmp/e2e-data-${port}`);
const SHOTS = process.env.ADMIN_SHOTS;

/** An account of our own, through the CLI on the running server's data (invitations are another page's). */
function addAccount(email: string, name: string, password: string): void {
  // The CLI reads the password from stdin, never from its command line.
  execFileSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'server/src/cli.ts'), 'user', 'add', '--email', email, '--name', name], {
    cwd: root,
    env: { ...process.env, SAKUTEI_DATA_DIR: dataDir },
    input: `${password}\n`,
  });
}

async function signIn(browser: Browser, email: string, password: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('current-user-name')).toBeVisible();
  return page;
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `admin-${name}.png`), fullPage: true });
}

test('an administrator creates a council, appoints its chair, and deactivates and reactivates an account', async ({ browser }) => {
  // A CLI process and four sign-ins: over a minute on a busy two-core machine.
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const council = `検証協議会 ${suffix}`;
  const chairEmail = `chair-${suffix}@example.jp`;
  const chairPassword = 'e2e-chair-password';
  addAccount(chairEmail, `座長 検証${suffix}`, chairPassword);

  const admin = await signIn(browser, 'admin@example.jp', 'sakutei-demo');
  // On no council, the administrator lands in the administration, not on an empty plan list.
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByTestId('admin-link').click();
  await expect(admin.getByRole('heading', { level: 1, name: 'システム管理' })).toBeVisible();
  await expect(admin.getByTestId('councils-table')).toContainText('福島市中小企業振興会議');
  await expect(admin.locator('[data-testid="council-row"][data-name="福島市中小企業振興会議"]').getByTestId('council-secretariat')).toContainText('事務局：事務局 高橋美咲');

  // Create, by keyboard: the dialog opens with the name field focused, Enter confirms.
  await admin.getByTestId('council-create').click();
  const create = admin.getByTestId('council-create-dialog');
  await expect(create.getByTestId('council-name')).toBeFocused();
  await admin.keyboard.type(council);
  await admin.keyboard.press('Enter');
  await expect(create).toHaveCount(0);
  const row = admin.locator(`[data-testid="council-row"][data-name="${council}"]`);
  await expect(row).toContainText('未任命');
  await expect(row.getByTestId('council-no-secretariat')).toContainText('事務局なし');

  // Someone without an account: told so, and the dialog stays open.
  await row.getByTestId('council-appoint').click();
  const appoint = admin.getByTestId('council-appoint-dialog');
  await appoint.getByTestId('appoint-email').fill(`nobody-${suffix}@example.jp`);
  await appoint.getByTestId('council-appoint-dialog-confirm').click();
  await expect(appoint.getByTestId('council-appoint-dialog-error')).toContainText('アカウントはありません');
  await appoint.getByTestId('appoint-email').fill(chairEmail);
  await appoint.getByTestId('appoint-role').selectOption('chair');
  await shot(admin, 'appoint-1440');
  await expectNoSeriousA11yViolations(admin, { label: 'the appoint dialog' });
  await appoint.getByTestId('council-appoint-dialog-confirm').click();
  await expect(appoint).toHaveCount(0);
  await expect(row.getByTestId('council-leader')).toContainText(`座長：座長 検証${suffix}`);
  await shot(admin, 'councils-1440');
  await expectNoSeriousA11yViolations(admin, { label: 'the councils page' });

  // The chair signs in elsewhere; deactivating them signs them out there.
  const chair = await signIn(browser, chairEmail, chairPassword);
  await admin.getByTestId('admin-tab-adminAccounts').click();
  const account = admin.locator(`[data-testid="account-row"][data-email="${chairEmail}"]`);
  await expect(account).toContainText(`${council}（座長）`);
  await account.getByTestId('account-deactivate').click();
  await expect(admin.getByTestId('account-confirm')).toContainText('アカウントを停止しますか');
  await shot(admin, 'deactivate-1440');
  await admin.getByTestId('account-confirm-confirm').click();
  await expect(account.getByTestId('account-state')).toHaveText('停止中');
  await shot(admin, 'accounts-1440');
  await expectNoSeriousA11yViolations(admin, { label: 'the accounts page' });

  await chair.reload();
  await expect(chair.getByRole('heading', { name: 'ログイン' })).toBeVisible();
  await chair.locator('#email').fill(chairEmail);
  await chair.locator('#password').fill(chairPassword);
  await chair.getByRole('button', { name: 'ログイン' }).click();
  await expect(chair.getByTestId('sign-in-error')).toContainText('停止されています');

  await account.getByTestId('account-reactivate').click();
  await admin.getByTestId('account-confirm-confirm').click();
  await expect(account.getByTestId('account-state')).toHaveText('利用中');
  await chair.getByRole('button', { name: 'ログイン' }).click();
  await expect(chair.getByTestId('current-user-name')).toBeVisible();

  // Made an administrator, the chair gets the 管理 link; taken away, it is gone.
  await account.getByTestId('account-admin').click();
  await admin.getByTestId('account-admin-confirm-confirm').click();
  await expect(account).toContainText('管理者');
  await chair.reload();
  await expect(chair.getByTestId('admin-link')).toBeVisible();
  await account.getByTestId('account-admin').click();
  await admin.getByTestId('account-admin-confirm-confirm').click();
  await expect(account.getByTestId('account-admin')).toHaveText('管理者にする');
  await chair.reload();
  await expect(chair.getByTestId('current-user-name')).toBeVisible();
  await expect(chair.getByTestId('admin-link')).toHaveCount(0);

  // Tidy: the council goes to the archive (nothing is ever deleted), after a confirmation.
  await admin.getByTestId('admin-tab-adminCouncils').click();
  await row.getByTestId('council-archive').click();
  await admin.getByTestId('council-archive-dialog-confirm').click();
  await expect(row).toContainText('アーカイブ済み');

  if (SHOTS) {
    const phone = await signIn(browser, 'admin@example.jp', 'sakutei-demo', { width: 390, height: 844 });
    await phone.goto('/admin');
    await expect(phone.getByTestId('councils-table')).toBeVisible();
    await shot(phone, 'councils-390');
    await phone.goto('/admin/accounts');
    await expect(phone.getByTestId('accounts-table')).toBeVisible();
    await shot(phone, 'accounts-390');
    await phone.goto('/admin');
    await phone.getByTestId('council-create').click();
    await shot(phone, 'create-390');
    await phone.context().close();
  }
  await chair.context().close();
  await admin.context().close();
});

test('a member is not offered the administration area', async ({ browser }) => {
  const member = await signIn(browser, 'member@example.jp', 'sakutei-demo');
  await expect(member.getByTestId('admin-link')).toHaveCount(0);
  await member.goto('/admin');
  await expect(member.getByTestId('councils-table')).toHaveCount(0);
  await member.context().close();
});

test('first run: the printed setup link makes the first administrator, who creates the first council', async ({ browser }) => {
  // A server of its own on an empty folder with demo mode off: the shared demo server has administrators.
  const dataDir = tempDataDir();
  const server = await startServer({ dataDir, env: { SAKUTEI_DEMO: '0' } });
  try {
    const link = /(http:\/\/\S+\/setup#token=\S+)/.exec(server.output())?.[1];
    expect(link, server.output()).toBeDefined();
    const context = await browser.newContext({ locale: 'ja-JP', baseURL: server.url });
    const page = await context.newPage();
    await page.goto(link!);
    await page.getByTestId('setup-name').fill('事務局 管理者');
    await page.getByTestId('setup-email').fill('kanri@city.example.jp');
    await page.getByTestId('setup-password').fill('short');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByText('パスワードは10文字以上にしてください。')).toBeVisible();
    await page.getByTestId('setup-password').fill('first-admin-password');
    await page.getByTestId('setup-submit').click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId('current-user-name')).toContainText('事務局 管理者');
    await expect(page.getByText('協議会はまだありません')).toBeVisible();
    await page.getByTestId('council-create').click();
    await page.getByTestId('council-name').fill('郡山市産業振興会議');
    await page.getByTestId('council-create-dialog-confirm').click();
    await expect(page.getByTestId('councils-table')).toContainText('郡山市産業振興会議');

    // The link was used up: opened again, the page says the installation is set up.
    await page.goto(link!);
    await expect(page.getByTestId('setup-notice')).toContainText('初期設定は完了しています');
    await context.close();
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
