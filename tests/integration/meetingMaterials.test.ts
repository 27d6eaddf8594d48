import { type MeetingMaterial, type PlanSummary, zipEntryNames } from '@sakutei/shared';
import { docxBytes, exeBytes, htmlBytes, pdfBytes, plainZipBytes, xlsxBytes } from '@sakutei/shared/testing/materialFiles';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

/**
 * A meeting's materials (資料, issue 17 item 3) against a real server: uploads judged by their
 * bytes, the size limit while streaming, numbering by position, safe download headers, the
 * ZIP bundle, the audit record and who may do what.
 */

const MAX = 64 * 1024;
const dataDir = tempDataDir();
let server: TestServer;
let workspaceId: string;
let planId: string;
let otherWorkspaceId: string;
let meetingId: string;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed;
let member: Signed;
let observer: Signed;
let outsider: Signed;

beforeAll(async () => {
  server = await startServer({ dataDir, env: { SAKUTEI_MATERIAL_MAX_BYTES: String(MAX) } });
  otherWorkspaceId = addOutsider(dataDir, 'outsider@example.jp');
  [staff, member, observer] = (await Promise.all(['staff', 'member', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed];
  outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
  const [plan] = (await member.plans()) as [PlanSummary];
  workspaceId = plan.workspaceId;
  planId = plan.id;
  const res = await staff.request('POST', `/api/workspaces/${workspaceId}/meetings`, { kind: 'regular', date: '2031-05-20', place: '第1会議室' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  meetingId = res.body.meeting.id;
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const base = () => `/api/workspaces/${workspaceId}/meetings/${meetingId}/materials`;

async function upload(bytes: Uint8Array | ReadableStream<Uint8Array>, name: string, as: ApiClient = staff, title?: string) {
  const query = new URLSearchParams({ name, ...(title ? { title } : {}) });
  const res = await fetch(`${server.url}${base()}?${query}`, {
    method: 'POST',
    headers: { cookie: as.cookie, 'content-type': 'application/octet-stream' },
    body: bytes,
    ...(bytes instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const download = (path: string, as: ApiClient) => fetch(`${server.url}${path}`, { headers: { cookie: as.cookie } });

async function list(as: ApiClient = staff): Promise<MeetingMaterial[]> {
  const res = await as.request('GET', base());
  expect(res.status).toBe(200);
  return res.body.materials;
}

describe('meeting materials', () => {
  it('takes PDF, DOCX and XLSX by their bytes, numbers them by position', async () => {
    const pdf = await upload(pdfBytes(), '令和7年度 実施状況.pdf');
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201);
    expect(pdf.body.material).toMatchObject({ label: '資料1', title: '令和7年度 実施状況', fileType: 'pdf', contentType: 'application/pdf', downloadName: '資料1_令和7年度 実施状況.pdf' });
    // The name says .pdf; the bytes are a Word document: the bytes win.
    const docx = await upload(await docxBytes(), 'misnamed.pdf', staff, '骨子案');
    expect(docx.status).toBe(201);
    expect(docx.body.material).toMatchObject({ label: '資料2', fileType: 'docx', downloadName: '資料2_骨子案.docx' });
    expect((await upload(await xlsxBytes(), '指標.xlsx')).body.material).toMatchObject({ label: '資料3', fileType: 'xlsx' });
    expect((await list(member)).map((m) => m.label)).toEqual(['資料1', '資料2', '資料3']);

  });

  it('refuses what is not a PDF, DOCX or XLSX whatever its name, and an empty file, storing nothing', async () => {
    const before = await list();
    for (const [bytes, name] of [
      [exeBytes(), 'setup.pdf'],
      [htmlBytes(), 'page.pdf'],
      [await plainZipBytes(), 'archive.docx'],
    ] as const) {
      const res = await upload(bytes, name);
      expect(res.status, name).toBe(415);
      expect(res.body.error.code).toBe('unsupported_file_type');
    }
    expect((await upload(new Uint8Array(), 'empty.pdf')).body.error.code).toBe('empty_file');
    expect((await upload(pdfBytes(), 'bad\nname.pdf')).status).toBe(400);
    expect(await list()).toEqual(before);
  });

  it('serves a file as an attachment with safe headers, to readers only', async () => {
    const [first] = await list();
    const path = `${base()}/${first!.id}/file`;
    const res = await download(path, member);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('資料1_令和7年度 実施状況.pdf')}`);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdfBytes());
    expect((await download(path, observer)).status).toBe(404);
    expect((await download(path, outsider)).status).toBe(404);
    expect((await download(`${base()}/nope/file`, member)).status).toBe(404);
  });

  it('bundles every material in one ZIP named 資料n_title in order', async () => {
    const res = await download(`${base()}/bundle`, member);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(zipEntryNames(bytes)).toEqual(['資料1_令和7年度 実施状況.pdf', '資料2_骨子案.docx', '資料3_指標.xlsx']);
    expect(Buffer.from(bytes).includes(Buffer.from(pdfBytes()))).toBe(true);
  });

  it('renames and moves; labels follow positions; removal closes the gap and is recorded', async () => {
    const [a, b, c] = await list();
    const moved = await staff.request('PATCH', `${base()}/${c!.id}`, { position: 1, title: '指標一覧' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.materials.map((m: MeetingMaterial) => [m.label, m.id])).toEqual([
      ['資料1', c!.id],
      ['資料2', a!.id],
      ['資料3', b!.id],
    ]);
    expect(moved.body.materials[0].downloadName).toBe('資料1_指標一覧.xlsx');
    expect((await staff.request('PATCH', `${base()}/${a!.id}`, {})).status).toBe(400);
    expect((await staff.request('PATCH', `${base()}/${a!.id}`, { title: '' })).status).toBe(400);
    expect((await staff.request('PATCH', `${base()}/${a!.id}`, { extra: 1, title: 'x' })).status).toBe(400);

    const removed = await staff.request('DELETE', `${base()}/${c!.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.materials.map((m: MeetingMaterial) => [m.label, m.id])).toEqual([
      ['資料1', a!.id],
      ['資料2', b!.id],
    ]);
    expect((await staff.request('DELETE', `${base()}/${c!.id}`)).status).toBe(404);

    // The council's record (shown on each plan's record) names the meeting and the material.
    const audit = await staff.request('GET', `/api/plans/${planId}/audit?limit=500`);
    expect(audit.status).toBe(200);
    const kinds = audit.body.entries.filter((e: { kind: string }) => e.kind.startsWith('meeting.material'));
    expect(kinds.filter((e: { kind: string }) => e.kind === 'meeting.material.add').length).toBe(3);
    expect(kinds.find((e: { kind: string }) => e.kind === 'meeting.material.remove').details).toMatchObject({ materialId: c!.id, title: '指標一覧', name: expect.stringContaining('指標一覧') });
  });

  it('lets only staff and the chair change materials', async () => {
    const [first] = await list();
    expect((await upload(pdfBytes(), 'x.pdf', member)).status).toBe(403);
    expect((await upload(pdfBytes(), 'x.pdf', observer)).status).toBe(404);
    expect((await upload(pdfBytes(), 'x.pdf', outsider)).status).toBe(404);
    expect((await member.request('PATCH', `${base()}/${first!.id}`, { title: 'x' })).status).toBe(403);
    expect((await member.request('DELETE', `${base()}/${first!.id}`)).status).toBe(403);
    const mine = await member.request('GET', base());
    expect(mine.body.mayManage).toBe(false);
    expect((await staff.request('GET', base())).body.mayManage).toBe(true);
  });

  it("keeps an archived council's materials downloadable and refuses every change", async () => {
    const made = await outsider.request('POST', `/api/workspaces/${otherWorkspaceId}/meetings`, { kind: 'regular', date: '2031-06-01' });
    expect(made.status).toBe(201);
    const other = `/api/workspaces/${otherWorkspaceId}/meetings/${made.body.meeting.id}/materials`;
    const query = new URLSearchParams({ name: '郡山.pdf' });
    const post = () => fetch(`${server.url}${other}?${query}`, { method: 'POST', headers: { cookie: outsider.cookie, 'content-type': 'application/octet-stream' }, body: new Blob([new Uint8Array(pdfBytes())]) });
    const added = await (await post()).json();
    const admin = await signedIn(server.url, 'admin@example.jp');
    expect((await admin.request('PATCH', `/api/admin/councils/${otherWorkspaceId}`, { archived: true })).status).toBe(200);
    try {
      const refused = await post();
      expect(refused.status).toBe(409);
      expect((await refused.json()).error.code).toBe('council_archived');
      expect((await outsider.request('PATCH', `${other}/${added.material.id}`, { title: '変更' })).body.error.code).toBe('council_archived');
      expect((await outsider.request('DELETE', `${other}/${added.material.id}`)).body.error.code).toBe('council_archived');
      expect((await download(`${other}/${added.material.id}/file`, outsider)).status).toBe(200);
      expect((await outsider.request('GET', other)).body.materials.map((m: MeetingMaterial) => m.title)).toEqual(['郡山']);
    } finally {
      expect((await admin.request('PATCH', `/api/admin/councils/${otherWorkspaceId}`, { archived: false })).status).toBe(200);
    }
  });

  it('refuses a bundle past ten files of the largest upload size, and builds it again once it fits', async () => {
    const created = await staff.request('POST', `/api/workspaces/${workspaceId}/meetings`, { kind: 'regular', date: '2031-06-20' });
    expect(created.status).toBe(201);
    const materials = `/api/workspaces/${workspaceId}/meetings/${created.body.meeting.id}/materials`;
    const nearlyMax = pdfBytes('資料'.repeat(Math.floor((MAX - 400) / 6)));
    expect(nearlyMax.length).toBeLessThanOrEqual(MAX);
    let last = '';
    for (let i = 0; i < 11; i++) {
      const res = await fetch(`${server.url}${materials}?name=big${i}.pdf`, {
        method: 'POST',
        headers: { cookie: staff.cookie, 'content-type': 'application/octet-stream' },
        body: nearlyMax,
      } as RequestInit);
      expect(res.status).toBe(201);
      last = ((await res.json()) as { material: MeetingMaterial }).material.id;
    }
    const refused = await download(`${materials}/bundle`, member);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('bundle_too_large');
    expect((await staff.request('DELETE', `${materials}/${last}`)).status).toBe(200);
    const fits = await download(`${materials}/bundle`, member);
    expect(fits.status).toBe(200);
    expect(zipEntryNames(new Uint8Array(await fits.arrayBuffer()))).toHaveLength(10);
    expect((await staff.request('DELETE', `/api/workspaces/${workspaceId}/meetings/${created.body.meeting.id}`)).status).toBe(200);
  });

  it('refuses a 31st material with 409 too_many_materials', async () => {
    const now = (await list()).length;
    for (let i = now; i < 30; i++) expect((await upload(pdfBytes(String(i)), `p${i}.pdf`)).status).toBe(201);
    const res = await upload(pdfBytes(), 'one-more.pdf');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('too_many_materials');
    expect((await list()).length).toBe(30);
  });
  it('refuses a body over the limit with 413, also one streamed without a length, before reading it all', async () => {
    const before = (await list()).length;
    const big = new Uint8Array(MAX + 1);
    big.set(pdfBytes());
    const sized = await upload(big, 'big.pdf');
    expect(sized.status).toBe(413);
    expect(sized.body.error.code).toBe('payload_too_large');

    // A stream that would go on far past the limit: refused once the limit is passed.
    let sent = 0;
    const chunk = new Uint8Array(16 * 1024);
    chunk.set(pdfBytes());
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 64 * MAX) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const query = new URLSearchParams({ name: 'stream.pdf' });
    const answer = await fetch(`${server.url}${base()}?${query}`, {
      method: 'POST',
      headers: { cookie: staff.cookie, 'content-type': 'application/octet-stream', connection: 'close' },
      body: endless,
      duplex: 'half',
    } as RequestInit).catch(() => null);
    const sentWhenAnswered = sent;
    // Either the answer 413 arrives, or the server closed the upload; never a stored material.
    if (answer) expect(answer.status).toBe(413);
    expect(sentWhenAnswered).toBeLessThan(64 * MAX);
    expect((await list()).length).toBe(before);
  });

});
