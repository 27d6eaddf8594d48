import {
  AGENDA_COLUMNS,
  type AgendaItemRow,
  type AttendanceRow,
  FACT_COLUMNS,
  MEETING_COLUMNS,
  type MeetingRow,
  type MeetingStore,
  NEW_MEETING_COLUMNS,
  factValues,
  newMeetingValues,
  quorumFromText,
  toAgendaItem,
  toAttendance,
  toMeeting,
} from '../meetings';
import { appendAuditIn } from './audit';
import { type Pool, type PoolClient, inTransaction } from './database';

/** `$from, $from+1, …` for `n` values. */
const params = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

/** Bumps the meeting's version if it is still `version`; false when it is gone or another write came first. */
async function bump(client: PoolClient, meetingId: string, version: number, at: number): Promise<boolean> {
  const { rowCount } = await client.query('UPDATE meetings SET version = version + 1, updated_at = $1 WHERE id = $2 AND version = $3', [at, meetingId, version]);
  return rowCount === 1;
}

export function createPostgresMeetingStore(pool: Pool): MeetingStore {
  return {
    async list(workspaceId) {
      const { rows } = await pool.query<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE workspace_id = $1`, [workspaceId]);
      return rows.map(toMeeting);
    },
    async find(id) {
      const row = (await pool.query<MeetingRow>(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = $1`, [id])).rows[0];
      return row ? toMeeting(row) : null;
    },
    async create(meeting, limit, audit) {
      return inTransaction(pool, async (client) => {
        // The council's row is the lock: two creations at once cannot both pass the count.
        await client.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [meeting.workspaceId]);
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM meetings WHERE workspace_id = $1', [meeting.workspaceId]);
        if (rows[0]!.n >= limit) return false;
        const values = newMeetingValues(meeting);
        await client.query(`INSERT INTO meetings (${NEW_MEETING_COLUMNS}) VALUES (${params(values.length)})`, [...values]);
        await appendAuditIn(client, audit);
        return true;
      });
    },
    async update(id, version, facts, at, audit) {
      return inTransaction(pool, async (client) => {
        const values = factValues(facts);
        const sets = FACT_COLUMNS.map((c, i) => `${c} = $${i + 1}`).join(', ');
        const n = values.length;
        const { rowCount } = await client.query(
          `UPDATE meetings SET ${sets}, version = version + 1, updated_at = $${n + 1} WHERE id = $${n + 2} AND version = $${n + 3}`,
          [...values, at, id, version],
        );
        if (rowCount !== 1) return false;
        await appendAuditIn(client, audit);
        return true;
      });
    },
    async remove(id, version, audit) {
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query("DELETE FROM meetings WHERE id = $1 AND version = $2 AND status = 'scheduled'", [id, version]);
        if (rowCount !== 1) return false;
        await appendAuditIn(client, audit);
        return true;
      });
    },
    async agenda(meetingId) {
      const { rows } = await pool.query<AgendaItemRow>(`SELECT ${AGENDA_COLUMNS} FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY position`, [meetingId]);
      return rows.map(toAgendaItem);
    },
    async replaceAgenda(meetingId, version, items, at, audit) {
      return inTransaction(pool, async (client) => {
        if (!(await bump(client, meetingId, version, at))) return false;
        await client.query('DELETE FROM meeting_agenda_items WHERE meeting_id = $1', [meetingId]);
        for (const item of items) {
          await client.query(`INSERT INTO meeting_agenda_items (${AGENDA_COLUMNS}) VALUES (${params(8)})`, [
            item.id,
            meetingId,
            item.position,
            item.title,
            item.presenter,
            item.minutes,
            JSON.stringify(item.links),
            item.changedAfterSent,
          ]);
        }
        await appendAuditIn(client, audit);
        return true;
      });
    },
    async markAgendaSent(meetingId, version, at, audit) {
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query(
          'UPDATE meetings SET agenda_sent_at = $1, version = version + 1, updated_at = $1 WHERE id = $2 AND version = $3',
          [at, meetingId, version],
        );
        if (rowCount !== 1) return false;
        await client.query('UPDATE meeting_agenda_items SET changed_after_sent = FALSE WHERE meeting_id = $1', [meetingId]);
        await appendAuditIn(client, audit);
        return true;
      });
    },
    async attendance(meetingId) {
      const { rows } = await pool.query<AttendanceRow>('SELECT user_id, attendance, proxy_name FROM meeting_attendance WHERE meeting_id = $1', [meetingId]);
      return rows.map(toAttendance);
    },
    async setAttendance(meetingId, version, changes, at, audit) {
      return inTransaction(pool, async (client) => {
        if (!(await bump(client, meetingId, version, at))) return false;
        for (const c of changes) {
          if (c.attendance === null) {
            await client.query('DELETE FROM meeting_attendance WHERE meeting_id = $1 AND user_id = $2', [meetingId, c.userId]);
          } else {
            await client.query(
              `INSERT INTO meeting_attendance (meeting_id, user_id, attendance, proxy_name) VALUES ($1, $2, $3, $4)
               ON CONFLICT (meeting_id, user_id) DO UPDATE SET attendance = excluded.attendance, proxy_name = excluded.proxy_name`,
              [meetingId, c.userId, c.attendance, c.proxyName],
            );
          }
        }
        await appendAuditIn(client, audit);
        return true;
      });
    },
    async quorumOf(workspaceId) {
      const row = (await pool.query<{ meeting_quorum: string | null }>('SELECT meeting_quorum FROM workspaces WHERE id = $1', [workspaceId])).rows[0];
      return quorumFromText(row?.meeting_quorum);
    },
    async setQuorum(workspaceId, rule, audit) {
      await inTransaction(pool, async (client) => {
        await client.query('UPDATE workspaces SET meeting_quorum = $1 WHERE id = $2', [JSON.stringify(rule), workspaceId]);
        await appendAuditIn(client, audit);
      });
    },
  };
}
