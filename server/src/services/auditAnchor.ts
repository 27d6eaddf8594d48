import { verifyChain } from '../storage/auditChain';
import type { AuditStore } from '../storage';

/**
 * The audit chain's head, kept outside the database: printed on exported revisions and by
 * `pnpm cli audit head`. Someone who can write the database can delete the newest entries
 * and leave a chain that still verifies; a head written down before shows they are gone.
 */

/** `seq hash` of the newest entry, or a note that the log is empty. */
export async function auditHeadLine(audit: AuditStore): Promise<string> {
  const head = await audit.head();
  return head ? `${head.seq} ${head.hash}` : '(the audit log is empty)';
}

export const isChainHash = (value: string) => /^[0-9a-f]{64}$/.test(value);

/**
 * Walks the whole chain; with `head`, also requires that entry to be in it (an entry with
 * that hash, itself verified). `ok` false names what failed.
 */
export async function auditVerifyReport(audit: AuditStore, head?: string): Promise<{ ok: boolean; message: string }> {
  const verdict = await verifyChain((after, limit) => audit.readAfter(after, limit), { find: head });
  if (verdict.firstBroken !== null) {
    return { ok: false, message: `audit log broken at entry ${verdict.firstBroken} (${verdict.checked} entries before it verify)` };
  }
  const intact = `audit log intact: ${verdict.checked} entries verified`;
  if (head === undefined) return { ok: true, message: intact };
  if (verdict.found === null) {
    return {
      ok: false,
      message: `head ${head} is not in the chain (${verdict.checked} entries verified): entries recorded up to it have been removed or replaced`,
    };
  }
  const after = (verdict.last?.seq ?? 0) - verdict.found;
  return { ok: true, message: `${intact}; head ${head} is entry ${verdict.found}, ${after} entries recorded since` };
}
