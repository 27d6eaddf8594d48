import { type Role, canReadThreads } from '@sakutei/shared';
import type { RevisionRecord } from '../storage';
import { canReadDraft } from './plan';
import { canSeeRevision } from './revisions';

/**
 * Whether someone with `role` may read a thread on the live draft (`revisionId` null) or on a
 * revision (`revision` loaded, null when it is gone). Asked with the role they hold *now*:
 * what they may read ends when their access does.
 */
export function canReadThreadOn(role: Role, userId: string, revisionId: string | null, revision: RevisionRecord | null): boolean {
  if (!canReadThreads(role)) return false;
  if (revisionId === null) return canReadDraft(role);
  return !!revision && canSeeRevision(role, userId, revision);
}
