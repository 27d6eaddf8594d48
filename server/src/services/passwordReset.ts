import { RESET_LINK_LIFETIME_HOURS } from '@sakutei/shared';
import { newOneTimeToken, oneTimeTokenHash } from '../auth/oneTimeTokens';
import { assertAcceptablePassword, hashPassword } from '../auth/password';
import { AppError } from '../errors';
import type { ServerEvents } from '../events';
import type { Storage } from '../storage';

export const RESET_LINK_LIFETIME_MS = RESET_LINK_LIFETIME_HOURS * 60 * 60 * 1000;

type Stores = Pick<Storage, 'accounts' | 'accountTokens' | 'audit'>;

/**
 * Issues a one-time password-reset link for an account (by staff of one of its councils, or an
 * administrator). A new link replaces the account's earlier unused ones.
 */
export async function resetLinkIssue(
  storage: Stores,
  userId: string,
  actorId: string,
  workspaceId: string | null,
  now = Date.now(),
): Promise<{ token: string; expiresAt: number }> {
  await storage.accountTokens.revokeUnused('reset', userId, now);
  const { token, hash } = newOneTimeToken();
  const expiresAt = now + RESET_LINK_LIFETIME_MS;
  await storage.accountTokens.create({ tokenHash: hash, kind: 'reset', userId, createdBy: actorId, createdAt: now, expiresAt });
  await storage.audit.append({ at: now, kind: 'account.resetIssued', workspaceId, planId: null, actorId, details: { userId } });
  return { token, expiresAt };
}

export const resetLinkInvalid = () =>
  new AppError(410, 'reset_link_invalid', 'This password-reset link is not valid any more (used, replaced or expired). Ask for a new one.');

/** Whether a reset link can still be used (the page shows its form only then). */
export async function resetLinkCheck(storage: Stores, token: string, now = Date.now()): Promise<void> {
  if (!(await storage.accountTokens.isUsable(oneTimeTokenHash(token), 'reset', now))) throw resetLinkInvalid();
}

/** Uses a reset link: sets the new password and ends every session of the account. */
export async function passwordResetWithLink(
  deps: { storage: Stores; events?: ServerEvents },
  token: string,
  newPassword: string,
  now = Date.now(),
): Promise<void> {
  // The password is checked before the link is used up, so a too-short one can be corrected.
  // A dead link is the answer before a weak password: the person needs a new link first.
  try {
    assertAcceptablePassword(newPassword);
  } catch (err) {
    await resetLinkCheck(deps.storage, token, now);
    throw err;
  }
  const used = await deps.storage.accountTokens.consume(oneTimeTokenHash(token), 'reset', now);
  if (!used?.userId) throw resetLinkInvalid();
  await deps.storage.accounts.setPassword(used.userId, await hashPassword(newPassword));
  await deps.storage.accounts.deleteUserSessions(used.userId);
  await deps.storage.audit.append({
    at: now,
    kind: 'account.passwordReset',
    workspaceId: null,
    planId: null,
    actorId: null,
    details: { userId: used.userId },
  });
  deps.events?.emit('sessionsEnded', { userId: used.userId });
}
