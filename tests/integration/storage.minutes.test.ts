import { describe, expect, it } from 'vitest';
import type { NewAuditEntry, Storage } from '../../server/src/storage/index';
import type { CorrectionRecord, FrozenMinutes } from '../../server/src/storage/minutes';
import { storageBackends } from '../support/storageBackends';

/**
 * The minutes store's contract (issue 17 item 6, migration 12), on SQLite and PostgreSQL:
 * nothing stored until the first write; send, confirm and the publication option named by
 * version with their audit entry in the same transaction; confirmation refused while a
 * correction is open and marking the meeting minutesConfirmed; corrections bounded per meeting
 * and per author; everything gone with its meeting.
 */

const { backends: opened } = storageBackends('minutes');
const backends = opened.map(([name, open]) => [name, async () => (await open()).storage] as const);

const T0 = 1_800_000_000_000;
const entry = (kind: NewAuditEntry['kind']): NewAuditEntry => ({ at: T0, kind, workspaceId: 'w', planId: null, actorId: 's', details: {} });
const LIMITS = { perMeeting: 4, openPerAuthor: 2 };
const frozen: FrozenMinutes = { at: T0 + 5, by: 's', hash: 'a'.repeat(64), json: '{"type":"doc"}', text: '議事録' };

async function sitting(storage: Storage) {
  await storage.workspaces.createWorkspace({ id: 'w', name: '福島市中小企業振興会議' });
  for (const [id, role] of [['s', 'staff'], ['m', 'member'], ['n', 'member']] as const) {
    await storage.accounts.createUser({ id, email: `${id}@example.jp`, name: id, passwordHash: 'x', isDemo: false });
    await storage.workspaces.setMembership('w', id, role);
  }
  for (const id of ['m1', 'm2']) {
    await storage.meetings.create(
      { id, workspaceId: 'w', kind: 'regular', subcommittee: null, title: '', date: '2025-11-20', startTime: null, endTime: null, place: '', onlineUrl: null, status: 'scheduled', createdBy: 's', createdAt: T0 },
      500,
      entry('meeting.create'),
    );
  }
}

const correction = (id: string, authorId = 'm', meetingId = 'm1'): CorrectionRecord => ({
  id,
  meetingId,
  authorId,
  quote: '山田委員：賛成です。',
  proposal: '山田委員：原案に賛成です。',
  reason: '発言のとおりに',
  state: 'open',
  createdAt: T0 + Number(id.replace(/\D/g, '') || 0),
  resolvedBy: null,
  resolvedAt: null,
});

