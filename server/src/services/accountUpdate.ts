import { assertAcceptablePassword, hashPassword, verifyPassword } from '../auth/password';
import { AppError } from '../errors';
import type { ServerEvents } from '../events';
import type { Storage, UserRecord } from '../storage';

type Stores = Pick<Storage, 'accounts' | 'profiles' | 'audit'>;

const wrongPassword = () => new AppError(403, 'wrong_password', 'The current password is incorrect.');

function record(storage: Stores, kind: 'account.nameChanged' | 'account.emailChanged' | 'account.passwordChanged', user: UserRecord, details: Record<string, unknown>, now: number) {
  return storage.audit.append({ at: now, kind, workspaceId: null, planId: null, actorId: user.id, details: { userId: user.id, ...details } });
}

/** Changes the caller's own name. */
export async function accountRename(storage: Stores, user: UserRecord, name: string, now = Date.now()): Promise<UserRecord> {
  if (name !== user.name) {
    await storage.profiles.setName(user.id, name);
    await record(storage, 'account.nameChanged', user, { from: user.name, to: name }, now);
  }
  return { ...user, name };
}

/** Changes the caller's own address, proven by the current password; addresses stay unique. */
export async function accountChangeEmail(storage: Stores, user: UserRecord, currentPassword: string, email: string, now = Date.now()): Promise<UserRecord> {
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw wrongPassword();
  if (email.toLowerCase() === user.email.toLowerCase()) return user;
  if (!(await storage.profiles.setEmail(user.id, email))) {
    throw new AppError(409, 'email_taken', 'Another account uses this address already.');
  }
  await record(storage, 'account.emailChanged', user, { from: user.email, to: email }, now);
  return { ...user, email };
}

/**
 * Changes the caller's own password, proven by the current one. Every other session of the
 * account ends (a stolen one too); the one that asked stays signed in.
 */
export async function accountChangePassword(
  deps: { storage: Stores; events?: ServerEvents },
  user: UserRecord,
  sessionId: string,
  currentPassword: string,
  newPassword: string,
  now = Date.now(),
): Promise<void> {
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw wrongPassword();
  assertAcceptablePassword(newPassword);
  await deps.storage.accounts.setPassword(user.id, await hashPassword(newPassword));
  await deps.storage.profiles.endOtherSessions(user.id, sessionId);
  await record(deps.storage, 'account.passwordChanged', user, {}, now);
  deps.events?.emit('sessionsEnded', { userId: user.id });
}
