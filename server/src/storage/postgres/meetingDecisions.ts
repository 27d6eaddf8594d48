import { DECISION_COLUMNS, type DecisionRow, type MeetingDecisionStore, decisionValues, toDecision } from '../meetingDecisions';
import { appendAuditIn } from './audit';
import { type Pool, inTransaction } from './database';

export function createPostgresMeetingDecisionStore(pool: Pool): MeetingDecisionStore {
  return {
    async list(meetingId) {
      const { rows } = await pool.query<DecisionRow>(`SELECT ${DECISION_COLUMNS} FROM meeting_decisions WHERE meeting_id = $1 ORDER BY decided_at, id`, [meetingId]);
      return rows.map(toDecision);
    },
    async ofRevisions(revisionIds) {
      if (revisionIds.length === 0) return [];
      const { rows } = await pool.query<DecisionRow>(
        `SELECT ${DECISION_COLUMNS} FROM meeting_decisions WHERE revision_id = ANY($1::text[]) ORDER BY decided_at, id`,
        [[...revisionIds]],
      );
      return rows.map(toDecision);
    },
    async add(decision, limit, audit) {
      return inTransaction(pool, async (client) => {
        // The meeting's row is the lock: two additions at the limit cannot both pass the count.
        const locked = await client.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [decision.meetingId]);
        if (locked.rowCount !== 1) return false;
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting_decisions WHERE meeting_id = $1', [decision.meetingId]);
        if (rows[0]!.n >= limit) return false;
        await client.query(`INSERT INTO meeting_decisions (${DECISION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [...decisionValues(decision)]);
        await appendAuditIn(client, audit);
        return true;
      });
    },
    async remove(meetingId, decisionId, audit) {
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query('DELETE FROM meeting_decisions WHERE id = $1 AND meeting_id = $2', [decisionId, meetingId]);
        if (rowCount !== 1) return false;
        await appendAuditIn(client, audit);
        return true;
      });
    },
  };
}
