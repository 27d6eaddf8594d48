import { createCheckpointedVerifier, nextLink, verifyChain } from '../auditChain';
import type { AuditRecord, AuditStore, NewAuditEntry } from '../index';
import { type AuditRow, toAuditRecord as toRecord } from '../rows';
import { type Pool, type PoolClient, inTransaction } from './database';

const SELECT = `SELECT l.seq, l.at, l.kind, l.workspace_id, l.plan_id, l.actor_id, u.name AS actor_name, l.details, l.prev_hash, l.hash
  FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id`;

/**
 * Appends one entry at the end of the chain inside the caller's transaction (the audit
 * store's own, or a review step's), so the step and its record commit together.
 */
export async function appendAuditIn(client: PoolClient, entry: NewAuditEntry): Promise<AuditRecord> {
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
}

export function createPostgresAuditStore(pool: Pool): AuditStore {
  const readAfter = async (after: number, limit: number) =>
    (await pool.query<AuditRow>(`${SELECT} WHERE l.seq > $1 ORDER BY l.seq LIMIT $2`, [after, limit])).rows.map(toRecord);
  const verifyRecent = createCheckpointedVerifier(readAfter);
  return {
    async append(entry) {
      return inTransaction(pool, (client) => appendAuditIn(client, entry));
    },
    async listForPlan(planId, workspaceId, limit, before = Number.MAX_SAFE_INTEGER) {
      // Each half read backwards along the (plan_id, seq) index and cut at the page size, then
      // merged: a page costs its size, not the plan's whole history sorted.
      const { rows } = await pool.query<AuditRow>(
        `(${SELECT} WHERE l.plan_id = $1 AND l.seq < $3 ORDER BY l.seq DESC LIMIT $4)
         UNION ALL
         (${SELECT} WHERE l.plan_id IS NULL AND l.workspace_id = $2 AND l.seq < $3 ORDER BY l.seq DESC LIMIT $4)
         ORDER BY seq DESC LIMIT $4`,
        [planId, workspaceId, before, limit],
      );
      return rows.map(toRecord);
    },
    async verify() {
      const { checked, firstBroken } = await verifyChain(readAfter);
      return { checked, firstBroken };
    },
    verifyRecent,
    readAfter,
    async head() {
      const { rows } = await pool.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      return rows[0] ?? null;
    },
  };
}
