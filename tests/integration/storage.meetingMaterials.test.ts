import { describe, expect, it } from 'vitest';
import type { NewAuditEntry, Storage } from '../../server/src/storage/index';
import type { NewMaterial } from '../../server/src/storage/meetingMaterials';
import { storageBackends } from '../support/storageBackends';

/**
 * The material store's contract (issue 17 item 3): bytes kept with their row, positions 1..n
 * without gaps through moves and removals, the per-meeting and per-council limits checked in
 * the insert's transaction, the audit entry written with it. On SQLite and PostgreSQL.
 */

const { backends: opened } = storageBackends('materials');
const T0 = 1_800_000_000_000;

async function council(storage: Storage) {
  await storage.workspaces.createWorkspace({ id: 'w', name: '福島市中小企業振興会議' });
  await storage.accounts.createUser({ id: 's', email: 's@example.jp', name: '事務局', passwordHash: 'x', isDemo: false });
  await storage.workspaces.setMembership('w', 's', 'staff');
  for (const id of ['m1', 'm2']) {
    const meeting = { id, workspaceId: 'w', kind: 'regular', subcommittee: null, title: '', date: '2031-05-20', startTime: null, endTime: null, place: '', onlineUrl: null, status: 'scheduled', createdBy: 's', createdAt: T0 } as const;
    await storage.meetings.create(meeting, 500, entry('meeting.create'));
  }
}

const entry = (kind: NewAuditEntry['kind'], details: Record<string, unknown> = {}): NewAuditEntry => ({ at: T0, kind, workspaceId: 'w', planId: null, actorId: 's', details });

const material = (id: string, size: number, meetingId = 'm1'): NewMaterial => ({
  id,
  meetingId,
  workspaceId: 'w',
  title: `資料 ${id}`,
  fileName: `${id}.pdf`,
  fileType: 'pdf',
  contentType: 'application/pdf',
  size,
  createdBy: 's',
  createdAt: T0,
  source: null,
});

const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);
const LIMITS = { perMeeting: 3, councilBytes: 100 };

describe.each(opened)('meeting material storage (%s)', (_name, openBackend) => {
  const open = async () => (await openBackend()).storage;

  it('keeps the bytes, orders by position, and keeps positions whole through moves and removals', async () => {
    const storage = await open();
    await council(storage);
    for (const id of ['a', 'b', 'c']) expect(await storage.meetingMaterials.add(material(id, 10), bytes(10, id.charCodeAt(0)), LIMITS, entry('meeting.material.add'))).toBe('added');
    expect((await storage.meetingMaterials.list('m1')).map((m) => [m.id, m.position])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(await storage.meetingMaterials.content('b')).toEqual(bytes(10, 'b'.charCodeAt(0)));
    expect(await storage.meetingMaterials.find('a')).toMatchObject({ title: '資料 a', fileType: 'pdf', size: 10, createdAt: T0, meetingId: 'm1' });

    expect(await storage.meetingMaterials.update('c', { position: 1, title: '先頭' })).toBe(true);
    expect((await storage.meetingMaterials.list('m1')).map((m) => [m.id, m.position, m.title])).toEqual([['c', 1, '先頭'], ['a', 2, '資料 a'], ['b', 3, '資料 b']]);
    // Past the end lands at the end.
    expect(await storage.meetingMaterials.update('c', { position: 99 })).toBe(true);
    expect((await storage.meetingMaterials.list('m1')).map((m) => m.id)).toEqual(['a', 'b', 'c']);

    expect(await storage.meetingMaterials.remove('a', entry('meeting.material.remove'))).toBe(true);
    expect((await storage.meetingMaterials.list('m1')).map((m) => [m.id, m.position])).toEqual([['b', 1], ['c', 2]]);
    expect(await storage.meetingMaterials.remove('a', entry('meeting.material.remove'))).toBe(false);
    expect(await storage.meetingMaterials.content('a')).toBeNull();
    expect(await storage.meetingMaterials.update('a', { title: 'x' })).toBe(false);
    const kinds = (await storage.audit.readAfter(0, 50)).map((e) => e.kind).filter((k) => k.startsWith('meeting.material'));
    expect(kinds).toEqual(['meeting.material.add', 'meeting.material.add', 'meeting.material.add', 'meeting.material.remove']);
  });

  it('keeps a generated material as a reference without bytes, numbered with the uploads', async () => {
    const storage = await open();
    await council(storage);
    await storage.meetingMaterials.add(material('a', 10), bytes(10), LIMITS, entry('meeting.material.add'));
    const generated: NewMaterial = { ...material('g', 0), fileType: 'docx', fileName: '第2版.docx', source: { kind: 'compare', planId: 'p1', revisionId: 'r2' } };
    expect(await storage.meetingMaterials.add(generated, new Uint8Array(0), LIMITS, entry('meeting.material.add'))).toBe('added');
    expect(await storage.meetingMaterials.find('g')).toMatchObject({ position: 2, size: 0, source: { kind: 'compare', planId: 'p1', revisionId: 'r2' } });
    expect((await storage.meetingMaterials.find('a'))!.source).toBeNull();
    expect(await storage.meetingMaterials.councilBytes('w')).toBe(10);
  });

  it('refuses past the per-meeting count and the council total, writing nothing', async () => {
    const storage = await open();
    await council(storage);
    for (const id of ['a', 'b', 'c']) await storage.meetingMaterials.add(material(id, 20), bytes(20), LIMITS, entry('meeting.material.add'));
    expect(await storage.meetingMaterials.add(material('d', 1), bytes(1), LIMITS, entry('meeting.material.add'))).toBe('too_many');
    // Another meeting of the same council: the council's 100 bytes hold across meetings.
    expect(await storage.meetingMaterials.add(material('e', 40, 'm2'), bytes(40), LIMITS, entry('meeting.material.add'))).toBe('added');
    expect(await storage.meetingMaterials.add(material('f', 1, 'm2'), bytes(1), LIMITS, entry('meeting.material.add'))).toBe('council_full');
    expect(await storage.meetingMaterials.add(material('g', 1, 'gone'), bytes(1), LIMITS, entry('meeting.material.add'))).toBe('no_meeting');
    expect(await storage.meetingMaterials.councilBytes('w')).toBe(100);
    expect((await storage.audit.readAfter(0, 50)).filter((e) => e.kind === 'meeting.material.add').length).toBe(4);
  });

  it('goes with its meeting, and writes nothing when the audit entry cannot be written', async () => {
    const storage = await open();
    await council(storage);
    const broken = { ...entry('meeting.material.add'), details: { n: 1n } };
    await expect(storage.meetingMaterials.add(material('a', 5), bytes(5), LIMITS, broken)).rejects.toThrow();
    expect(await storage.meetingMaterials.list('m1')).toEqual([]);
    await storage.meetingMaterials.add(material('a', 5), bytes(5), LIMITS, entry('meeting.material.add'));
    expect(await storage.meetings.remove('m1', 1, entry('meeting.delete'))).toBe(true);
    expect(await storage.meetingMaterials.find('a')).toBeNull();
    expect(await storage.meetingMaterials.councilBytes('w')).toBe(0);
  });
});
