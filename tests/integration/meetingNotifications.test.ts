import type { Meeting, Notification, PlanSummary } from '@sakutei/shared';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/smtpSink';

/**
 * Notifications of a meeting (issue 17) against a real server: who hears of an agenda sent, of
 * minutes sent and of a correction filed, in the app and by mail through the outbox (read at a
 * real SMTP server on loopback), as each chose; nobody outside the council, no observer, never
 * the one who did it; and nothing more once someone has left the council or the meeting is gone.
 */

type Signed = Awaited<ReturnType<typeof signedIn>>;
const dataDir = tempDataDir();
let server: TestServer;
let smtp: SmtpSink;
let workspaceId: string;
/** The meeting whose agenda the first test sends. */
let agendaMeeting: Meeting;
let staff: Signed, member: Signed, member2: Signed, chair: Signed, observer: Signed, outsider: Signed;

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({
    dataDir,
    env: { SAKUTEI_SMTP_URL: smtp.url, SAKUTEI_MAIL_POLL_MS: '100', SAKUTEI_MAIL_RETRY_MS: '100', SAKUTEI_PUBLIC_URL: 'https://sakutei.example.jp/' },
  });
  addOutsider(dataDir, 'outsider@example.jp');
  [staff, member, member2, chair, observer] = (await Promise.all(
    ['staff', 'member', 'member2', 'chair', 'observer'].map((who) => signedIn(server.url, `${who}@example.jp`)),
  )) as [Signed, Signed, Signed, Signed, Signed];
  outsider = await signedIn(server.url, 'outsider@example.jp', OUTSIDER_PASSWORD);
  const [plan] = (await member.plans()) as [PlanSummary];
  workspaceId = plan.workspaceId;
  // member2 reads notifications in the app only.
  expect((await member2.request('PUT', '/api/me/notification-settings', { email: 'off' })).status).toBe(200);
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  await smtp?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const base = () => `/api/workspaces/${workspaceId}/meetings`;

async function notifications(api: Signed): Promise<{ list: Notification[]; unread: number }> {
  const res = await api.request('GET', '/api/notifications');
  expect(res.status).toBe(200);
  return { list: res.body.notifications, unread: res.body.unread };
}
const about = async (api: Signed, meetingId: string, kind?: Notification['kind']) =>
  (await notifications(api)).list.filter((n) => n.meeting?.id === meetingId && (!kind || n.kind === kind));

