import type { Meeting, MeetingSummary, PlanSummary } from '@sakutei/shared';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

/**
 * A council's meetings against a real server (issue 17, landing A): numbering across fiscal
 * years, version conflicts, the agenda and its 送付後に変更 marks, links kept to the council,
 * attendance and quorum, deletion, hostile input, and who may do what.
 */

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let workspaceId: string;
let otherWorkspaceId: string;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed;
let member: Signed;
let chair: Signed;
let observer: Signed;
let outsider: Signed;

beforeAll(async () => {
  server = await startServer({ dataDir });
  otherWorkspaceId = addOutsider(dataDir, 'outsider@example.jp');
  [staff, member, chair, observer] = (await Promise.all(['staff', 'member', 'chair', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [
    Signed,
    Signed,
    Signed,
    Signed,
  ];
  outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
  [plan] = (await member.plans()) as [PlanSummary];
  workspaceId = plan.workspaceId;
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const base = () => `/api/workspaces/${workspaceId}/meetings`;

async function create(body: Record<string, unknown>, as: ApiClient = staff): Promise<Meeting> {
  const res = await as.request('POST', base(), body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.meeting;
}

async function get(id: string, as: ApiClient = staff): Promise<Meeting> {
  const res = await as.request('GET', `${base()}/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.meeting;
}

async function list(as: ApiClient = staff): Promise<MeetingSummary[]> {
  const res = await as.request('GET', base());
  expect(res.status).toBe(200);
  return res.body.meetings;
}

/** The council's audit entries of meetings, newest first (they show on the plan's record as council entries). */
async function meetingAudit(): Promise<Array<{ kind: string; details: Record<string, unknown> }>> {
  const entries = (await chair.request('GET', `/api/plans/${plan.id}/audit?limit=500`)).body.entries as Array<{ kind: string; details: Record<string, unknown> }>;
  return entries.filter((e) => e.kind.startsWith('meeting.'));
}

/** Everything stored of the council's meetings, to show a refused request changed nothing. */
async function snapshot() {
  const meetings = await list();
  return { meetings, details: await Promise.all(meetings.map((m) => get(m.id))), audit: (await meetingAudit()).length };
}

describe('meetings: numbering, facts and versions', () => {
  it('shows the demo council its one scheduled meeting with a three-item agenda, not yet sent', async () => {
    const [demo] = (await list(member)).filter((m) => m.date === '2027-01-21');
    expect(demo).toMatchObject({ label: '令和8年度 第1回', status: 'scheduled', kind: 'regular', startTime: '14:00', endTime: '16:00', agendaSentAt: null });
    const meeting = await get(demo!.id, member);
    expect(meeting.agenda.map((i) => [i.position, i.title, i.links.map((l) => l.kind)])).toEqual([
      [1, '令和7年度版の実施状況について', ['revision']],
      [2, '次期プログラムの骨子案について', ['plan']],
      [3, 'その他', []],
    ]);
    expect(meeting.agenda[0]!.links[0]).toMatchObject({ label: `${plan.title} 第1版「令和7年度版」` });
  });


  it('numbers meetings per fiscal year, plenary and subcommittee sequences apart, newest first, and renumbers on a move', async () => {
    const second = await create({ kind: 'regular', date: '2025-11-20', startTime: '14:00', endTime: '16:00', place: '市役所 本庁舎 第1会議室', title: '振興会議' });
    const first = await create({ kind: 'extraordinary', date: '2025-06-02' });
    const sub = await create({ kind: 'subcommittee', subcommittee: '商業', date: '2025-07-01' });
    const written = await create({ kind: 'written', date: '2026-03-31' });
    const nextYear = await create({ kind: 'regular', date: '2026-04-01', onlineUrl: 'https://meet.example.jp/abc' });
    expect(second).toMatchObject({ status: 'scheduled', version: 1, agenda: [], agendaSentAt: null, startTime: '14:00', endTime: '16:00', place: '市役所 本庁舎 第1会議室' });
    const labels = Object.fromEntries((await list()).map((m) => [m.id, m.label]));
    expect([labels[first.id], labels[second.id], labels[sub.id], labels[written.id], labels[nextYear.id]]).toEqual([
      '令和7年度 第1回',
      '令和7年度 第2回',
      '令和7年度 第1回 商業部会',
      '令和7年度 第3回',
      '令和8年度 第1回',
    ]);
    const mine = [first, second, sub, written, nextYear].map((m) => m.id);
    expect((await list()).map((m) => m.id).filter((id) => mine.includes(id))).toEqual([nextYear.id, written.id, second.id, sub.id, first.id]);
    // Moving the extraordinary meeting after the November one swaps their numbers.
    const moved = await staff.request('PATCH', `${base()}/${first.id}`, { version: 1, date: '2025-12-10' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.meeting).toMatchObject({ label: '令和7年度 第2回', ordinal: 2, fiscalYear: 2025, version: 2 });
    expect((await get(second.id)).label).toBe('令和7年度 第1回');
    const audit = await meetingAudit();
    expect(audit.filter((e) => e.kind === 'meeting.create').length).toBeGreaterThanOrEqual(5);
    expect(audit[0]).toMatchObject({ kind: 'meeting.update', details: { meetingId: first.id, changed: ['date'] } });
  });

  it('refuses a change made on an old version with 409 and the meeting as it is now', async () => {
    const m = await create({ kind: 'regular', date: '2025-09-01' });
    const one = await chair.request('PATCH', `${base()}/${m.id}`, { version: 1, title: '第一の変更', status: 'held' });
    expect(one.status).toBe(200);
    expect(one.body.meeting).toMatchObject({ title: '第一の変更', status: 'held', version: 2 });
    const stale = await staff.request('PATCH', `${base()}/${m.id}`, { version: 1, title: '古い版からの変更' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.meeting).toMatchObject({ id: m.id, title: '第一の変更', version: 2 });
    expect((await get(m.id)).title).toBe('第一の変更');
    // Back to scheduled is allowed; confirming or publishing minutes is not in this landing.
    expect((await staff.request('PATCH', `${base()}/${m.id}`, { version: 2, status: 'scheduled' })).status).toBe(200);
    for (const status of ['minutesConfirmed', 'published']) {
      const res = await staff.request('PATCH', `${base()}/${m.id}`, { version: 3, status });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_status');
    }
    expect((await get(m.id)).version).toBe(3);
  });

  it('keeps the facts consistent: a subcommittee names its 部会, times in order, online links https', async () => {
    const before = await snapshot();
    const bad: Array<Record<string, unknown>> = [
      { kind: 'subcommittee', date: '2025-05-01' },
      { kind: 'regular', subcommittee: '商業', date: '2025-05-01' },
      { kind: 'regular', date: '2025-05-01', endTime: '12:00' },
      { kind: 'regular', date: '2025-05-01', startTime: '14:00', endTime: '12:00' },
      { kind: 'regular', date: '2025-05-01', startTime: '14:00', endTime: '14:00' },
      { kind: 'regular', date: '2025-02-30' },
      { kind: 'regular', date: '2025-05-01', startTime: '25:00' },
      { kind: 'regular', date: '2025-05-01', onlineUrl: 'javascript:alert(1)' },
      { kind: 'regular', date: '2025-05-01', onlineUrl: 'http://meet.example.jp/x' },
      { kind: 'regular', date: '2025-05-01', title: 'x'.repeat(201) },
      { kind: 'regular', date: '2025-05-01', place: '会議室\n2階' },
      { kind: 'subcommittee', date: '2025-05-01', subcommittee: '部'.repeat(61) },
      { kind: 'plenary', date: '2025-05-01' },
      { kind: 'regular', date: '2025-05-01', extra: true },
    ];
    for (const body of bad) {
      const res = await staff.request('POST', base(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message']);
    }
    const m = await create({ kind: 'subcommittee', subcommittee: '工業', date: '2025-05-01', onlineUrl: 'http://localhost:3000/room' });
    // Turning a subcommittee meeting into a regular one drops its 部会名.
    const changed = await staff.request('PATCH', `${base()}/${m.id}`, { version: 1, kind: 'regular' });
    expect(changed.body.meeting).toMatchObject({ kind: 'regular', subcommittee: null });
    expect((await staff.request('PATCH', `${base()}/${m.id}`, { version: 2, kind: 'subcommittee' })).status).toBe(400);
    expect((await staff.request('PATCH', `${base()}/${m.id}`, { title: 'no version' })).status).toBe(400);
    expect((await list()).length).toBe(before.meetings.length + 1);
  });

  it('deletes a meeting only while it is scheduled', async () => {
    const m = await create({ kind: 'regular', date: '2025-10-01' });
    await staff.request('PATCH', `${base()}/${m.id}`, { version: 1, status: 'held' });
    const refused = await staff.request('DELETE', `${base()}/${m.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('meeting_not_scheduled');
    expect((await get(m.id)).status).toBe('held');
    await staff.request('PATCH', `${base()}/${m.id}`, { version: 2, status: 'scheduled' });
    expect((await chair.request('DELETE', `${base()}/${m.id}`)).status).toBe(200);
    expect((await staff.request('GET', `${base()}/${m.id}`)).status).toBe(404);
    expect((await staff.request('DELETE', `${base()}/${m.id}`)).status).toBe(404);
    expect((await meetingAudit())[0]).toMatchObject({ kind: 'meeting.delete', details: { meetingId: m.id } });
  });
});

describe('meetings: agenda', () => {
  it('replaces the agenda in order, marks items changed after sending, and clears the marks on sending again', async () => {
    const m = await create({ kind: 'regular', date: '2025-08-01' });
    const revisions = (await staff.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions as Array<{ id: string; number: number; name: string }>;
    const links = [
      { kind: 'revision', revisionId: revisions[0]!.id, label: 'ignored' },
      { kind: 'plan', planId: plan.id },
      { kind: 'text', text: '資料1 委員意見と対応' },
    ];
    let res = await staff.request('PUT', `${base()}/${m.id}/agenda`, {
      version: 1,
      items: [
        { title: '開会', minutes: 5 },
        { title: '素案について', presenter: '事務局', minutes: 40, links },
        { title: 'その他' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sent0 = res.body.meeting as Meeting;
    expect(sent0.version).toBe(2);
    expect(sent0.agenda.map((i) => [i.position, i.title, i.changedAfterSent])).toEqual([
      [1, '開会', false],
      [2, '素案について', false],
      [3, 'その他', false],
    ]);
    expect(sent0.agenda[1]!.links).toEqual([
      { kind: 'revision', revisionId: revisions[0]!.id, planId: plan.id, label: `${plan.title} 第${revisions[0]!.number}版「${revisions[0]!.name}」` },
      { kind: 'plan', planId: plan.id, label: plan.title },
      { kind: 'text', text: '資料1 委員意見と対応' },
    ]);

    res = await staff.request('POST', `${base()}/${m.id}/agenda/send`);
    expect(res.status).toBe(200);
    const sent = res.body.meeting as Meeting;
    expect(sent.agendaSentAt).not.toBeNull();
    expect(sent.version).toBe(3);
    const [open, draft, other] = sent.agenda as [Meeting['agenda'][0], Meeting['agenda'][0], Meeting['agenda'][0]];

    // After sending: one item edited, one unchanged, one new, one removed (the rest move up).
    res = await staff.request('PUT', `${base()}/${m.id}/agenda`, {
      version: 3,
      items: [
        { id: open.id, title: '開会', minutes: 5 },
        { id: draft.id, title: '素案について', presenter: '事務局長', minutes: 40, links },
        { title: '報告事項' },
      ],
    });
    expect(res.status).toBe(200);
    const after = res.body.meeting as Meeting;
    expect(after.agenda.map((i) => [i.title, i.changedAfterSent])).toEqual([
      ['開会', false],
      ['素案について', true],
      ['報告事項', true],
    ]);
    expect(after.agenda.map((i) => i.id).slice(0, 2)).toEqual([open.id, draft.id]);
    expect(after.agenda.map((i) => i.id)).not.toContain(other.id);
    // A stale version is refused whole.
    const stale = await staff.request('PUT', `${base()}/${m.id}/agenda`, { version: 3, items: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.meeting.agenda.length).toBe(3);
    // Members read it, marks and all; they cannot change or send it.
    expect((await get(m.id, member)).agenda.map((i) => i.changedAfterSent)).toEqual([false, true, true]);
    expect((await member.request('PUT', `${base()}/${m.id}/agenda`, { version: 4, items: [] })).status).toBe(403);
    expect((await member.request('POST', `${base()}/${m.id}/agenda/send`)).status).toBe(403);
    // Sending again clears the marks.
    res = await chair.request('POST', `${base()}/${m.id}/agenda/send`);
    expect(res.body.meeting.agenda.map((i: { changedAfterSent: boolean }) => i.changedAfterSent)).toEqual([false, false, false]);
    const kinds = (await meetingAudit()).slice(0, 4).map((e) => e.kind);
    expect(kinds).toEqual(['meeting.agendaSent', 'meeting.agenda', 'meeting.agendaSent', 'meeting.agenda']);
  });

  it("refuses links to another council's plan or revision, and to ones that do not exist", async () => {
    // The other council's chair makes a plan and freezes a revision of it.
    const made = await outsider.request('POST', '/api/plans', { workspaceId: otherWorkspaceId, title: '郡山市産業振興ビジョン', period: { from: 2026, to: 2030 }, source: { kind: 'blank' } });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const otherPlanId = made.body.plan.id as string;
    const frozen = await outsider.request('POST', `/api/plans/${otherPlanId}/revisions`, { name: '骨子案', stage: '骨子案' });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    const m = await create({ kind: 'regular', date: '2025-08-02' });
    for (const link of [
      { kind: 'plan', planId: otherPlanId },
      { kind: 'revision', revisionId: frozen.body.revision.id },
      { kind: 'revision', revisionId: 'no-such-revision' },
      { kind: 'plan', planId: 'no-such-plan' },
    ]) {
      const res = await staff.request('PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [{ title: '議題', links: [link] }] });
      expect(res.status, JSON.stringify(link)).toBe(400);
      expect(res.body.error.code).toBe('invalid_link');
    }
    expect(await get(m.id)).toMatchObject({ version: 1, agenda: [] });
  });
});

describe('meetings: attendance and quorum', () => {
  it('lists voters then staff, records attendance, and says whether the quorum is met', async () => {
    const m = await create({ kind: 'regular', date: '2025-09-10' });
    const sheet = m.attendance;
    const voters = sheet.filter((a) => a.role !== 'staff');
    expect(voters.length).toBeGreaterThanOrEqual(2);
    expect(sheet.map((a) => a.role)).toEqual([...voters.map((a) => a.role), ...sheet.filter((a) => a.role === 'staff').map(() => 'staff')]);
    expect(sheet.some((a) => a.role === 'observer')).toBe(false);
    expect(m.quorum).toEqual({ rule: { kind: 'moreThanHalf', proxyCounts: true }, required: Math.floor(voters.length / 2) + 1, present: 0, met: false, voters: voters.length });

    // Everyone but one voter attends, one of them by proxy; a member of staff attends too (never counted).
    const [absent, proxy, ...rest] = voters as [(typeof voters)[0], (typeof voters)[0], ...typeof voters];
    const staffEntry = sheet.find((a) => a.role === 'staff')!;
    const entries = [
      { userId: absent.userId, attendance: 'absent' },
      { userId: proxy.userId, attendance: 'proxy', proxyName: '代理 花子' },
      ...rest.map((v, i) => ({ userId: v.userId, attendance: i % 2 ? 'online' : 'present' })),
      { userId: staffEntry.userId, attendance: 'present' },
    ];
    let res = await staff.request('PUT', `${base()}/${m.id}/attendance`, { version: 1, entries });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    let meeting = res.body.meeting as Meeting;
    const counted = voters.length - 1;
    expect(meeting.quorum).toMatchObject({ present: counted, required: Math.floor(voters.length / 2) + 1, met: counted >= Math.floor(voters.length / 2) + 1 });
    expect(meeting.attendance.find((a) => a.userId === proxy.userId)).toMatchObject({ attendance: 'proxy', proxyName: '代理 花子' });

    // Proxies not counted, and a rule of all voters: not met.
    res = await staff.request('PUT', `/api/workspaces/${workspaceId}/meeting-settings`, { quorum: { kind: 'atLeastCount', count: voters.length, proxyCounts: false } });
    expect(res.status).toBe(200);
    meeting = await get(m.id);
    expect(meeting.quorum).toMatchObject({ rule: { kind: 'atLeastCount', count: voters.length, proxyCounts: false }, required: voters.length, present: voters.length - 2, met: false });
    // The absent voter arrives online, the proxy's member comes in person: met.
    res = await chair.request('PUT', `${base()}/${m.id}/attendance`, {
      version: 2,
      entries: [
        { userId: absent.userId, attendance: 'online' },
        { userId: proxy.userId, attendance: 'present' },
      ],
    });
    expect(res.body.meeting.quorum).toMatchObject({ required: voters.length, present: voters.length, met: true });
    expect(res.body.meeting.attendance.find((a: { userId: string }) => a.userId === proxy.userId)).toMatchObject({ attendance: 'present', proxyName: null });
    // Clearing an entry: not present any more.
    res = await staff.request('PUT', `${base()}/${m.id}/attendance`, { version: 3, entries: [{ userId: absent.userId, attendance: null }] });
    expect(res.body.meeting.quorum).toMatchObject({ present: voters.length - 1, met: false });
    expect((await member.request('GET', `/api/workspaces/${workspaceId}/meeting-settings`)).body).toEqual({ quorum: { kind: 'atLeastCount', count: voters.length, proxyCounts: false }, mayManage: false });
    // Back to the default rule, so later tests see it.
    expect((await chair.request('PUT', `/api/workspaces/${workspaceId}/meeting-settings`, { quorum: { kind: 'moreThanHalf', proxyCounts: true } })).status).toBe(200);
    expect((await meetingAudit()).slice(0, 2).map((e) => e.kind)).toEqual(['meeting.quorum', 'meeting.attendance']);
  });

  it('refuses attendance of people who are not voters or staff, and proxies without a name', async () => {
    const m = await create({ kind: 'regular', date: '2025-09-11' });
    const voter = m.attendance.find((a) => a.role === 'member')!;
    const bad: Array<Record<string, unknown>> = [
      { userId: observer.user.id, attendance: 'present' },
      { userId: outsider.user.id, attendance: 'present' },
      { userId: 'no-such-user', attendance: 'present' },
      { userId: voter.userId, attendance: 'proxy' },
      { userId: voter.userId, attendance: 'present', proxyName: '代理 太郎' },
      { userId: voter.userId, attendance: 'late' },
      { userId: voter.userId, attendance: 'proxy', proxyName: '名'.repeat(61) },
    ];
    for (const entry of bad) {
      const res = await staff.request('PUT', `${base()}/${m.id}/attendance`, { version: 1, entries: [entry] });
      expect(res.status, JSON.stringify(entry)).toBe(400);
    }
    const twice = await staff.request('PUT', `${base()}/${m.id}/attendance`, { version: 1, entries: [{ userId: voter.userId, attendance: 'present' }, { userId: voter.userId, attendance: 'absent' }] });
    expect(twice.status).toBe(400);
    expect(await get(m.id)).toMatchObject({ version: 1 });
    expect((await get(m.id)).attendance.every((a) => a.attendance === null)).toBe(true);
  });
});

describe('meetings: who may, and hostile input', () => {
  it('lets members read and refuses them writes; observers and other councils learn nothing', async () => {
    const m = await create({ kind: 'regular', date: '2025-10-20' });
    expect((await member.request('GET', base())).body.mayManage).toBe(false);
    expect((await chair.request('GET', base())).body.mayManage).toBe(true);
    expect((await member.request('GET', `${base()}/${m.id}`)).body.mayManage).toBe(false);
    expect((await member.request('POST', base(), { kind: 'regular', date: '2025-10-21' })).status).toBe(403);
    expect((await member.request('PATCH', `${base()}/${m.id}`, { version: 1, title: '委員から' })).status).toBe(403);
    expect((await member.request('DELETE', `${base()}/${m.id}`)).status).toBe(403);
    expect((await member.request('PUT', `/api/workspaces/${workspaceId}/meeting-settings`, { quorum: { kind: 'atLeastHalf', proxyCounts: true } })).status).toBe(403);
    for (const who of [observer, outsider]) {
      for (const [method, path, body] of [
        ['GET', base(), undefined],
        ['GET', `${base()}/${m.id}`, undefined],
        ['POST', base(), { kind: 'regular', date: '2025-10-21' }],
        ['PATCH', `${base()}/${m.id}`, { version: 1, title: '外から' }],
        ['DELETE', `${base()}/${m.id}`, undefined],
        ['GET', `/api/workspaces/${workspaceId}/meeting-settings`, undefined],
      ] as const) {
        const res = await who.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    }
    // A meeting is found only under its own council.
    expect((await outsider.request('GET', `/api/workspaces/${otherWorkspaceId}/meetings/${m.id}`)).status).toBe(404);
    expect((await new ApiClient(server.url).request('GET', base())).status).toBe(401);
    expect(await get(m.id)).toMatchObject({ version: 1, title: '' });
  });

  it('answers hostile bodies with 4xx and changes nothing', async () => {
    const m = await create({ kind: 'regular', date: '2025-10-30' });
    const before = await snapshot();
    const item = { title: '議題', presenter: '事務局', minutes: 10, links: [{ kind: 'text', text: '資料' }] };
    let deep: unknown = { title: '深い' };
    for (let i = 0; i < 2000; i++) deep = { a: deep };
    const hostile: Array<[string, string, unknown]> = [
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: Array.from({ length: 51 }, () => item) }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: Array.from({ length: 5000 }, () => ({ title: 'x' })) }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [{ ...item, links: Array.from({ length: 11 }, () => ({ kind: 'text', text: 'x' })) }] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [{ ...item, title: 'x'.repeat(201) }] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [{ ...item, title: '' }] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [{ ...item, title: '\u0000' }] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [{ ...item, minutes: -1 }] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [{ ...item, minutes: 1.5 }] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [{ ...item, links: [{ kind: 'url', href: 'javascript:alert(1)' }] }] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [{ ...item, id: 'a' }, { ...item, id: 'a' }] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: [deep] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: '1', items: [] }],
      ['PUT', `${base()}/${m.id}/agenda`, { version: 1, items: { 0: item } }],
      ['PUT', `${base()}/${m.id}/agenda`, [1, 2, 3]],
      ['PUT', `${base()}/${m.id}/agenda`, null],
      ['PUT', `${base()}/${m.id}/attendance`, { version: 1, entries: Array.from({ length: 301 }, (_, i) => ({ userId: `u${i}`, attendance: 'present' })) }],
      ['PATCH', `${base()}/${m.id}`, { version: 1, title: 'x'.repeat(20_000) }],
      ['PATCH', `${base()}/${m.id}`, { version: Number.MAX_SAFE_INTEGER + 2, title: 'x' }],
      ['PATCH', `${base()}/${m.id}`, { version: 1, date: '2025-13-01' }],
      ['PUT', `/api/workspaces/${workspaceId}/meeting-settings`, { quorum: { kind: 'atLeastCount', count: 0, proxyCounts: true } }],
      ['PUT', `/api/workspaces/${workspaceId}/meeting-settings`, { quorum: { kind: 'moreThanHalf' } }],
      ['PUT', `/api/workspaces/${workspaceId}/meeting-settings`, { quorum: { kind: 'unanimous', proxyCounts: true } }],
      ['POST', base(), { kind: 'regular', date: '2025-10-31', title: { toString: 'x' } }],
    ];
    for (const [method, path, body] of hostile) {
      const res = await staff.request(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 120)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(Object.keys(res.body)).toEqual(['error']);
    }
    // Not JSON at all, and JSON with a key that would be an object's prototype.
    for (const text of ['{"version":1,"items":[', '{"version":1,"items":[],"__proto__":{"admin":true}}', '{"version":1,"items":[{"title":"x","__proto__":{"id":"y"}}]}']) {
      const raw = await fetch(`${server.url}${base()}/${m.id}/agenda`, { method: 'PUT', headers: { cookie: staff.cookie, 'content-type': 'application/json' }, body: text });
      expect(raw.status, text).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("keeps an archived council's meetings readable and refuses changes to them", async () => {
    const other = `/api/workspaces/${otherWorkspaceId}/meetings`;
    const made = await outsider.request('POST', other, { kind: 'regular', date: '2025-06-01', title: '郡山の会議' });
    expect(made.status).toBe(201);
    const admin = await signedIn(server.url, 'admin@example.jp');
    expect((await admin.request('PATCH', `/api/admin/councils/${otherWorkspaceId}`, { archived: true })).status).toBe(200);
    try {
      expect((await outsider.request('GET', `${other}/${made.body.meeting.id}`)).status).toBe(200);
      for (const [method, path, body] of [
        ['POST', other, { kind: 'regular', date: '2025-06-02' }],
        ['PATCH', `${other}/${made.body.meeting.id}`, { version: 1, title: '変更' }],
        ['PUT', `${other}/${made.body.meeting.id}/agenda`, { version: 1, items: [{ title: '議題' }] }],
        ['POST', `${other}/${made.body.meeting.id}/agenda/send`, undefined],
        ['DELETE', `${other}/${made.body.meeting.id}`, undefined],
        ['PUT', `/api/workspaces/${otherWorkspaceId}/meeting-settings`, { quorum: { kind: 'atLeastHalf', proxyCounts: true } }],
      ] as const) {
        const res = await outsider.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(409);
        expect(res.body.error.code).toBe('council_archived');
      }
      expect((await outsider.request('GET', `${other}/${made.body.meeting.id}`)).body.meeting).toMatchObject({ version: 1, title: '郡山の会議', agenda: [] });
    } finally {
      expect((await admin.request('PATCH', `/api/admin/councils/${otherWorkspaceId}`, { archived: false })).status).toBe(200);
    }
  });

  // Last: it uses up the chair's budget of writes for ten minutes.
  it('limits writes per person, and never reads', async () => {
    const settings = `/api/workspaces/${workspaceId}/meeting-settings`;
    const same = { quorum: { kind: 'moreThanHalf', proxyCounts: true } };
    let first429: Awaited<ReturnType<ApiClient['request']>> | null = null;
    let allowed = 0;
    for (let i = 0; i < 400 && !first429; i++) {
      const res = await chair.request('PUT', settings, same);
      if (res.status === 429) first429 = res;
      else allowed++;
    }
    // 300 per ten minutes, less the few the chair wrote in the tests above.
    expect(allowed).toBeGreaterThan(280);
    expect(allowed).toBeLessThanOrEqual(300);
    expect(first429!.body.error.code).toBe('rate_limited');
    expect(Number(first429!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other writes of the chair share the budget; reads do not count, and staff have their own.
    expect((await chair.request('POST', base(), { kind: 'regular', date: '2025-12-24' })).status).toBe(429);
    expect((await chair.request('GET', base())).status).toBe(200);
    expect((await chair.request('GET', settings)).status).toBe(200);
    expect((await staff.request('PUT', settings, same)).status).toBe(200);
  });
});
