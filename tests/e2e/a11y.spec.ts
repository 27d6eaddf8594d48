/// <reference lib="dom" />
import { type Browser, type Page, expect, test } from '@playwright/test';
import { DEMO_PLAN_TITLE, expectNoHorizontalOverflow, expectNoSeriousA11yViolations, selectPhrase, signedInPageAt } from './support';

/**
 * axe on every page and open dialog, for each role's view, on a desktop and on a phone.
 * The checks are soft within a test, so one run reports every finding, and the test still fails on any.
 */

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

// A control that never appears fails the test in half a minute rather than at its long timeout.
test.use({ actionTimeout: 30_000 });

const PLAN_TABS = ['prose', 'measures', 'kpiList', 'contents', 'roles', 'revisions', 'settings'] as const;

const revisionRow = (page: Page, name: string) => page.getByTestId('revision-row').filter({ hasText: name });

async function check(page: Page, label: string, include?: string): Promise<void> {
  await expectNoSeriousA11yViolations(page, { label, include, soft: true });
  await expectNoHorizontalOverflow(page, label, { soft: true });
}

async function openPlan(page: Page): Promise<void> {
  await page.getByRole('link', { name: DEMO_PLAN_TITLE }).click();
  // On the plan page, not one of the list's entries (other specs add plans to the council).
  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  await expect(page.getByTestId('plan-role')).toBeVisible();
}

async function openLivePlan(page: Page): Promise<void> {
  await openPlan(page);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await expect(page.getByTestId('plan-editor')).toContainText('第1章 中小企業振興プログラムの趣旨');
}

