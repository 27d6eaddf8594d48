import type pg from 'pg';
import {
  CORRECTION_COLUMNS,
  type CorrectionRow,
  MINUTES_COLUMNS,
  type MinutesRow,
  type MinutesStore,
  correctionValues,
  toCorrection,
  toMinutes,
} from '../minutes';
import { appendAuditIn } from './audit';
import { type Pool, inTransaction } from './database';

export function createPostgresMinutesStore(pool: Pool): MinutesStore {
  /**
   * Locks the meeting's row (the lock every write of its minutes takes, so counts and states
   * read here hold until commit) and makes the minutes' row if it was not yet; false when the
   * meeting is gone.
   */
  async function lock(client: pg.PoolClient, meetingId: string): Promise<MinutesRow | null> {
    const locked = await client.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [meetingId]);
    if (locked.rowCount !== 1) return null;
    await client.query('INSERT INTO meeting_minutes (meeting_id) VALUES ($1) ON CONFLICT (meeting_id) DO NOTHING', [meetingId]);
    const { rows } = await client.query<MinutesRow>(`SELECT ${MINUTES_COLUMNS} FROM meeting_minutes WHERE meeting_id = $1`, [meetingId]);
    return rows[0] ?? null;
  }
  const count = async (client: pg.PoolClient, sql: string, params: unknown[]) => (await client.query<{ n: number }>(sql, params)).rows[0]!.n;

  return {
    async find(meetingId) {
      const { rows } = await pool.query<MinutesRow>(`SELECT ${MINUTES_COLUMNS} FROM meeting_minutes WHERE meeting_id = $1`, [meetingId]);
      return rows[0] ? toMinutes(rows[0]) : null;
    },
    async corrections(meetingId) {
      const { rows } = await pool.query<CorrectionRow>(`SELECT ${CORRECTION_COLUMNS} FROM minutes_corrections WHERE meeting_id = $1 ORDER BY created_at, id`, [meetingId]);
      return rows.map(toCorrection);
    },
    async send(meetingId, version, at, by, audit) {
      return inTransaction(pool, async (client) => {
        const row = await lock(client, meetingId);
        if (!row || row.version !== version || row.state === 'confirmed') return false;
        await client.query("UPDATE meeting_minutes SET state = 'sent', sent_at = $1, sent_by = $2, version = version + 1 WHERE meeting_id = $3", [at, by, meetingId]);
        await appendAuditIn(client, audit);
        return true;
      });
    },
    async confirm(meetingId, version, frozen, audit) {
      return inTransaction(pool, async (client) => {
        const row = await lock(client, meetingId);
        if (!row || row.version !== version || row.state !== 'sent') return 'conflict' as const;
        if ((await count(client, "SELECT count(*)::int AS n FROM minutes_corrections WHERE meeting_id = $1 AND state = 'open'", [meetingId])) > 0) {
          return 'correctionsOpen' as const;
        }
        await client.query(
          `UPDATE meeting_minutes SET state = 'confirmed', confirmed_at = $1, confirmed_by = $2, hash = $3, frozen_json = $4, frozen_text = $5, version = version + 1
           WHERE meeting_id = $6`,
          [frozen.at, frozen.by, frozen.hash, frozen.json, frozen.text, meetingId],
        );
        await client.query("UPDATE meetings SET status = 'minutesConfirmed', version = version + 1, updated_at = $1 WHERE id = $2", [frozen.at, meetingId]);
        await appendAuditIn(client, audit);
        return 'confirmed' as const;
      });
    },
    async setPublishNames(meetingId, version, names, audit) {
      return inTransaction(pool, async (client) => {
        const row = await lock(client, meetingId);
        if (!row || row.version !== version) return false;
        await client.query('UPDATE meeting_minutes SET publish_names = $1, version = version + 1 WHERE meeting_id = $2', [names, meetingId]);
        await appendAuditIn(client, audit);
        return true;
      });
    },
    async addCorrection(c, limits, audit) {
      return inTransaction(pool, async (client) => {
        const row = await lock(client, c.meetingId);
        if (row?.state !== 'sent') return 'notSent' as const;
        if ((await count(client, 'SELECT count(*)::int AS n FROM minutes_corrections WHERE meeting_id = $1', [c.meetingId])) >= limits.perMeeting) return 'tooMany' as const;
        if (
          c.authorId &&
          (await count(client, "SELECT count(*)::int AS n FROM minutes_corrections WHERE meeting_id = $1 AND author_id = $2 AND state = 'open'", [c.meetingId, c.authorId])) >=
            limits.openPerAuthor
        ) {
          return 'tooManyOpen' as const;
        }
        await client.query(`INSERT INTO minutes_corrections (${CORRECTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [...correctionValues(c)]);
        await appendAuditIn(client, audit);
        return 'added' as const;
      });
    },
    async resolveCorrection(meetingId, correctionId, state, by, at, audit) {
      return inTransaction(pool, async (client) => {
        const row = await lock(client, meetingId);
        if (!row || row.state === 'confirmed') return false;
        const { rowCount } = await client.query(
          "UPDATE minutes_corrections SET state = $1, resolved_by = $2, resolved_at = $3 WHERE id = $4 AND meeting_id = $5 AND state = 'open'",
          [state, by, at, correctionId, meetingId],
        );
        if (rowCount !== 1) return false;
        await appendAuditIn(client, audit);
        return true;
      });
    },
  };
}
