import type { Role } from '@sakutei/shared';
import type { ServerEvents } from '../events';
import type { WorkspaceStore } from '../storage';

/** Changes (or, with null, ends) a membership and tells open connections to follow. */
export async function memberSetRole(
  deps: { workspaces: WorkspaceStore; events: ServerEvents },
  workspaceId: string,
  userId: string,
  role: Role | null,
): Promise<boolean> {
  const changed =
    role === null
      ? await deps.workspaces.removeMembership(workspaceId, userId)
      : (await deps.workspaces.setMembership(workspaceId, userId, role), true);
  if (changed) deps.events.emit('membershipChanged', { workspaceId, userId });
  return changed;
}
