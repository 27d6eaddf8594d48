/// <reference lib="dom" />
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';
import { openDemoPlan, placeCaretAtEnd, signedInPage } from './support';

/** No critical or serious axe finding (WCAG 2.2 A/AA and best practice) inside `selector`. */
async function expectAccessible(page: Page, selector: string, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .include(selector)
    .analyze();
  const bad = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  expect(bad.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
}

/** A new empty paragraph at the end of the prose, with the caret in it. */
async function newLineAtEnd(page: Page): Promise<void> {
  await placeCaretAtEnd(page);
  await page.keyboard.press('Enter');
}

test('「7. 計画の推進体制」 typed at the start of a line stays text; the toolbar makes a numbered list', async ({ browser }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  await openDemoPlan(page);
  const editor = page.getByTestId('plan-editor');

  await newLineAtEnd(page);
  await page.keyboard.type('7. 計画の推進体制');
  await page.keyboard.press('Enter');
  await page.keyboard.type('(1) 推進組織');
  await page.keyboard.press('Enter');
  await page.keyboard.type('① 振興会議');
  for (const text of ['7. 計画の推進体制', '(1) 推進組織', '① 振興会議']) {
    await expect(editor.locator(':scope > p', { hasText: text })).toHaveText(text);
  }
  await expect(editor.locator('ol')).toHaveCount(0);

  // Asked for, a list it is: the toolbar's 段落番号 turns the line into an item of a numbered list.
  await page.keyboard.press('Enter');
  await page.keyboard.type('事務局の役割');
  await page.getByTestId('tool-ordered-list').click();
  await expect(editor.locator('ol > li', { hasText: '事務局の役割' })).toBeVisible();
  await expect(page.getByTestId('tool-ordered-list')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.type('委員の役割');
  await expect(editor.locator('ol > li')).toHaveCount(2);
  // Tab makes it a sub-item, Shift+Tab brings it back.
  await page.keyboard.press('Tab');
  await expect(editor.locator('ol > li ol > li', { hasText: '委員の役割' })).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(editor.locator('ol > li ol')).toHaveCount(0);
  await page.context().close();
});

test('a table inserted from the toolbar and typed into reaches a co-editor', async ({ browser }) => {
  const sato = await signedInPage(browser, 'member@example.jp');
  const suzuki = await signedInPage(browser, 'member2@example.jp');
  await openDemoPlan(sato);
  await openDemoPlan(suzuki);

  await newLineAtEnd(sato);
  await sato.getByTestId('tool-insert-table').click();
  const table = sato.getByTestId('plan-editor').locator('table');
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('th')).toHaveCount(3);
  // The caret is in the first header cell; Tab moves from cell to cell.
  await sato.keyboard.type('主体');
  await sato.keyboard.press('Tab');
  await sato.keyboard.type('役割');
  await sato.keyboard.press('Tab');
  await sato.keyboard.type('連絡先');
  await sato.keyboard.press('Tab');
  await sato.keyboard.type('福島市');
  // A row added from the 表の編集 menu.
  await sato.getByTestId('table-menu').click();
  await sato.getByTestId('table-addRowAfter').click();
  await expect(table.locator('tr')).toHaveCount(4);

  const remote = suzuki.getByTestId('plan-editor').locator('table');
  await expect(remote.locator('th')).toHaveText(['主体', '役割', '連絡先']);
  // toContainText: the cell also holds 佐藤's caret, labelled with the name.
  await expect(remote.locator('tr').nth(1).locator('td').first()).toContainText('福島市');
  await expect(remote.locator('tr')).toHaveCount(4);

  // And the table is stored: a reload brings it back from the server.
  await suzuki.reload();
  await expect(suzuki.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await expect(suzuki.getByTestId('plan-editor').locator('th').first()).toHaveText('主体');
  await sato.context().close();
  await suzuki.context().close();
});

test('the chapter outline follows the headings and takes the caret to the one chosen', async ({ browser }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  await openDemoPlan(page);
  const outline = page.getByTestId('chapter-outline');
  await expect(outline.getByRole('button', { name: '5. 企業アンケートの実施' })).toBeVisible();

  await outline.getByRole('button', { name: '5. 企業アンケートの実施' }).click();
  const heading = page.getByTestId('plan-editor').locator('h2', { hasText: '5. 企業アンケートの実施' });
  await expect(heading).toBeInViewport();
  const caretIn = await page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('h2')?.textContent ?? null);
  expect(caretIn).toBe('5. 企業アンケートの実施');
  await expect(outline.getByRole('button', { name: '5. 企業アンケートの実施' })).toHaveAttribute('aria-current', 'location');

  // A new heading appears in the outline as it is made.
  await newLineAtEnd(page);
  await page.keyboard.type('6. 計画の推進');
  await page.keyboard.press('Control+Alt+2');
  await expect(outline.getByRole('button', { name: '6. 計画の推進' })).toBeVisible();
  await page.context().close();
});

test('on a phone the outline folds behind a button, and the toolbar stays on screen while the text scrolls', async ({ browser }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  await page.setViewportSize({ width: 390, height: 844 });
  await openDemoPlan(page);
  const outline = page.getByTestId('chapter-outline');
  const toggle = outline.getByRole('button', { name: '目次' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(outline.getByRole('button', { name: '3. 振興プログラムの範囲' })).toBeHidden();
  await toggle.click();
  await outline.getByRole('button', { name: '3. 振興プログラムの範囲' }).click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('plan-editor').locator('h2', { hasText: '3. 振興プログラムの範囲' })).toBeInViewport();
  // Sticky: the page has scrolled down to the heading, and the toolbar is still in view.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await expect(page.getByTestId('editor-toolbar')).toBeInViewport();
  await page.context().close();
});

test('find and replace all, then one undo restores every match', async ({ browser }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  await openDemoPlan(page);
  const editor = page.getByTestId('plan-editor');
  // Search starts from the caret, as in Word: at the chapter heading, the first match is the first.
  await editor.locator('h1').first().click();
  await page.keyboard.press('Control+Home');

  await page.keyboard.press('Control+f');
  const query = page.getByTestId('find-query');
  await expect(query).toBeFocused();
  await page.keyboard.type('振興プログラム');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 \/ \d+ 件$/);
  const total = Number((await page.getByTestId('find-count').textContent())!.match(/\/ (\d+)/)![1]);
  expect(total).toBeGreaterThan(3);
  await expect(editor.locator('.find-match')).toHaveCount(total);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText(`2 / ${total} 件`);

  // Ctrl+H from the find field opens the replace row without losing the query.
  await page.keyboard.press('Control+h');
  await expect(query).toHaveValue('振興プログラム');
  await page.getByTestId('find-replacement').fill('振興計画');
  await page.getByTestId('find-replace-all').click();
  await expect(page.getByTestId('find-count')).toHaveText('見つかりません');
  await expect(editor).not.toContainText('振興プログラム');
  await expect(editor).toContainText('第1章 中小企業振興計画の趣旨');

  // Escape closes the bar and returns to the text; Ctrl+Z undoes the whole replacement.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-bar')).toHaveCount(0);
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(editor).toContainText('第1章 中小企業振興プログラムの趣旨');
  await expect(editor).not.toContainText('振興計画の');
  await page.context().close();
});

test('the toolbar works from the keyboard alone, one tab stop with arrow keys, each tooltip naming its key', async ({ browser }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  await openDemoPlan(page);
  const toolbar = page.getByRole('toolbar', { name: '書式' });
  await expect(toolbar).toBeVisible();

  // From the outline (the last element before the toolbar), Tab reaches the toolbar once and then the text.
  const editor = page.getByTestId('plan-editor');
  await page.getByTestId('chapter-outline').getByRole('button').last().focus();
  await page.keyboard.press('Tab');
  await expect(toolbar.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');

  // Back into the toolbar, then along it with the arrow keys to 太字.
  await page.keyboard.press('Shift+Tab');
  await expect(toolbar.locator(':focus')).toHaveCount(1);
  for (let i = 0; i < 20 && (await toolbar.locator(':focus').getAttribute('aria-label')) !== '太字'; i++) {
    await page.keyboard.press('ArrowRight');
  }
  const bold = toolbar.getByRole('button', { name: '太字' });
  await expect(bold).toBeFocused();
  await expect(bold).toHaveAttribute('aria-keyshortcuts', 'Control+B');
  await expect(page.getByRole('tooltip')).toHaveText('太字（Ctrl+B）');

  // Enter presses it and gives the focus back to the text, where typing is bold.
  await page.keyboard.press('Enter');
  await expect(editor).toBeFocused();
  await page.keyboard.type('重点施策');
  await expect(editor.locator('strong', { hasText: '重点施策' })).toBeVisible();

  // Tab from the toolbar leaves it in one step (it is a single tab stop).
  await page.keyboard.press('Shift+Tab');
  await expect(bold).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();

  // The paragraph style from the keyboard: ArrowDown opens it, the option shows its key.
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 10 && (await page.getByTestId('block-style').evaluate((el) => el !== document.activeElement)); i++) {
    await page.keyboard.press('ArrowLeft');
  }
  await expect(page.getByTestId('block-style')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const option = page.getByRole('option', { name: /見出し2/ });
  await expect(option).toContainText('Ctrl+Alt+2');
  await option.press('Enter');
  await expect(editor.locator('h2', { hasText: '重点施策' })).toBeVisible();
  await page.context().close();
});

test('axe finds nothing serious in the editor, its find bar, table menu and paragraph styles, on a desktop and a phone', async ({ browser }) => {
  const page = await signedInPage(browser, 'member@example.jp');
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDemoPlan(page);
  await newLineAtEnd(page);
  await page.getByTestId('tool-insert-table').click();
  await page.keyboard.type('表の見出し');
  await page.keyboard.press('Control+h');
  await expect(page.getByTestId('find-replacement')).toBeVisible();
  await page.getByTestId('find-query').fill('振興');
  await expectAccessible(page, '.editor-layout', 'editor with find bar and a table');

  await page.getByTestId('plan-editor').locator('th').first().click();
  await page.getByTestId('table-menu').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectAccessible(page, '[role="menu"]', 'table menu');
  await page.keyboard.press('Escape');
  await page.getByTestId('block-style').click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await expectAccessible(page, '[role="listbox"]', 'paragraph styles');
  await page.keyboard.press('Escape');

  // A phone: the toolbar scrolls sideways inside itself, a wide table inside its wrapper; the page does not.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('chapter-outline').getByRole('button', { name: '目次' }).click();
  await expectAccessible(page, '.editor-layout', 'editor on a phone, outline open');
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  await page.context().close();
});
