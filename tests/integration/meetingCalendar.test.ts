import fs from 'node:fs';
import { type MeetingCalendarEntry, MeetingCalendarResponse, type PlanSummary, type Revision, calendarDay, meetingFiscalYear } from '@sakutei/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

/**
 * The calendar of the plan cycle (issue 17) against a real server: one fiscal year, April to
 * March, with the council's meetings in their months (numbered as in the list), the revisions
 * submitted and approved on the days it happened, and the plan period's first and last year;
 * read by council readers only; a year out of range is 400.
 */

const dataDir = tempDataDir();
let server: TestServer;
let plan: PlanSummary;
type Signed = Awaited<ReturnType<typeof signedIn>>;
let staff: Signed, member: Signed, chair: Signed, observer: Signed, outsider: Signed;
let otherWorkspaceId: string;

beforeAll(async () => {
  server = await startServer({ dataDir });
  otherWorkspaceId = addOutsider(dataDir, 'other-chair@example.jp');
  [staff, member, chair, observer] = (await Promise.all(['staff', 'member', 'chair', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)))) as [
    Signed,
    Signed,
    Signed,
    Signed,
  ];
  outsider = await signedIn(server.url, 'other-chair@example.jp', OUTSIDER_PASSWORD);
  [plan] = (await member.plans()) as [PlanSummary];
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const calendarPath = (fy?: number | string, workspaceId = plan.workspaceId) =>
  `/api/workspaces/${workspaceId}/meetings-calendar${fy === undefined ? '' : `?fy=${fy}`}`;

async function calendar(who: Signed, fy?: number) {
  const res = await who.request('GET', calendarPath(fy));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return MeetingCalendarResponse.parse(res.body);
}

async function meeting(date: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await staff.request('POST', `/api/workspaces/${plan.workspaceId}/meetings`, { kind: 'regular', date, ...over });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.meeting.id;
}

/** Where an entry is: "2026-4" for April 2026. */
function placeOf(months: MeetingCalendarResponse['months'], match: (e: MeetingCalendarEntry) => boolean): string[] {
  return months.flatMap((m) => m.entries.filter(match).map(() => `${m.year}-${m.month}`));
}

const dayInJapan = (iso: string) => {
  const { year, month, day } = calendarDay(new Date(iso));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

describe('the calendar of the plan cycle', () => {
  it('places meetings by fiscal month, April to March, numbered as in the list', async () => {
    const april = await meeting('2030-04-01', { startTime: '10:00' });
    const sub = await meeting('2030-11-20', { kind: 'subcommittee', subcommittee: '商業' });
    const march = await meeting('2031-03-31');
    const before = await meeting('2030-03-31');
    const after = await meeting('2031-04-01');

    const cal = await calendar(member, 2030);
    expect(cal.fiscalYear).toBe(2030);
    expect(cal.months.map((m) => `${m.year}-${m.month}`)).toEqual([
      '2030-4', '2030-5', '2030-6', '2030-7', '2030-8', '2030-9', '2030-10', '2030-11', '2030-12', '2031-1', '2031-2', '2031-3',
    ]);
    const ids = (m: MeetingCalendarResponse['months'][number]) => m.entries.flatMap((e) => (e.kind === 'meeting' ? [e.meeting.id] : []));
    expect(cal.months.map(ids).flat()).toEqual([april, sub, march]);
    expect(placeOf(cal.months, (e) => e.kind === 'meeting' && e.meeting.id === march)).toEqual(['2031-3']);
    const labels = cal.months.flatMap((m) => m.entries.flatMap((e) => (e.kind === 'meeting' ? [[e.meeting.label, e.meeting.kind, e.meeting.status]] : [])));
    expect(labels).toEqual([
      ['令和12年度 第1回', 'regular', 'scheduled'],
      ['令和12年度 第1回 商業部会', 'subcommittee', 'scheduled'],
      ['令和12年度 第2回', 'regular', 'scheduled'],
    ]);
    // The years on either side hold the others.
    expect((await calendar(member, 2029)).months.map(ids).flat()).toEqual([before]);
    expect((await calendar(member, 2031)).months.map(ids).flat()).toEqual([after]);
  });

  it("shows a revision's submission and approval on their days, and the plan period's first and last year", async () => {
    const period = await staff.request('PATCH', `/api/plans/${plan.id}`, { period: { from: 2028, to: 2032 } });
    expect(period.status, JSON.stringify(period.body)).toBe(200);
    const frozen = await staff.request('POST', `/api/plans/${plan.id}/revisions`, { name: '暦に載る素案', stage: '素案' });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    const opened = await staff.request('POST', `/api/revisions/${frozen.body.revision.id}/review`, {});
    expect(opened.status).toBe(200);
    const decided = await chair.request('POST', `/api/revisions/${frozen.body.revision.id}/decision`, { decision: 'approve', hash: frozen.body.revision.hash });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const revision: Revision = decided.body.revision;

    // This fiscal year (the default) holds both steps, on the days they were taken in Japan.
    const submittedDay = dayInJapan(revision.reviewOpenedAt!);
    const approvedDay = dayInJapan(revision.decidedAt!);
    const cal = await calendar(staff);
    expect(cal.fiscalYear).toBe(meetingFiscalYear(dayInJapan(new Date().toISOString())));
    const steps = cal.months.flatMap((m) => m.entries.filter((e) => 'revisionId' in e && e.revisionId === revision.id));
    expect(steps.map((e) => [e.kind, e.date])).toEqual([
      ['revisionSubmitted', submittedDay],
      ['revisionApproved', approvedDay],
    ]);
    expect(steps[0]).toMatchObject({ planId: plan.id, number: revision.number, name: '暦に載る素案' });
    expect(placeOf(cal.months, (e) => e.kind === 'revisionApproved' && e.revisionId === revision.id)).toEqual([`${Number(approvedDay.slice(0, 4))}-${Number(approvedDay.slice(5, 7))}`]);

    const first = await calendar(member, 2028);
    expect(placeOf(first.months, (e) => e.kind === 'periodStart' && e.planId === plan.id)).toEqual(['2028-4']);
    expect(first.plans.find((p) => p.planId === plan.id)).toMatchObject({ from: 2028, to: 2032, yearOfPeriod: 1 });
    const last = await calendar(member, 2032);
    expect(placeOf(last.months, (e) => e.kind === 'periodEnd' && e.planId === plan.id)).toEqual(['2033-3']);
    expect(last.plans.find((p) => p.planId === plan.id)?.yearOfPeriod).toBe(5);
    const between = await calendar(member, 2030);
    expect(between.months.flatMap((m) => m.entries).some((e) => e.kind === 'periodStart' || e.kind === 'periodEnd')).toBe(false);
    expect(between.plans.find((p) => p.planId === plan.id)?.yearOfPeriod).toBe(3);
    expect((await calendar(member, 2033)).plans.some((p) => p.planId === plan.id)).toBe(false);
  });

  it('is read by council readers only, and refuses a year it cannot show', async () => {
    for (const who of [staff, member, chair]) expect((await who.request('GET', calendarPath(2030))).status).toBe(200);
    // The first and last years a meeting's day can fall in.
    for (const fy of [1899, 2199]) expect((await calendar(member, fy)).fiscalYear).toBe(fy);
    // Observers and other councils learn nothing (404), as with the meeting list.
    expect((await observer.request('GET', calendarPath(2030))).status).toBe(404);
    expect((await outsider.request('GET', calendarPath(2030))).status).toBe(404);
    expect((await member.request('GET', calendarPath(2030, otherWorkspaceId))).status).toBe(404);
    expect((await outsider.request('GET', calendarPath(2030, otherWorkspaceId))).status).toBe(200);
    for (const fy of ['1898', '2200', 'abc', '2030.5', '']) {
      const res = await member.request('GET', calendarPath(fy));
      expect(res.status, `fy=${fy}`).toBe(400);
      expect(res.body.error.code).toBeTypeOf('string');
    }
  });
});
