/// <reference lib="dom" />
import { type Page, expect, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, expectNoHorizontalOverflow, expectNoSeriousA11yViolations, openDemoPlan, signedInPage, signedInPageAt } from './support';

/*
 * 年次報告 on the demo plan: staff record a project's 実施状況 for 令和5年度 (through the API, as
 * staff do), a member opens the report tab, chooses the year, sees it, types the plan's 総括
 * and a level's 評価・課題 while the chair's open page shows them; the member downloads the
 * Word file and opens the printable page, which carry the typed text; staff read the
 * evaluations without a field to type in. Screenshots with REPORT_SHOTS=<dir>.
 */

const SHOTS = process.env.REPORT_SHOTS;
const YEAR = 2023;

async function openReport(page: Page): Promise<void> {
  await openDemoPlan(page);
  await page.getByTestId('plan-tab-report').click();
  await expect(page.getByTestId('report-view')).toBeVisible();
  await page.getByTestId('report-year').selectOption({ label: '令和5年度' });
  await expect(page.getByTestId('report-view').getByRole('heading', { level: 2 })).toHaveText('進捗状況報告（令和5年度）');
}

/** Puts the demo plan back as a test found it, pass or fail: later specs freeze and read it. */
let restore: Array<() => Promise<unknown>> = [];
test.afterEach(async () => {
  for (const undo of restore.reverse()) await undo().catch(() => undefined);
  restore = [];
});

test('a member generates the annual report: chooses the year, co-edits the 評価・課題, downloads the DOCX and opens the print page', async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await signedInPage(browser, 'staff@example.jp');
  const member = await signedInPage(browser, 'member@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');
  await member.setViewportSize({ width: 1440, height: 1000 });

  // Staff record a year's 実施状況 of the first project.
  await openDemoPlan(staff);
  const planId = /\/plans\/([^/#?]+)/.exec(staff.url())![1]!;
  const { table } = await (await staff.request.get(`/api/plans/${planId}/measures`)).json();
  const placement = table.nodes.find((node: { kind: string }) => node.kind === 'placement');
  const project = table.projects.find((p: { id: string }) => p.id === placement.projectId);
  const recorded = await staff.request.put(`/api/plans/${planId}/placements/${placement.id}/progress/${YEAR}`, {
    data: { entry: { status: 'partial', note: '上期のみ実施した。', figure: { value: 12, unit: '回' } } },
  });
  expect(recorded.status()).toBe(200);
  restore.push(() => staff.request.put(`/api/plans/${planId}/placements/${placement.id}/progress/${YEAR}`, { data: { entry: null } }));

  await openReport(member);
  await openReport(chair);
  const view = member.getByTestId('report-view');
  const projectRow = view.getByTestId('report-project').filter({ hasText: project.name }).first();
  await expect(projectRow.getByTestId('report-project-progress')).toHaveText('一部実施');
  await expect(projectRow).toContainText('実績 12 回');
  await expect(view.getByTestId('report-kpi').first()).toBeVisible();
  await expect(view.getByTestId('report-kpi').first().locator('svg[role="img"]')).toHaveAttribute('aria-label', /の推移：/);

  // The plan's 総括, typed from the keyboard; the chair's page shows it as it is typed.
  const overall = '全体として概ね計画どおりに進捗した。';
  const summaryField = view.getByTestId('report-summary').getByTestId('report-evaluation');
  // Cleared, and seen cleared by another member: the emptying has reached the server.
  restore.push(async () => {
    await summaryField.fill('');
    await expect(chair.getByTestId('report-summary').getByTestId('report-evaluation')).toHaveValue('');
  });
  // Empty first: typing adds to whatever a failed earlier try left there.
  await summaryField.fill('');
  await summaryField.click();
  await member.keyboard.type(overall);
  await expect(chair.getByTestId('report-summary').getByTestId('report-evaluation')).toHaveValue(overall);

  // A top-level measure's 評価・課題.
  const firstSection = view.getByTestId('report-section').first();
  const sectionField = firstSection.getByTestId('report-evaluation').first();
  const issues = '事業承継の相談体制の強化が課題である。';
  restore.push(async () => {
    await sectionField.fill('');
    await expect(chair.getByTestId('report-section').first().getByTestId('report-evaluation').first()).toHaveValue('');
  });
  await sectionField.fill(issues);
  await expect(chair.getByTestId('report-section').first().getByTestId('report-evaluation').first()).toHaveValue(issues);
  // The chair adds a line to the same field; both end with both texts.
  const chairField = chair.getByTestId('report-section').first().getByTestId('report-evaluation').first();
  await chairField.click();
  await chair.keyboard.press('End');
  await chair.keyboard.type('（会長）次年度に検討する。');
  await expect(sectionField).toHaveValue(`${issues}（会長）次年度に検討する。`);

  await expectNoSeriousA11yViolations(member, { include: '[data-testid="report-view"]', label: '年次報告' });
  if (SHOTS) {
    await member.screenshot({ path: `${SHOTS}/report-member-1440.png`, fullPage: false });
    await view.getByTestId('report-kpis').first().scrollIntoViewIfNeeded();
    await member.screenshot({ path: `${SHOTS}/report-member-1440-kpis.png`, fullPage: false });
  }

  // The Word file.
  const [download] = await Promise.all([member.waitForEvent('download'), view.getByTestId('report-docx').click()]);
  expect(download.suggestedFilename()).toMatch(/進捗状況報告_令和5年度\.docx$/);
  const bytes = await (await import('node:fs/promises')).readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');

  // The printable page, in a new tab.
  const [print] = await Promise.all([member.waitForEvent('popup'), view.getByTestId('report-html').click()]);
  await print.waitForLoadState();
  await expect(print.locator('h1')).toContainText('進捗状況報告（令和5年度）');
  await expect(print.locator('body')).toContainText(overall);
  await expect(print.locator('body')).toContainText('次年度に検討する。');
  expect(await print.locator('style').first().textContent()).toContain('@page{size:A4 portrait');
  if (SHOTS) {
    await print.setViewportSize({ width: 900, height: 1270 });
    await print.screenshot({ path: `${SHOTS}/report-print.png` });
    await print.locator('.report-charts').first().scrollIntoViewIfNeeded();
    await print.screenshot({ path: `${SHOTS}/report-print-charts.png` });
  }

  // Staff read the evaluations; the fields are not theirs to type in.
  await staff.getByTestId('plan-tab-report').click();
  await staff.getByTestId('report-year').selectOption({ label: '令和5年度' });
  const staffSummary = staff.getByTestId('report-summary').getByTestId('report-evaluation');
  await expect(staffSummary).toContainText(overall);
  await expect(staff.getByTestId('report-view').locator('textarea')).toHaveCount(0);
});

test('the report tab fits a phone', async ({ browser }) => {
  // The whole programme's report (102 projects, 20 charts) under axe takes a while on a busy machine.
  test.setTimeout(150_000);
  const page = await signedInPageAt(browser, 'member@example.jp', { width: 390, height: 844 });
  await openReport(page);
  await expectNoHorizontalOverflow(page, '年次報告 at 390 px');
  await expectNoSeriousA11yViolations(page, { include: '[data-testid="report-view"]', label: '年次報告 390 px' });
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/report-member-390.png` });
    await page.getByTestId('report-section').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/report-member-390-section.png` });
  }
});

