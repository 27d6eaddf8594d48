import { type MeetingMaterial, type PlanSummary, sniffMaterial, zipEntryNames } from '@sakutei/shared';
import { deriveTable } from '@sakutei/shared/measures';
import { pdfBytes } from '@sakutei/shared/testing/materialFiles';
import fs from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';
import { measureAnchor } from './authzMatrix';

/**
 * Materials generated from a frozen revision (issue 17 item 3) against a real server: the
 * revision as Word, its 新旧対照表 and its 委員意見と対応, numbered with the uploads, rendered on
 * download with the uploads' headers and put into the bundle; who may add them, and the
 * refusals (another council's plan, an unknown revision, no revision to compare with).
 */

const MAX = 64 * 1024;
const dataDir = tempDataDir();
let server: TestServer;
let workspaceId: string;
let planId: string;
let otherWorkspaceId: string;
let meetingId: string;
/** The plan's first revision (the demo's), the one frozen here before `second`, and `second`'s number. */
let first: string;
let second: string;
let n: number;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed;
let chair: Signed;
let member: Signed;
let observer: Signed;
let outsider: Signed;

/** One entry of a zip (a DOCX's word/document.xml, a bundle's file), found by its central directory. */
function zipEntry(bytes: Uint8Array, name: string): Buffer {
  const b = Buffer.from(bytes);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(end + 16);
  for (let i = 0; i < b.readUInt16LE(end + 10); i++) {
    const [method, size, nameLength, extra, comment, offset] = [b.readUInt16LE(at + 10), b.readUInt32LE(at + 20), b.readUInt16LE(at + 28), b.readUInt16LE(at + 30), b.readUInt16LE(at + 32), b.readUInt32LE(at + 42)];
    if (b.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = offset + 30 + b.readUInt16LE(offset + 26) + b.readUInt16LE(offset + 28);
      const data = b.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    }
    at += 46 + nameLength + extra + comment;
  }
  throw new Error(`no ${name}`);
}
const zipEntryText = (bytes: Uint8Array, name: string) => zipEntry(bytes, name).toString('utf8');

