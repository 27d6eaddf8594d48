import { AgendaLink, type AttendanceValue, DEFAULT_QUORUM, type MeetingKind, type MeetingStatus, QuorumRule } from '@sakutei/shared';
import { z } from 'zod';
import type { NewAuditEntry } from './auditRecord';

// Meetings of a council (issue 17): the meeting's facts, its agenda and attendance, and the
// council's quorum rule. Declared beside the other stores' own modules so the shared
// interfaces in index.ts only name it.

/** A meeting as stored. Its number (第n回) is derived from all of the council's meetings, never stored. */
export interface MeetingRecord {
  id: string;
  workspaceId: string;
  kind: MeetingKind;
  subcommittee: string | null;
  title: string;
  /** The council's wall-clock day, YYYY-MM-DD, and times HH:MM. */
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string;
  onlineUrl: string | null;
  status: MeetingStatus;
  agendaSentAt: number | null;
  /** Bumped by every change of the meeting, its agenda or its attendance. */
  version: number;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
}

export type MeetingFacts = Pick<MeetingRecord, 'kind' | 'subcommittee' | 'title' | 'date' | 'startTime' | 'endTime' | 'place' | 'onlineUrl' | 'status'>;

export type NewMeeting = Omit<MeetingRecord, 'version' | 'updatedAt' | 'agendaSentAt'>;

export interface AgendaItemRecord {
  id: string;
  /** 1-based. */
  position: number;
  title: string;
  presenter: string;
  minutes: number | null;
  links: AgendaLink[];
  changedAfterSent: boolean;
}

export interface AttendanceRecord {
  userId: string;
  attendance: AttendanceValue;
  proxyName: string | null;
}

/** A change of attendance: null clears what was recorded. */
export type AttendanceChange = { userId: string; attendance: AttendanceValue | null; proxyName: string | null };

/**
 * Every write names the version it was made on and appends its audit entry in the same
 * transaction: it returns false, changing nothing, when the meeting is gone or another write
 * came first.
 */
export interface MeetingStore {
  /** The council's meetings, in no particular order (numbering sorts them). */
  list(workspaceId: string): Promise<MeetingRecord[]>;
  find(id: string): Promise<MeetingRecord | null>;
  /** Creates the meeting unless the council already has `limit` meetings (then false). */
  create(meeting: NewMeeting, limit: number, audit: NewAuditEntry): Promise<boolean>;
  update(id: string, version: number, facts: MeetingFacts, at: number, audit: NewAuditEntry): Promise<boolean>;
  /** Deletes the meeting with its agenda and attendance, only while it is `scheduled` at `version`. */
  remove(id: string, version: number, audit: NewAuditEntry): Promise<boolean>;
  agenda(meetingId: string): Promise<AgendaItemRecord[]>;
  replaceAgenda(meetingId: string, version: number, items: AgendaItemRecord[], at: number, audit: NewAuditEntry): Promise<boolean>;
  /** Records the agenda as sent at `at` and clears every item's 送付後に変更 mark. */
  markAgendaSent(meetingId: string, version: number, at: number, audit: NewAuditEntry): Promise<boolean>;
  attendance(meetingId: string): Promise<AttendanceRecord[]>;
  setAttendance(meetingId: string, version: number, changes: AttendanceChange[], at: number, audit: NewAuditEntry): Promise<boolean>;
  /** The council's quorum rule (the default for a council that never chose, or an unknown one). */
  quorumOf(workspaceId: string): Promise<QuorumRule>;
  setQuorum(workspaceId: string, rule: QuorumRule, audit: NewAuditEntry): Promise<void>;
}

export type MeetingRow = {
  id: string;
  workspace_id: string;
  kind: MeetingKind;
  subcommittee: string | null;
  title: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  place: string;
  online_url: string | null;
  status: MeetingStatus;
  agenda_sent_at: number | null;
  version: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

export const MEETING_COLUMNS =
  'id, workspace_id, kind, subcommittee, title, date, start_time, end_time, place, online_url, status, agenda_sent_at, version, created_by, created_at, updated_at';

export function toMeeting(row: MeetingRow): MeetingRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    subcommittee: row.subcommittee,
    title: row.title,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    onlineUrl: row.online_url,
    status: row.status,
    agendaSentAt: row.agenda_sent_at,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns of a new meeting in the order both backends insert them (version 1, never sent). */
export const NEW_MEETING_COLUMNS = 'id, workspace_id, kind, subcommittee, title, date, start_time, end_time, place, online_url, status, created_by, created_at, updated_at, version';
export const newMeetingValues = (m: NewMeeting) =>
  [m.id, m.workspaceId, m.kind, m.subcommittee, m.title, m.date, m.startTime, m.endTime, m.place, m.onlineUrl, m.status, m.createdBy, m.createdAt, m.createdAt, 1] as const;

/** The facts in the order both backends' UPDATE sets them. */
export const FACT_COLUMNS = ['kind', 'subcommittee', 'title', 'date', 'start_time', 'end_time', 'place', 'online_url', 'status'] as const;
export const factValues = (f: MeetingFacts) => [f.kind, f.subcommittee, f.title, f.date, f.startTime, f.endTime, f.place, f.onlineUrl, f.status] as const;

export type AgendaItemRow = {
  id: string;
  position: number;
  title: string;
  presenter: string;
  minutes: number | null;
  links: string;
  changed_after_sent: number | boolean;
};

export const AGENDA_COLUMNS = 'id, meeting_id, position, title, presenter, minutes, links, changed_after_sent';

const StoredLinks = z.array(AgendaLink);

export function toAgendaItem(row: AgendaItemRow): AgendaItemRecord {
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    presenter: row.presenter,
    minutes: row.minutes,
    links: linksOf(row.links),
    changedAfterSent: row.changed_after_sent === true || row.changed_after_sent === 1,
  };
}

/** A stored item's links; unreadable ones (a hand-edited row) read as none rather than failing the meeting. */
function linksOf(text: string): AgendaLink[] {
  try {
    const parsed = StoredLinks.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export type AttendanceRow = { user_id: string; attendance: AttendanceValue; proxy_name: string | null };

export const toAttendance = (row: AttendanceRow): AttendanceRecord => ({ userId: row.user_id, attendance: row.attendance, proxyName: row.proxy_name });

/** The stored quorum rule; the default when the council never chose or the text is unreadable. */
export function quorumFromText(text: string | null | undefined): QuorumRule {
  if (!text) return DEFAULT_QUORUM;
  try {
    const parsed = QuorumRule.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_QUORUM;
  } catch {
    return DEFAULT_QUORUM;
  }
}
