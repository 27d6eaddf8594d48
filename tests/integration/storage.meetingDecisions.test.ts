import { describe, expect, it } from 'vitest';
import type { NewAuditEntry, Storage } from '../../server/src/storage/index';
import type { DecisionRecord } from '../../server/src/storage/meetingDecisions';
import { storageBackends } from '../support/storageBackends';

/**
 * The meeting decision store's contract (issue 17 item 5), on SQLite and PostgreSQL: decisions
 * added with their audit entry up to a limit, listed per meeting and per revision, removed only
 * from their own meeting, kept when the agenda is replaced, gone with the meeting.
 */

const { backends: opened } = storageBackends('meetingDecisions');
const backends = opened.map(([name, open]) => [name, async () => (await open()).storage] as const);

const T0 = 1_800_000_000_000;
const entry = (kind: NewAuditEntry['kind']): NewAuditEntry => ({ at: T0, kind, workspaceId: 'w', planId: null, actorId: 's', details: {} });

async function sitting(storage: Storage) {
  await storage.workspaces.createWorkspace({ id: 'w', name: '福島市中小企業振興会議' });
  await storage.accounts.createUser({ id: 's', email: 's@example.jp', name: '事務局', passwordHash: 'x', isDemo: false });
  await storage.workspaces.setMembership('w', 's', 'staff');
  for (const id of ['m1', 'm2']) {
    await storage.meetings.create(
      { id, workspaceId: 'w', kind: 'regular', subcommittee: null, title: '', date: '2025-11-20', startTime: null, endTime: null, place: '', onlineUrl: null, status: 'held', createdBy: 's', createdAt: T0 },
      500,
      entry('meeting.create'),
    );
  }
  await storage.meetings.replaceAgenda('m1', 1, [{ id: 'i1', position: 1, title: '議題', presenter: '', minutes: null, links: [], changedAfterSent: false }], T0, entry('meeting.agenda'));
}

const decision = (id: string, over: Partial<DecisionRecord> = {}): DecisionRecord => ({
  id,
  meetingId: 'm1',
  agendaItemId: 'i1',
  kind: 'resolution',
  text: '原案のとおり可決',
  vote: { for: 5, against: 1, abstain: 0 },
  revisionId: null,
  decidedAt: T0 + Number(id.replace(/\D/g, '') || 0),
  decidedBy: 's',
  ...over,
});

