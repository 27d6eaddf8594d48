import { createCheckpointedVerifier, nextLink, verifyChain } from '../auditChain';
import type { AuditRecord, AuditStore, NewAuditEntry } from '../index';
import { type AuditRow, toAuditRecord as toRecord } from '../rows';
import type { SqliteDatabase } from './database';

const SELECT = 'SELECT l.*, u.name AS actor_name FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id';

/**
 * Appends one entry at the end of the chain, inside whatever transaction the caller holds
 * (the audit store's own, or a review step's): the step and its record commit together.
 */
export function sqliteAuditAppender(db: SqliteDatabase) {
  const q = {
    last: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO audit_log (seq, at, kind, workspace_id, plan_id, actor_id, details, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    find: db.prepare<[number], AuditRow>(`${SELECT} WHERE l.seq = ?`),
  };
  return (entry: NewAuditEntry): AuditRecord => {
    const { seq, prevHash, detailsJson, hash } = nextLink(q.last.get(), entry);
    q.insert.run(seq, entry.at, entry.kind, entry.workspaceId, entry.planId, entry.actorId, detailsJson, prevHash, hash);
    return toRecord(q.find.get(seq)!);
  };
}

export function createSqliteAuditStore(db: SqliteDatabase): AuditStore {
  const q = {
    // The plan's entries and the council's, each read backwards along the (plan_id, seq) index
    // from the cursor and cut at the page size, then merged: a page costs its size, not the
    // plan's whole history sorted (one OR over both would gather and sort every match).
    forPlan: db.prepare<[string, number, number, string, number, number, number], AuditRow>(
      `SELECT * FROM (${SELECT} WHERE l.plan_id = ? AND l.seq < ? ORDER BY l.seq DESC LIMIT ?)
       UNION ALL
       SELECT * FROM (${SELECT} WHERE l.plan_id IS NULL AND l.workspace_id = ? AND l.seq < ? ORDER BY l.seq DESC LIMIT ?)
       ORDER BY seq DESC LIMIT ?`,
    ),
    after: db.prepare<[number, number], AuditRow>(`${SELECT} WHERE l.seq > ? ORDER BY l.seq LIMIT ?`),
    head: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
  };
  const append = db.transaction(sqliteAuditAppender(db));
  const readAfter = async (after: number, limit: number) => q.after.all(after, limit).map(toRecord);
  const verifyRecent = createCheckpointedVerifier(readAfter);
  return {
    async append(entry) {
      // IMMEDIATE takes the write lock first, so an append racing the CLI waits its turn
      // instead of failing on a stale read of the chain's end.
      return append.immediate(entry);
    },
    async listForPlan(planId, workspaceId, limit, before = Number.MAX_SAFE_INTEGER) {
      return q.forPlan.all(planId, before, limit, workspaceId, before, limit, limit).map(toRecord);
    },
    async verify() {
      const { checked, firstBroken } = await verifyChain(readAfter);
      return { checked, firstBroken };
    },
    verifyRecent,
    readAfter,
    async head() {
      return q.head.get() ?? null;
    },
  };
}
