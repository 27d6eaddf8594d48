import { CLOSE_CODES, type Meeting, type MinutesResponse, type PlanSummary, canonicalJson, docNameForMinutes } from '@sakutei/shared';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { proseJsonOf } from '../../server/src/services/proseJson';
import { openSqliteStorage } from '../../server/src/storage/sqlite';
import { type CollabClient, appendParagraph, askStored, connectCollab, waitFor } from '../support/collab';
import { type ApiClient, signedIn } from '../support/http';
import { OUTSIDER_PASSWORD, type TestServer, addOutsider, startServer, tempDataDir } from '../support/server';

/**
 * The minutes of a meeting against a real server (issue 17 item 6): who reads, sends, corrects
 * and confirms them; the states and their 409s; the frozen text's hash, computed again from
 * the stored JSON and from the live document; and the live document itself: staff write,
 * members follow read-only, observers are refused, nothing but the prose is taken, and
 * confirmation closes editing sockets so they reconnect read-only.
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
const clients: CollabClient[] = [];

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
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const base = () => `/api/workspaces/${workspaceId}/meetings`;
const connect = (docName: string, who: ApiClient) => {
  const c = connectCollab(server.wsUrl, docName, { cookie: who.cookie });
  clients.push(c);
  return c;
};

/** A meeting of the test's own, held (minutes are sent after a sitting) unless said otherwise. */
async function newMeeting({ held = true }: { held?: boolean } = {}): Promise<Meeting> {
  const res = await staff.request('POST', base(), { kind: 'regular', date: '2031-06-20', startTime: '10:00' });
  expect(res.status).toBe(201);
  if (!held) return res.body.meeting;
  const marked = await staff.request('PATCH', `${base()}/${res.body.meeting.id}`, { version: res.body.meeting.version, status: 'held' });
  expect(marked.status, JSON.stringify(marked.body)).toBe(200);
  return marked.body.meeting;
}

