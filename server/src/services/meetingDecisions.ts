import { MAX_DECISIONS_PER_MEETING, type Meeting, type RecordDecisionRequest, decisionNeedsQuorum, voteProblem } from '@sakutei/shared';
import { newId } from '../auth/ids';
import type { AppDeps } from '../env';
import { AppError, notFound } from '../errors';
import type { UserRecord } from '../storage';
import type { MeetingRecord } from '../storage/meetings';
import { invalid, meetingAccess } from './meetingAccess';

/** The meeting's quorum is not met now: the council cannot decide (409, nothing recorded). */
export const quorumNotMet = (required: number, present: number) =>
  new AppError(409, 'quorum_not_met', `The meeting does not have its quorum (${present} of the ${required} needed are present): record attendance first.`);

/** Decisions are recorded while a meeting is scheduled or held; confirmed minutes freeze them. */
export function checkDecisionsOpen(meeting: MeetingRecord): void {
  if (meeting.status === 'minutesConfirmed' || meeting.status === 'published') {
    throw new AppError(409, 'minutes_confirmed', "The meeting's minutes are confirmed: its decisions no longer change.");
  }
}

/**
 * Decisions taken in a council's meeting (議決・報告・了承) against its agenda items, with the
 * vote when there is one. A resolution needs the quorum at that moment; the vote's counts
 * cannot exceed the voting members present.
 */
export function meetingDecisionService(deps: Pick<AppDeps, 'storage'>) {
  const { storage } = deps;
  const access = meetingAccess(deps);

  return {
    async record(user: UserRecord, workspaceId: string, meetingId: string, request: RecordDecisionRequest): Promise<Meeting> {
      await access.manager(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      checkDecisionsOpen(meeting);
      const text = request.text.trim();
      if (!text) throw invalid('invalid_request', 'text: a decision says what was decided.');
      const now = await access.present(meeting);
      if (!now.agenda.some((item) => item.id === request.agendaItemId)) throw invalid('invalid_agenda_item', 'agendaItemId: not an item of this meeting\'s agenda.');
      if (decisionNeedsQuorum(request.kind) && !now.quorum.met) throw quorumNotMet(now.quorum.required, now.quorum.present);
      const vote = request.vote ?? null;
      const problem = voteProblem(vote, now.quorum.present);
      if (problem) throw invalid('invalid_vote', `vote: ${problem}`);
      const at = Date.now();
      const id = newId();
      const audit = access.audit(user, workspaceId, 'meeting.decision.add', { meetingId, name: now.label, decisionId: id, kind: request.kind, agendaItemId: request.agendaItemId }, at);
      const added = await storage.meetingDecisions.add(
        { id, meetingId, agendaItemId: request.agendaItemId, kind: request.kind, text, vote, revisionId: null, decidedAt: at, decidedBy: user.id },
        MAX_DECISIONS_PER_MEETING,
        audit,
      );
      if (!added) {
        if (!(await storage.meetings.find(meetingId))) throw notFound('meeting');
        throw new AppError(409, 'too_many_decisions', `A meeting holds at most ${MAX_DECISIONS_PER_MEETING} decisions.`);
      }
      return access.present(meeting);
    },

    /** Removes a decision recorded by hand. A review decision stays: it is the revision's record too. */
    async remove(user: UserRecord, workspaceId: string, meetingId: string, decisionId: string): Promise<Meeting> {
      await access.manager(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      checkDecisionsOpen(meeting);
      const decision = (await storage.meetingDecisions.list(meetingId)).find((d) => d.id === decisionId);
      if (!decision) throw notFound('decision');
      if (decision.revisionId !== null) {
        throw new AppError(409, 'review_decision', "A review decision taken in the meeting stays on the record with the revision's decision.");
      }
      const label = await access.labelOf(meeting);
      const audit = access.audit(user, workspaceId, 'meeting.decision.remove', { meetingId, name: label, decisionId, kind: decision.kind });
      if (!(await storage.meetingDecisions.remove(meetingId, decisionId, audit))) throw notFound('decision');
      return access.present(meeting);
    },
  };
}
