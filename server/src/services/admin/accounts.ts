import type { AdminAccount } from '@sakutei/shared';
import type { ServerEvents } from '../../events';
import { AppError, notFound } from '../../errors';
import { adminRevocationRefusal, deactivationRefusal } from '../../policies/admin';
import { isoOrNull } from '../../presenters/time';
import type { Storage, UserRecord } from '../../storage';
import type { AccountOverview } from '../../storage/admin';

/** `demo`: the server runs in demo mode, where demo administrators sign in and so count. */
type Deps = { storage: Storage; events?: ServerEvents; demo?: boolean };

export const presentAccount = (a: AccountOverview): AdminAccount => ({
  id: a.id,
  email: a.email,
  name: a.name,
  isAdmin: a.isAdmin,
  isDemo: a.isDemo,
  deactivatedAt: isoOrNull(a.deactivatedAt),
  memberships: a.memberships,
});

const REFUSALS = {
  self: () => new AppError(409, 'cannot_change_self', 'Administrators cannot deactivate themselves or take their own administration away.'),
  last_admin: () => new AppError(409, 'last_admin', 'This is the last active administrator: make another account an administrator first.'),
};

export async function listAccounts(storage: Storage): Promise<AdminAccount[]> {
  return (await storage.admin.listAccounts()).map(presentAccount);
}

async function account(storage: Storage, id: string): Promise<AccountOverview> {
  const found = (await storage.admin.listAccounts()).find((a) => a.id === id);
  if (!found) throw notFound('account');
  return found;
}

/**
 * Deactivates or reactivates an account, or grants or takes administration. Deactivation ends
 * every session at once and, through `sessionsEnded`, closes the account's live sockets; the
 * account can no longer sign in (auth routes) until it is reactivated. `actorId` is null for
 * the CLI, which has no running server's events: its sockets close at the next sweep.
 */
export async function updateAccount(
  { storage, events, demo = false }: Deps,
  actor: Pick<UserRecord, 'id'> | null,
  id: string,
  changes: { active?: boolean; isAdmin?: boolean },
): Promise<AdminAccount> {
  const target = await account(storage, id);
  const actorId = actor?.id ?? null;
  const now = Date.now();
  const active = target.deactivatedAt === null;
  const audit = (kind: 'account.deactivated' | 'account.reactivated' | 'admin.granted' | 'admin.revoked') =>
    storage.audit.append({ at: now, kind, workspaceId: null, planId: null, actorId, details: { userId: id, email: target.email } });

  // Everything is checked before anything changes: a refused request changes nothing.
  const activeAdmins = await storage.admin.countActiveAdmins(demo);
  if (changes.active === false && active) {
    const refusal = deactivationRefusal(actorId ?? '', target, activeAdmins);
    if (refusal) throw REFUSALS[refusal]();
  }
  if (changes.isAdmin === false && target.isAdmin) {
    const refusal = adminRevocationRefusal(actorId ?? '', { ...target, active }, activeAdmins);
    if (refusal) throw REFUSALS[refusal]();
  }

  if (changes.isAdmin !== undefined && changes.isAdmin !== target.isAdmin) {
    await storage.admin.setAdmin(id, changes.isAdmin);
    await audit(changes.isAdmin ? 'admin.granted' : 'admin.revoked');
  }
  if (changes.active === false && active) {
    await storage.admin.setDeactivated(id, now);
    await storage.accounts.deleteUserSessions(id);
    events?.emit('sessionsEnded', { userId: id });
    await audit('account.deactivated');
  } else if (changes.active === true && !active) {
    await storage.admin.setDeactivated(id, null);
    await audit('account.reactivated');
  }
  return presentAccount(await account(storage, id));
}
