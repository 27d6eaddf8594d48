import fs from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, signedInPage } from './support';

/**
 * Meeting materials (資料, issue 17 item 3) on the demo meeting: staff upload a small PDF made
 * here and see it numbered 資料1, a program renamed .pdf is refused in words, a second file
 * becomes 資料2 and is moved up; a member downloads one file and the bundle. The demo meeting
 * has no materials; afterEach removes every material again, leaving the demo data as found.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, ...Buffer.from('This program cannot be run in DOS mode.')]);

let cleanup: { page: Page; base: string } | null = null;
test.afterEach(async () => {
  if (!cleanup) return;
  const { page, base } = cleanup;
  cleanup = null;
  const { materials } = await (await page.request.get(base)).json();
  // From the last, so the positions of those left do not matter.
  for (const m of [...materials].reverse()) expect((await page.request.delete(`${base}/${m.id}`)).ok()).toBe(true);
  expect((await (await page.request.get(base)).json()).materials).toEqual([]);
});

async function demoMeeting(page: Page) {
  const { plans } = await (await page.request.get('/api/plans')).json();
  const workspaceId: string = plans[0].workspaceId;
  const { meetings } = await (await page.request.get(`/api/workspaces/${workspaceId}/meetings`)).json();
  const meetingId: string = meetings.find((m: { date: string }) => m.date === '2027-01-21').id;
  return { workspaceId, meetingId, path: `/councils/${workspaceId}/meetings/${meetingId}`, base: `/api/workspaces/${workspaceId}/meetings/${meetingId}/materials` };
}

test('staff add materials, refused files are explained, a member downloads one and the bundle', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const demo = await demoMeeting(staff);
  expect((await (await staff.request.get(demo.base)).json()).materials).toEqual([]);
  cleanup = { page: staff, base: demo.base };

  await staff.goto(demo.path);
  const section = staff.getByTestId('materials');
  await expect(section.getByRole('heading', { name: '資料' })).toBeVisible();
  await expect(section.getByText('資料はまだありません。')).toBeVisible();

  // A program named .pdf: refused before sending, in words, and nothing is added.
  await staff.getByTestId('materials-file').setInputFiles({ name: 'setup.pdf', mimeType: 'application/pdf', buffer: EXE });
  await expect(staff.getByTestId('materials-failure')).toContainText('中身で判定');
  await expect(staff.getByTestId('material')).toHaveCount(0);

  await staff.getByTestId('materials-file').setInputFiles({ name: '実施状況報告.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(staff.getByTestId('material')).toHaveCount(1);
  await expect(staff.getByTestId('material-label')).toHaveText(['資料1']);
  await expect(staff.getByTestId('meeting-announcement')).toContainText('資料1');
  await expect(staff.getByTestId('materials-failure')).toHaveCount(0);

  await staff.getByTestId('materials-file').setInputFiles({ name: '骨子案.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(staff.getByTestId('material')).toHaveCount(2);
  const second = staff.getByTestId('material').nth(1);
  await expect(second).toContainText('骨子案');
  await second.getByTestId('material-up').click();
  await expect(staff.getByTestId('material').first()).toContainText('骨子案');
  await expect(staff.getByTestId('material-label')).toHaveText(['資料1', '資料2']);
  // The focus follows the moved material.
  await expect(staff.getByTestId('material').first().getByTestId('material-down')).toBeFocused();
  await expectNoSeriousA11yViolations(staff, { include: '[data-testid="materials"]', label: 'materials (staff)' });

  // Removal asks first; cancelling keeps it.
  await staff.getByTestId('material').nth(1).getByTestId('material-remove').click();
  await staff.getByTestId('material-remove-dialog-cancel').click();
  await expect(staff.getByTestId('material')).toHaveCount(2);

  const member = await signedInPage(browser, 'member@example.jp');
  await member.goto(demo.path);
  await expect(member.getByTestId('material')).toHaveCount(2);
  await expect(member.getByTestId('material-up')).toHaveCount(0);
  await expect(member.getByTestId('materials-drop')).toHaveCount(0);

  const [one] = await Promise.all([member.waitForEvent('download'), member.getByTestId('material-download').first().click()]);
  expect(one.suggestedFilename()).toBe('資料1_骨子案.pdf');
  expect(fs.readFileSync((await one.path())!)).toEqual(PDF);

  const [bundle] = await Promise.all([member.waitForEvent('download'), member.getByTestId('materials-bundle').click()]);
  expect(bundle.suggestedFilename()).toMatch(/資料\.zip$/);
  const zip = fs.readFileSync((await bundle.path())!);
  expect(zip.subarray(0, 2).toString()).toBe('PK');
  expect(zip.includes(Buffer.from('資料1_骨子案.pdf'))).toBe(true);
  expect(zip.includes(Buffer.from('資料2_実施状況報告.pdf'))).toBe(true);

  await member.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalOverflow(member, 'meeting page with materials at 390 px');

  // Confirmed removal: 資料2 goes, 資料1 stays.
  await staff.getByTestId('material').nth(1).getByTestId('material-remove').click();
  await staff.getByTestId('material-remove-dialog').getByRole('button', { name: '削除する' }).click();
  await expect(staff.getByTestId('material')).toHaveCount(1);
  await expect(staff.getByTestId('material-label')).toHaveText(['資料1']);
  await member.context().close();
});

/** The demo plan's own first revision (第1版): generated materials need a frozen one, and using it leaves the demo's revisions as found. */
async function demoRevision(page: Page) {
  const { plans } = await (await page.request.get('/api/plans')).json();
  const { revisions } = await (await page.request.get(`/api/plans/${plans[0].id}/revisions`)).json();
  const first = revisions.reduce((a: { number: number }, b: { number: number }) => (b.number < a.number ? b : a));
  return first as { id: string; number: number; name: string; stage: string };
}

test('staff add a frozen revision as a material; a member downloads it as Word', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@example.jp');
  const demo = await demoMeeting(staff);
  const revision = await demoRevision(staff);
  cleanup = { page: staff, base: demo.base };

  await staff.goto(demo.path);
  await staff.getByTestId('materials-generate-open').click();
  const form = staff.getByTestId('materials-generate');
  await form.getByLabel('計画').selectOption({ index: 1 });
  await form.getByLabel('版', { exact: true }).selectOption({ label: `第${revision.number}版 ${revision.name}（${revision.stage}）` });
  await form.getByLabel('版の本文（Word）').check();
  await form.getByTestId('materials-generate-add').click();
  await expect(staff.getByTestId('material')).toHaveCount(1);
  await expect(staff.getByTestId('material-label')).toHaveText(['資料1']);
  await expect(staff.getByTestId('material-meta')).toContainText('ダウンロード時に作成');
  await expect(staff.getByTestId('meeting-announcement')).toContainText('資料1');
  await expectNoSeriousA11yViolations(staff, { include: '[data-testid="materials"]', label: 'materials with the generate form' });

  const member = await signedInPage(browser, 'member@example.jp');
  await member.goto(demo.path);
  await expect(member.getByTestId('materials-generate-open')).toHaveCount(0);
  const [file] = await Promise.all([member.waitForEvent('download'), member.getByTestId('material-download').first().click()]);
  expect(file.suggestedFilename()).toBe(`資料1_第${revision.number}版 ${revision.name}.docx`);
  expect(fs.readFileSync((await file.path())!).subarray(0, 2).toString()).toBe('PK');
  await member.context().close();
});
