import type { MemberAttributes } from '@sakutei/shared';
import { notFound } from '../errors';
import type { Storage } from '../storage';
import type { MemberDetailRecord } from '../storage/members';

/** Records a member's 所属・区分・任期, with the old and new values in the audit log. */
export async function memberSetAttributes(
  storage: Pick<Storage, 'members' | 'audit'>,
  workspaceId: string,
  userId: string,
  attributes: MemberAttributes,
  actorId: string,
  now = Date.now(),
): Promise<MemberDetailRecord> {
  const before = await storage.members.find(workspaceId, userId);
  if (!before || !(await storage.members.setAttributes(workspaceId, userId, attributes))) throw notFound('member');
  const from = { affiliation: before.affiliation, category: before.category, termFrom: before.termFrom, termTo: before.termTo };
  if (JSON.stringify(from) !== JSON.stringify(attributes)) {
    await storage.audit.append({
      at: now,
      kind: 'member.attributesChanged',
      workspaceId,
      planId: null,
      actorId,
      details: { userId, before: from, after: attributes },
    });
  }
  return { ...before, ...attributes };
}
