import type { ReviewEventType } from '@sakutei/shared';
import type { AppDeps } from '../env';
import { canSeeRevision } from '../policies/revisions';
import type { RevisionRecord, UserRecord, VisiblePlan } from '../storage';
import { type NewNotification, publishNotifications } from './notifications';

const KIND = { open: 'reviewOpened', requestChanges: 'changesRequested', approve: 'approved' } as const;

/**
 * Who hears of a step of a review: an opened review reaches the chair (or the vice chair it is
 * delegated to) and the invited observers; a revision sent back, the secretariat and whoever
 * opened the review; an approval, the whole council and the invited observers. A withdrawal
 * tells no one. Never the person who did it.
 */
export async function notifyReviewStep(
  deps: AppDeps,
  plan: VisiblePlan,
  actor: UserRecord,
  before: RevisionRecord,
  after: RevisionRecord,
  event: ReviewEventType,
): Promise<void> {
  if (event === 'withdraw') return;
  const members = await deps.storage.workspaces.listMembers(plan.workspaceId);
  const roleOf = new Map(members.map((m) => [m.userId, m.role]));
  const invited = after.invited.map((p) => p.id);
  let userIds: string[];
  if (event === 'open') {
    userIds = [...members.filter((m) => m.role === 'chair').map((m) => m.userId), ...(after.delegate ? [after.delegate.id] : []), ...invited];
  } else if (event === 'requestChanges') {
    userIds = [...members.filter((m) => m.role === 'staff').map((m) => m.userId), ...(before.review.openedBy ? [before.review.openedBy] : [])];
  } else {
    userIds = [...members.filter((m) => m.role !== 'observer').map((m) => m.userId), ...invited];
  }
  const items: NewNotification[] = [...new Set(userIds)]
    .filter((id) => id !== actor.id)
    .filter((id) => {
      const role = roleOf.get(id);
      return !!role && canSeeRevision(role, id, after);
    })
    .map((userId) => ({
      userId,
      kind: KIND[event],
      planId: plan.id,
      threadId: null,
      commentId: null,
      revisionId: after.id,
      actorId: actor.id,
      detail: event === 'requestChanges' ? (after.review.reason ?? '') : '',
    }));
  await publishNotifications(deps, items);
}
