import type { Role } from '@sakutei/shared';
import type { ServerEvents } from '../events';
import type { AuditStore, WorkspaceStore } from '../storage';

/**
 * Changes (or, with null, ends) a membership, records it in the audit log, and tells open
 * connections to follow. `actorId` is null when an administrator uses the CLI; `events` is
 * absent there too (the running server notices by re-checking).
 */
export async function memberSetRole(
  deps: { workspaces: WorkspaceStore; audit: AuditStore; events?: ServerEvents },
  workspaceId: string,
  userId: string,
  role: Role | null,
  actorId: string | null,
): Promise<boolean> {
  const previous = await deps.workspaces.roleOf(workspaceId, userId);
  const changed =
    role === null
      ? await deps.workspaces.removeMembership(workspaceId, userId)
      : (await deps.workspaces.setMembership(workspaceId, userId, role), previous !== role);
  if (!changed) return role !== null;
  await deps.audit.append({
    at: Date.now(),
    kind: role === null ? 'role.removed' : 'role.changed',
    workspaceId,
    planId: null,
    actorId,
    details: { userId, from: previous, to: role },
  });
  deps.events?.emit('membershipChanged', { workspaceId, userId });
  return true;
}
