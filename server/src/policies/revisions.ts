import { type Role, can } from '@sakutei/shared';
import type { RevisionRecord } from '../storage';

/**
 * The council and its secretariat see every revision; an observer sees approved ones and a
 * revision whose review invited them.
 */
export function canSeeRevision(role: Role, userId: string, revision: Pick<RevisionRecord, 'review' | 'invited'>): boolean {
  return can(role, 'draft.read') || revision.review.status === 'approved' || revision.invited.some((p) => p.id === userId);
}
