import { type Role, can } from '@sakutei/shared';

export const canListMembers = (role: Role | null) => can(role, 'members.read');
export const canManageMembers = (role: Role | null) => can(role, 'members.manage');
/** Nobody changes their own role: the secretariat cannot lock itself out by accident. */
export const canChangeRoleOf = (actorId: string, targetId: string, actorRole: Role | null) =>
  canManageMembers(actorRole) && actorId !== targetId;
