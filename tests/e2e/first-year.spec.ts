/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, expect, test } from '@playwright/test';
import { ROOT, type TestServer, startServer, tempDataDir } from '../support/server';
import { type ReceivedMail, type SmtpSink, freePort, startSmtpSink } from '../support/smtpSink';
import { typeAtEnd } from './support';

/**
 * The whole first year of a council on a fresh installation (empty data folder, demo mode off),
 * in the browser alone: the printed setup link → the administrator creates the council and
 * appoints its secretariat and chair → the secretariat invites the members (the invitations
 * arrive at a local SMTP server) → they accept, each in a browser of their own → the secretariat
 * makes a template plan, sets its levels and years in 計画の設定, and makes the working plan
 * from it → members write prose and a measure → the secretariat freezes and opens the review →
 * the chair approves and everyone concerned is told (bell and mail) → the next edition → its
 * 新旧対照表 against last year.
 *
 * The shared webServer runs the demo, so this spec starts a server of its own.
 */

const COUNCIL = '郡山市産業振興会議';
const TEMPLATE = '【雛形】産業振興計画';
const TITLE = '郡山市産業振興計画（令和7年度版）';
const NEXT_TITLE = '郡山市産業振興計画（令和8年度版）';
const PASSWORD = 'first-year-password';

const ADMIN = { name: '事務局 山田太郎', email: 'yamada@city.koriyama.example.jp' };
const CHAIR = { name: '座長 高橋一郎', email: 'takahashi@univ.example.jp' };
const SATO = { name: '委員 佐藤花子', email: 'sato@shokokai.example.jp' };
const SUZUKI = { name: '委員 鈴木次郎', email: 'suzuki@bank.example.jp' };

const PROSE_YEAR_ONE = '市内企業の事業承継を支援し、創業件数を令和７年度までに年間百件とする。';
const MEASURE_YEAR_ONE = '事業承継相談窓口の設置';
const PROSE_YEAR_TWO = '令和８年度は承継後の設備投資への補助を新設する。';
const MEASURE_YEAR_TWO = '事業承継相談窓口の設置・出張相談';

/** FIRST_YEAR_SHOTS=<dir> writes a screenshot of each step there (firstyear-*.png). */
const SHOTS = process.env.FIRST_YEAR_SHOTS;
const VIEWPORT = { width: 1440, height: 900 };

let server: TestServer;
let sink: SmtpSink;
let dataDir: string;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  sink = await startSmtpSink();
  dataDir = tempDataDir();
  const port = await freePort();
  server = await startServer({
    dataDir,
    env: {
      PORT: String(port),
      SAKUTEI_DEMO: '0',
      SAKUTEI_PUBLIC_URL: `http://127.0.0.1:${port}`,
      SAKUTEI_SMTP_URL: sink.url,
      SAKUTEI_MAIL_FROM: '策定支援 <sakutei@city.koriyama.example.jp>',
      SAKUTEI_MAIL_POLL_MS: '100',
      // The test command builds the client first; a client built elsewhere can be named.
      SAKUTEI_CLIENT_DIR: process.env.SAKUTEI_CLIENT_DIR ?? path.join(ROOT, 'client/dist'),
    },
  });
});

test.afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  await server?.stop();
  await sink?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', baseURL: server.url, viewport: VIEWPORT });
  contexts.push(context);
  return context.newPage();
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `firstyear-${name}.png`), fullPage: true });
}

/** The messages that reached `email` so far, by subject. */
const mailTo = (email: string, subject: string | RegExp): ReceivedMail[] =>
  sink.received.filter((m) => m.envelopeTo.includes(email) && (typeof subject === 'string' ? m.subject.includes(subject) : subject.test(m.subject)));

/** Waits until a message with `subject` has reached `email`, and returns it. */
async function mailArrived(email: string, subject: string | RegExp): Promise<ReceivedMail> {
  await expect.poll(() => mailTo(email, subject).length, { message: `mail to ${email} (${subject})`, timeout: 15_000 }).toBeGreaterThan(0);
  return mailTo(email, subject)[0]!;
}

