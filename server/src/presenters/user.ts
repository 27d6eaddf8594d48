import type { MeResponse, Role, User } from '@sakutei/shared';
import type { UserRecord, WorkspaceRecord } from '../storage';

export const presentUser = (u: UserRecord): User => ({ id: u.id, email: u.email, name: u.name });

export const presentMe = (u: UserRecord, memberships: Array<{ workspace: WorkspaceRecord; role: Role }>, isAdmin: boolean): MeResponse => ({
  user: presentUser(u),
  memberships: memberships.map((m) => ({ workspaceId: m.workspace.id, workspaceName: m.workspace.name, role: m.role })),
  isAdmin,
});
