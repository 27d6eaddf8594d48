import { type Page, expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, openDemoPlan, placeCaretAtEnd, proseText, removeOwnParagraphs, selectPhrase, signedInPage, typeAtEnd } from './support';

// Paragraphs of the test's own, written in 編集 and removed afterwards, so the demo plan is left as found.
const MARKER = 'E2E段落提案';
// Words found nowhere else in the demo plan (other specs leave text of their own with 空き店舗 in it).
const OWN = `${MARKER}：商店街の空き区画を減らす`;
const NEW = `${MARKER}の新しい段落`;

// Two signed-in browsers and a clean-up sign-in: past the default minute under load.
test.describe.configure({ timeout: 120_000 });

test.afterEach(async ({ browser }) => {
  const cleaner = await signedInPage(browser, 'member@example.jp');
  await removeOwnParagraphs(cleaner, MARKER);
  await cleaner.context().close();
});

const cards = (page: Page) => page.getByTestId('suggestion-card');
const prose = (page: Page) => page.getByTestId('plan-editor');

test('a member proposes a new paragraph, bold and a heading in 提案; the chair accepts them and the text really changes', async ({ browser }) => {
  const member = await signedInPage(browser, 'member@example.jp');
  const chair = await signedInPage(browser, 'chair@example.jp');
  await openDemoPlan(member);
  await openDemoPlan(chair);
  await typeAtEnd(member, OWN);
  const blocks = await prose(member).locator(':scope > *').count();

  await member.getByTestId('mode-suggest').click();
  await expect(member.getByTestId('suggest-mode')).toHaveAttribute('data-mode', 'suggest');

  // Enter and typing: a new paragraph proposed. The block stays one until accepted, its break
  // drawn as ¶ in the member's colour and named for a screen reader.
  await placeCaretAtEnd(member);
  await member.keyboard.press('Enter');
  await member.keyboard.type(NEW);
  const split = prose(member).locator('.suggestion-marker--split');
  await expect(split).toHaveCount(1);
  await expect(split).toHaveAttribute('aria-description', '委員 佐藤花子の提案（段落を分ける）');
  await expect(prose(member).locator('ins.suggestion', { hasText: NEW })).toBeVisible();
  expect(await prose(member).locator(':scope > *').count()).toBe(blocks);
  // The marker character itself takes no room: the ¶ is drawn by CSS, then a real line break.
  expect(await split.evaluate((el) => getComputedStyle(el, '::after').content)).toContain('¶');
  expect(await split.evaluate((el) => getComputedStyle(el).fontSize)).toBe('0px');

  // Ctrl+B on words the member did not propose: bold proposed, not applied.
  await selectPhrase(member, '空き区画');
  await member.keyboard.press('Control+b');
  const bold = prose(member).locator('.suggestion-paint--add-bold', { hasText: '空き区画' });
  await expect(bold).toHaveAttribute('aria-description', '委員 佐藤花子の提案（太字にする）');
  await expect(prose(member).locator('strong', { hasText: '空き区画' })).toHaveCount(0);

  // The paragraph style in the toolbar: 見出し3 proposed, shown as a label at the block's start.
  await member.getByTestId('block-style').click();
  await member.getByRole('option', { name: /見出し3/ }).click();
  const retype = prose(member).locator('.suggestion-marker--type');
  await expect(retype).toHaveAttribute('data-label', '見出し3にする');
  await expect(prose(member).locator('h3', { hasText: MARKER })).toHaveCount(0);
  await expect(member.getByTestId('suggest-notice')).not.toContainText('できません');

  // The chair sees all three live, in words, and the painted text passes axe.
  await expect(cards(chair)).toHaveCount(3);
  await expect(chair.getByTestId('suggestion-structure').filter({ hasText: '見出し3にする' })).toHaveCount(1);
  await expect(chair.getByTestId('suggestion-format')).toHaveText('太字にする 空き区画');
  const splitCard = cards(chair).filter({ has: chair.getByTestId('suggestion-structure').filter({ hasText: '段落を分ける' }) });
  await expect(splitCard.getByTestId('suggestion-inserted')).toHaveText(NEW);
  await expect(prose(chair).locator('.suggestion-marker--split')).toHaveCount(1);
  await expectNoSeriousA11yViolations(chair, { include: '[data-testid="suggestions-dock"]', label: 'block suggestion cards' });
  await expectNoSeriousA11yViolations(chair, { include: '[data-testid="plan-editor"]', label: 'block suggestions in the text' });

  // Accepting each: a real paragraph, real bold, a real heading, and no marker left anywhere.
  await chair.getByRole('button', { name: `委員 佐藤花子さんの提案「段落を分ける、追加: ${NEW}」を採用` }).click();
  await expect(cards(chair)).toHaveCount(2);
  await chair.getByRole('button', { name: '委員 佐藤花子さんの提案「太字にする：空き区画」を採用' }).click();
  await expect(cards(chair)).toHaveCount(1);
  await chair.getByRole('button', { name: '委員 佐藤花子さんの提案「見出し3にする」を採用' }).click();
  await expect(cards(chair)).toHaveCount(0);
  for (const page of [member, chair]) {
    const heading = prose(page).locator('h3', { hasText: OWN });
    await expect(heading).toHaveCount(1);
    await expect(heading.locator('strong')).toHaveText('空き区画');
    // A paragraph of its own (a co-editor's caret label may stand in it, so not toHaveText).
    await expect(prose(page).locator('p', { hasText: NEW })).toHaveCount(1);
    await expect(prose(page).locator('p', { hasText: NEW })).not.toContainText('商店街');
    await expect(prose(page).locator('.suggestion-marker')).toHaveCount(0);
    await expect.poll(async () => /[\u2028\u2029\u2063]/.test(await proseText(page))).toBe(false);
  }

  // 採否の履歴: each decision in the cards' words, the new paragraph with its text, the bold with its words.
  await chair.getByTestId('suggestions-toggle').click();
  const history = chair.getByTestId('suggestions-history');
  await history.locator('summary').click();
  const decided = history.getByTestId('suggestion-decision');
  await expect(decided.filter({ hasText: NEW })).toHaveAttribute('data-decision', 'accept');
  await expect(decided.filter({ hasText: NEW }).getByTestId('decided-structure')).toHaveText('段落を分ける');
  // Other runs' decisions stay in the demo plan's history: the newest of each is this run's.
  await expect(decided.filter({ hasText: '太字にする 空き区画' }).first()).toHaveAttribute('data-decision', 'accept');
  await expect(decided.filter({ has: chair.getByTestId('decided-structure').filter({ hasText: '見出し3にする' }) }).first()).toBeVisible();

  for (const page of [member, chair]) await page.context().close();
});