async function openPlan(page: Page, title: string): Promise<void> {
  await page.goto('/plans');
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function waitSynced(page: Page): Promise<void> {
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveAttribute('data-status', 'connected');
  await expect(status).toHaveAttribute('data-synced', 'true');
}

const councilRow = (page: Page) => page.locator(`[data-testid="council-row"][data-name="${COUNCIL}"]`);
const revisionRow = (page: Page, name: string) => page.getByTestId('revision-row').filter({ hasText: name });
const measureTitle = (page: Page, text: string) =>
  page.locator('[data-testid="measure-cell"][data-field="title"]').filter({ hasText: new RegExp(`^${text}`) });

async function appoint(admin: Page, email: string, role: 'chair' | 'staff'): Promise<void> {
  await admin.goto('/admin');
  await councilRow(admin).getByTestId('council-appoint').click();
  const dialog = admin.getByTestId('council-appoint-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('appoint-email').fill(email);
  await dialog.getByTestId('appoint-role').selectOption(role);
  await dialog.getByTestId('council-appoint-dialog-confirm').click();
  await expect(dialog).toBeHidden();
}

async function invite(staff: Page, email: string): Promise<string> {
  await staff.getByTestId('invite-open').click();
  const dialog = staff.getByTestId('invite-dialog');
  await expect(dialog).toBeVisible();
  await staff.locator('#invite-email').fill(email);
  await staff.locator('#invite-role').selectOption('member');
  await staff.getByTestId('invite-submit').click();
  const link = staff.getByTestId('invitation-link');
  await expect(link).toHaveValue(/\/invite#token=[a-z2-7]+$/);
  const shown = await link.inputValue();
  await staff.keyboard.press('Escape');
  await expect(staff.getByTestId('invitation-link-dialog')).toBeHidden();
  await expect(staff.locator(`[data-testid="invitation-row"][data-email="${email}"]`)).toHaveAttribute('data-status', 'pending');
  return shown;
}

/** Opens the link from the invitation mail in a browser of the invitee's own and accepts it. */
async function accept(browser: Browser, person: { name: string; email: string }): Promise<Page> {
  const mail = await mailArrived(person.email, `${COUNCIL}へのご招待`);
  const link = /(http:\/\/\S+\/invite#token=[a-z2-7]+)/.exec(mail.text)?.[1];
  expect(link, mail.text).toBeDefined();
  expect(link!.startsWith(`${server.url}/invite#token=`), link).toBe(true);
  const page = await newPage(browser);
  await page.goto(link!);
  await expect(page.getByTestId('invite-lead')).toContainText(COUNCIL);
  await page.locator('#invite-name').fill(person.name);
  await page.locator('#invite-password').fill(PASSWORD);
  if (person === SATO) await shoot(page, '05-invite-accept');
  await page.getByTestId('invite-accept').click();
  // Signed in and on the plan list (empty yet), on the council as a member.
  await expect(page.getByRole('heading', { level: 1, name: '計画一覧' })).toBeVisible();
  await expect(page.getByRole('region', { name: '参加している協議会' })).toContainText(`${COUNCIL}（委員）`);
  await expect(page.getByTestId('current-user-name')).toContainText(person.name);
  return page;
}

test('the first year of a council, from the setup link to the 新旧対照表 of the next edition', async ({ browser }) => {
  test.setTimeout(180_000);
  let admin!: Page;
  let chair!: Page;
  let sato!: Page;
  let suzuki!: Page;

  await test.step('the printed setup link makes the first administrator', async () => {
    const link = /(http:\/\/\S+\/setup#token=\S+)/.exec(server.output())?.[1];
    expect(link, server.output()).toBeDefined();
    expect(link!.startsWith(`${server.url}/setup#token=`), link).toBe(true);
    admin = await newPage(browser);
    await admin.goto(link!);
    await admin.getByTestId('setup-name').fill(ADMIN.name);
    await admin.getByTestId('setup-email').fill(ADMIN.email);
    await admin.getByTestId('setup-password').fill(PASSWORD);
    await shoot(admin, '01-setup');
    await admin.getByTestId('setup-submit').click();
    await expect(admin).toHaveURL(/\/admin$/);
    await expect(admin.getByTestId('current-user-name')).toContainText(ADMIN.name);
  });

  await test.step('the administrator creates the council and appoints its secretariat (themselves)', async () => {
    await admin.getByTestId('council-create').click();
    await admin.getByTestId('council-name').fill(COUNCIL);
    await admin.getByTestId('council-create-dialog-confirm').click();
    await expect(admin.getByTestId('councils-table')).toContainText(COUNCIL);
    // Nobody can invite into a new council: its first 事務局 is appointed here.
    await appoint(admin, ADMIN.email, 'staff');
    await admin.goto('/plans');
    await expect(admin.getByRole('heading', { level: 1, name: '計画一覧' })).toBeVisible();
    // The plan list names the councils one is on, with one's role there.
    await expect(admin.getByRole('region', { name: '参加している協議会' })).toContainText(`${COUNCIL}（事務局）`);
    await expect(admin.getByTestId('council-members-link')).toHaveCount(1);
  });

  await test.step('the secretariat invites the chair-to-be and two members; the invitations are mailed', async () => {
    await admin.getByTestId('council-members-link').click();
    await expect(admin.getByTestId('members-page')).toBeVisible();
    await expect(admin.getByTestId('member-row')).toHaveCount(1);
    const shown: string[] = [];
    for (const person of [CHAIR, SATO, SUZUKI]) shown.push(await invite(admin, person.email));
    await shoot(admin, '03-invitations');
    for (const [i, person] of [CHAIR, SATO, SUZUKI].entries()) {
      const mail = await mailArrived(person.email, `${COUNCIL}へのご招待`);
      // The mailed link is the one shown to the secretariat.
      expect(mail.text).toContain(`${server.url}${new URL(shown[i]!).pathname}${new URL(shown[i]!).hash}`);
    }
  });

  await test.step('the invitees accept, each in a browser of their own', async () => {
    chair = await accept(browser, CHAIR);
    sato = await accept(browser, SATO);
    suzuki = await accept(browser, SUZUKI);
    await admin.reload();
    await expect(admin.getByTestId('member-row')).toHaveCount(4);
    for (const person of [CHAIR, SATO, SUZUKI]) {
      await expect(admin.locator(`[data-testid="invitation-row"][data-email="${person.email}"]`)).toHaveAttribute('data-status', 'accepted');
    }
    await shoot(admin, '04-members');
  });

  await test.step('the administrator appoints the chair', async () => {
    await appoint(admin, CHAIR.email, 'chair');
    await expect(councilRow(admin)).toContainText(CHAIR.name);
    await shoot(admin, '02-councils');
  });

  await test.step('the secretariat makes a template plan, sets its levels and years (計画の設定), and makes the working plan from it', async () => {
    await admin.goto('/plans');
    await admin.getByTestId('new-plan').click();
    let dialog = admin.getByTestId('new-plan-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('new-plan-source-blank').check();
    await dialog.getByTestId('new-plan-title').fill(TEMPLATE);
    await dialog.getByTestId('new-plan-from').selectOption({ label: '令和4年度' });
    await dialog.getByTestId('new-plan-to').selectOption({ label: '令和7年度' });
    await dialog.getByTestId('new-plan-submit').click();
    await expect(admin.getByRole('heading', { level: 1, name: TEMPLATE })).toBeVisible();
    await expect(admin.getByTestId('plan-period')).toHaveText('計画期間：令和4年度〜令和7年度');

    // 計画の設定: the council's own level names and numbering, and a column for the baseline year.
    await admin.getByTestId('plan-tab-settings').click();
    const settings = admin.getByTestId('plan-settings');
    await expect(settings).toBeVisible();
    await expect(settings.getByTestId('settings-year-2025')).toBeVisible();
    await settings.getByTestId('settings-level-name-0').fill('基本目標');
    await settings.getByTestId('settings-level-numbering-0').selectOption('{ROMAN}');
    await settings.getByTestId('settings-level-name-1').fill('基本施策');
    await settings.getByTestId('settings-level-numbering-1').selectOption('{parent}-{arabic}');
    await expect(settings.getByTestId('settings-levels-preview')).toContainText('Ⅰ 基本目標 › Ⅰ-1 基本施策');
    await settings.getByTestId('settings-year-add-before').click();
    await expect(settings.getByTestId('settings-year-2021')).toBeVisible();
    await settings.getByTestId('settings-baseline-year').selectOption('2021');
    await settings.getByTestId('settings-target-year').selectOption('2025');
    await settings.getByTestId('settings-save').click();
    await expect(settings.getByTestId('settings-status')).toContainText('保存しました');
    await shoot(admin, '06-template-settings');

    await admin.goto('/plans');
    await admin.getByTestId('new-plan').click();
    dialog = admin.getByTestId('new-plan-dialog');
    await dialog.getByTestId('new-plan-source-template').check();
    await dialog.getByTestId('new-plan-source-plan').selectOption({ label: TEMPLATE });
    await dialog.getByTestId('new-plan-title').fill(TITLE);
    await dialog.getByTestId('new-plan-from').selectOption({ label: '令和4年度' });
    await dialog.getByTestId('new-plan-to').selectOption({ label: '令和7年度' });
    await shoot(admin, '07-new-plan');
    await dialog.getByTestId('new-plan-submit').click();
    await expect(admin.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(admin.getByTestId('plan-period')).toHaveText('計画期間：令和4年度〜令和7年度');
    await expect(admin.getByTestId('plan-status')).toHaveText('策定中');
    // The template's levels and years came along.
    await admin.getByTestId('plan-tab-settings').click();
    await expect(admin.getByTestId('settings-level-name-0')).toHaveValue('基本目標');
    await expect(admin.getByTestId('settings-levels-preview')).toContainText('Ⅰ 基本目標 › Ⅰ-1 基本施策');
    await expect(admin.getByTestId('settings-year-2021')).toBeVisible();
    await expect(admin.getByTestId('settings-year-2025')).toBeVisible();
  });

  await test.step('members write: prose, and a measure row', async () => {
    await openPlan(sato, TITLE);
    await waitSynced(sato);
    await typeAtEnd(sato, PROSE_YEAR_ONE);

    await openPlan(suzuki, TITLE);
    await waitSynced(suzuki);
    await expect(suzuki.getByTestId('plan-editor')).toContainText(PROSE_YEAR_ONE);
    await suzuki.getByTestId('plan-tab-measures').click();
    await expect(suzuki.getByTestId('measures-empty')).toBeVisible();
    await suzuki.getByTestId('measure-add-measure').click();
    await expect(suzuki.getByTestId('measure-row')).toHaveCount(1);
    const title = suzuki.getByTestId('measure-row').first().locator('[data-testid="measure-cell"][data-field="title"]');
    await title.click();
    await suzuki.keyboard.press('F2');
    await suzuki.getByTestId('cell-editor').fill(MEASURE_YEAR_ONE);
    await suzuki.keyboard.press('Enter');
    await expect(measureTitle(suzuki, MEASURE_YEAR_ONE)).toHaveCount(1);
    // Numbered and named as the template's settings say.
    await expect(suzuki.locator('[data-testid="measure-cell"][data-field="number"][title="基本目標"]')).toHaveText(/Ⅰ/);
    await shoot(suzuki, '08-measures');
  });

  await test.step('the secretariat freezes the draft and opens the review', async () => {
    await openPlan(admin, TITLE);
    await waitSynced(admin);
    // What the members wrote has reached the server before the freeze.
    await expect(admin.getByTestId('plan-editor')).toContainText(PROSE_YEAR_ONE);
    await admin.getByTestId('plan-tab-measures').click();
    await expect(measureTitle(admin, MEASURE_YEAR_ONE)).toHaveCount(1);
    await admin.getByTestId('plan-tab-revisions').click();
    await admin.getByTestId('freeze-name').fill('令和7年度版');
    await admin.getByTestId('freeze-stage').selectOption('策定版');
    await admin.getByTestId('freeze-submit').click();
    await revisionRow(admin, '令和7年度版').getByTestId('review-open').click();
    await expect(revisionRow(admin, '令和7年度版')).toHaveAttribute('data-status', 'in_review');
    // The chair is told the review has begun.
    await mailArrived(CHAIR.email, '審議を始めました');
  });

  await test.step('the chair approves; everyone concerned is told in the app and by mail', async () => {
    await openPlan(chair, TITLE);
    await chair.getByTestId('plan-tab-revisions').click();
    await revisionRow(chair, '令和7年度版').getByTestId('review-approve').click();
    await chair.getByTestId('review-approve-dialog-confirm').click();
    await expect(revisionRow(chair, '令和7年度版')).toHaveAttribute('data-status', 'approved');
    await shoot(chair, '09-approved');

    for (const person of [SATO, SUZUKI, ADMIN]) {
      const mail = await mailArrived(person.email, '承認しました');
      expect(mail.subject).toContain(TITLE);
      expect(mail.text).toContain(server.url);
    }
    // Never the one who approved.
    expect(mailTo(CHAIR.email, '承認しました')).toHaveLength(0);

    await expect(sato.getByTestId('notifications-unread')).not.toHaveText('0');
    await sato.getByTestId('notifications-button').click();
    await expect(sato.getByTestId('notification').filter({ hasText: '承認' }).first()).toBeVisible();
    await shoot(sato, '10-bell');
    await sato.keyboard.press('Escape');
  });

  await test.step('the secretariat creates the next edition', async () => {
    await openPlan(admin, TITLE);
    await admin.getByTestId('plan-next-edition').click();
    const dialog = admin.getByTestId('new-plan-dialog');
    await expect(dialog.getByTestId('new-plan-source-nextEdition')).toBeChecked();
    await expect(dialog.getByTestId('new-plan-title')).toHaveAttribute('placeholder', NEXT_TITLE);
    await dialog.getByTestId('new-plan-submit').click();
    await expect(admin.getByRole('heading', { level: 1, name: NEXT_TITLE })).toBeVisible();
    await expect(admin.getByTestId('plan-period')).toHaveText('計画期間：令和5年度〜令和8年度');
    await expect(admin.getByTestId('plan-previous')).toContainText(TITLE);
    await shoot(admin, '11-next-edition');
  });

  await test.step('members change the next edition; the 新旧対照表 against last year shows the changes', async () => {
    await openPlan(suzuki, NEXT_TITLE);
    await waitSynced(suzuki);
    await suzuki.getByTestId('plan-tab-measures').click();
    const title = measureTitle(suzuki, MEASURE_YEAR_ONE);
    await expect(title).toHaveCount(1);
    await expect(suzuki.locator('[data-testid="measure-cell"][data-field="number"][title="基本目標"]')).toHaveText(/Ⅰ/);
    await title.click();
    await suzuki.keyboard.press('F2');
    await suzuki.getByTestId('cell-editor').fill(MEASURE_YEAR_TWO);
    await suzuki.keyboard.press('Enter');
    await expect(measureTitle(suzuki, MEASURE_YEAR_TWO)).toHaveCount(1);

    await openPlan(sato, NEXT_TITLE);
    await waitSynced(sato);
    await expect(sato.getByTestId('plan-editor')).toContainText(PROSE_YEAR_ONE);
    await typeAtEnd(sato, PROSE_YEAR_TWO);
    await sato.getByTestId('plan-compare-previous').click();
    const compare = sato.getByTestId('compare-previous');
    await expect(compare).toBeVisible();
    await expect(compare).toContainText(TITLE);
    await expect(compare).toContainText(PROSE_YEAR_TWO);
    await expect(compare).toContainText(MEASURE_YEAR_TWO);
    // The next edition's new fiscal-year column is a change of its own.
    await expect(compare.getByRole('row').filter({ hasText: '実績値の年度' })).toContainText('令和8年度');
    await shoot(sato, '12-compare');
  });
});
