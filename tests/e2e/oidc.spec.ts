import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { signedIn } from '../support/http';
import { type TestProvider, startTestProvider } from '../support/oidcProvider';
import { type TestServer, startServer, tempDataDir } from '../support/server';
import { expectNoSeriousA11yViolations } from './support';

/**
 * Sign-in with the city's identity provider in a browser: a real OpenID provider (oidc-provider,
 * its development login and consent pages) on loopback, and two Sakutei servers of this spec's
 * own (the shared demo server has no provider): one with passwords, one with them turned off.
 * `OIDC_SHOTS=<dir>` writes screenshots at 1440 and 390 px.
 */

const SHOTS = process.env.OIDC_SHOTS;
const PROVIDER = 'テスト市職員ID';
let provider: TestProvider;
let server: TestServer;
let passwordOff: TestServer;
const dirs: string[] = [];

test.beforeAll(async () => {
  // Two servers of its own start here: give a loaded machine time.
  test.setTimeout(120_000);
  provider = await startTestProvider();
  const env = {
    SAKUTEI_OIDC_ISSUER: provider.issuer,
    SAKUTEI_OIDC_CLIENT_ID: provider.clientId,
    SAKUTEI_OIDC_CLIENT_SECRET: provider.clientSecret,
    SAKUTEI_OIDC_NAME: PROVIDER,
  };
  dirs.push(tempDataDir(), tempDataDir());
  [server, passwordOff] = await Promise.all([
    startServer({ dataDir: dirs[0]!, env }),
    startServer({ dataDir: dirs[1]!, env: { ...env, SAKUTEI_PASSWORD_LOGIN: '0' } }),
  ]);
  provider.register(`${server.url}/api/auth/oidc/callback`, `${passwordOff.url}/api/auth/oidc/callback`);
});

test.afterAll(async () => {
  await Promise.all([server?.stop(), passwordOff?.stop(), provider?.stop()]);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(browser: Browser, base: TestServer, url: string, width = 1440): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width, height: width > 800 ? 900 : 844 }, baseURL: base.url });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `oidc-${name}.png`), fullPage: true });
}

/** The provider's own login and consent pages (oidc-provider's devInteractions). */
async function atProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('an existing account signs in with the provider; an unknown address is told why not', async ({ browser }) => {
  provider.accounts.set('e2e-staff', { email: 'staff@example.jp', email_verified: true, name: '事務局' });
  provider.accounts.set('e2e-stranger', { email: 'stranger@example.jp', email_verified: true, name: '部外者' });

  for (const width of [1440, 390]) {
    const page = await open(browser, server, '/', width);
    await expect(page.getByTestId('sso-sign-in')).toHaveText(`${PROVIDER}でログイン`);
    await expect(page.locator('#password')).toBeVisible();
    await shot(page, `sign-in-${width}`);
    if (width === 1440) await expectNoSeriousA11yViolations(page);
    await page.context().close();
  }

  const page = await open(browser, server, '/');
  await page.getByTestId('sso-sign-in').click();
  await atProvider(page, 'e2e-staff');
  await expect(page.getByTestId('current-user-name')).toBeVisible();
  await page.context().close();

  for (const width of [1440, 390]) {
    const refused = await open(browser, server, '/', width);
    await refused.getByTestId('sso-sign-in').click();
    await atProvider(refused, 'e2e-stranger');
    await expect(refused.getByTestId('sso-error')).toContainText('このメールアドレスのアカウントはありません');
    await expect(refused.getByTestId('current-user-name')).toHaveCount(0);
    await shot(refused, `refused-${width}`);
    await refused.context().close();
  }
});

test('an invitee joins with 「…でログインして参加」 and gets the provider’s name', async ({ browser }) => {
  const staff = await signedIn(server.url, 'staff@example.jp');
  const workspaceId = (await staff.plans())[0]!.workspaceId;
  const email = `e2e-sso-${Date.now().toString(36)}@example.jp`;
  const made = await staff.request('POST', `/api/workspaces/${workspaceId}/invitations`, { email, role: 'member' });
  expect(made.status).toBe(201);
  provider.accounts.set('e2e-invitee', { email, email_verified: true, name: '招待 太郎' });

  const phone = await open(browser, server, made.body.linkPath, 390);
  await expect(phone.getByTestId('sso-join')).toBeVisible();
  await shot(phone, `invite-390`);
  await phone.context().close();

  const page = await open(browser, server, made.body.linkPath);
  await expect(page.getByTestId('sso-join')).toHaveText(`${PROVIDER}でログインして参加`);
  await shot(page, `invite-1440`);
  await page.getByTestId('sso-join').click();
  await atProvider(page, 'e2e-invitee');
  await expect(page.getByTestId('current-user-name')).toContainText('招待 太郎');
  await page.context().close();
});

test('with passwords off the sign-in page offers only the provider', async ({ browser }) => {
  provider.accounts.set('e2e-member', { email: 'member@example.jp', email_verified: true, name: '委員' });
  for (const width of [1440, 390]) {
    const page = await open(browser, passwordOff, '/', width);
    await expect(page.getByTestId('sso-sign-in')).toBeVisible();
    await expect(page.locator('#password')).toHaveCount(0);
    await expect(page.locator('#email')).toHaveCount(0);
    await shot(page, `password-off-${width}`);
    if (width === 390) {
      await page.getByTestId('sso-sign-in').click();
      await atProvider(page, 'e2e-member');
      await expect(page.getByTestId('current-user-name')).toBeVisible();
    }
    await page.context().close();
  }
});