async function minutes(id: string, as: ApiClient = staff): Promise<MinutesResponse> {
  const res = await as.request('GET', `${base()}/${id}/minutes`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function audit(kind: string) {
  const entries = (await chair.request('GET', `/api/plans/${plan.id}/audit?limit=500`)).body.entries as Array<{ kind: string; details: Record<string, unknown> }>;
  return entries.filter((e) => e.kind === kind);
}

describe('meeting minutes over HTTP', () => {
  it('answers each role: staff and the chair manage, members read, observers and outsiders learn nothing', async () => {
    const m = await newMeeting();
    const asStaff = await minutes(m.id, staff);
    expect(asStaff).toMatchObject({ access: 'edit', mayManage: true, mayConfirm: false });
    expect(asStaff.minutes).toMatchObject({ meetingId: m.id, docName: docNameForMinutes(m.id), state: 'draft', sentAt: null, hash: null, publishNames: 'anonymised', corrections: [], version: 1 });
    expect(await minutes(m.id, chair)).toMatchObject({ access: 'edit', mayManage: true, mayConfirm: false });
    expect(await minutes(m.id, member)).toMatchObject({ access: 'read', mayManage: false, mayConfirm: false });
    for (const who of [observer, outsider]) expect((await who.request('GET', `${base()}/${m.id}/minutes`)).status).toBe(404);
    expect((await staff.request('GET', `${base()}/no-such-meeting/minutes`)).status).toBe(404);
    expect((await member.request('POST', `${base()}/${m.id}/minutes/send`, { version: 1 })).status).toBe(403);
    expect((await member.request('PUT', `${base()}/${m.id}/minutes/publication`, { version: 1, names: 'asSpoken' })).status).toBe(403);
    expect((await observer.request('POST', `${base()}/${m.id}/minutes/send`, { version: 1 })).status).toBe(404);
    // Hostile bodies: refused with a clear 400, nothing changed.
    for (const bad of [{}, { version: 0 }, { version: 1, extra: true }, { version: '1' }]) {
      const res = await staff.request('POST', `${base()}/${m.id}/minutes/send`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBeTruthy();
    }
    expect((await staff.request('PUT', `${base()}/${m.id}/minutes/publication`, { version: 1, names: 'hidden' })).status).toBe(400);
    expect((await minutes(m.id)).minutes.version).toBe(1);
  });

  it('goes draft → sent → confirmed with corrections in between, with a 409 for each step out of turn', async () => {
    const m = await newMeeting();
    const path = `${base()}/${m.id}/minutes`;
    // Nothing to correct or confirm before the minutes are sent.
    let res = await member.request('POST', `${path}/corrections`, { quote: '原文', proposal: '訂正案', reason: '' });
    expect([res.status, res.body.error.code]).toEqual([409, 'minutes_not_sent']);
    res = await chair.request('POST', `${path}/confirm`, { version: 1 });
    expect([res.status, res.body.error.code]).toEqual([409, 'minutes_not_sent']);

    // Minutes go out after the sitting: not while the meeting is still scheduled.
    const scheduled = await newMeeting({ held: false });
    res = await staff.request('POST', `${base()}/${scheduled.id}/minutes/send`, { version: 1 });
    expect([res.status, res.body.error.code]).toEqual([409, 'meeting_not_held']);
    expect((await minutes(scheduled.id)).minutes.state).toBe('draft');

    res = await staff.request('POST', `${path}/send`, { version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const firstSent = res.body.minutes.sentAt as string;
    expect(res.body.minutes).toMatchObject({ state: 'sent', version: 2 });
    // A stale version: 409 with the minutes as they are now.
    res = await staff.request('POST', `${path}/send`, { version: 1 });
    expect([res.status, res.body.error.code, res.body.minutes?.minutes?.version]).toEqual([409, 'version_conflict', 2]);
    await new Promise((r) => setTimeout(r, 5));
    res = await chair.request('POST', `${path}/send`, { version: 2 });
    expect(res.status).toBe(200);
    expect(res.body.minutes.sentAt > firstSent).toBe(true);
    expect((await minutes(m.id, chair)).mayConfirm).toBe(true);
    expect((await minutes(m.id, staff)).mayConfirm).toBe(false);

    // Corrections: bounded text, members file, staff answer.
    for (const bad of [
      { quote: '', proposal: '訂正案', reason: '' },
      { quote: '原文', proposal: ' ', reason: '' },
      { quote: '原文', proposal: 'x'.repeat(2001), reason: '' },
      { quote: '原文', proposal: '訂正案', reason: 'a\u0000b' },
      { quote: '原文', proposal: '訂正案' },
    ]) {
      expect((await member.request('POST', `${path}/corrections`, bad)).status, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    res = await member.request('POST', `${path}/corrections`, { quote: '山田委員：賛成', proposal: '山田委員：原案に賛成', reason: '発言のとおりに' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [filed] = res.body.minutes.corrections;
    expect(filed).toMatchObject({ author: { userId: member.user.id }, quote: '山田委員：賛成', proposal: '山田委員：原案に賛成', reason: '発言のとおりに', state: 'open', resolvedAt: null });
    expect((await observer.request('POST', `${path}/corrections`, { quote: 'a', proposal: 'b', reason: '' })).status).toBe(404);
    const version = (await minutes(m.id)).minutes.version;
    res = await chair.request('POST', `${path}/confirm`, { version });
    expect([res.status, res.body.error.code]).toEqual([409, 'corrections_open']);
    expect((await member.request('POST', `${path}/corrections/${filed.id}/resolve`, { state: 'applied' })).status).toBe(403);
    expect((await staff.request('POST', `${path}/corrections/no-such/resolve`, { state: 'applied' })).status).toBe(404);
    expect((await staff.request('POST', `${path}/corrections/${filed.id}/resolve`, { state: 'maybe' })).status).toBe(400);
    res = await staff.request('POST', `${path}/corrections/${filed.id}/resolve`, { state: 'applied' });
    expect(res.status).toBe(200);
    expect(res.body.minutes.corrections[0]).toMatchObject({ state: 'applied' });
    res = await staff.request('POST', `${path}/corrections/${filed.id}/resolve`, { state: 'declined' });
    expect([res.status, res.body.error.code]).toEqual([409, 'correction_resolved']);

    // Only the chair confirms, naming the version.
    expect((await staff.request('POST', `${path}/confirm`, { version })).status).toBe(403);
    expect((await member.request('POST', `${path}/confirm`, { version })).status).toBe(403);
    res = await chair.request('POST', `${path}/confirm`, { version: version + 5 });
    expect([res.status, res.body.error.code]).toEqual([409, 'version_conflict']);
    res = await chair.request('POST', `${path}/confirm`, { version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const confirmed: MinutesResponse = res.body;
    expect(confirmed.minutes).toMatchObject({ state: 'confirmed', confirmedBy: { userId: chair.user.id } });
    expect(confirmed.minutes.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(confirmed).toMatchObject({ access: 'read', mayConfirm: false });
    expect((await minutes(m.id, staff)).access).toBe('read');
    expect((await staff.request('GET', `${base()}/${m.id}`)).body.meeting.status).toBe('minutesConfirmed');

    // Confirmed: nothing more changes, except how names are published.
    const after = confirmed.minutes.version;
    for (const [who, method, sub, body] of [
      [staff, 'POST', 'send', { version: after }],
      [chair, 'POST', 'confirm', { version: after }],
      [member, 'POST', 'corrections', { quote: 'a', proposal: 'b', reason: '' }],
      [staff, 'POST', `corrections/${filed.id}/resolve`, { state: 'declined' }],
    ] as const) {
      res = await who.request(method, `${path}/${sub}`, body);
      expect([sub, res.status, res.body.error?.code]).toEqual([sub, 409, 'minutes_confirmed']);
    }
    res = await staff.request('PUT', `${path}/publication`, { version: after, names: 'asSpoken' });
    expect(res.status).toBe(200);
    expect(res.body.minutes).toMatchObject({ publishNames: 'asSpoken', hash: confirmed.minutes.hash, state: 'confirmed' });

    const [entry] = (await audit('meeting.minutesConfirmed')).filter((e) => e.details.meetingId === m.id);
    expect(entry?.details).toMatchObject({ meetingId: m.id, hash: confirmed.minutes.hash });
    expect(String(entry?.details.label)).toMatch(/第\d+回/);
  });

  it('bounds the open corrections of one person', async () => {
    const m = await newMeeting();
    const path = `${base()}/${m.id}/minutes`;
    expect((await staff.request('POST', `${path}/send`, { version: 1 })).status).toBe(200);
    for (let i = 0; i < 20; i++) expect((await member.request('POST', `${path}/corrections`, { quote: `引用${i}`, proposal: '訂正', reason: '' })).status).toBe(201);
    const res = await member.request('POST', `${path}/corrections`, { quote: '引用', proposal: '訂正', reason: '' });
    expect([res.status, res.body.error.code]).toEqual([409, 'too_many_open_corrections']);
    // Someone else still may.
    expect((await chair.request('POST', `${path}/corrections`, { quote: '引用', proposal: '訂正', reason: '' })).status).toBe(201);
  });

  it("keeps an archived council's minutes readable and refuses every change, on the socket too", async () => {
    // The outsider chairs a council of their own.
    const made = await outsider.request('POST', `/api/workspaces/${otherWorkspaceId}/meetings`, { kind: 'regular', date: '2031-06-01' });
    expect(made.status).toBe(201);
    const meetingPath = `/api/workspaces/${otherWorkspaceId}/meetings/${made.body.meeting.id}`;
    expect((await outsider.request('PATCH', meetingPath, { version: made.body.meeting.version, status: 'held' })).status).toBe(200);
    const path = `${meetingPath}/minutes`;
    expect((await outsider.request('POST', `${path}/send`, { version: 1 })).status).toBe(200);
    const admin = await signedIn(server.url, 'admin@example.jp');
    expect((await admin.request('PATCH', `/api/admin/councils/${otherWorkspaceId}`, { archived: true })).status).toBe(200);
    try {
      const read = await outsider.request('GET', path);
      expect(read.body).toMatchObject({ access: 'read', mayManage: false, mayConfirm: false });
      for (const [sub, body] of [
        ['send', { version: 2 }],
        ['confirm', { version: 2 }],
        ['corrections', { quote: 'a', proposal: 'b', reason: '' }],
      ] as const) {
        const res = await outsider.request('POST', `${path}/${sub}`, body);
        expect([sub, res.status, res.body.error.code]).toEqual([sub, 409, 'council_archived']);
      }
      const socket = connect(docNameForMinutes(made.body.meeting.id), outsider);
      await socket.synced;
      appendParagraph(socket.doc, '保存後の書き込み');
      expect((await askStored(socket)).lost).toBeGreaterThan(0);
    } finally {
      expect((await admin.request('PATCH', `/api/admin/councils/${otherWorkspaceId}`, { archived: false })).status).toBe(200);
    }
  });

  it('deletes the minutes and their corrections with their meeting', async () => {
    const m = await newMeeting();
    const path = `${base()}/${m.id}/minutes`;
    expect((await staff.request('POST', `${path}/send`, { version: 1 })).status).toBe(200);
    expect((await member.request('POST', `${path}/corrections`, { quote: '引用', proposal: '訂正', reason: '' })).status).toBe(201);
    // Only a scheduled meeting is deleted: one marked held by mistake goes back to 予定 first.
    const held = (await staff.request('GET', `${base()}/${m.id}`)).body.meeting.version;
    const back = await staff.request('PATCH', `${base()}/${m.id}`, { version: held, status: 'scheduled' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect((await staff.request('DELETE', `${base()}/${m.id}?version=${back.body.meeting.version}`)).status).toBeLessThan(300);
    const storage = openSqliteStorage(dataDir);
    try {
      expect(await storage.meetings.find(m.id)).toBeNull();
      expect(await storage.minutes.find(m.id)).toBeNull();
      expect(await storage.minutes.corrections(m.id)).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});

describe('the live minutes document', () => {
  it('staff write, members follow read-only, observers and outsiders are refused, only the prose is taken', async () => {
    const m = await newMeeting();
    const docName = docNameForMinutes(m.id);
    for (const who of [observer, outsider]) {
      const refused = connect(docName, who);
      await waitFor(() => refused.closes.length > 0, 'refusal');
      expect(refused.closes[0]?.code).toBe(CLOSE_CODES.forbidden);
    }
    const unknown = connect(docNameForMinutes('nosuchmeeting'), staff);
    await waitFor(() => unknown.closes.length > 0, 'refusal of an unknown meeting');
    expect(unknown.closes[0]?.code).toBe(CLOSE_CODES.forbidden);

    const writer = connect(docName, staff);
    const reader = connect(docName, member);
    await Promise.all([writer.synced, reader.synced]);
    appendParagraph(writer.doc, '山田座長：開会します。');
    await waitFor(() => reader.doc.getXmlFragment('body').toString().includes('開会します'), 'the member to see the staff text');
    // The member's edit is refused, and reaches nobody.
    appendParagraph(reader.doc, '委員の書き込み');
    expect((await askStored(reader)).lost).toBeGreaterThan(0);
    // Anything but the prose root, or prose the schema lacks, is refused too.
    writer.doc.getMap('measureNodes').set('x', new Y.Map());
    expect((await askStored(writer, 1)).lost).toBeGreaterThan(0);
    const script = new Y.XmlElement('script');
    writer.doc.getXmlFragment('body').insert(0, [script]);
    expect((await askStored(writer, 2)).lost).toBeGreaterThan(1);
    const fresh = connect(docName, chair);
    await fresh.synced;
    const text = fresh.doc.getXmlFragment('body').toString();
    expect(text).toContain('開会します');
    expect(text).not.toContain('委員の書き込み');
    expect(text).not.toContain('script');
    expect(fresh.doc.share.has('measureNodes') ? fresh.doc.getMap('measureNodes').size : 0).toBe(0);
  });

  it('confirmation freezes what the document says, closes editing sockets, and they reconnect read-only', async () => {
    const m = await newMeeting();
    const docName = docNameForMinutes(m.id);
    const writer = connect(docName, staff);
    const follower = connect(docName, member);
    await Promise.all([writer.synced, follower.synced]);
    appendParagraph(writer.doc, '１　開会');
    appendParagraph(writer.doc, '佐藤委員：資料１について質問します。');
    await waitFor(() => follower.doc.getXmlFragment('body').toString().includes('質問します'), 'the text to reach the member');
    expect((await askStored(writer)).lost).toBe(0);
    const path = `${base()}/${m.id}/minutes`;
    expect((await staff.request('POST', `${path}/send`, { version: 1 })).status).toBe(200);
    const res = await chair.request('POST', `${path}/confirm`, { version: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const hash = res.body.minutes.hash as string;

    await waitFor(() => writer.closes.length > 0, 'the editing socket to close');
    expect(writer.closes[0]?.code).toBe(CLOSE_CODES.accessChanged);
    // The member was reading already: their socket stays.
    expect(follower.closes).toEqual([]);

    // The hash is the SHA-256 of the stored JSON, and that JSON is what the document says.
    const storage = openSqliteStorage(dataDir);
    let frozenJson: string;
    try {
      const stored = (await storage.minutes.find(m.id))!;
      frozenJson = stored.frozenJson!;
      expect(stored.hash).toBe(hash);
      expect(stored.frozenText).toBe('１　開会\n佐藤委員：資料１について質問します。');
    } finally {
      await storage.close();
    }
    expect(createHash('sha256').update(frozenJson).digest('hex')).toBe(hash);
    const again = connect(docName, staff);
    await again.synced;
    const prose = proseJsonOf(again.doc.getXmlFragment('body')).prose;
    expect(canonicalJson(prose)).toBe(frozenJson);
    // Read-only now, staff too.
    appendParagraph(again.doc, '確定後の書き込み');
    expect((await askStored(again)).lost).toBeGreaterThan(0);
    const check = connect(docName, chair);
    await check.synced;
    expect(check.doc.getXmlFragment('body').toString()).not.toContain('確定後の書き込み');
  });
});
