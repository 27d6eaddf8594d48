import { type AttendanceEntry, type PlanSummary, docNameForMinutes } from '@sakutei/shared';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOfficeStrict } from '../../server/src/services/export/testing/officeStrict';
import { appendParagraph, askStored, connectCollab } from '../support/collab';
import { type ApiClient, signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

/**
 * A meeting's documents for paper (issue 17 item 7) against a real server: 次第, 出席者名簿 and
 * 議事録 as DOCX and HTML, with their safe download headers, who may take each, a draft 議事録
 * only for staff and the chair, and anonymised minutes that name nobody on the roll.
 */

const dataDir = tempDataDir();
let server: TestServer;
let workspaceId: string;
let meetingId: string;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed;
let chair: Signed;
let member: Signed;
let observer: Signed;
let outsider: Signed;
let attendance: AttendanceEntry[];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const base = () => `/api/workspaces/${workspaceId}/meetings/${meetingId}`;

beforeAll(async () => {
  server = await startServer({ dataDir });
  addOutsider(dataDir, 'outsider@example.jp');
  [staff, chair, member, observer] = (await Promise.all(['staff', 'chair', 'member', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed, Signed];
  outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
  const [plan] = (await member.plans()) as [PlanSummary];
  workspaceId = plan.workspaceId;
  const made = await staff.request('POST', `/api/workspaces/${workspaceId}/meetings`, { kind: 'regular', date: '2031-05-20', startTime: '14:00', endTime: '16:00', place: '第1会議室' });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  meetingId = made.body.meeting.id;
  const agenda = await staff.request('PUT', `${base()}/agenda`, {
    version: made.body.meeting.version,
    items: [
      { title: '開会', minutes: 5 },
      { title: '議事 (1) 中間案について', presenter: '事務局', minutes: 60, links: [{ kind: 'text', text: '委員意見と対応' }] },
      { title: '閉会' },
    ],
  });
  expect(agenda.status, JSON.stringify(agenda.body)).toBe(200);
  attendance = agenda.body.meeting.attendance;
  const byName = (part: string) => attendance.find((e) => e.name.includes(part))!.userId;
  const set = await staff.request('PUT', `${base()}/attendance`, {
    version: agenda.body.meeting.version,
    entries: [
      { userId: byName('山田'), attendance: 'present' },
      { userId: byName('佐藤'), attendance: 'proxy', proxyName: '佐藤 次郎' },
      { userId: byName('鈴木'), attendance: 'absent' },
    ],
  });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
  attendance = set.body.meeting.attendance;
  // Held: its minutes are sent and confirmed below, which only a sitting that took place has.
  const held = await staff.request('PATCH', base(), { version: set.body.meeting.version, status: 'held' });
  expect(held.status, JSON.stringify(held.body)).toBe(200);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function download(file: string, as: ApiClient | null = staff) {
  const res = await fetch(`${server.url}${base()}/exports/${file}`, { headers: as ? { cookie: as.cookie } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

const wordText = (bytes: Buffer) => openOfficeStrict(bytes).get('word/document.xml')!.replace(/<[^>]+>/g, '');

/** The decoded `filename*` of a Content-Disposition. */
const fileNameOf = (disposition: string | null) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition ?? '')![1]!);

describe('meeting documents', () => {
  it('hands out the 次第 as Word and as a page to print, attachments with safe headers, to every reader', async () => {
    const word = await download('agenda.docx', member);
    expect(word.status, word.text).toBe(200);
    expect(word.headers.get('content-type')).toBe(DOCX);
    expect(word.headers.get('content-disposition')).toMatch(/^attachment; filename="meeting-agenda\.docx"; filename\*=UTF-8''/);
    expect(fileNameOf(word.headers.get('content-disposition'))).toBe('令和13年度 第1回_次第.docx');
    expect(word.headers.get('x-content-type-options')).toBe('nosniff');
    expect(word.headers.get('cache-control')).toBe('private, no-store');
    const text = wordText(word.bytes);
    expect(text).toMatch(/令和13年度 第1回 .+ 次第/);
    expect(text).toContain('令和13年5月20日（火）14:00～16:00');
    expect(text).toContain('議事 (1) 中間案について　（事務局・60分）');
    expect(text).toContain('委員意見と対応');

    const page = await download('agenda.html', member);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-disposition')).toMatch(/^attachment; filename="meeting-agenda\.html"/);
    // A page that runs nothing, even if opened from the app's origin.
    expect(page.headers.get('content-security-policy')).toContain('sandbox');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('<dt>場所</dt><dd>第1会議室</dd>');
    expect(page.text).not.toContain('<script');
  });

  it('lists attendance as 区分 / 氏名 / 出欠 with the proxy named', async () => {
    const word = await download('attendance.docx', member);
    expect(word.status).toBe(200);
    expect(fileNameOf(word.headers.get('content-disposition'))).toBe('令和13年度 第1回_出席者名簿.docx');
    const text = wordText(word.bytes);
    for (const part of ['区分', '氏名', '出欠', '座長', '山田太郎', '代理出席（佐藤 次郎）', '欠席']) expect(text).toContain(part);
    const page = await download('attendance.html', chair);
    expect(page.status).toBe(200);
    expect(page.text).toContain('代理出席（佐藤 次郎）');
    expect(page.text).toMatch(/委員 \d+名中 出席 2名（うち代理 1名）/);
  });

  it('refuses observers and other councils as unknown, anonymous callers as signed out, and files it does not make', async () => {
    for (const file of ['agenda.docx', 'attendance.html', 'minutes.docx']) {
      expect((await download(file, observer)).status).toBe(404);
      expect((await download(file, outsider)).status).toBe(404);
      expect((await download(file, null)).status).toBe(401);
    }
    const unknown = await fetch(`${server.url}/api/workspaces/${workspaceId}/meetings/no-such-meeting/exports/agenda.docx`, { headers: { cookie: member.cookie } });
    expect(unknown.status).toBe(404);
    const pdf = await download('agenda.pdf', member);
    expect(pdf.status).toBe(400);
    expect(JSON.parse(pdf.text).error.code).toBe('invalid_request');
    const names = await fetch(`${server.url}${base()}/exports/minutes.html?names=everyone`, { headers: { cookie: staff.cookie } });
    expect(names.status).toBe(400);
  });

  it('gives the draft minutes to staff and the chair only, marked 案; anonymised, they name nobody on the roll', async () => {
    // Staff write the minutes live, naming people as the speaker picker and people do.
    const writer = connectCollab(server.wsUrl, docNameForMinutes(meetingId), { cookie: staff.cookie });
    await writer.synced;
    for (const line of ['山田太郎座長：開会します。', '事務局（高橋美咲）：資料1を説明します。', '鈴木一郎委員：佐藤花子委員の意見に賛成です。', '佐藤委員：鈴木 一郎さんの指摘のとおりです。', '佐藤 次郎：代理として発言します。']) {
      appendParagraph(writer.doc, line);
    }
    expect((await askStored(writer)).lost).toBe(0);
    writer.destroy();

    const refused = await download('minutes.docx', member);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.code).toBe('forbidden');

    const draft = await download('minutes.html?names=asSpoken', staff);
    expect(draft.status).toBe(200);
    expect(fileNameOf(draft.headers.get('content-disposition'))).toBe('令和13年度 第1回_議事録（案）.html');
    expect(draft.text).toContain('議事録（案）');
    expect(draft.text).toContain('鈴木一郎委員：佐藤花子委員の意見に賛成です。');

    const anonymised = await download('minutes.docx?names=anonymised', chair);
    expect(anonymised.status).toBe(200);
    expect(fileNameOf(anonymised.headers.get('content-disposition'))).toBe('令和13年度 第1回_議事録（案）_公表用.docx');
    const text = wordText(anonymised.bytes);
    expect(text).toContain('座長：開会します。');
    expect(text).toContain('委員A：委員Bの意見に賛成です。');
    expect(text).toContain('委員B：委員Aの指摘のとおりです。');
    expect(text).toContain('委員C：代理として発言します。');
    const page = (await download('minutes.html?names=anonymised', staff)).text;
    for (const e of attendance) {
      for (const part of e.name.split(/\s+/).filter((p) => !['座長', '委員', '事務局', '傍聴'].includes(p))) {
        expect(text).not.toContain(part);
        expect(page).not.toContain(part);
      }
    }
    for (const part of ['佐藤', '次郎', '高橋']) expect(page).not.toContain(part);
  });

  it('gives confirmed minutes to every reader, without 案, with their hash, in the publication setting by default', async () => {
    const sent = await staff.request('POST', `${base()}/minutes/send`, { version: (await staff.request('GET', `${base()}/minutes`)).body.minutes.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const confirmed = await chair.request('POST', `${base()}/minutes/confirm`, { version: sent.body.minutes.version });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const hash = confirmed.body.minutes.hash as string;

    const word = await download('minutes.docx', member);
    expect(word.status).toBe(200);
    // The default publication setting is anonymised.
    expect(fileNameOf(word.headers.get('content-disposition'))).toBe('令和13年度 第1回_議事録_公表用.docx');
    const text = wordText(word.bytes);
    expect(text).not.toContain('（案）');
    expect(text).toContain(hash);
    expect(text).not.toContain('鈴木');
    const spoken = await download('minutes.html?names=asSpoken', member);
    expect(spoken.status).toBe(200);
    expect(spoken.text).toContain('鈴木一郎委員：');
    expect(spoken.text).toContain(hash);
  });
});
