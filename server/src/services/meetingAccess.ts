import type { AuditKind, Meeting, Role } from '@sakutei/shared';
import type { AppDeps } from '../env';
import { AppError, forbidden, notFound } from '../errors';
import { canManageMeetings, canReadMeetings } from '../policies/meetings';
import { numbersOf, presentMeeting, presentMeetingSummary } from '../presenters/meeting';
import type { NewAuditEntry, UserRecord } from '../storage';
import type { MeetingRecord } from '../storage/meetings';
import { councilArchived, councilArchivedError } from './admin/archivedCouncil';
import { agendaLinkReader, loadedOutlines } from './agendaLinks';

/** Another change of the meeting came first: 409 with the meeting as it is now, so the client can show it and retry. */
export class MeetingConflict extends AppError {
  constructor(readonly meeting: Meeting) {
    super(409, 'version_conflict', 'Someone changed this meeting meanwhile. The current meeting is in the response: check it and try again.');
  }
}

/** A bad request the schema cannot see (it depends on stored state or on several fields at once). */
export const invalid = (code: string, message: string) => new AppError(400, code, message);

/**
 * What every meetings service does first: the caller's role in the council (outsiders and,
 * for now, observers learn nothing: 404), the meeting of this council, the checks before a
 * write, and the meeting as the routes answer it.
 */
export function meetingAccess(deps: Pick<AppDeps, 'storage'> & Partial<Pick<AppDeps, 'rooms'>>) {
  const { storage } = deps;

  async function reader(workspaceId: string, user: UserRecord): Promise<Role> {
    const role = await storage.workspaces.roleOf(workspaceId, user.id);
    if (!role || !canReadMeetings(role)) throw notFound('council');
    return role;
  }

  /** A manager's role, refusing the rest (403) and archived councils (409, read-only). */
  async function manager(workspaceId: string, user: UserRecord): Promise<Role> {
    const role = await reader(workspaceId, user);
    if (!canManageMeetings(role)) throw forbidden('Staff and the chair manage meetings.');
    if (await councilArchived(storage, workspaceId)) throw councilArchivedError();
    return role;
  }

  async function meetingOf(workspaceId: string, meetingId: string): Promise<MeetingRecord> {
    const meeting = await storage.meetings.find(meetingId);
    // Another council's meeting is as unknown as one that never was.
    if (!meeting || meeting.workspaceId !== workspaceId) throw notFound('meeting');
    return meeting;
  }

  /** The meeting as the routes answer it: numbered among its council's, with agenda, attendance and quorum. */
  async function present(meeting: MeetingRecord): Promise<Meeting> {
    const [all, agenda, members, attendance, rule, decisions] = await Promise.all([
      storage.meetings.list(meeting.workspaceId),
      storage.meetings.agenda(meeting.id),
      storage.workspaces.listMembers(meeting.workspaceId),
      storage.meetings.attendance(meeting.id),
      storage.meetings.quorumOf(meeting.workspaceId),
      storage.meetingDecisions.list(meeting.id),
    ]);
    // Links read as they are now: a deleted target keeps its stored label, marked gone; a heading or KPI only when its plan is open (agendaLinks.ts).
    const links = agendaLinkReader(storage, meeting.workspaceId, meeting.id, loadedOutlines(deps.rooms));
    const current = await Promise.all(agenda.map(async (item) => ({ ...item, links: await links.present(item.links) })));
    return presentMeeting(meeting, numbersOf(all), current, members, attendance, rule, decisions, await namesOf(decisions, members));
  }

  /** The meeting as stored now (after a write that succeeded), as the routes answer it. */
  async function presentCurrent(meetingId: string): Promise<Meeting> {
    const meeting = await storage.meetings.find(meetingId);
    if (!meeting) throw notFound('meeting');
    return present(meeting);
  }

  /** Who decided: current members by their names, anyone since gone by their account's name. */
  async function namesOf(decisions: readonly { decidedBy: string | null }[], members: readonly { userId: string; name: string }[]) {
    const names = new Map(members.map((m) => [m.userId, m.name]));
    for (const id of new Set(decisions.map((d) => d.decidedBy))) {
      if (id && !names.has(id)) names.set(id, (await storage.accounts.findUserById(id))?.name ?? '');
    }
    return names;
  }

  /** After a write refused for its version: 404 if the meeting is gone, else the conflict with the meeting as it is. */
  async function conflict(workspaceId: string, meetingId: string): Promise<never> {
    throw new MeetingConflict(await present(await meetingOf(workspaceId, meetingId)));
  }

  /** The meeting's label (「令和7年度 第3回」) among its council's meetings, for the audit record. */
  async function labelOf(meeting: MeetingRecord, others?: readonly MeetingRecord[]): Promise<string> {
    const all = others ?? (await storage.meetings.list(meeting.workspaceId));
    return presentMeetingSummary(meeting, numbersOf(all.some((m) => m.id === meeting.id) ? all : [...all, meeting])).label;
  }

  const audit = (user: UserRecord, workspaceId: string, kind: AuditKind, details: Record<string, unknown>, at = Date.now()): NewAuditEntry => ({
    at,
    kind,
    workspaceId,
    planId: null,
    actorId: user.id,
    details,
  });

  return { reader, manager, meetingOf, present, presentCurrent, conflict, labelOf, audit };
}
