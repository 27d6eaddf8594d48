import { createHash } from 'node:crypto';
import { canonicalJson } from '@sakutei/shared';
import type { AuditRecord, NewAuditEntry } from './auditRecord';

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

/** An entry's place in the chain: its number and its hash. The newest one is the chain's head. */
export type ChainLink = { seq: number; hash: string };

/** Reads up to `limit` entries numbered above `after`, oldest first: the chain page by page. */
export type ReadAfter = (after: number, limit: number) => Promise<AuditRecord[]>;

/** Entries read per query while verifying, so a long log is never held in memory at once. */
const PAGE = 500;

/** Whether an entry's stored hash follows from its own content and the hash it names before it. */
export const entryHolds = (record: AuditRecord) => auditEntryHash(record.prevHash, record) === record.hash;

export type ChainVerdict = {
  checked: number;
  firstBroken: number | null;
  /** The last entry that verified (the head, when the chain is intact). */
  last: ChainLink | null;
  /** The number of the entry whose hash is `find`, if it was met before any break. */
  found: number | null;
};

/**
 * Verifies the chain after `from` (from the first entry when null), page by page. `find`
 * names a hash to look for on the way: a head someone wrote down earlier, still in the chain.
 */
export async function verifyChain(read: ReadAfter, options: { from?: ChainLink | null; find?: string } = {}): Promise<ChainVerdict> {
  const from = options.from ?? null;
  let prevHash = from?.hash ?? GENESIS_HASH;
  let expected = (from?.seq ?? 0) + 1;
  let last = from;
  let found: number | null = from && from.hash === options.find ? from.seq : null;
  let checked = 0;
  // Not 0: an entry numbered below 1 is a broken chain, and must be read to be reported.
  let after = from?.seq ?? Number.MIN_SAFE_INTEGER;
  for (;;) {
    const page = await read(after, PAGE);
    for (const record of page) {
      // A gap in the numbering is a deleted entry; the entry after it is where it shows.
      if (record.seq !== expected || record.prevHash !== prevHash || !entryHolds(record)) return { checked, firstBroken: record.seq, last, found };
      prevHash = record.hash;
      expected++;
      checked++;
      last = { seq: record.seq, hash: record.hash };
      if (record.hash === options.find) found = record.seq;
      after = record.seq;
    }
    if (page.length < PAGE) return { checked, firstBroken: null, last, found };
    // A synchronous store (SQLite) answers at once: let other requests in between pages, so a
    // long walk (the first after a start) holds the event loop one page at a time (~15 ms).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Verification that remembers how far it got: each call re-checks the entry it stopped at
 * (still there, unchanged) and then only the entries appended since, so a page view costs
 * the new tail, not the whole log. If the remembered entry is gone or no longer what it was,
 * entries were removed or rewritten: the whole chain is walked once to name the first broken
 * entry (where the remembered one stood, if what is left still chains: the newest entries
 * deleted), and that answer stays until the process restarts. The full walk stays in the
 * CLI (`audit verify`); this one cannot see an entry altered before the checkpoint with its
 * hash left as it was, which is why readers also check the entries they show (entryHolds).
 */
export function createCheckpointedVerifier(read: ReadAfter) {
  let checkpoint: ChainLink | null = null;
  let lost: { checked: number; firstBroken: number } | null = null;
  return async function verifyRecent(): Promise<{ checked: number; firstBroken: number | null }> {
    if (lost) return lost;
    const from = checkpoint;
    if (from) {
      const [at] = await read(from.seq - 1, 1);
      if (!at || at.seq !== from.seq || at.hash !== from.hash || !entryHolds(at)) {
        const whole = await verifyChain(read);
        lost = { checked: whole.checked, firstBroken: whole.firstBroken ?? Math.min(from.seq, (whole.last?.seq ?? 0) + 1) };
        return lost;
      }
    }
    const verdict = await verifyChain(read, { from });
    // The last entry that verified is where the next call starts (a break after it is then
    // found again at the cost of the tail). Concurrent calls may finish out of order: keep
    // the furthest point.
    if (verdict.last && (!checkpoint || verdict.last.seq >= checkpoint.seq)) checkpoint = verdict.last;
    return { checked: verdict.checked, firstBroken: verdict.firstBroken };
  };
}
