import type { DocStore } from '../storage';
import type { PlanStore } from '../storage/plans';

/** How often a document's "last edited" time is written at most. */
export const EDIT_STAMP_EVERY_MS = 60_000;

/**
 * The document log with a plan's "last edited" time (plans.edited_at) written beside it: after
 * an append has stored a batch, at most once a minute per document, and never awaited, so the
 * room's group commit does not wait for it and a failed stamp costs nothing but the stamp.
 * What the plan list shows is therefore right to within a minute (and to within this process's
 * lifetime: a restart stamps the next edit at once).
 */
export function withEditStamps(docs: DocStore, plans: Pick<PlanStore, 'touchEdited'>, everyMs = EDIT_STAMP_EVERY_MS, now = Date.now): DocStore {
  const lastStamp = new Map<string, number>();
  return {
    load: (docName) => docs.load(docName),
    compact: (docName, snapshot, upToId) => docs.compact(docName, snapshot, upToId),
    countUpdates: (docName) => docs.countUpdates(docName),
    async append(docName, updates) {
      const id = await docs.append(docName, updates);
      const at = now();
      if (at - (lastStamp.get(docName) ?? -Infinity) >= everyMs) {
        lastStamp.set(docName, at);
        plans.touchEdited(docName, at).catch((err: unknown) => console.error('stamping the last edit failed', err));
      }
      return id;
    },
  };
}
