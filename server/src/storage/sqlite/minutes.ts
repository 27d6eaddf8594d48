import type { NewAuditEntry } from '../auditRecord';
import {
  CORRECTION_COLUMNS,
  type CorrectionRecord,
  type CorrectionRow,
  type FrozenMinutes,
  MINUTES_COLUMNS,
  type MinutesRow,
  type MinutesStore,
  correctionValues,
  toCorrection,
  toMinutes,
} from '../minutes';
import { sqliteAuditAppender } from './audit';
import type { SqliteDatabase } from './database';

export function createSqliteMinutesStore(db: SqliteDatabase): MinutesStore {
  const q = {
    find: db.prepare<[string], MinutesRow>(`SELECT ${MINUTES_COLUMNS} FROM meeting_minutes WHERE meeting_id = ?`),
    corrections: db.prepare<[string], CorrectionRow>(`SELECT ${CORRECTION_COLUMNS} FROM minutes_corrections WHERE meeting_id = ? ORDER BY created_at, id`),
    meeting: db.prepare<[string], { id: string }>('SELECT id FROM meetings WHERE id = ?'),
    // The row a meeting's minutes start from: written on their first change, never before.
    ensure: db.prepare<[string]>('INSERT INTO meeting_minutes (meeting_id) VALUES (?) ON CONFLICT (meeting_id) DO NOTHING'),
    send: db.prepare<[number, string, string, number]>(
      "UPDATE meeting_minutes SET state = 'sent', sent_at = ?, sent_by = ?, version = version + 1 WHERE meeting_id = ? AND version = ? AND state IN ('draft', 'sent')",
    ),
    confirm: db.prepare<[number, string, string, string, string, string, number]>(
      `UPDATE meeting_minutes SET state = 'confirmed', confirmed_at = ?, confirmed_by = ?, hash = ?, frozen_json = ?, frozen_text = ?, version = version + 1
       WHERE meeting_id = ? AND version = ? AND state = 'sent'`,
    ),
    meetingConfirmed: db.prepare<[number, string]>("UPDATE meetings SET status = 'minutesConfirmed', version = version + 1, updated_at = ? WHERE id = ?"),
    publish: db.prepare<[string, string, number]>('UPDATE meeting_minutes SET publish_names = ?, version = version + 1 WHERE meeting_id = ? AND version = ?'),
    openCount: db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM minutes_corrections WHERE meeting_id = ? AND state = 'open'"),
    count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM minutes_corrections WHERE meeting_id = ?'),
    openOfAuthor: db.prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM minutes_corrections WHERE meeting_id = ? AND author_id = ? AND state = 'open'"),
    insertCorrection: db.prepare(`INSERT INTO minutes_corrections (${CORRECTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    resolve: db.prepare<[string, string, number, string, string]>(
      `UPDATE minutes_corrections SET state = ?, resolved_by = ?, resolved_at = ?
       WHERE id = ? AND meeting_id = ? AND state = 'open'
         AND NOT EXISTS (SELECT 1 FROM meeting_minutes m WHERE m.meeting_id = minutes_corrections.meeting_id AND m.state = 'confirmed')`,
    ),
  };
  const appendAudit = sqliteAuditAppender(db);
  /** Whether the meeting is there, its minutes' row made if it was not yet. */
  const ensure = (meetingId: string): boolean => {
    if (!q.meeting.get(meetingId)) return false;
    q.ensure.run(meetingId);
    return true;
  };
  // One IMMEDIATE transaction each: the checks, the change and its audit entry stand or fall together.
  const send = db.transaction((meetingId: string, version: number, at: number, by: string, audit: NewAuditEntry) => {
    if (!ensure(meetingId) || q.send.run(at, by, meetingId, version).changes === 0) return false;
    appendAudit(audit);
    return true;
  });
  const confirm = db.transaction((meetingId: string, version: number, frozen: FrozenMinutes, audit: NewAuditEntry) => {
    const row = q.find.get(meetingId);
    if (!row || row.version !== version || row.state !== 'sent') return 'conflict' as const;
    if (q.openCount.get(meetingId)!.n > 0) return 'correctionsOpen' as const;
    q.confirm.run(frozen.at, frozen.by, frozen.hash, frozen.json, frozen.text, meetingId, version);
    q.meetingConfirmed.run(frozen.at, meetingId);
    appendAudit(audit);
    return 'confirmed' as const;
  });
  const publish = db.transaction((meetingId: string, version: number, names: string, audit: NewAuditEntry) => {
    if (!ensure(meetingId) || q.publish.run(names, meetingId, version).changes === 0) return false;
    appendAudit(audit);
    return true;
  });
  const addCorrection = db.transaction((c: CorrectionRecord, limits: { perMeeting: number; openPerAuthor: number }, audit: NewAuditEntry) => {
    if (q.find.get(c.meetingId)?.state !== 'sent') return 'notSent' as const;
    if (q.count.get(c.meetingId)!.n >= limits.perMeeting) return 'tooMany' as const;
    if (c.authorId && q.openOfAuthor.get(c.meetingId, c.authorId)!.n >= limits.openPerAuthor) return 'tooManyOpen' as const;
    q.insertCorrection.run(...correctionValues(c));
    appendAudit(audit);
    return 'added' as const;
  });
  const resolve = db.transaction((meetingId: string, id: string, state: string, by: string, at: number, audit: NewAuditEntry) => {
    if (q.resolve.run(state, by, at, id, meetingId).changes === 0) return false;
    appendAudit(audit);
    return true;
  });
  return {
    async find(meetingId) {
      const row = q.find.get(meetingId);
      return row ? toMinutes(row) : null;
    },
    async corrections(meetingId) {
      return q.corrections.all(meetingId).map(toCorrection);
    },
    async send(meetingId, version, at, by, audit) {
      return send.immediate(meetingId, version, at, by, audit);
    },
    async confirm(meetingId, version, frozen, audit) {
      return confirm.immediate(meetingId, version, frozen, audit);
    },
    async setPublishNames(meetingId, version, names, audit) {
      return publish.immediate(meetingId, version, names, audit);
    },
    async addCorrection(correction, limits, audit) {
      return addCorrection.immediate(correction, limits, audit);
    },
    async resolveCorrection(meetingId, correctionId, state, by, at, audit) {
      return resolve.immediate(meetingId, correctionId, state, by, at, audit);
    },
  };
}
