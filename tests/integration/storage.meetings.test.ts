import { describe, expect, it } from 'vitest';
import type { NewAuditEntry, Storage } from '../../server/src/storage/index';
import type { AgendaItemRecord, MeetingFacts, NewMeeting } from '../../server/src/storage/meetings';
import { storageBackends } from '../support/storageBackends';

/**
 * The meeting store's contract (issue 17): meetings, their agenda and attendance, the
 * council's quorum rule; every write checked against the version it was made on and recorded
 * in the audit log in the same transaction. On SQLite and PostgreSQL.
 */

const { backends: opened } = storageBackends('meetings');
const backends = opened.map(([name, open]) => [name, async () => (await open()).storage] as const);

const T0 = 1_800_000_000_000;

async function council(storage: Storage) {
  await storage.workspaces.createWorkspace({ id: 'w', name: '福島市中小企業振興会議' });
  await storage.workspaces.createWorkspace({ id: 'w2', name: '郡山市産業振興会議' });
  for (const [id, role] of [['chair', 'chair'], ['m', 'member'], ['s', 'staff']] as const) {
    await storage.accounts.createUser({ id, email: `${id}@example.jp`, name: `名前 ${id}`, passwordHash: 'x', isDemo: false });
    await storage.workspaces.setMembership('w', id, role);
  }
}

const meeting = (id: string, over: Partial<NewMeeting> = {}): NewMeeting => ({
  id,
  workspaceId: 'w',
  kind: 'regular',
  subcommittee: null,
  title: '',
  date: '2025-11-20',
  startTime: '14:00',
  endTime: null,
  place: '市役所 本庁舎 第1会議室',
  onlineUrl: null,
  status: 'scheduled',
  createdBy: 's',
  createdAt: T0,
  ...over,
});

const entry = (kind: NewAuditEntry['kind'], details: Record<string, unknown> = {}): NewAuditEntry => ({ at: T0, kind, workspaceId: 'w', planId: null, actorId: 's', details });

const item = (id: string, position: number, over: Partial<AgendaItemRecord> = {}): AgendaItemRecord => ({
  id,
  position,
  title: `議題${position}`,
  presenter: '事務局',
  minutes: 10,
  links: [{ kind: 'text', text: '資料1' }],
  changedAfterSent: false,
  ...over,
});

