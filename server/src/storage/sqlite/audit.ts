import { createChainVerifier, nextLink } from '../auditChain';
import type { AuditRecord, AuditStore, NewAuditEntry } from '../index';
import { type AuditRow, toAuditRecord as toRecord } from '../rows';
import type { SqliteDatabase } from './database';

export function createSqliteAuditStore(db: SqliteDatabase): AuditStore {
  const SELECT = 'SELECT l.*, u.name AS actor_name FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id';
  const q = {
    last: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO audit_log (seq, at, kind, workspace_id, plan_id, actor_id, details, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    forPlan: db.prepare<[string, string, number], AuditRow>(
      `${SELECT} WHERE l.plan_id = ? OR (l.workspace_id = ? AND l.plan_id IS NULL) ORDER BY l.seq DESC LIMIT ?`,
    ),
    all: db.prepare<[], AuditRow>(`${SELECT} ORDER BY l.seq`),
    find: db.prepare<[number], AuditRow>(`${SELECT} WHERE l.seq = ?`),
  };
  const append = db.transaction((entry: NewAuditEntry): AuditRecord => {
    const last = q.last.get();
    const { seq, prevHash, detailsJson, hash } = nextLink(last, entry);
    q.insert.run(seq, entry.at, entry.kind, entry.workspaceId, entry.planId, entry.actorId, detailsJson, prevHash, hash);
    return toRecord(q.find.get(seq)!);
  });
  return {
    async append(entry) {
      // IMMEDIATE takes the write lock first, so an append racing the CLI waits its turn
      // instead of failing on a stale read of the chain's end.
      return append.immediate(entry);
    },
    async listForPlan(planId, workspaceId, limit) {
      return q.forPlan.all(planId, workspaceId, limit).map(toRecord);
    },
    async verify() {
      const chain = createChainVerifier();
      for (const row of q.all.iterate()) {
        const record = toRecord(row);
        if (!chain.accept(record)) return { checked: chain.checked, firstBroken: record.seq };
      }
      return { checked: chain.checked, firstBroken: null };
    },
  };
}
