import { createHash } from 'node:crypto';
import { type AuditKind, canonicalJson } from '@sakutei/shared';
import type { AuditRecord, AuditStore, NewAuditEntry } from '../index';
import type { SqliteDatabase } from './database';

/** The hash of the first entry's "previous entry". */
export const GENESIS_HASH = '0'.repeat(64);

type AuditRow = {
  seq: number;
  at: number;
  kind: AuditKind;
  workspace_id: string | null;
  plan_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};

/**
 * Each entry's hash covers its own content and the previous entry's hash, so changing,
 * removing or reordering any stored entry breaks every hash after it.
 */
export function auditEntryHash(prevHash: string, entry: Omit<AuditRecord, 'hash' | 'prevHash' | 'actorName'>): string {
  const content = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    kind: entry.kind,
    workspaceId: entry.workspaceId,
    planId: entry.planId,
    actorId: entry.actorId,
    details: entry.details,
  });
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    at: row.at,
    kind: row.kind,
    workspaceId: row.workspace_id,
    planId: row.plan_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

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
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    // Stored as canonical JSON, so what is hashed is exactly what is read back.
    const details = JSON.parse(canonicalJson(entry.details)) as Record<string, unknown>;
    const hash = auditEntryHash(prevHash, { ...entry, seq, details });
    q.insert.run(seq, entry.at, entry.kind, entry.workspaceId, entry.planId, entry.actorId, canonicalJson(details), prevHash, hash);
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
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let checked = 0;
      for (const row of q.all.iterate()) {
        const record = toRecord(row);
        // A gap in the numbering is a deleted entry; the entry after it is where it shows.
        if (record.seq !== expectedSeq || record.prevHash !== prevHash || auditEntryHash(prevHash, record) !== record.hash) {
          return { checked, firstBroken: record.seq };
        }
        prevHash = record.hash;
        expectedSeq++;
        checked++;
      }
      return { checked, firstBroken: null };
    },
  };
}