describe.each(backends)('meeting storage (%s)', (_name, open) => {
  it('creates, lists, finds and updates meetings, each change bumping the version once', async () => {
    const storage = await open();
    await council(storage);
    expect(await storage.meetings.create(meeting('a'), 500, entry('meeting.create', { meetingId: 'a' }))).toBe(true);
    await storage.meetings.create(meeting('b', { kind: 'subcommittee', subcommittee: '商業', onlineUrl: 'https://meet.example.jp/x' }), 500, entry('meeting.create'));
    await storage.meetings.create(meeting('other', { workspaceId: 'w2' }), 500, entry('meeting.create'));
    expect((await storage.meetings.list('w')).map((m) => m.id).sort()).toEqual(['a', 'b']);
    const a = (await storage.meetings.find('a'))!;
    expect(a).toMatchObject({ workspaceId: 'w', kind: 'regular', date: '2025-11-20', startTime: '14:00', endTime: null, version: 1, agendaSentAt: null, createdAt: T0, updatedAt: T0 });
    expect(await storage.meetings.find('b')).toMatchObject({ subcommittee: '商業', onlineUrl: 'https://meet.example.jp/x' });
    const facts: MeetingFacts = { ...a, title: '第3回 振興会議', status: 'held', endTime: '16:00' };
    expect(await storage.meetings.update('a', 1, facts, T0 + 5, entry('meeting.update'))).toBe(true);
    expect(await storage.meetings.find('a')).toMatchObject({ title: '第3回 振興会議', status: 'held', endTime: '16:00', version: 2, updatedAt: T0 + 5 });
    // A change made on version 1 after version 2 exists: refused, nothing written, no audit entry.
    expect(await storage.meetings.update('a', 1, { ...facts, title: '古い版から' }, T0 + 6, entry('meeting.update'))).toBe(false);
    expect(await storage.meetings.update('gone', 1, facts, T0 + 6, entry('meeting.update'))).toBe(false);
    expect((await storage.meetings.find('a'))!.title).toBe('第3回 振興会議');
    const kinds = (await storage.audit.readAfter(0, 50)).map((e) => e.kind);
    expect(kinds).toEqual(['meeting.create', 'meeting.create', 'meeting.create', 'meeting.update']);
  });

  it('refuses a meeting beyond the limit of the council', async () => {
    const storage = await open();
    await council(storage);
    for (const id of ['a', 'b']) expect(await storage.meetings.create(meeting(id), 2, entry('meeting.create'))).toBe(true);
    expect(await storage.meetings.create(meeting('c'), 2, entry('meeting.create'))).toBe(false);
    // Another council counts its own.
    expect(await storage.meetings.create(meeting('d', { workspaceId: 'w2' }), 2, entry('meeting.create'))).toBe(true);
    expect(await storage.meetings.find('c')).toBeNull();
    expect((await storage.audit.readAfter(0, 50)).length).toBe(3);
  });

  it('replaces the agenda in order, marks it sent, and clears the marks on sending', async () => {
    const storage = await open();
    await council(storage);
    await storage.meetings.create(meeting('a'), 500, entry('meeting.create'));
    const links = [
      { kind: 'revision' as const, revisionId: 'r1', label: '第2版 素案' },
      { kind: 'plan' as const, planId: 'p1', label: '第2期振興プログラム' },
      { kind: 'text' as const, text: '委員意見と対応' },
    ];
    expect(await storage.meetings.replaceAgenda('a', 1, [item('i2', 2), item('i1', 1, { links, minutes: null })], T0 + 1, entry('meeting.agenda'))).toBe(true);
    expect(await storage.meetings.agenda('a')).toEqual([item('i1', 1, { links, minutes: null }), item('i2', 2)]);
    expect(await storage.meetings.replaceAgenda('a', 1, [], T0 + 2, entry('meeting.agenda'))).toBe(false);
    expect((await storage.meetings.agenda('a')).length).toBe(2);
    expect(await storage.meetings.replaceAgenda('a', 2, [item('i1', 1), item('i3', 2, { changedAfterSent: true })], T0 + 3, entry('meeting.agenda'))).toBe(true);
    expect((await storage.meetings.agenda('a')).map((i) => [i.id, i.changedAfterSent])).toEqual([
      ['i1', false],
      ['i3', true],
    ]);
    expect(await storage.meetings.markAgendaSent('a', 2, T0 + 4, entry('meeting.agendaSent'))).toBe(false);
    expect(await storage.meetings.markAgendaSent('a', 3, T0 + 4, entry('meeting.agendaSent'))).toBe(true);
    expect(await storage.meetings.find('a')).toMatchObject({ agendaSentAt: T0 + 4, version: 4 });
    expect((await storage.meetings.agenda('a')).every((i) => !i.changedAfterSent)).toBe(true);
  });

  it('records, changes and clears attendance, and keeps a meeting to its council', async () => {
    const storage = await open();
    await council(storage);
    await storage.meetings.create(meeting('a'), 500, entry('meeting.create'));
    const set = (version: number, changes: Parameters<Storage['meetings']['setAttendance']>[2]) =>
      storage.meetings.setAttendance('a', version, changes, T0, entry('meeting.attendance'));
    expect(await set(1, [{ userId: 'chair', attendance: 'present', proxyName: null }, { userId: 'm', attendance: 'proxy', proxyName: '代理 太郎' }])).toBe(true);
    expect(await set(2, [{ userId: 'chair', attendance: 'online', proxyName: null }, { userId: 's', attendance: 'present', proxyName: null }])).toBe(true);
    expect(await set(2, [{ userId: 'chair', attendance: null, proxyName: null }])).toBe(false);
    const byUser = async () => Object.fromEntries((await storage.meetings.attendance('a')).map((a) => [a.userId, [a.attendance, a.proxyName]]));
    expect(await byUser()).toEqual({ chair: ['online', null], m: ['proxy', '代理 太郎'], s: ['present', null] });
    expect(await set(3, [{ userId: 'chair', attendance: null, proxyName: null }])).toBe(true);
    expect(await byUser()).toEqual({ m: ['proxy', '代理 太郎'], s: ['present', null] });
  });

  it('deletes a meeting with its agenda and attendance only while it is scheduled, at its version', async () => {
    const storage = await open();
    await council(storage);
    await storage.meetings.create(meeting('a'), 500, entry('meeting.create'));
    await storage.meetings.replaceAgenda('a', 1, [item('i1', 1)], T0, entry('meeting.agenda'));
    await storage.meetings.setAttendance('a', 2, [{ userId: 'm', attendance: 'present', proxyName: null }], T0, entry('meeting.attendance'));
    expect(await storage.meetings.remove('a', 2, entry('meeting.delete'))).toBe(false);
    const held = { ...(await storage.meetings.find('a'))!, status: 'held' as const };
    await storage.meetings.update('a', 3, held, T0, entry('meeting.update'));
    expect(await storage.meetings.remove('a', 4, entry('meeting.delete'))).toBe(false);
    await storage.meetings.update('a', 4, { ...held, status: 'scheduled' }, T0, entry('meeting.update'));
    expect(await storage.meetings.remove('a', 5, entry('meeting.delete'))).toBe(true);
    expect(await storage.meetings.find('a')).toBeNull();
    expect(await storage.meetings.agenda('a')).toEqual([]);
    expect(await storage.meetings.attendance('a')).toEqual([]);
    expect((await storage.audit.readAfter(0, 50)).at(-1)!.kind).toBe('meeting.delete');
  });

  it("keeps the council's quorum rule, the default until one is chosen, with its audit entry", async () => {
    const storage = await open();
    await council(storage);
    expect(await storage.meetings.quorumOf('w')).toEqual({ kind: 'moreThanHalf', proxyCounts: true });
    expect(await storage.meetings.quorumOf('no-such-council')).toEqual({ kind: 'moreThanHalf', proxyCounts: true });
    await storage.meetings.setQuorum('w', { kind: 'atLeastCount', count: 7, proxyCounts: false }, entry('meeting.quorum'));
    expect(await storage.meetings.quorumOf('w')).toEqual({ kind: 'atLeastCount', count: 7, proxyCounts: false });
    expect(await storage.meetings.quorumOf('w2')).toEqual({ kind: 'moreThanHalf', proxyCounts: true });
    expect((await storage.audit.readAfter(0, 50)).map((e) => e.kind)).toEqual(['meeting.quorum']);
  });

  it('writes nothing when the audit entry cannot be written', async () => {
    const storage = await open();
    await council(storage);
    // A BigInt cannot be written as JSON: the append fails inside the transaction.
    const broken = { ...entry('meeting.create'), details: { n: 1n } };
    await expect(storage.meetings.create(meeting('a'), 500, broken)).rejects.toThrow();
    expect(await storage.meetings.find('a')).toBeNull();
    await storage.meetings.create(meeting('a'), 500, entry('meeting.create'));
    await expect(storage.meetings.replaceAgenda('a', 1, [item('i1', 1)], T0, broken)).rejects.toThrow();
    expect(await storage.meetings.find('a')).toMatchObject({ version: 1 });
    expect(await storage.meetings.agenda('a')).toEqual([]);
  });
});

describe.each(opened)('meeting storage from two processes at once (%s)', (_name, open) => {
  it('lets one of two racing writes win: the council limit and a version each hold', async () => {
    const first = await open();
    const storage = first.storage;
    const other = await first.another();
    await council(storage);
    const made = await Promise.all([
      storage.meetings.create(meeting('a'), 1, entry('meeting.create')),
      other.meetings.create(meeting('b'), 1, entry('meeting.create')),
    ]);
    expect(made.filter(Boolean).length).toBe(1);
    expect((await storage.meetings.list('w')).length).toBe(1);
    const [kept] = await storage.meetings.list('w');
    const changed = await Promise.all([
      storage.meetings.update(kept!.id, 1, { ...kept!, title: '一方' }, T0, entry('meeting.update')),
      other.meetings.replaceAgenda(kept!.id, 1, [item('i1', 1)], T0, entry('meeting.agenda')),
    ]);
    expect(changed.filter(Boolean).length).toBe(1);
    expect((await storage.meetings.find(kept!.id))!.version).toBe(2);
    expect((await storage.audit.verify()).firstBroken).toBeNull();
    expect((await storage.audit.readAfter(0, 50)).length).toBe(2);
  });
});