describe.each(backends)('meeting decision storage (%s)', (_name, open) => {
  it('adds, lists in order, finds by revision, refuses past the limit, and removes only from its meeting', async () => {
    const storage = await open();
    await sitting(storage);
    const audited = (await storage.audit.readAfter(0, 100)).length;
    expect(await storage.meetingDecisions.add(decision('d2', { vote: { unanimous: true } }), 3, entry('meeting.decision.add'))).toBe(true);
    expect(await storage.meetingDecisions.add(decision('d1'), 3, entry('meeting.decision.add'))).toBe(true);
    expect(await storage.meetingDecisions.add(decision('d3', { kind: 'reviewApproved', revisionId: 'r1', vote: null }), 3, entry('meeting.decision.add'))).toBe(true);
    expect(await storage.meetingDecisions.add(decision('d4'), 3, entry('meeting.decision.add'))).toBe(false);
    expect(await storage.meetingDecisions.add(decision('d5', { meetingId: 'gone' }), 3, entry('meeting.decision.add'))).toBe(false);
    const listed = await storage.meetingDecisions.list('m1');
    expect(listed.map((d) => [d.id, d.vote])).toEqual([
      ['d1', { for: 5, against: 1, abstain: 0 }],
      ['d2', { unanimous: true }],
      ['d3', null],
    ]);
    expect(listed[0]).toEqual(decision('d1'));
    expect((await storage.meetingDecisions.ofRevisions(['r1'])).map((d) => d.id)).toEqual(['d3']);
    expect(await storage.meetingDecisions.remove('m2', 'd1', entry('meeting.decision.remove'))).toBe(false);
    expect(await storage.meetingDecisions.remove('m1', 'd1', entry('meeting.decision.remove'))).toBe(true);
    expect((await storage.audit.readAfter(0, 100)).length).toBe(audited + 4);
    // Replacing the agenda keeps the decisions; deleting the meeting takes them.
    await storage.meetings.replaceAgenda('m1', 2, [], T0, entry('meeting.agenda'));
    expect((await storage.meetingDecisions.list('m1')).map((d) => d.id)).toEqual(['d2', 'd3']);
    const m1 = (await storage.meetings.find('m1'))!;
    await storage.meetings.update('m1', m1.version, { ...m1, status: 'scheduled' }, T0, entry('meeting.update'));
    expect(await storage.meetings.remove('m1', m1.version + 1, entry('meeting.delete'))).toBe(true);
    expect(await storage.meetingDecisions.list('m1')).toEqual([]);
  });

  it("stores a review decided in a meeting in the review step's own transaction, and nothing when the step is refused", async () => {
    const storage = await open();
    await sitting(storage);
    await storage.workspaces.createPlan({ id: 'p', workspaceId: 'w', title: '産業振興計画', docName: 'plan:p' });
    await storage.revisions.create({
      id: 'r1',
      planId: 'p',
      name: '素案',
      stage: '素案',
      authorId: 's',
      createdAt: T0,
      hash: 'h'.repeat(64),
      review: { status: 'in_review' },
      state: new Uint8Array([1]),
      canonical: '{}',
    });
    const inMeeting = { decision: decision('d9', { kind: 'reviewApproved', revisionId: 'r1', vote: null, decidedAt: T0 + 9 }), audit: entry('meeting.decision.add') };
    // The review moved on meanwhile (expected 'draft'): no step, no decision, no entries.
    const before = (await storage.audit.readAfter(0, 100)).length;
    expect(await storage.revisions.updateReview('r1', 'draft', { status: 'approved' }, { decidedAt: T0 + 9, meetingDecision: inMeeting }, entry('review.approved'))).toBe(false);
    expect(await storage.meetingDecisions.ofRevisions(['r1'])).toEqual([]);
    expect((await storage.audit.readAfter(0, 100)).length).toBe(before);
    expect(await storage.revisions.updateReview('r1', 'in_review', { status: 'approved' }, { decidedAt: T0 + 9, meetingDecision: inMeeting }, entry('review.approved'))).toBe(true);
    expect(await storage.meetingDecisions.ofRevisions(['r1'])).toEqual([inMeeting.decision]);
    expect((await storage.meetingDecisions.list('m1')).map((d) => d.id)).toEqual(['d9']);
    expect((await storage.audit.readAfter(0, 100)).slice(before).map((e) => e.kind)).toEqual(['meeting.decision.add', 'review.approved']);
  });

  it('reads the decisions of many revisions at once, in the order taken, and nothing for none', async () => {
    const storage = await open();
    await sitting(storage);
    const review = (id: string, revisionId: string, meetingId = 'm1') => decision(id, { kind: 'reviewApproved', revisionId, vote: null, meetingId });
    for (const d of [review('d4', 'r2'), review('d1', 'r1'), review('d3', 'r3', 'm2'), review('d2', 'r1'), decision('d5')]) {
      expect(await storage.meetingDecisions.add(d, 10, entry('meeting.decision.add'))).toBe(true);
    }
    expect(await storage.meetingDecisions.ofRevisions([])).toEqual([]);
    expect(await storage.meetingDecisions.ofRevisions(['none'])).toEqual([]);
    expect((await storage.meetingDecisions.ofRevisions(['r1', 'r2'])).map((d) => d.id)).toEqual(['d1', 'd2', 'd4']);
    // Across meetings, a repeated id counts once, and an id with quotes is just an id.
    expect((await storage.meetingDecisions.ofRevisions(['r3', 'r1', 'r3', `r"1'`])).map((d) => [d.id, d.meetingId])).toEqual([
      ['d1', 'm1'],
      ['d2', 'm1'],
      ['d3', 'm2'],
    ]);
    // Many ids in one read (a long revision list): no limit on parameters is met.
    const many = Array.from({ length: 5000 }, (_, i) => `x${i}`).concat('r2');
    expect((await storage.meetingDecisions.ofRevisions(many)).map((d) => d.id)).toEqual(['d4']);
  });
});
