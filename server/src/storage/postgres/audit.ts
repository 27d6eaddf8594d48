import { createChainVerifier, nextLink } from '../auditChain';
import type { AuditRecord, AuditStore } from '../index';
import { type AuditRow, toAuditRecord as toRecord } from '../rows';
import { type Pool, inTransaction } from './database';

/** Entries read per query while verifying, so a long log is not held in memory at once. */
const PAGE = 1000;

const SELECT = `SELECT l.seq, l.at, l.kind, l.workspace_id, l.plan_id, l.actor_id, u.name AS actor_name, l.details, l.prev_hash, l.hash
  FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id`;

export function createPostgresAuditStore(pool: Pool): AuditStore {
  return {
    async append(entry) {
      return inTransaction(pool, async (client) => {
        // SQLite's write lock, as a table lock: every other writer of the log (another process,
        // a hand-run INSERT) waits until this entry is committed, so the end of the chain read
        // next is the true one. Plain reads go on meanwhile.
        await client.query('LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE');
        const last = (await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0];
        const { seq, prevHash, detailsJson, hash } = nextLink(last, entry);
        await client.query(
          `INSERT INTO audit_log (seq, at, kind, workspace_id, plan_id, actor_id, details, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [seq, entry.at, entry.kind, entry.workspaceId, entry.planId, entry.actorId, detailsJson, prevHash, hash],
        );
        return toRecord((await client.query<AuditRow>(`${SELECT} WHERE l.seq = $1`, [seq])).rows[0]!);
      });
    },
    async listForPlan(planId, workspaceId, limit) {
      const { rows } = await pool.query<AuditRow>(
        `${SELECT} WHERE l.plan_id = $1 OR (l.workspace_id = $2 AND l.plan_id IS NULL) ORDER BY l.seq DESC LIMIT $3`,
        [planId, workspaceId, limit],
      );
      return rows.map(toRecord);
    },
    async verify() {
      const chain = createChainVerifier();
      // Not 0: an entry numbered below 1 is a broken chain, and must be read to be reported.
      let after = Number.MIN_SAFE_INTEGER;
      for (;;) {
        const { rows } = await pool.query<AuditRow>(`${SELECT} WHERE l.seq > $1 ORDER BY l.seq LIMIT $2`, [after, PAGE]);
        for (const row of rows) {
          const record = toRecord(row);
          if (!chain.accept(record)) return { checked: chain.checked, firstBroken: record.seq };
          after = record.seq;
        }
        if (rows.length < PAGE) return { checked: chain.checked, firstBroken: null };
      }
    },
  };
}