beforeAll(async () => {
  server = await startServer({ dataDir, env: { SAKUTEI_MATERIAL_MAX_BYTES: String(MAX) } });
  otherWorkspaceId = addOutsider(dataDir, 'outsider@example.jp');
  [staff, chair, member, observer] = (await Promise.all(['staff', 'chair', 'member', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed, Signed];
  outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
  const [plan] = (await member.plans()) as [PlanSummary];
  workspaceId = plan.workspaceId;
  planId = plan.id;
  const freeze = async (name: string) => {
    const res = await staff.request('POST', `/api/plans/${planId}/revisions`, { name, stage: '素案' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.revision.id as string;
  };
  await freeze('生成資料の前版');
  second = await freeze('生成資料の版');
  const revisions = (await staff.request('GET', `/api/plans/${planId}/revisions`)).body.revisions as Array<{ id: string; number: number }>;
  n = revisions.find((r) => r.id === second)!.number;
  first = revisions.reduce((a, b) => (b.number < a.number ? b : a)).id;
  const res = await staff.request('POST', `/api/workspaces/${workspaceId}/meetings`, { kind: 'regular', date: '2031-06-20', place: '第2会議室' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  meetingId = res.body.meeting.id;
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const base = (meeting = meetingId) => `/api/workspaces/${workspaceId}/meetings/${meeting}/materials`;
const generate = (body: Record<string, unknown>, as: ApiClient = staff, meeting = meetingId) => as.request('POST', `${base(meeting)}/generated`, body);
/** Uploads a small PDF to a meeting's materials. */
const uploadPdf = (name: string, meeting = meetingId) =>
  fetch(`${server.url}${base(meeting)}?${new URLSearchParams({ name })}`, {
    method: 'POST',
    headers: { cookie: staff.cookie, 'content-type': 'application/octet-stream' },
    body: pdfBytes(),
  } as RequestInit);
const download = (path: string, as: ApiClient) => fetch(`${server.url}${path}`, { headers: { cookie: as.cookie } });

async function list(as: ApiClient = staff): Promise<MeetingMaterial[]> {
  const res = await as.request('GET', base());
  expect(res.status).toBe(200);
  return res.body.materials;
}

describe('generated meeting materials', () => {
  it('numbers a revision, its 新旧対照表 and its 委員意見と対応 in one sequence with the uploads', async () => {
    const upload = await uploadPdf('次第.pdf');
    expect(upload.status).toBe(201);
    const revision = await generate({ planId, revisionId: second, kind: 'revision' });
    expect(revision.status, JSON.stringify(revision.body)).toBe(201);
    expect(revision.body.material).toMatchObject({
      label: '資料2',
      kind: 'revision',
      source: { planId, revisionId: second },
      title: `第${n}版 生成資料の版`,
      fileType: 'docx',
      size: 0,
      downloadName: `資料2_第${n}版 生成資料の版.docx`,
    });
    // The chair may add them too.
    const compare = await generate({ planId, revisionId: second, kind: 'compare' }, chair);
    expect(compare.body.material).toMatchObject({ label: '資料3', kind: 'compare', title: `新旧対照表（第${n - 1}版→第${n}版）`, fileType: 'docx' });
    const opinions = await generate({ planId, revisionId: second, kind: 'opinions', title: '委員意見一覧' });
    expect(opinions.body.material).toMatchObject({ label: '資料4', kind: 'opinions', title: '委員意見一覧', fileType: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect((await list(member)).map((m) => [m.label, m.kind])).toEqual([
      ['資料1', 'file'],
      ['資料2', 'revision'],
      ['資料3', 'compare'],
      ['資料4', 'opinions'],
    ]);
    // A generated material keeps no bytes: the council's quota is untouched by it.
    const { limits } = (await staff.request('GET', base())).body;
    expect(limits.councilBytesLeft).toBe(500 * 1024 * 1024 - pdfBytes().length);
    // Moving one renumbers across both kinds.
    const moved = await staff.request('PATCH', `${base()}/${opinions.body.material.id}`, { position: 1 });
    expect(moved.body.materials.map((m: MeetingMaterial) => `${m.label}:${m.kind}`)).toEqual(['資料1:opinions', '資料2:file', '資料3:revision', '資料4:compare']);
    await staff.request('PATCH', `${base()}/${opinions.body.material.id}`, { position: 4 });
  });

  it('renders each on download with the uploads’ safe headers, to readers only', async () => {
    const [, revision, compare] = await list();
    const res = await download(`${base()}/${revision!.id}/file`, member);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`資料2_第${n}版 生成資料の版.docx`)}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const docx = new Uint8Array(await res.arrayBuffer());
    expect(sniffMaterial(docx)).toBe('docx');
    expect(zipEntryText(docx, 'word/document.xml')).toContain('生成資料の版');

    const table = await download(`${base()}/${compare!.id}/file`, member);
    expect(table.status).toBe(200);
    const compared = zipEntryText(new Uint8Array(await table.arrayBuffer()), 'word/document.xml');
    expect(compared).toContain('新旧対照表');
    expect(compared).toContain('生成資料の前版');

    expect((await download(`${base()}/${revision!.id}/file`, observer)).status).toBe(404);
    expect((await download(`${base()}/${revision!.id}/file`, outsider)).status).toBe(404);
  });

  it('lists the opinions given on that revision in the 委員意見と対応 table', async () => {
    const table = (await member.request('GET', `/api/plans/${planId}/measures`)).body.table;
    const anchor = measureAnchor(deriveTable(table).kpis[0]!.kpi.id);
    const thread = await member.request('POST', `/api/plans/${planId}/threads`, { anchor, body: '生成資料の版への委員意見', revisionId: second });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    const opinions = (await list()).find((m) => m.kind === 'opinions')!;
    const res = await download(`${base()}/${opinions.id}/file`, member);
    expect(res.status).toBe(200);
    const xlsx = new Uint8Array(await res.arrayBuffer());
    expect(sniffMaterial(xlsx)).toBe('xlsx');
    const strings = zipEntryText(xlsx, 'xl/sharedStrings.xml');
    expect(strings).toContain('対応方針');
    expect(strings).toContain('生成資料の版への委員意見');
  });

  it('puts the generated files into the bundle, in order', async () => {
    const res = await download(`${base()}/bundle`, member);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(zipEntryNames(bytes)).toEqual(['資料1_次第.pdf', `資料2_第${n}版 生成資料の版.docx`, `資料3_新旧対照表（第${n - 1}版→第${n}版）.docx`, '資料4_委員意見一覧.xlsx']);
    const bundled = zipEntry(bytes, `資料2_第${n}版 生成資料の版.docx`);
    expect(sniffMaterial(bundled)).toBe('docx');
    expect(zipEntryText(bundled, 'word/document.xml')).toContain('生成資料の版');
    expect(sniffMaterial(zipEntry(bytes, '資料4_委員意見一覧.xlsx'))).toBe('xlsx');
  });

  it('lets only staff and the chair add one, and refuses other councils, unknown revisions and a first revision’s 新旧対照表, storing nothing', async () => {
    const before = (await list()).length;
    const body = { planId, revisionId: second, kind: 'revision' };
    expect((await generate(body, member)).status).toBe(403);
    expect((await generate(body, observer)).status).toBe(404);
    expect((await generate(body, outsider)).status).toBe(404);

    const made = await outsider.request('POST', '/api/plans', { workspaceId: otherWorkspaceId, title: '郡山市産業振興ビジョン', period: { from: 2026, to: 2030 }, source: { kind: 'blank' } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const otherPlanId = made.body.plan.id as string;
    const frozen = await outsider.request('POST', `/api/plans/${otherPlanId}/revisions`, { name: '骨子案', stage: '骨子案' });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    const otherRevisionId = frozen.body.revision.id as string;

    const refusals: Array<[Record<string, unknown>, number, string]> = [
      [{ planId: otherPlanId, revisionId: otherRevisionId, kind: 'revision' }, 404, 'not_found'],
      // This council's plan named with another council's revision.
      [{ planId, revisionId: otherRevisionId, kind: 'revision' }, 404, 'not_found'],
      [{ planId, revisionId: 'no-such-revision', kind: 'compare' }, 404, 'not_found'],
      [{ planId, revisionId: first, kind: 'compare' }, 400, 'no_previous_revision'],
      [{ planId, revisionId: second, kind: 'minutes' }, 400, 'invalid_request'],
      [{ planId, revisionId: second, kind: 'revision', extra: 1 }, 400, 'invalid_request'],
      [{ planId, revisionId: second, kind: 'revision', title: 'x'.repeat(201) }, 400, 'invalid_request'],
    ];
    for (const [refused, status, code] of refusals) {
      const res = await generate(refused);
      expect(res.status, JSON.stringify([refused, res.body])).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    expect((await list()).length).toBe(before);
  });

  it('counts a generated file as one of the largest upload size in the bundle’s bound', async () => {
    const res = await staff.request('POST', `/api/workspaces/${workspaceId}/meetings`, { kind: 'regular', date: '2031-07-20', place: '第3会議室' });
    const meeting = res.body.meeting.id as string;
    for (let i = 0; i < 10; i++) expect((await generate({ planId, revisionId: second, kind: 'revision', title: `版${i + 1}` }, staff, meeting)).status).toBe(201);
    // Ten generated files fill the bound (10 × SAKUTEI_MATERIAL_MAX_BYTES) exactly; one more byte of upload passes it.
    const upload = await uploadPdf('small.pdf', meeting);
    expect(upload.status).toBe(201);
    const bundle = await download(`${base(meeting)}/bundle`, member);
    expect(bundle.status).toBe(409);
    expect((await bundle.json()).error.code).toBe('bundle_too_large');
  });
});
