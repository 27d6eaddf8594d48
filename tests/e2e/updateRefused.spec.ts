import { type Page, expect, test } from '@playwright/test';
import { expectNoHorizontalOverflow, openDemoPlan, signedInPage, signedInPageAt } from './support';

// Written plainly into staff's doc, as a broken client would: the server refuses it, so it never reaches the plan.
const REFUSED = 'E2E拒否された変更';
// Staff's honest suggestion after reopening, taken back again at the end.
const SUGGESTED = '（E2E再開後）';

/**
 * Writes `text` into the first paragraph of the page's shared document directly through Yjs,
 * bypassing the editor's suggest mode: a plain insertion, which a suggest-only connection may not make.
 */
function writePlainIntoYDoc(page: Page, text: string): Promise<void> {
  return page.evaluate((insert) => {
    type YText = { insert(index: number, text: string): void; constructor: { name: string } };
    type YElement = { nodeName: string; toArray(): unknown[] };
    type Ext = { name: string; options: { document: { getXmlFragment(name: string): { toArray(): unknown[] } }; field: string } };
    const editor = (document.querySelector('[data-testid="plan-editor"]') as unknown as { editor: { extensionManager: { extensions: Ext[] } } }).editor;
    const collab = editor.extensionManager.extensions.find((ext) => ext.name === 'collaboration')!;
    const fragment = collab.options.document.getXmlFragment(collab.options.field);
    for (const element of fragment.toArray() as YElement[]) {
      if (element.nodeName !== 'paragraph') continue;
      const run = element.toArray().find((child) => typeof (child as YText).insert === 'function' && !('nodeName' in (child as object)));
      if (run) return (run as YText).insert(0, insert);
    }
    throw new Error('no paragraph with text');
  }, text);
}

/** Removes `text` wherever it stands in the prose, from a member's page in 編集 (the cleanup). */
async function removeText(page: Page, text: string): Promise<void> {
  await openDemoPlan(page);
  await expect(page.getByTestId('suggest-mode')).toHaveAttribute('data-mode', 'edit');
  await page.evaluate((needle) => {
    type Node = { isText: boolean; text?: string };
    type Pm = { state: { doc: { descendants(f: (node: Node, pos: number) => void): void }; tr: { delete(a: number, b: number): unknown } }; dispatch(tr: unknown): void };
    const view = (document.querySelector('[data-testid="plan-editor"]') as unknown as { editor: { view: Pm } }).editor.view;
    const ranges: Array<[number, number]> = [];
    view.state.doc.descendants((node, pos) => {
      const at = node.isText ? node.text!.indexOf(needle) : -1;
      if (at >= 0) ranges.push([pos + at, pos + at + needle.length]);
    });
    if (ranges.length === 0) return;
    const tr = view.state.tr;
    for (const [from, to] of ranges.reverse()) tr.delete(from, to);
    view.dispatch(tr);
  }, text);
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await expect(page.getByTestId('plan-editor')).not.toContainText(text);
}

test.afterEach(async ({ browser }) => {
  const cleaner = await signedInPage(browser, 'member@example.jp');
  await removeText(cleaner, SUGGESTED);
  await expect(cleaner.getByTestId('plan-editor')).not.toContainText(REFUSED);
  await cleaner.context().close();
});

/** Staff write a plain change the server refuses; the notice says so above the document. */
async function refuseOne(staff: Page): Promise<void> {
  await openDemoPlan(staff);
  await expect(staff.getByTestId('suggest-mode')).toHaveAttribute('data-mode', 'suggest');
  // Typing far down the page: the notice at the top is brought into view.
  await staff.getByTestId('plan-editor').locator(':scope > *').last().scrollIntoViewIfNeeded();
  await writePlainIntoYDoc(staff, REFUSED);
  const notice = staff.getByTestId('update-refused');
  await expect(notice).toBeInViewport();
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toHaveAttribute('data-reason', /^suggest-only:/);
  await expect(notice).toContainText('この変更はサーバーに受け付けられませんでした（提案モードでは提案としてのみ書き込めます）');
  await expect(notice).toContainText('最新の内容で開き直すまで、ここでの変更は保存されません。');
  await expect(staff.getByTestId('connection-status')).toHaveAttribute('data-save-state', 'stopped');
  // Nothing more is typed into a document whose changes are all refused now.
  await expect(staff.getByTestId('plan-editor')).toHaveAttribute('contenteditable', 'false');
}

test('a refused change is told, and reopening shows the server’s text and saves suggestions again', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  await refuseOne(staff);
  const editor = staff.getByTestId('plan-editor');
  await expect(editor).toContainText(REFUSED);

  // Reopen with the keyboard: the refused text is gone, the confirmation has the focus.
  await staff.getByTestId('update-refused-reopen').focus();
  await staff.keyboard.press('Enter');
  await expect(staff.getByTestId('update-refused')).toHaveCount(0);
  await expect(staff.getByTestId('update-reopened')).toBeFocused();
  await expect(staff.getByTestId('connection-status')).toHaveAttribute('data-synced', 'true');
  await expect(editor).toContainText('第1章 中小企業振興プログラムの趣旨');
  await expect(editor).not.toContainText(REFUSED);
  await expect(editor).toHaveAttribute('contenteditable', 'true');

  // An honest suggestion now is stored: 保存済み, and a member sees it.
  await staff.evaluate(() => {
    (document.querySelector('[data-testid="plan-editor"]') as unknown as { editor: { commands: { focus(at: string): void } } }).editor.commands.focus('end');
  });
  await staff.keyboard.type(SUGGESTED);
  await expect(editor.locator('ins.suggestion', { hasText: SUGGESTED })).toBeVisible();
  await expect(staff.getByTestId('connection-status')).toHaveAttribute('data-save-state', 'saved');
  await expect(staff.getByTestId('update-refused')).toHaveCount(0);
  const member = await signedInPage(browser, 'member@example.jp');
  await openDemoPlan(member);
  await expect(member.getByTestId('plan-editor').locator('ins.suggestion', { hasText: SUGGESTED })).toBeVisible();
  await expect(member.getByTestId('plan-editor')).not.toContainText(REFUSED);

  // Taken back by staff themselves (their own suggestion), and that is stored too.
  for (let i = 0; i < SUGGESTED.length; i++) await staff.keyboard.press('Backspace');
  await expect(editor).not.toContainText(SUGGESTED);
  await expect(staff.getByTestId('connection-status')).toHaveAttribute('data-save-state', 'saved');
  await expect(member.getByTestId('plan-editor')).not.toContainText(SUGGESTED);
  await member.context().close();
  await staff.context().close();
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`the notice stands above the document without covering it at ${viewport.width} px`, async ({ browser }) => {
    const staff = await signedInPageAt(browser, 'staff@example.jp', viewport);
    await refuseOne(staff);
    const notice = await staff.getByTestId('update-refused').boundingBox();
    const bar = await staff.getByTestId('connection-status').boundingBox();
    const editor = await staff.getByTestId('plan-editor').boundingBox();
    expect(notice!.y + notice!.height).toBeLessThanOrEqual(bar!.y);
    expect(notice!.y + notice!.height).toBeLessThanOrEqual(editor!.y);
    await expectNoHorizontalOverflow(staff);
    if (process.env.REFUSAL_SHOTS) await staff.screenshot({ path: `tests/.tmp/update-refused-${viewport.width}.png` });
    await staff.getByTestId('update-refused-reopen').click();
    await expect(staff.getByTestId('plan-editor')).not.toContainText(REFUSED);
    await staff.context().close();
  });
}
