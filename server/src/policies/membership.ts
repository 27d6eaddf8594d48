import { type Role, type SecretariatRole, can, isSecretariatRole } from '@sakutei/shared';

export const canListMembers = (role: Role | null) => can(role, 'members.read');
export const canManageMembers = (role: Role | null) => can(role, 'members.manage');
/** Nobody changes their own role: the secretariat cannot lock itself out by accident. */
export const canChangeRoleOf = (actorId: string, targetId: string, actorRole: Role | null) =>
  canManageMembers(actorRole) && actorId !== targetId;

/**
 * Staff change or end a membership only below the chair: the role table (APPOINTED_BY) leaves
 * the chair and the vice chair to the installation's administrators, and staff give only the
 * roles below them.
 */
export const canChangeMembership = (targetRole: Role, newRole: Role | null = null) =>
  isSecretariatRole(targetRole) && (newRole === null || isSecretariatRole(newRole));

/** What a council records of its members (所属・区分・任期) is the secretariat's to keep, the chair's included. */
export const canSetMemberAttributes = (actorRole: Role | null) => canManageMembers(actorRole);

/** Staff invite by e-mail, with the roles they may give. */
export const canInvite = (actorRole: Role | null, role: Role): role is SecretariatRole => canManageMembers(actorRole) && isSecretariatRole(role);

/**
 * Staff issue a password-reset link only for a member of their council whose membership they
 * manage (not the chair or vice chair), never for themselves (they change their own password)
 * and never for an administrator: the link is a way into the account, and staff hold it.
 */
export const canIssueResetLinkFor = (actorId: string, actorRole: Role | null, target: { userId: string; role: Role; isAdmin: boolean }) =>
  canManageMembers(actorRole) && actorId !== target.userId && isSecretariatRole(target.role) && !target.isAdmin;