/** Shows the comments wherever they live at this width (beside the page, or in a sheet on a phone). */
async function showComments(page: Page): Promise<void> {
  const toggle = page.getByTestId('comments-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(page.getByTestId('comments-sidebar')).toBeVisible();
}

async function hideCommentsOnPhone(page: Page): Promise<void> {
  const toggle = page.getByTestId('comments-toggle');
  if ((await toggle.getAttribute('data-layout')) === 'sheet' && (await toggle.getAttribute('aria-expanded')) === 'true') {
    await page.getByTestId('comments-close').click();
  }
}

/** Each tab of the plan page, judged once its panel is showing and has stopped loading. */
async function everyTab(page: Page, label: string, tabs: readonly string[] = PLAN_TABS): Promise<void> {
  for (const tab of tabs) {
    await page.getByTestId(`plan-tab-${tab}`).click();
    await expect(page.getByTestId(`plan-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expect(page.getByRole('tabpanel').getByText('読み込み中…')).toHaveCount(0);
    await check(page, `${label}: tab ${tab}`);
  }
  await page.getByTestId('plan-tab-prose').click();
}

/** A revision in review, frozen and opened by staff through the API, for the chair to decide. */
async function revisionInReview(browser: Browser, name: string): Promise<void> {
  const staff = await signedInPageAt(browser, 'staff@example.jp', { width: 1280, height: 800 });
  const status = await staff.evaluate(async (revisionName) => {
    const post = (url: string, body: unknown) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { plans } = (await (await fetch('/api/plans')).json()) as { plans: Array<{ id: string }> };
    const frozen = await post(`/api/plans/${plans[0]!.id}/revisions`, { name: revisionName, stage: '素案' });
    const { revision } = (await frozen.json()) as { revision: { id: string } };
    return (await post(`/api/revisions/${revision.id}/review`, {})).status;
  }, name);
  expect(status).toBe(200);
  await staff.context().close();
}

for (const { name, viewport } of WIDTHS) {
  const tag = `${name} ${viewport.width}px`;

  test.describe(`axe finds nothing critical or serious (${tag})`, () => {
    // axe walks the whole demo programme (the measure table's 120-odd rows) on each check:
    // seconds on a quiet machine, minutes on a loaded one.
    test.describe.configure({ timeout: 900_000 });

    test('signed out: sign-in and its error message', async ({ browser }) => {
      const context = await browser.newContext({ locale: 'ja-JP', viewport });
      const page = await context.newPage();
      await page.goto('/sign-in');
      await expect(page.locator('#email')).toBeVisible();
      await check(page, `sign-in ${tag}`);
      await page.locator('#email').fill('nobody@example.jp');
      await page.locator('#password').fill('wrong-password');
      await page.getByRole('button', { name: 'ログイン' }).click();
      await expect(page.getByTestId('sign-in-error')).toBeVisible();
      await check(page, `sign-in error ${tag}`);
      await context.close();
    });

    test('staff: plan list and every tab', async ({ browser }) => {
      const staff = await signedInPageAt(browser, 'staff@example.jp', viewport);
      await check(staff, `plan list (staff) ${tag}`);
      await openLivePlan(staff);
      await everyTab(staff, `staff ${tag}`);
      await staff.context().close();
    });

    test('staff: comment composer, notifications, review invitation', async ({ browser }) => {
      const staff = await signedInPageAt(browser, 'staff@example.jp', viewport);
      await openLivePlan(staff);

      await selectPhrase(staff, '企業アンケートを実施する');
      await staff.getByTestId('comment-on-selection').click();
      await expect(staff.getByTestId('new-comment-input')).toBeFocused();
      await check(staff, `comment composer (staff) ${tag}`);
      await staff.getByTestId('new-comment-input').fill(`${tag} の確認用コメント`);
      await staff.getByTestId('new-comment-submit').click();
      await expect(staff.getByTestId('thread').filter({ hasText: `${tag} の確認用コメント` })).toBeVisible();
      await check(staff, `comments with a thread (staff) ${tag}`);
      await hideCommentsOnPhone(staff);

      await staff.getByTestId('notifications-button').click();
      await expect(staff.getByTestId('notifications-popover')).toBeVisible();
      await check(staff, `notifications panel (staff) ${tag}`);
      await staff.keyboard.press('Escape');

      const revision = `招待の確認 ${tag}`;
      await staff.getByTestId('plan-tab-revisions').click();
      await staff.getByTestId('freeze-name').fill(revision);
      await staff.getByTestId('freeze-stage').selectOption('素案');
      await staff.getByTestId('freeze-submit').click();
      await expect(revisionRow(staff, revision)).toHaveAttribute('data-status', 'draft');
      await revisionRow(staff, revision).getByTestId('review-invite').fill('田中');
      await revisionRow(staff, revision).getByTestId('review-invite-option').first().click();
      await check(staff, `review invitation (staff) ${tag}`);
      await staff.context().close();
    });

    test('chair: the approval dialog, the revision reader and the 新旧対照表', async ({ browser }) => {
      const revision = `承認の確認 ${tag}`;
      await revisionInReview(browser, revision);
      const chair = await signedInPageAt(browser, 'chair@example.jp', viewport);
      await openLivePlan(chair);
      await everyTab(chair, `chair ${tag}`, ['prose', 'revisions']);
      await chair.getByTestId('plan-tab-revisions').click();
      await revisionRow(chair, revision).getByTestId('review-approve').click();
      await expect(chair.getByTestId('review-approve-dialog')).toBeVisible();
      await check(chair, `approval dialog (chair) ${tag}`);
      await chair.getByTestId('review-approve-dialog-confirm').click();
      await expect(revisionRow(chair, revision)).toHaveAttribute('data-status', 'approved');
      await revisionRow(chair, revision).getByTestId('revision-open').click();
      await expect(chair.getByTestId('revision-prose')).toBeVisible();
      await check(chair, `revision reader (chair) ${tag}`);
      await chair.getByTestId('compare-to').selectOption({ index: 1 });
      await expect(chair.getByTestId('compare-view')).toBeVisible();
      await check(chair, `compare (chair) ${tag}`);
      await chair.context().close();
    });

    test('member: every tab, the comments panel and the import dialog', async ({ browser }) => {
      const member = await signedInPageAt(browser, 'member@example.jp', viewport);
      await openLivePlan(member);
      await everyTab(member, `member ${tag}`);
      await showComments(member);
      await check(member, `comments (member) ${tag}`);
      await hideCommentsOnPhone(member);
      // Importing is for those who may edit the table.
      await member.getByTestId('plan-tab-kpiList').click();
      await member.getByTestId('import-paste-button').click();
      await expect(member.getByRole('dialog')).toBeVisible();
      await check(member, `import dialog (member) ${tag}`);
      await member.keyboard.press('Escape');
      await expect(member.getByRole('dialog')).toHaveCount(0);
      await member.context().close();
    });

    test('observer: the approved revision, its list and its reader', async ({ browser }) => {
      const observer = await signedInPageAt(browser, 'observer@example.jp', viewport);
      await check(observer, `plan list (observer) ${tag}`);
      await openPlan(observer);
      await expect(observer.getByTestId('revision-prose')).toBeVisible();
      await check(observer, `observer page ${tag}`);
      await observer.getByTestId('revision-open').first().click();
      await expect(observer.getByTestId('revision-reader')).toBeVisible();
      await check(observer, `observer reader ${tag}`);
      await observer.context().close();
    });
  });
}

test('keyboard only: sign in, open the plan, switch tabs, start a comment and send it', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/sign-in');

  // Tab through the page, as a keyboard user would, until focus is on what `selector` matches.
  const tabTo = async (selector: string, limit = 60) => {
    for (let step = 0; step < limit; step++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((css) => document.activeElement?.matches(css) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };

  await tabTo('#email');
  await page.keyboard.type('member@example.jp');
  await tabTo('#password');
  await page.keyboard.type('sakutei-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-list')).toBeVisible();

  await tabTo('a.plan-card__title');
  await expect(page.locator(':focus')).toHaveText(DEMO_PLAN_TITLE);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');

  // Into the tab list, then along it with the arrow keys; the selected tab shows its panel.
  await tabTo('[role="tab"]');
  await expect(page.getByTestId('plan-tab-prose')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('plan-tab-measures')).toBeFocused();
  await expect(page.getByTestId('plan-tab-measures')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByTestId('plan-tab-settings')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('plan-tab-prose')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('plan-editor')).toContainText('第1章 中小企業振興プログラムの趣旨');

  // Into the text, select a phrase with Shift+arrows, and comment on it with Ctrl+Alt+M.
  await tabTo('[data-testid="plan-editor"]');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Control+Alt+KeyM');
  const input = page.getByTestId('new-comment-input');
  await expect(input).toBeFocused();
  await page.keyboard.type('キーボードだけで書いたコメントです。');
  await page.keyboard.press('Control+Enter');
  const thread = page.getByTestId('thread').filter({ hasText: 'キーボードだけで書いたコメントです。' });
  await expect(thread).toBeVisible();
  await expect(thread.getByTestId('thread-location')).toContainText('第1章');

  await context.close();
});