describe.each(backends)('minutes storage (%s)', (_name, open) => {
  it('sends by version, refuses confirmation while a correction is open, freezes and marks the meeting, each write audited', async () => {
    const storage = await open();
    await sitting(storage);
    expect(await storage.minutes.find('m1')).toBeNull();
    const audited = (await storage.audit.readAfter(0, 100)).length;
    // Corrections wait for the minutes to be sent; confirmation too.
    expect(await storage.minutes.addCorrection(correction('c1'), LIMITS, entry('meeting.minutesCorrection'))).toBe('notSent');
    expect(await storage.minutes.confirm('m1', 1, frozen, entry('meeting.minutesConfirmed'))).toBe('conflict');
    expect(await storage.minutes.send('m1', 2, T0, 's', entry('meeting.minutesSent'))).toBe(false);
    expect(await storage.minutes.send('gone', 1, T0, 's', entry('meeting.minutesSent'))).toBe(false);
    expect(await storage.minutes.send('m1', 1, T0 + 1, 's', entry('meeting.minutesSent'))).toBe(true);
    expect(await storage.minutes.send('m1', 2, T0 + 2, 's', entry('meeting.minutesSent'))).toBe(true);
    expect(await storage.minutes.find('m1')).toMatchObject({ state: 'sent', sentAt: T0 + 2, sentBy: 's', version: 3, publishNames: 'anonymised', hash: null });
    expect(await storage.minutes.addCorrection(correction('c1'), LIMITS, entry('meeting.minutesCorrection'))).toBe('added');
    expect(await storage.minutes.confirm('m1', 3, frozen, entry('meeting.minutesConfirmed'))).toBe('correctionsOpen');
    expect(await storage.minutes.resolveCorrection('m2', 'c1', 'applied', 's', T0 + 3, entry('meeting.minutesCorrectionResolved'))).toBe(false);
    expect(await storage.minutes.resolveCorrection('m1', 'c1', 'applied', 's', T0 + 3, entry('meeting.minutesCorrectionResolved'))).toBe(true);
    expect(await storage.minutes.resolveCorrection('m1', 'c1', 'declined', 's', T0 + 4, entry('meeting.minutesCorrectionResolved'))).toBe(false);
    const meetingBefore = (await storage.meetings.find('m1'))!;
    expect(await storage.minutes.confirm('m1', 2, frozen, entry('meeting.minutesConfirmed'))).toBe('conflict');
    expect(await storage.minutes.confirm('m1', 3, frozen, entry('meeting.minutesConfirmed'))).toBe('confirmed');
    expect(await storage.minutes.find('m1')).toMatchObject({ state: 'confirmed', confirmedAt: frozen.at, confirmedBy: 's', hash: frozen.hash, frozenJson: frozen.json, frozenText: frozen.text, version: 4 });
    const meetingAfter = (await storage.meetings.find('m1'))!;
    expect(meetingAfter.status).toBe('minutesConfirmed');
    expect(meetingAfter.version).toBe(meetingBefore.version + 1);
    // Confirmed minutes take nothing more, but the publication option still changes.
    expect(await storage.minutes.send('m1', 4, T0 + 6, 's', entry('meeting.minutesSent'))).toBe(false);
    expect(await storage.minutes.confirm('m1', 4, frozen, entry('meeting.minutesConfirmed'))).toBe('conflict');
    expect(await storage.minutes.addCorrection(correction('c2'), LIMITS, entry('meeting.minutesCorrection'))).toBe('notSent');
    expect(await storage.minutes.setPublishNames('m1', 3, 'asSpoken', entry('meeting.minutesPublication'))).toBe(false);
    expect(await storage.minutes.setPublishNames('m1', 4, 'asSpoken', entry('meeting.minutesPublication'))).toBe(true);
    expect((await storage.minutes.find('m1'))!.publishNames).toBe('asSpoken');
    const kinds = (await storage.audit.readAfter(0, 100)).slice(audited).map((e) => e.kind);
    expect(kinds).toEqual(['meeting.minutesSent', 'meeting.minutesSent', 'meeting.minutesCorrection', 'meeting.minutesCorrectionResolved', 'meeting.minutesConfirmed', 'meeting.minutesPublication']);
    expect((await storage.minutes.corrections('m1')).map((c) => [c.id, c.state, c.resolvedBy, c.resolvedAt])).toEqual([['c1', 'applied', 's', T0 + 3]]);
  });

  it('bounds corrections per meeting and open ones per author, and deletes minutes and corrections with their meeting', async () => {
    const storage = await open();
    await sitting(storage);
    expect(await storage.minutes.send('m2', 1, T0, 's', entry('meeting.minutesSent'))).toBe(true);
    const add = (c: CorrectionRecord) => storage.minutes.addCorrection(c, LIMITS, entry('meeting.minutesCorrection'));
    expect(await add(correction('c1', 'm', 'm2'))).toBe('added');
    expect(await add(correction('c2', 'm', 'm2'))).toBe('added');
    expect(await add(correction('c3', 'm', 'm2'))).toBe('tooManyOpen');
    expect(await storage.minutes.resolveCorrection('m2', 'c1', 'declined', 's', T0, entry('meeting.minutesCorrectionResolved'))).toBe(true);
    expect(await add(correction('c3', 'm', 'm2'))).toBe('added');
    expect(await add(correction('c4', 'n', 'm2'))).toBe('added');
    expect(await add(correction('c5', 'n', 'm2'))).toBe('tooMany');
    expect((await storage.minutes.corrections('m2')).map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    const m2 = (await storage.meetings.find('m2'))!;
    expect(await storage.meetings.remove('m2', m2.version, entry('meeting.delete'))).toBe(true);
    expect(await storage.minutes.find('m2')).toBeNull();
    expect(await storage.minutes.corrections('m2')).toEqual([]);
  });
});
