import type { Meeting, PlanSummary } from '@sakutei/shared';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

/**
 * Decisions taken in a meeting against a real server (issue 17, item 5): recorded on an agenda
 * item, listed in agenda order, removed; a resolution refused without the quorum; votes within
 * the voters present; hostile input refused with nothing changed; and who may.
 */

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
let workspaceId: string;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed;
let member: Signed;
let chair: Signed;
let observer: Signed;
let outsider: Signed;

beforeAll(async () => {
  server = await startServer({ dataDir });
  addOutsider(dataDir, 'outsider@example.jp');
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

async function get(id: string, as: ApiClient = staff): Promise<Meeting> {
  const res = await as.request('GET', `${base()}/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.meeting;
}

/** A held meeting with two agenda items and, when `quorate`, every voter present. */
async function sitting(quorate: boolean): Promise<Meeting> {
  let res = await staff.request('POST', base(), { kind: 'regular', date: '2031-05-20', startTime: '10:00' });
  expect(res.status).toBe(201);
  let m: Meeting = res.body.meeting;
  res = await staff.request('PUT', `${base()}/${m.id}/agenda`, { version: m.version, items: [{ title: '第一議題' }, { title: '第二議題' }] });
  expect(res.status).toBe(200);
  m = res.body.meeting;
  if (quorate) {
    const entries = m.attendance.filter((a) => a.role !== 'staff').map((a) => ({ userId: a.userId, attendance: 'present' }));
    res = await staff.request('PUT', `${base()}/${m.id}/attendance`, { version: m.version, entries });
    expect(res.status).toBe(200);
    m = res.body.meeting;
    expect(m.quorum.met).toBe(true);
  }
  return m;
}

async function decisionAudit() {
  const entries = (await chair.request('GET', `/api/plans/${plan.id}/audit?limit=500`)).body.entries as Array<{ kind: string; details: Record<string, unknown> }>;
  return entries.filter((e) => e.kind.startsWith('meeting.decision.'));
}

describe('meeting decisions', () => {
  it('records 議決 with a vote, 報告 and 了承 on agenda items, lists them in agenda order, and removes one', async () => {
    const m = await sitting(true);
    const [first, second] = m.agenda as [Meeting['agenda'][number], Meeting['agenda'][number]];
    const present = m.quorum.present;
    let res = await staff.request('POST', `${base()}/${m.id}/decisions`, { agendaItemId: second.id, kind: 'resolution', text: '原案のとおり可決', vote: { for: present - 1, against: 1, abstain: 0 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    res = await chair.request('POST', `${base()}/${m.id}/decisions`, { agendaItemId: first.id, kind: 'report', text: '事務局から報告' });
    expect(res.status).toBe(201);
    res = await chair.request('POST', `${base()}/${m.id}/decisions`, { agendaItemId: first.id, kind: 'acknowledgement', text: '了承', vote: { unanimous: true } });
    expect(res.status).toBe(201);
    const listed = (await get(m.id, member)).decisions;
    expect(listed.map((d) => [d.agendaItemId, d.kind, d.text, d.vote])).toEqual([
      [first.id, 'report', '事務局から報告', null],
      [first.id, 'acknowledgement', '了承', { unanimous: true }],
      [second.id, 'resolution', '原案のとおり可決', { for: present - 1, against: 1, abstain: 0 }],
    ]);
    expect(listed[0]!.decidedBy?.name).toBeTruthy();
    expect(listed.every((d) => d.revisionId === null && !Number.isNaN(Date.parse(d.decidedAt)))).toBe(true);

    res = await staff.request('DELETE', `${base()}/${m.id}/decisions/${listed[0]!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.meeting.decisions.map((d: { kind: string }) => d.kind)).toEqual(['acknowledgement', 'resolution']);
    res = await staff.request('DELETE', `${base()}/${m.id}/decisions/${listed[0]!.id}`);
    expect(res.status).toBe(404);

    const audit = await decisionAudit();
    expect(audit.filter((e) => e.details.meetingId === m.id).map((e) => e.kind)).toEqual([
      'meeting.decision.remove',
      'meeting.decision.add',
      'meeting.decision.add',
      'meeting.decision.add',
    ]);
  });

  it('refuses a resolution without the quorum (409 quorum_not_met) but takes a report', async () => {
    const m = await sitting(false);
    const item = m.agenda[0]!;
    let res = await staff.request('POST', `${base()}/${m.id}/decisions`, { agendaItemId: item.id, kind: 'resolution', text: '可決' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('quorum_not_met');
    expect((await get(m.id)).decisions).toEqual([]);
    res = await staff.request('POST', `${base()}/${m.id}/decisions`, { agendaItemId: item.id, kind: 'report', text: '報告のみ' });
    expect(res.status).toBe(201);
    expect(res.body.meeting.decisions).toHaveLength(1);
  });

  it('refuses votes beyond the voters present, an item not on the agenda and hostile bodies, changing nothing', async () => {
    const m = await sitting(true);
    const item = m.agenda[0]!;
    const present = m.quorum.present;
    const auditBefore = (await decisionAudit()).length;
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ agendaItemId: item.id, kind: 'resolution', text: '可決', vote: { for: present, against: 1, abstain: 0 } }, 'invalid_vote'],
      [{ agendaItemId: item.id, kind: 'resolution', text: '可決', vote: { for: -1, against: 0, abstain: 0 } }, 'invalid_request'],
      [{ agendaItemId: item.id, kind: 'resolution', text: '可決', vote: { for: 1, against: 0 } }, 'invalid_request'],
      [{ agendaItemId: item.id, kind: 'resolution', text: '可決', vote: { unanimous: false } }, 'invalid_request'],
      [{ agendaItemId: 'nope', kind: 'resolution', text: '可決' }, 'invalid_agenda_item'],
      [{ agendaItemId: item.id, kind: 'reviewApproved', text: '承認' }, 'invalid_request'],
      [{ agendaItemId: item.id, kind: 'resolution', text: '   ' }, 'invalid_request'],
      [{ agendaItemId: item.id, kind: 'resolution', text: 'あ'.repeat(2001) }, 'invalid_request'],
      [{ agendaItemId: item.id, kind: 'resolution', text: '可決', extra: 1 }, 'invalid_request'],
    ];
    for (const [body, code] of bad) {
      const res = await staff.request('POST', `${base()}/${m.id}/decisions`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code, JSON.stringify(body)).toBe(code);
    }
    expect((await get(m.id)).decisions).toEqual([]);
    expect((await decisionAudit()).length).toBe(auditBefore);
  });

  it('lets staff and the chair record and remove; members 403; observers and outsiders 404', async () => {
    const m = await sitting(true);
    const body = { agendaItemId: m.agenda[0]!.id, kind: 'report', text: '報告' };
    expect((await member.request('POST', `${base()}/${m.id}/decisions`, body)).status).toBe(403);
    expect((await observer.request('POST', `${base()}/${m.id}/decisions`, body)).status).toBe(404);
    expect((await outsider.request('POST', `${base()}/${m.id}/decisions`, body)).status).toBe(404);
    const res = await chair.request('POST', `${base()}/${m.id}/decisions`, body);
    expect(res.status).toBe(201);
    const id = res.body.meeting.decisions[0].id;
    expect((await member.request('DELETE', `${base()}/${m.id}/decisions/${id}`)).status).toBe(403);
    expect((await outsider.request('DELETE', `${base()}/${m.id}/decisions/${id}`)).status).toBe(404);
    expect((await get(m.id)).decisions).toHaveLength(1);
  });
});
