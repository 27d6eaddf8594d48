import type { NewAuditEntry } from '../auditRecord';
import { MATERIAL_COLUMNS, type MaterialLimits, type MaterialRow, type MeetingMaterialStore, type NewMaterial, clampPosition, toMaterial } from '../meetingMaterials';
import { sqliteAuditAppender } from './audit';
import type { SqliteDatabase } from './database';

export function createSqliteMeetingMaterialStore(db: SqliteDatabase): MeetingMaterialStore {
  const q = {
    list: db.prepare<[string], MaterialRow>(`SELECT ${MATERIAL_COLUMNS} FROM meeting_materials WHERE meeting_id = ? ORDER BY position`),
    find: db.prepare<[string], MaterialRow>(`SELECT ${MATERIAL_COLUMNS} FROM meeting_materials WHERE id = ?`),
    content: db.prepare<[string], { content: Buffer }>('SELECT content FROM meeting_materials WHERE id = ?'),
    councilBytes: db.prepare<[string], { n: number | null }>('SELECT sum(size) AS n FROM meeting_materials WHERE workspace_id = ?'),
    count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM meeting_materials WHERE meeting_id = ?'),
    meeting: db.prepare<[string], { id: string }>('SELECT id FROM meetings WHERE id = ?'),
    insert: db.prepare(`INSERT INTO meeting_materials (${MATERIAL_COLUMNS}, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    title: db.prepare<[string, string]>('UPDATE meeting_materials SET title = ? WHERE id = ?'),
    shift: db.prepare<[number, string, number, number]>('UPDATE meeting_materials SET position = position + ? WHERE meeting_id = ? AND position BETWEEN ? AND ?'),
    place: db.prepare<[number, string]>('UPDATE meeting_materials SET position = ? WHERE id = ?'),
    remove: db.prepare<[string]>('DELETE FROM meeting_materials WHERE id = ?'),
    close: db.prepare<[string, number]>('UPDATE meeting_materials SET position = position - 1 WHERE meeting_id = ? AND position > ?'),
  };
  const appendAudit = sqliteAuditAppender(db);

  const add = db.transaction((m: NewMaterial, bytes: Uint8Array, limits: MaterialLimits, audit: NewAuditEntry) => {
    if (!q.meeting.get(m.meetingId)) return 'no_meeting' as const;
    const count = q.count.get(m.meetingId)!.n;
    if (count >= limits.perMeeting) return 'too_many' as const;
    if ((q.councilBytes.get(m.workspaceId)!.n ?? 0) + m.size > limits.councilBytes) return 'council_full' as const;
    q.insert.run(m.id, m.meetingId, m.workspaceId, count + 1, m.title, m.fileName, m.fileType, m.contentType, m.size, m.createdBy, m.createdAt, m.source?.kind ?? null, m.source?.planId ?? null, m.source?.revisionId ?? null, Buffer.from(bytes));
    appendAudit(audit);
    return 'added' as const;
  });
  const update = db.transaction((id: string, change: { title?: string; position?: number }) => {
    const row = q.find.get(id);
    if (!row) return false;
    if (change.title !== undefined) q.title.run(change.title, id);
    if (change.position !== undefined) {
      const to = clampPosition(change.position, q.count.get(row.meeting_id)!.n);
      if (to < row.position) q.shift.run(1, row.meeting_id, to, row.position - 1);
      if (to > row.position) q.shift.run(-1, row.meeting_id, row.position + 1, to);
      q.place.run(to, id);
    }
    return true;
  });
  const remove = db.transaction((id: string, audit: NewAuditEntry) => {
    const row = q.find.get(id);
    if (!row) return false;
    q.remove.run(id);
    q.close.run(row.meeting_id, row.position);
    appendAudit(audit);
    return true;
  });

  return {
    async list(meetingId) {
      return q.list.all(meetingId).map(toMaterial);
    },
    async find(id) {
      const row = q.find.get(id);
      return row ? toMaterial(row) : null;
    },
    async content(id) {
      const row = q.content.get(id);
      return row ? new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength) : null;
    },
    async councilBytes(workspaceId) {
      return q.councilBytes.get(workspaceId)!.n ?? 0;
    },
    async add(material, bytes, limits, audit) {
      return add.immediate(material, bytes, limits, audit);
    },
    async update(id, change) {
      return update.immediate(id, change);
    },
    async remove(id, audit) {
      return remove.immediate(id, audit);
    },
  };
}
