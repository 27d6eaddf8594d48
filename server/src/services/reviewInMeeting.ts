import { MAX_DECISIONS_PER_MEETING, type Revision } from '@sakutei/shared';
import { newId } from '../auth/ids';
import type { AppDeps } from '../env';
import { AppError } from '../errors';
import { numbersOf, presentMeetingSummary } from '../presenters/meeting';
import type { NewAuditEntry, RevisionRecord, UserRecord } from '../storage';
import type { DecisionRecord } from '../storage/meetingDecisions';
import type { MeetingRecord } from '../storage/meetings';
import { invalid, meetingAccess } from './meetingAccess';
import { checkDecisionsOpen, quorumNotMet } from './meetingDecisions';

export type DecidedInMeeting = NonNullable<Revision['decidedInMeeting']>;

/**
 * A review decided in a meeting (issue 17 item 5): the meeting must be of the revision's
 * council and still open to decisions, the agenda item must link the revision, and the
 * meeting must have its quorum. The decision is stored as the meeting's, in the same
 * transaction as the review step, so the meeting and the revision point to each other.
 */
export function reviewInMeeting(deps: Pick<AppDeps, 'storage'>) {
  const { storage } = deps;
  const access = meetingAccess(deps);

  return {
    /** The meeting's decision for a review step about to be taken; throws (400/409) when the meeting cannot take it. */
    async prepare(
      user: UserRecord,
      workspaceId: string,
      revision: RevisionRecord,
      request: { meetingId?: string; agendaItemId?: string },
      kind: 'reviewApproved' | 'reviewReturned',
      text: string,
      at: number,
    ): Promise<{ decision: DecisionRecord; audit: NewAuditEntry; label: string } | null> {
      const { meetingId, agendaItemId } = request;
      if (meetingId === undefined && agendaItemId === undefined) return null;
      if (meetingId === undefined || agendaItemId === undefined) throw invalid('invalid_request', 'meetingId and agendaItemId: a decision in a meeting names both.');
      const meeting = await storage.meetings.find(meetingId);
      if (!meeting || meeting.workspaceId !== workspaceId) throw invalid('invalid_meeting', "meetingId: not a meeting of this revision's council.");
      checkDecisionsOpen(meeting);
      const now = await access.present(meeting);
      const item = now.agenda.find((i) => i.id === agendaItemId);
      if (!item || !item.links.some((link) => link.kind === 'revision' && link.revisionId === revision.id)) {
        throw invalid('invalid_agenda_item', 'agendaItemId: not an item of this meeting whose links name this revision.');
      }
      if (!now.quorum.met) throw quorumNotMet(now.quorum.required, now.quorum.present);
      if (now.decisions.length >= MAX_DECISIONS_PER_MEETING) throw new AppError(409, 'too_many_decisions', `A meeting holds at most ${MAX_DECISIONS_PER_MEETING} decisions.`);
      const id = newId();
      const decision: DecisionRecord = { id, meetingId, agendaItemId, kind, text, vote: null, revisionId: revision.id, decidedAt: at, decidedBy: user.id };
      const audit = access.audit(user, workspaceId, 'meeting.decision.add', { meetingId, name: now.label, decisionId: id, kind, agendaItemId, revisionId: revision.id }, at);
      return { decision, audit, label: now.label };
    },

    /** For each decided revision, the meeting its decision was taken in (the decision of the same moment). */
    async linksOf(records: readonly RevisionRecord[]): Promise<Map<string, DecidedInMeeting>> {
      const links = new Map<string, DecidedInMeeting>();
      // The council's meetings are read once for the whole list (numbers need all of them anyway),
      // not once per revision decided in one.
      let council: { meetings: Map<string, MeetingRecord>; numbers: ReturnType<typeof numbersOf> } | null = null;
      const decided = records.filter((r) => r.decidedAt !== null);
      // The decisions of all decided revisions in one read, not one per revision.
      const decisions = await storage.meetingDecisions.ofRevisions(decided.map((r) => r.id));
      const inSitting = new Map(decisions.map((d) => [`${d.revisionId}@${d.decidedAt}`, d]));
      for (const r of decided) {
        const decision = inSitting.get(`${r.id}@${r.decidedAt}`);
        if (!decision) continue;
        if (!council || !council.meetings.has(decision.meetingId)) {
          const meeting = await storage.meetings.find(decision.meetingId);
          if (!meeting) continue;
          const all = await storage.meetings.list(meeting.workspaceId);
          council = { meetings: new Map(all.map((m) => [m.id, m])), numbers: numbersOf(all) };
        }
        const meeting = council.meetings.get(decision.meetingId);
        if (!meeting) continue;
        const summary = presentMeetingSummary(meeting, council.numbers);
        links.set(r.id, { meetingId: meeting.id, workspaceId: meeting.workspaceId, label: summary.label, ordinal: summary.ordinal, date: meeting.date });
      }
      return links;
    },
  };
}
