import {
  type AttendanceEntry,
  type Meeting,
  type MeetingDecision,
  type MeetingNumber,
  type MeetingSummary,
  type QuorumRule,
  ROLES,
  meetingFiscalYear,
  meetingLabel,
  meetingNumbers,
  quorumOf,
} from '@sakutei/shared';
import { ATTENDING_ROLES, VOTING_ROLES } from '../policies/meetings';
import type { MemberRecord } from '../storage';
import type { DecisionRecord } from '../storage/meetingDecisions';
import type { AgendaItemRecord, AttendanceRecord, MeetingRecord } from '../storage/meetings';
import { isoOrNull } from './time';

/** The numbers (第n回) of a council's meetings, read from all of them. */
export const numbersOf = (meetings: readonly MeetingRecord[]) => meetingNumbers(meetings);

export function presentMeetingSummary(m: MeetingRecord, numbers: Map<string, MeetingNumber>): MeetingSummary {
  // A meeting is always numbered with its council's others; the fallback only keeps the type whole.
  const { fiscalYear, ordinal } = numbers.get(m.id) ?? { fiscalYear: meetingFiscalYear(m.date), ordinal: 0 };
  return {
    id: m.id,
    kind: m.kind,
    subcommittee: m.subcommittee,
    title: m.title,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    onlineUrl: m.onlineUrl,
    status: m.status,
    fiscalYear,
    ordinal,
    label: meetingLabel({ kind: m.kind, subcommittee: m.subcommittee, fiscalYear }, ordinal, 'ja'),
    agendaSentAt: isoOrNull(m.agendaSentAt),
  };
}

/** The attendance sheet: every current voter, then staff, in role then name order, with what was recorded. */
export function attendanceSheet(members: readonly MemberRecord[], recorded: readonly AttendanceRecord[]): AttendanceEntry[] {
  const byUser = new Map(recorded.map((r) => [r.userId, r]));
  return members
    .filter((m) => ATTENDING_ROLES.includes(m.role))
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name, 'ja') || a.userId.localeCompare(b.userId))
    .map((m) => {
      const r = byUser.get(m.userId);
      return { userId: m.userId, name: m.name, role: m.role, attendance: r?.attendance ?? null, proxyName: r?.proxyName ?? null };
    });
}

export function presentMeeting(
  m: MeetingRecord,
  numbers: Map<string, MeetingNumber>,
  agenda: readonly AgendaItemRecord[],
  members: readonly MemberRecord[],
  recorded: readonly AttendanceRecord[],
  rule: QuorumRule,
  decisions: readonly DecisionRecord[] = [],
  names: ReadonlyMap<string, string> = new Map(),
): Meeting {
  const attendance = attendanceSheet(members, recorded);
  const voters = attendance.filter((a) => VOTING_ROLES.includes(a.role));
  const quorum = quorumOf(rule, voters.length, voters.map((v) => v.attendance));
  return {
    ...presentMeetingSummary(m, numbers),
    agenda: agenda.map((item) => ({ ...item, links: item.links.map((link) => ({ ...link })) })),
    attendance,
    quorum: { rule, ...quorum, voters: voters.length },
    decisions: presentDecisions(decisions, agenda, names),
    version: m.version,
  };
}

/**
 * A meeting's decisions in agenda order, then in the order they were taken; a decision whose
 * item has since left the agenda comes last rather than vanishing from the record.
 */
export function presentDecisions(
  decisions: readonly DecisionRecord[],
  agenda: readonly AgendaItemRecord[],
  names: ReadonlyMap<string, string>,
): MeetingDecision[] {
  const position = new Map(agenda.map((item) => [item.id, item.position]));
  const at = (d: DecisionRecord) => position.get(d.agendaItemId) ?? Number.MAX_SAFE_INTEGER;
  return [...decisions]
    .sort((a, b) => at(a) - at(b) || a.decidedAt - b.decidedAt || a.id.localeCompare(b.id))
    .map((d) => ({
      id: d.id,
      agendaItemId: d.agendaItemId,
      kind: d.kind,
      text: d.text,
      vote: d.vote,
      revisionId: d.revisionId,
      decidedAt: new Date(d.decidedAt).toISOString(),
      decidedBy: d.decidedBy ? { userId: d.decidedBy, name: names.get(d.decidedBy) ?? '' } : null,
    }));
}
