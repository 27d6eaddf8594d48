import type { NewAuditEntry } from '../auditRecord';
import { DECISION_COLUMNS, type DecisionRecord, type DecisionRow, type MeetingDecisionStore, decisionValues, toDecision } from '../meetingDecisions';
import { sqliteAuditAppender } from './audit';
import type { SqliteDatabase } from './database';

export function createSqliteMeetingDecisionStore(db: SqliteDatabase): MeetingDecisionStore {
  const q = {
    list: db.prepare<[string], DecisionRow>(`SELECT ${DECISION_COLUMNS} FROM meeting_decisions WHERE meeting_id = ? ORDER BY decided_at, id`),
    // The ids as one JSON array parameter: any number of them in one prepared statement.
    ofRevisions: db.prepare<[string], DecisionRow>(
      `SELECT ${DECISION_COLUMNS} FROM meeting_decisions WHERE revision_id IN (SELECT value FROM json_each(?)) ORDER BY decided_at, id`,
    ),
    meeting: db.prepare<[string], { id: string }>('SELECT id FROM meetings WHERE id = ?'),
    count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM meeting_decisions WHERE meeting_id = ?'),
    insert: db.prepare(`INSERT INTO meeting_decisions (${DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    remove: db.prepare<[string, string]>('DELETE FROM meeting_decisions WHERE id = ? AND meeting_id = ?'),
  };
  const appendAudit = sqliteAuditAppender(db);
  // One IMMEDIATE transaction each: the count, the change and its audit entry stand or fall together.
  const add = db.transaction((d: DecisionRecord, limit: number, audit: NewAuditEntry) => {
    // A meeting deleted meanwhile takes nothing (as on PostgreSQL), rather than failing on its key.
    if (!q.meeting.get(d.meetingId) || q.count.get(d.meetingId)!.n >= limit) return false;
    q.insert.run(...decisionValues(d));
    appendAudit(audit);
    return true;
  });
  const remove = db.transaction((meetingId: string, decisionId: string, audit: NewAuditEntry) => {
    if (q.remove.run(decisionId, meetingId).changes === 0) return false;
    appendAudit(audit);
    return true;
  });
  return {
    async list(meetingId) {
      return q.list.all(meetingId).map(toDecision);
    },
    async ofRevisions(revisionIds) {
      if (revisionIds.length === 0) return [];
      return q.ofRevisions.all(JSON.stringify(revisionIds)).map(toDecision);
    },
    async add(decision, limit, audit) {
      return add.immediate(decision, limit, audit);
    },
    async remove(meetingId, decisionId, audit) {
      return remove.immediate(meetingId, decisionId, audit);
    },
  };
}
