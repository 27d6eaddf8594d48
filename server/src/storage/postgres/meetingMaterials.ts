import { MATERIAL_COLUMNS, type MaterialRow, type MeetingMaterialStore, clampPosition, toMaterial } from '../meetingMaterials';
import { appendAuditIn } from './audit';
import { type Pool, inTransaction } from './database';

export function createPostgresMeetingMaterialStore(pool: Pool): MeetingMaterialStore {
  return {
    async list(meetingId) {
      const { rows } = await pool.query<MaterialRow>(`SELECT ${MATERIAL_COLUMNS} FROM meeting_materials WHERE meeting_id = $1 ORDER BY position`, [meetingId]);
      return rows.map(toMaterial);
    },
    async find(id) {
      const row = (await pool.query<MaterialRow>(`SELECT ${MATERIAL_COLUMNS} FROM meeting_materials WHERE id = $1`, [id])).rows[0];
      return row ? toMaterial(row) : null;
    },
    async content(id) {
      const row = (await pool.query<{ content: Buffer }>('SELECT content FROM meeting_materials WHERE id = $1', [id])).rows[0];
      return row ? new Uint8Array(row.content.buffer, row.content.byteOffset, row.content.byteLength) : null;
    },
    async councilBytes(workspaceId) {
      const { rows } = await pool.query<{ n: string | null }>('SELECT sum(size) AS n FROM meeting_materials WHERE workspace_id = $1', [workspaceId]);
      return Number(rows[0]?.n ?? 0);
    },
    async add(m, bytes, limits, audit) {
      return inTransaction(pool, async (client) => {
        // The council's row is the lock: two uploads at once cannot both pass the limits.
        await client.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [m.workspaceId]);
        if ((await client.query('SELECT id FROM meetings WHERE id = $1', [m.meetingId])).rowCount !== 1) return 'no_meeting' as const;
        const count = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting_materials WHERE meeting_id = $1', [m.meetingId])).rows[0]!.n;
        if (count >= limits.perMeeting) return 'too_many' as const;
        const used = Number((await client.query<{ n: string | null }>('SELECT sum(size) AS n FROM meeting_materials WHERE workspace_id = $1', [m.workspaceId])).rows[0]?.n ?? 0);
        if (used + m.size > limits.councilBytes) return 'council_full' as const;
        await client.query(`INSERT INTO meeting_materials (${MATERIAL_COLUMNS}, content) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, [
          m.id,
          m.meetingId,
          m.workspaceId,
          count + 1,
          m.title,
          m.fileName,
          m.fileType,
          m.contentType,
          m.size,
          m.createdBy,
          m.createdAt,
          m.source?.kind ?? null,
          m.source?.planId ?? null,
          m.source?.revisionId ?? null,
          Buffer.from(bytes),
        ]);
        await appendAuditIn(client, audit);
        return 'added' as const;
      });
    },
    async update(id, change) {
      return inTransaction(pool, async (client) => {
        const row = (await client.query<MaterialRow>(`SELECT ${MATERIAL_COLUMNS} FROM meeting_materials WHERE id = $1 FOR UPDATE`, [id])).rows[0];
        if (!row) return false;
        // The meeting's row serialises moves within one meeting.
        await client.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [row.meeting_id]);
        if (change.title !== undefined) await client.query('UPDATE meeting_materials SET title = $1 WHERE id = $2', [change.title, id]);
        if (change.position !== undefined) {
          const count = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting_materials WHERE meeting_id = $1', [row.meeting_id])).rows[0]!.n;
          const to = clampPosition(change.position, count);
          const shift = 'UPDATE meeting_materials SET position = position + $1 WHERE meeting_id = $2 AND position BETWEEN $3 AND $4';
          if (to < row.position) await client.query(shift, [1, row.meeting_id, to, row.position - 1]);
          if (to > row.position) await client.query(shift, [-1, row.meeting_id, row.position + 1, to]);
          await client.query('UPDATE meeting_materials SET position = $1 WHERE id = $2', [to, id]);
        }
        return true;
      });
    },
    async remove(id, audit) {
      return inTransaction(pool, async (client) => {
        const row = (await client.query<MaterialRow>(`SELECT ${MATERIAL_COLUMNS} FROM meeting_materials WHERE id = $1 FOR UPDATE`, [id])).rows[0];
        if (!row) return false;
        await client.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [row.meeting_id]);
        await client.query('DELETE FROM meeting_materials WHERE id = $1', [id]);
        await client.query('UPDATE meeting_materials SET position = position - 1 WHERE meeting_id = $1 AND position > $2', [row.meeting_id, row.position]);
        await appendAuditIn(client, audit);
        return true;
      });
    },
  };
}
