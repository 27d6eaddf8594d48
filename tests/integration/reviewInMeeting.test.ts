import fs from 'node:fs';
import type { Meeting, PlanSummary, Revision } from '@sakutei/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/http';
import { type TestServer, startServer, tempDataDir } from '../support/server';

/**
 * A review decided in a meeting (issue 17 item 5) against a real server: the decision route
 * takes the meeting and the agenda item that links the revision, refuses without the quorum,
 * with an item that does not link it, or a meeting it does not know, changing nothing; once
 * taken, the meeting lists it and the revision names the meeting — both ways.
 */

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed, member: Signed, chair: Signed;

beforeAll(async () => {
  server = await startServer({ dataDir });
  [staff, member, chair] = (await Promise.all(['staff', 'member', 'chair'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [Signed, Signed, Signed];
  [plan] = (await member.plans()) as [PlanSummary];
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const meetings = () => `/api/workspaces/${plan.workspaceId}/meetings`;

/** A revision frozen by staff and put under review. */
async function underReview(name: string): Promise<Revision> {
  const frozen = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name, stage: '素案' });
  expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
  const opened = await staff.request('POST', `/api/revisions/${frozen.body.revision.id}/review`, {});
  expect(opened.status).toBe(200);
  return opened.body.revision;
}

/** A held meeting whose first item links the revision and whose second does not. */
async function sittingFor(revision: Revision): Promise<Meeting> {
  let res = await staff.request('POST', meetings(), { kind: 'regular', date: '2025-11-20', startTime: '14:00' });
  let m: Meeting = res.body.meeting;
  res = await staff.request('PUT', `${meetings()}/${m.id}/agenda`, {
    version: m.version,
    items: [{ title: '素案について', links: [{ kind: 'revision', revisionId: revision.id }] }, { title: 'その他' }],
  });
  expect(res.status).toBe(200);
  return res.body.meeting;
}

async function allPresent(m: Meeting): Promise<Meeting> {
  const entries = m.attendance.filter((a) => a.role !== 'staff').map((a) => ({ userId: a.userId, attendance: 'present' }));
  const res = await staff.request('PUT', `${meetings()}/${m.id}/attendance`, { version: m.version, entries });
  expect(res.status).toBe(200);
  return res.body.meeting;
}

const decide = (who: Signed, revision: Revision, body: Record<string, unknown>) => who.request('POST', `/api/revisions/${revision.id}/decision`, body);

describe('a review decided in a meeting', () => {
  it('refuses without the quorum, with an item that does not link the revision, or a meeting it does not know — changing nothing', async () => {
    const revision = await underReview('会議で審議する版');
    let m = await sittingFor(revision);
    const [linked, other] = m.agenda as [Meeting['agenda'][number], Meeting['agenda'][number]];
    const approve = { decision: 'approve', hash: revision.hash };

    let res = await decide(chair, revision, { ...approve, meetingId: m.id, agendaItemId: linked.id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('quorum_not_met');
    m = await allPresent(m);
    res = await decide(chair, revision, { ...approve, meetingId: m.id, agendaItemId: other.id });
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_agenda_item']);
    res = await decide(chair, revision, { ...approve, meetingId: 'no-such-meeting', agendaItemId: linked.id });
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_meeting']);
    res = await decide(chair, revision, { ...approve, meetingId: m.id });
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid_request']);
    // Who may decide is asked first: a member learns 403 whatever the meeting.
    expect((await decide(member, revision, { ...approve, meetingId: m.id, agendaItemId: linked.id })).status).toBe(403);

    const now = (await chair.request('GET', `/api/revisions/${revision.id}`)).body.revision as Revision;
    expect(now.review.status).toBe('in_review');
    expect(now.decidedInMeeting).toBeNull();
    expect((await staff.request('GET', `${meetings()}/${m.id}`)).body.meeting.decisions).toEqual([]);
  });

  it('approves in the meeting: the meeting lists the decision, the revision names the meeting, and the decision stays', async () => {
    const revision = await underReview('承認される版');
    const m = await allPresent(await sittingFor(revision));
    const linked = m.agenda[0]!;
    const res = await decide(chair, revision, { decision: 'approve', hash: revision.hash, meetingId: m.id, agendaItemId: linked.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const link = { meetingId: m.id, workspaceId: plan.workspaceId, label: m.label, ordinal: m.ordinal, date: '2025-11-20' };
    expect(res.body.revision).toMatchObject({ review: { status: 'approved' }, decidedInMeeting: link });
    expect((await member.request('GET', `/api/revisions/${revision.id}`)).body.revision.decidedInMeeting).toEqual(link);
    const listed = (await member.request('GET', `/api/plans/${plan.id}/revisions`)).body.revisions as Revision[];
    expect(listed.find((r) => r.id === revision.id)!.decidedInMeeting).toEqual(link);
    expect(listed.filter((r) => r.id !== revision.id).every((r) => r.decidedInMeeting === null)).toBe(true);

    const meeting = (await member.request('GET', `${meetings()}/${m.id}`)).body.meeting as Meeting;
    expect(meeting.decisions).toHaveLength(1);
    expect(meeting.decisions[0]).toMatchObject({ agendaItemId: linked.id, kind: 'reviewApproved', revisionId: revision.id, vote: null });
    expect(meeting.decisions[0]!.text).toContain('承認される版');
    const gone = await staff.request('DELETE', `${meetings()}/${m.id}/decisions/${meeting.decisions[0]!.id}`);
    expect([gone.status, gone.body.error.code]).toEqual([409, 'review_decision']);

    const audit = (await chair.request('GET', `/api/plans/${plan.id}/audit?limit=50`)).body.entries as Array<{ kind: string; details: Record<string, unknown> }>;
    expect(audit.find((e) => e.kind === 'review.approved' && e.details.revisionId === revision.id)!.details).toMatchObject({ meetingId: m.id, meetingLabel: m.label });
    expect(audit.some((e) => e.kind === 'meeting.decision.add' && e.details.revisionId === revision.id)).toBe(true);
  });

  it('sends back in the meeting (差し戻し), and a decision outside any meeting names none', async () => {
    const returned = await underReview('差し戻される版');
    const m = await allPresent(await sittingFor(returned));
    let res = await decide(chair, returned, { decision: 'requestChanges', reason: '数値目標を見直すこと', meetingId: m.id, agendaItemId: m.agenda[0]!.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.revision.decidedInMeeting).toMatchObject({ meetingId: m.id });
    const meeting = (await staff.request('GET', `${meetings()}/${m.id}`)).body.meeting as Meeting;
    expect(meeting.decisions.map((d) => [d.kind, d.revisionId])).toEqual([['reviewReturned', returned.id]]);
    expect(meeting.decisions[0]!.text).toContain('数値目標を見直すこと');

    const plain = await underReview('会議外で承認する版');
    res = await decide(chair, plain, { decision: 'approve', hash: plain.hash });
    expect(res.status).toBe(200);
    expect(res.body.revision.decidedInMeeting).toBeNull();
  });
});