/** Waits for a mail to `to` whose subject or text contains `containing`. */
async function mailTo(to: string, containing: string): Promise<ReceivedMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = smtp.received.find((m) => m.envelopeTo.includes(to) && (m.subject.includes(containing) || m.text.includes(containing)));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with ${containing}; got: ${smtp.received.map((m) => `${m.envelopeTo} ${m.subject}`).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const mailsAbout = (to: string, containing: string) => smtp.received.filter((m) => m.envelopeTo.includes(to) && m.text.includes(containing));
const settle = () => new Promise((r) => setTimeout(r, 1000));

async function newMeeting(date: string): Promise<Meeting> {
  const res = await staff.request('POST', base(), { kind: 'regular', date, startTime: '10:00' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.meeting;
}

describe('meeting notifications', () => {
  it("an agenda sent reaches every member who reads the council's meetings, in the app and by mail as each chose", async () => {
    const m = (agendaMeeting = await newMeeting('2031-05-20'));
    const sent = await staff.request('POST', `${base()}/${m.id}/agenda/send`);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);

    for (const who of [member, member2, chair]) {
      const [n, ...more] = await about(who, m.id);
      expect(more).toEqual([]);
      expect(n).toMatchObject({
        kind: 'meeting.agendaSent',
        planId: null,
        planTitle: '',
        meeting: { id: m.id, workspaceId, councilName: '福島市中小企業振興会議', label: m.label },
        actor: { id: staff.user.id },
        readAt: null,
      });
    }
    // Not the sender, not an observer (who does not read meetings), not another council.
    for (const who of [staff, observer, outsider]) expect(await about(who, m.id)).toEqual([]);

    const mail = await mailTo('member@example.jp', m.id);
    expect(mail.subject).toBe(`【福島市中小企業振興会議】${staff.user.name}さんが${m.label}の次第を送付しました`);
    expect(mail.text).toContain(`https://sakutei.example.jp/councils/${workspaceId}/meetings/${m.id}\n`);
    await mailTo('chair@example.jp', m.id);
    await settle();
    // member2 chose no mail; the sender and the observer got none.
    for (const to of ['member2@example.jp', 'staff@example.jp', 'observer@example.jp', 'outsider@example.jp']) expect(mailsAbout(to, m.id)).toEqual([]);

    // Sent again: told again.
    expect((await staff.request('POST', `${base()}/${m.id}/agenda/send`)).status).toBe(200);
    expect(await about(member, m.id, 'meeting.agendaSent')).toHaveLength(2);
  });

  it('minutes sent reach those recorded at the sitting; a correction filed reaches the secretariat and the chair', async () => {
    const m = await newMeeting('2031-06-20');
    const people = m.attendance;
    const idOf = (who: Signed) => who.user.id;
    expect(people.some((a) => a.userId === idOf(member2))).toBe(true);
    const entries = people.map((a) => ({
      userId: a.userId,
      attendance: a.userId === idOf(member) ? 'present' : a.userId === idOf(chair) ? 'online' : 'absent',
    }));
    let res = await staff.request('PUT', `${base()}/${m.id}/attendance`, { version: m.version, entries });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    res = await staff.request('PATCH', `${base()}/${m.id}`, { version: res.body.meeting.version, status: 'held' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    res = await staff.request('POST', `${base()}/${m.id}/minutes/send`, { version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    // Present and online: told. Absent (member2), the sender, observers and outsiders: not.
    for (const who of [member, chair]) expect(await about(who, m.id, 'meeting.minutesSent')).toHaveLength(1);
    for (const who of [member2, staff, observer, outsider]) expect(await about(who, m.id)).toEqual([]);
    const mail = await mailTo('chair@example.jp', `${m.id}/minutes`);
    expect(mail.subject).toContain(`${m.label}の議事録（案）を送付しました`);
    expect(mail.text).toContain(`https://sakutei.example.jp/councils/${workspaceId}/meetings/${m.id}/minutes`);

    res = await member.request('POST', `${base()}/${m.id}/minutes/corrections`, { quote: '山田委員', proposal: '山田副委員長', reason: '役職の誤り' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    for (const who of [staff, chair]) {
      const [n, ...more] = await about(who, m.id, 'meeting.minutesCorrection');
      expect(more).toEqual([]);
      expect(n).toMatchObject({ actor: { id: member.user.id }, excerpt: '山田副委員長', meeting: { id: m.id, label: m.label } });
    }
    // Not the member who filed it, nor other members.
    for (const who of [member, member2, observer, outsider]) expect(await about(who, m.id, 'meeting.minutesCorrection')).toEqual([]);
    const correction = await mailTo('staff@example.jp', '議事録に修正を申し出ました');
    expect(correction.text).toContain('「山田副委員長」');
    expect(correction.text).toContain(`/councils/${workspaceId}/meetings/${m.id}/minutes`);

    // member2 was there by proxy after all: recorded so, the minutes sent again reach them too (and the others again).
    const held = (await staff.request('GET', `${base()}/${m.id}`)).body.meeting as Meeting;
    const proxied = entries.map((e) => (e.userId === idOf(member2) ? { ...e, attendance: 'proxy', proxyName: '代理 一郎' } : e));
    expect((await staff.request('PUT', `${base()}/${m.id}/attendance`, { version: held.version, entries: proxied })).status).toBe(200);
    const state = (await staff.request('GET', `${base()}/${m.id}/minutes`)).body.minutes;
    res = await staff.request('POST', `${base()}/${m.id}/minutes/send`, { version: state.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await about(member2, m.id, 'meeting.minutesSent')).toHaveLength(1);
    expect(await about(member, m.id, 'meeting.minutesSent')).toHaveLength(2);
  });

  it("shows a meeting by its label as it is now: an earlier meeting added since renumbers it", async () => {
    expect(agendaMeeting.label).toBe('令和13年度 第1回');
    await newMeeting('2031-04-10');
    const now = (await staff.request('GET', `${base()}/${agendaMeeting.id}`)).body.meeting as Meeting;
    expect(now.label).toBe('令和13年度 第2回');
    const shown = await about(member, agendaMeeting.id);
    expect(shown.map((n) => n.meeting?.label)).toEqual(['令和13年度 第2回', '令和13年度 第2回']);
  });

  it('marks a meeting notification read; someone who left the council no longer sees them; a deleted meeting takes its own', async () => {
    const [first] = (await notifications(member)).list.filter((n) => n.meeting !== null);
    expect(first).toBeDefined();
    const before = (await notifications(member)).unread;
    expect((await member.request('POST', '/api/notifications/read', { ids: [first!.id] })).status).toBeLessThan(300);
    expect((await notifications(member)).unread).toBe(before - 1);

    // Deleting a scheduled meeting takes its notifications with it.
    const m = await newMeeting('2031-07-20');
    expect((await staff.request('POST', `${base()}/${m.id}/agenda/send`)).status).toBe(200);
    expect(await about(chair, m.id)).toHaveLength(1);
    const current = (await staff.request('GET', `${base()}/${m.id}`)).body.meeting as Meeting;
    expect((await staff.request('DELETE', `${base()}/${current.id}`)).status).toBeLessThan(300);
    expect(await about(chair, m.id)).toEqual([]);

    // member2 leaves the council.
    const seen = await notifications(member2);
    expect(seen.list.filter((n) => n.meeting !== null).length).toBeGreaterThan(0);
    expect((await staff.request('DELETE', `/api/workspaces/${workspaceId}/members/${member2.user.id}`)).status).toBe(200);
    const after = await notifications(member2);
    expect(after.list.filter((n) => n.meeting !== null)).toEqual([]);
    expect(after.unread).toBe(0);
  });
});
