import type { Revision } from '@sakutei/shared';
import { DRAFT_SIDE, type CompareSide } from '../../lib/revisionsApi';

export interface ComparePair {
  from: CompareSide;
  to: CompareSide;
}

/**
 * What to compare before anyone chooses. The council compares the last approved revision
 * (else the newest) with the draft; readers without the draft, the last two approved ones.
 */
export function defaultPair(revisions: readonly Revision[], withDraft: boolean): ComparePair | null {
  const approved = revisions.filter((revision) => revision.review.status === 'approved');
  if (withDraft) {
    const base = approved.at(-1) ?? revisions.at(-1);
    return base ? { from: base.id, to: DRAFT_SIDE } : null;
  }
  const pool = approved.length >= 2 ? approved : revisions;
  const [from, to] = [pool.at(-2), pool.at(-1)];
  return from && to ? { from: from.id, to: to.id } : null;
}

/** A choice that no longer exists (a revision not visible any more) falls back to the default. */
export function validPair(pair: ComparePair | null, revisions: readonly Revision[], withDraft: boolean): boolean {
  if (!pair) return false;
  const exists = (side: CompareSide) => (side === DRAFT_SIDE ? withDraft : revisions.some((revision) => revision.id === side));
  return exists(pair.from) && exists(pair.to);
}
