import type { NewAuditEntry } from '../auditRecord';
import {
  AGENDA_COLUMNS,
  type AgendaItemRecord,
  type AgendaItemRow,
  type AttendanceChange,
  type AttendanceRow,
  FACT_COLUMNS,
  MEETING_COLUMNS,
  type MeetingFacts,
  type MeetingRow,
  type MeetingStore,
  NEW_MEETING_COLUMNS,
  type NewMeeting,
  factValues,
  newMeetingValues,
  quorumFromText,
  toAgendaItem,
  toAttendance,
  toMeeting,
} from '../meetings';
import { sqliteAuditAppender } from './audit';
import type { SqliteDatabase } from './database';

export function createSqliteMeetingStore(db: SqliteDatabase): MeetingStore {
  const q = {
    list: db.prepare<[string], MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE workspace_id = ?`),
    find: db.prepare<[string], MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = ?`),
    count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM meetings WHERE workspace_id = ?'),
    insert: db.prepare(`INSERT INTO meetings (${NEW_MEETING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    update: db.prepare(
      `UPDATE meetings SET ${FACT_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
    ),
    bump: db.prepare<[number, string, number]>('UPDATE meetings SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?'),
    sent: db.prepare<[number, number, string, number]>(
      'UPDATE meetings SET agenda_sent_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
    ),
    remove: db.prepare<[string, number]>("DELETE FROM meetings WHERE id = ? AND version = ? AND status = 'scheduled'"),
    agenda: db.prepare<[string], AgendaItemRow>(`SELECT ${AGENDA_COLUMNS} FROM meeting_agenda_items WHERE meeting_id = ? ORDER BY position`),
    clearAgenda: db.prepare<[string]>('DELETE FROM meeting_agenda_items WHERE meeting_id = ?'),
    insertItem: db.prepare(`INSERT INTO meeting_agenda_items (${AGENDA_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    unmark: db.prepare<[string]>('UPDATE meeting_agenda_items SET changed_after_sent = 0 WHERE meeting_id = ?'),
    attendance: db.prepare<[string], AttendanceRow>('SELECT user_id, attendance, proxy_name FROM meeting_attendance WHERE meeting_id = ?'),
    setAttendance: db.prepare(
      `INSERT INTO meeting_attendance (meeting_id, user_id, attendance, proxy_name) VALUES (?, ?, ?, ?)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET attendance = excluded.attendance, proxy_name = excluded.proxy_name`,
    ),
    clearAttendance: db.prepare<[string, string]>('DELETE FROM meeting_attendance WHERE meeting_id = ? AND user_id = ?'),
    quorum: db.prepare<[string], { meeting_quorum: string | null }>('SELECT meeting_quorum FROM workspaces WHERE id = ?'),
    setQuorum: db.prepare<[string, string]>('UPDATE workspaces SET meeting_quorum = ? WHERE id = ?'),
  };
  const appendAudit = sqliteAuditAppender(db);

  // Each write is one IMMEDIATE transaction (the write lock first, like an audit append): the
  // version check, the change and its audit entry stand or fall together.
  const create = db.transaction((m: NewMeeting, limit: number, audit: NewAuditEntry) => {
    if (q.count.get(m.workspaceId)!.n >= limit) return false;
    q.insert.run(...newMeetingValues(m));
    appendAudit(audit);
    return true;
  });
  const update = db.transaction((id: string, version: number, facts: MeetingFacts, at: number, audit: NewAuditEntry) => {
    if (q.update.run(...factValues(facts), at, id, version).changes === 0) return false;
    appendAudit(audit);
    return true;
  });
  const remove = db.transaction((id: string, version: number, audit: NewAuditEntry) => {
    if (q.remove.run(id, version).changes === 0) return false;
    appendAudit(audit);
    return true;
  });
  const replaceAgenda = db.transaction((meetingId: string, version: number, items: AgendaItemRecord[], at: number, audit: NewAuditEntry) => {
    if (q.bump.run(at, meetingId, version).changes === 0) return false;
    q.clearAgenda.run(meetingId);
    for (const item of items) {
      q.insertItem.run(item.id, meetingId, item.position, item.title, item.presenter, item.minutes, JSON.stringify(item.links), item.changedAfterSent ? 1 : 0);
    }
    appendAudit(audit);
    return true;
  });
  const markSent = db.transaction((meetingId: string, version: number, at: number, audit: NewAuditEntry) => {
    if (q.sent.run(at, at, meetingId, version).changes === 0) return false;
    q.unmark.run(meetingId);
    appendAudit(audit);
    return true;
  });
  const setAttendance = db.transaction((meetingId: string, version: number, changes: AttendanceChange[], at: number, audit: NewAuditEntry) => {
    if (q.bump.run(at, meetingId, version).changes === 0) return false;
    for (const c of changes) {
      if (c.attendance === null) q.clearAttendance.run(meetingId, c.userId);
      else q.setAttendance.run(meetingId, c.userId, c.attendance, c.proxyName);
    }
    appendAudit(audit);
    return true;
  });
  const setQuorum = db.transaction((workspaceId: string, rule: string, audit: NewAuditEntry) => {
    q.setQuorum.run(rule, workspaceId);
    appendAudit(audit);
  });

  return {
    async list(workspaceId) {
      return q.list.all(workspaceId).map(toMeeting);
    },
    async find(id) {
      const row = q.find.get(id);
      return row ? toMeeting(row) : null;
    },
    async create(meeting, limit, audit) {
      return create.immediate(meeting, limit, audit);
    },
    async update(id, version, facts, at, audit) {
      return update.immediate(id, version, facts, at, audit);
    },
    async remove(id, version, audit) {
      return remove.immediate(id, version, audit);
    },
    async agenda(meetingId) {
      return q.agenda.all(meetingId).map(toAgendaItem);
    },
    async replaceAgenda(meetingId, version, items, at, audit) {
      return replaceAgenda.immediate(meetingId, version, items, at, audit);
    },
    async markAgendaSent(meetingId, version, at, audit) {
      return markSent.immediate(meetingId, version, at, audit);
    },
    async attendance(meetingId) {
      return q.attendance.all(meetingId).map(toAttendance);
    },
    async setAttendance(meetingId, version, changes, at, audit) {
      return setAttendance.immediate(meetingId, version, changes, at, audit);
    },
    async quorumOf(workspaceId) {
      return quorumFromText(q.quorum.get(workspaceId)?.meeting_quorum);
    },
    async setQuorum(workspaceId, rule, audit) {
      setQuorum.immediate(workspaceId, JSON.stringify(rule), audit);
    },
  };
}
