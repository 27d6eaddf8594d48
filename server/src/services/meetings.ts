import {
  type CreateMeetingRequest,
  MAX_MEETINGS_PER_COUNCIL,
  type Meeting,
  type MeetingDetailResponse,
  type MeetingListResponse,
  type MeetingSettingsResponse,
  type QuorumRule,
  type UpdateMeetingRequest,
  compareMeetings,
} from '@sakutei/shared';
import { newId } from '../auth/ids';
import type { AppDeps } from '../env';
import { AppError, notFound } from '../errors';
import { canManageMeetings } from '../policies/meetings';
import { numbersOf, presentMeetingSummary } from '../presenters/meeting';
import type { UserRecord } from '../storage';
import type { MeetingFacts, MeetingRecord } from '../storage/meetings';
import { invalid, meetingAccess } from './meetingAccess';

/** The facts of a meeting must agree with each other, whichever request set which. */
function checkFacts(f: MeetingFacts): void {
  if (f.kind === 'subcommittee' && !f.subcommittee) throw invalid('invalid_request', 'subcommittee: a subcommittee meeting names its 部会.');
  if (f.kind !== 'subcommittee' && f.subcommittee) throw invalid('invalid_request', 'subcommittee: only a subcommittee meeting names a 部会.');
  if (f.endTime !== null && f.startTime === null) throw invalid('invalid_request', 'endTime: a meeting with an end time needs a start time.');
  if (f.endTime !== null && f.startTime !== null && f.endTime <= f.startTime) throw invalid('invalid_request', 'endTime: the meeting ends after it starts.');
}

/** Status moves of this landing: between scheduled and held. Confirming and publishing minutes come with the minutes. */
function checkStatusMove(from: MeetingRecord['status'], to: MeetingRecord['status']): void {
  if (from === to) return;
  const movable = ['scheduled', 'held'];
  if (!movable.includes(from) || !movable.includes(to)) {
    throw invalid('invalid_status', 'status: a meeting moves between scheduled and held here; minutes are confirmed and published with the minutes.');
  }
}

const FACT_KEYS = ['kind', 'subcommittee', 'title', 'date', 'startTime', 'endTime', 'place', 'onlineUrl', 'status'] as const;

/** A council's meetings: list, read, create, change, delete, and its quorum rule. */
export function meetingService(deps: Pick<AppDeps, 'storage'>) {
  const { meetings } = deps.storage;
  const access = meetingAccess(deps);

  return {
    async list(user: UserRecord, workspaceId: string): Promise<MeetingListResponse> {
      const role = await access.reader(workspaceId, user);
      const all = await meetings.list(workspaceId);
      const numbers = numbersOf(all);
      // Newest first: the reverse of the order they are numbered in.
      const newestFirst = [...all].sort((a, b) => compareMeetings(b, a));
      return { meetings: newestFirst.map((m) => presentMeetingSummary(m, numbers)), quorum: await meetings.quorumOf(workspaceId), mayManage: canManageMeetings(role) };
    },

    async get(user: UserRecord, workspaceId: string, meetingId: string): Promise<MeetingDetailResponse> {
      const role = await access.reader(workspaceId, user);
      const meeting = await access.meetingOf(workspaceId, meetingId);
      return { meeting: await access.present(meeting), mayManage: canManageMeetings(role) };
    },

    async create(user: UserRecord, workspaceId: string, request: CreateMeetingRequest): Promise<Meeting> {
      await access.manager(workspaceId, user);
      const at = Date.now();
      const facts: MeetingFacts = {
        kind: request.kind,
        subcommittee: request.subcommittee || null,
        title: request.title ?? '',
        date: request.date,
        startTime: request.startTime ?? null,
        endTime: request.endTime ?? null,
        place: request.place ?? '',
        onlineUrl: request.onlineUrl || null,
        status: 'scheduled',
      };
      checkFacts(facts);
      const record = { ...facts, id: newId(), workspaceId, createdBy: user.id, createdAt: at };
      const label = await access.labelOf({ ...record, version: 1, updatedAt: at, agendaSentAt: null });
      const made = await meetings.create(record, MAX_MEETINGS_PER_COUNCIL, access.audit(user, workspaceId, 'meeting.create', { meetingId: record.id, name: label, kind: facts.kind, date: facts.date }, at));
      if (!made) throw new AppError(409, 'too_many_meetings', `A council keeps at most ${MAX_MEETINGS_PER_COUNCIL} meetings.`);
      return access.presentCurrent(record.id);
    },

    async update(user: UserRecord, workspaceId: string, meetingId: string, request: UpdateMeetingRequest): Promise<Meeting> {
      await access.manager(workspaceId, user);
      const current = await access.meetingOf(workspaceId, meetingId);
      if (current.version !== request.version) return access.conflict(workspaceId, meetingId);
      const facts: MeetingFacts = { ...current };
      for (const key of FACT_KEYS) {
        const value = request[key];
        if (value !== undefined) (facts as Record<string, unknown>)[key] = value;
      }
      // Empty text means none; a meeting that stops being a subcommittee's drops its 部会名.
      facts.subcommittee = facts.subcommittee || null;
      facts.onlineUrl = facts.onlineUrl || null;
      if (request.kind !== undefined && request.kind !== 'subcommittee' && request.subcommittee === undefined) facts.subcommittee = null;
      checkFacts(facts);
      checkStatusMove(current.status, facts.status);
      const changed = FACT_KEYS.filter((k) => facts[k] !== current[k]);
      if (changed.length === 0) return access.present(current);
      const at = Date.now();
      const all = await meetings.list(workspaceId);
      const label = await access.labelOf({ ...current, ...facts }, all.map((m) => (m.id === meetingId ? { ...m, ...facts } : m)));
      const ok = await meetings.update(meetingId, request.version, facts, at, access.audit(user, workspaceId, 'meeting.update', { meetingId, name: label, changed }, at));
      if (!ok) return access.conflict(workspaceId, meetingId);
      return access.presentCurrent(meetingId);
    },

    async remove(user: UserRecord, workspaceId: string, meetingId: string): Promise<void> {
      await access.manager(workspaceId, user);
      // Two tries: a change made between the read and the delete (attendance, say) moves the version on.
      for (let attempt = 0; attempt < 2; attempt++) {
        const current = await access.meetingOf(workspaceId, meetingId);
        if (current.status !== 'scheduled') throw new AppError(409, 'meeting_not_scheduled', 'Only a meeting still scheduled can be deleted; a held meeting stays on the record.');
        const label = await access.labelOf(current);
        if (await meetings.remove(meetingId, current.version, access.audit(user, workspaceId, 'meeting.delete', { meetingId, name: label, date: current.date }))) return;
      }
      if (!(await meetings.find(meetingId))) throw notFound('meeting');
      return access.conflict(workspaceId, meetingId);
    },

    async settings(user: UserRecord, workspaceId: string): Promise<MeetingSettingsResponse> {
      const role = await access.reader(workspaceId, user);
      return { quorum: await meetings.quorumOf(workspaceId), mayManage: canManageMeetings(role) };
    },

    async setQuorum(user: UserRecord, workspaceId: string, rule: QuorumRule): Promise<{ quorum: QuorumRule }> {
      await access.manager(workspaceId, user);
      const was = await meetings.quorumOf(workspaceId);
      if (JSON.stringify(was) !== JSON.stringify(rule)) {
        await meetings.setQuorum(workspaceId, rule, access.audit(user, workspaceId, 'meeting.quorum', { from: was, to: rule }));
      }
      return { quorum: rule };
    },
  };
}