test('an observer takes the annual report of the approved revision from its reader', async ({ browser }) => {
  const observer = await signedInPage(browser, 'observer@example.jp');
  await observer.getByRole('link', { name: DEMO_PLAN_TITLE }).click();
  const reader = observer.getByTestId('revision-reader').first();
  await expect(reader).toBeVisible();
  const downloads = reader.getByTestId('annual-report-downloads');
  await downloads.getByTestId('report-year').selectOption({ label: '令和5年度' });
  const href = await downloads.getByTestId('report-html').getAttribute('href');
  expect(href).toMatch(/^\/api\/revisions\/[^/]+\/report\?fiscalYear=2023&format=html$/);
  const page = await observer.request.get(href!);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain('進捗状況報告（令和5年度）');
  const [download] = await Promise.all([observer.waitForEvent('download'), downloads.getByTestId('report-docx').click()]);
  expect(download.suggestedFilename()).toMatch(/_第\d+版_進捗状況報告_令和5年度\.docx$/);
  // The live draft's report is not theirs.
  const planId = /\/plans\/([^/#?]+)/.exec(observer.url())![1]!;
  expect((await observer.request.get(`/api/plans/${planId}/report?fiscalYear=2023&format=html`)).status()).toBe(403);
});

test('in the English interface the report tab words everything in English: no その他の事業, ほかn or 評価できません from the Japanese documents', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
  await context.addInitScript(() => localStorage.setItem('sakutei.locale', 'en'));
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('#email').fill('member@example.jp');
  await page.locator('#password').fill('sakutei-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('plan-list')).toBeVisible();
  await openDemoPlan(page);
  await page.getByTestId('plan-tab-report').click();
  const view = page.getByTestId('report-view');
  await expect(view).toBeVisible();
  await page.getByTestId('report-year').selectOption('2023');
  await expect(view.getByTestId('report-kpi').first()).toBeVisible();
  const text = (await view.innerText()) + (await view.locator('[title]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('title')).join(' ')));
  for (const word of ['その他の事業', '評価できません', '達成率', '進捗率']) expect(text).not.toContain(word);
  expect(text).not.toMatch(/ほか\d/);
  // The same words, in English, where the demo plan has them.
  expect(text).toContain('Cannot be graded');
  await context.close();
});
