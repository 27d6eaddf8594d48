import { createHash } from 'node:crypto';
import { canonicalJson } from '@sakutei/shared';
import type { AuditRecord, NewAuditEntry } from './index';

/** The hash of the first entry's "previous entry". */
export const GENESIS_HASH = '0'.repeat(64);

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

/** The next link after `last` (undefined: the chain is empty), ready to insert. */
export function nextLink(last: { seq: number; hash: string } | undefined, entry: NewAuditEntry) {
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Stored as canonical JSON, so what is hashed is exactly what is read back.
  const detailsJson = canonicalJson(entry.details);
  const details = JSON.parse(detailsJson) as Record<string, unknown>;
  return { seq, prevHash, detailsJson, hash: auditEntryHash(prevHash, { ...entry, seq, details }) };
}

/**
 * Walks the chain one entry at a time, in `seq` order, so a backend can feed it from a cursor
 * or page by page; every backend then agrees on what "broken" means.
 */
export function createChainVerifier() {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  return {
    /** False at the first entry that does not follow from the ones before it. */
    accept(record: AuditRecord): boolean {
      // A gap in the numbering is a deleted entry; the entry after it is where it shows.
      if (record.seq !== checked + 1 || record.prevHash !== prevHash || auditEntryHash(prevHash, record) !== record.hash) return false;
      prevHash = record.hash;
      checked++;
      return true;
    },
    get checked() {
      return checked;
    },
  };
}
