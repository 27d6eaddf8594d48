// Who may administer the installation, and which account changes are refused whoever asks.
// Administration is a flag on the account (users.is_admin), not a council role: it opens the
// admin routes and nothing else (an administrator does not see a council's plans).

export type AdminStatus = { isAdmin: boolean; deactivatedAt: number | null } | null;

/** Administrators that are not deactivated may use /api/admin. */
export const canAdminister = (status: AdminStatus): boolean => status !== null && status.isAdmin && status.deactivatedAt === null;

/** Why deactivating this account is refused, or null when it may be. */
export function deactivationRefusal(actorId: string, target: { id: string; isAdmin: boolean }, activeAdmins: number): 'self' | 'last_admin' | null {
  // Locking oneself out is never what an administrator means to do.
  if (actorId === target.id) return 'self';
  if (target.isAdmin && activeAdmins <= 1) return 'last_admin';
  return null;
}

/** Why taking administration away from this account is refused, or null when it may be. */
export function adminRevocationRefusal(actorId: string, target: { id: string; isAdmin: boolean; active: boolean }, activeAdmins: number): 'self' | 'last_admin' | null {
  if (actorId === target.id) return 'self';
  if (target.isAdmin && target.active && activeAdmins <= 1) return 'last_admin';
  return null;
}
