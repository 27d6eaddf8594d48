import { accountDeactivated } from '../auth/sessions';
import { newId } from '../auth/ids';
import { oneTimeTokenHash } from '../auth/oneTimeTokens';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../auth/password';
import { AppError } from '../errors';
import type { ServerEvents } from '../events';
import type { Storage, UserRecord } from '../storage';
import type { InvitationRecord } from '../storage/members';

type Stores = Pick<Storage, 'accounts' | 'workspaces' | 'invitations' | 'audit' | 'admin'>;

/**
 * The invitation a token opens, or why it does not: unknown (never issued, or replaced by a
 * newer link), revoked, used, expired, or its council archived.
 */
export async function openInvitationByToken(storage: Stores, token: string, now: number): Promise<InvitationRecord> {
  const invitation = await storage.invitations.findByTokenHash(oneTimeTokenHash(token));
  if (!invitation) {
    throw new AppError(404, 'invitation_not_found', 'This invitation link is not valid. A newer link may have been sent; ask the secretariat.');
  }
  if (invitation.revokedAt !== null) throw new AppError(410, 'invitation_revoked', 'This invitation was withdrawn by the secretariat.');
  if (invitation.acceptedAt !== null) throw new AppError(410, 'invitation_used', 'This invitation has been used already. Sign in instead.');
  if (invitation.expiresAt <= now) throw new AppError(410, 'invitation_expired', 'This invitation has expired. Ask the secretariat to send it again.');
  if ((await storage.admin.workspaceArchivedAt(invitation.workspaceId)) != null) {
    throw new AppError(410, 'council_archived', 'This council has been archived.');
  }
  return invitation;
}

export type AcceptInput = { token: string; name?: string | undefined; password?: string | undefined };

/**
 * Accepts an invitation: as the signed-in account with the invited address, as the existing
 * account with that address (its password proves it), or as a new account with a name and a
 * password. Returns the account that joined and whether a session must be started for it.
 */
export async function invitationAccept(
  deps: { storage: Stores; events?: ServerEvents },
  caller: UserRecord | null,
  input: AcceptInput,
  now = Date.now(),
): Promise<{ user: UserRecord; invitation: InvitationRecord; signIn: boolean }> {
  const { storage } = deps;
  const invitation = await openInvitationByToken(storage, input.token, now);
  const tokenHash = oneTimeTokenHash(input.token);
  let user: UserRecord;
  let newUser: UserRecord | null = null;
  if (caller) {
    if (caller.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new AppError(409, 'signed_in_as_other', `This invitation is for ${invitation.email}. Sign out first, then open the link again.`);
    }
    user = caller;
  } else {
    const existing = await storage.accounts.findUserByEmail(invitation.email);
    if (existing) {
      if (!input.password || !(await verifyPassword(existing.passwordHash, input.password))) {
        throw new AppError(403, 'wrong_password', 'The password of the existing account is incorrect.');
      }
      if ((await storage.admin.userStatus(existing.id))?.deactivatedAt != null) throw accountDeactivated();
      user = existing;
    } else {
      const name = input.name?.trim();
      if (!name) throw new AppError(400, 'name_required', 'Enter your name.');
      if (input.password === undefined) throw new AppError(400, 'weak_password', 'Choose a password.');
      assertAcceptablePassword(input.password);
      newUser = { id: newId(), email: invitation.email, name, passwordHash: await hashPassword(input.password), isDemo: false };
      user = newUser;
    }
  }
  const accepted = await storage.invitations.accept(invitation.id, tokenHash, user.id, now, newUser ?? undefined);
  // Lost a race (another tab, a revocation, the last second of its life): say which.
  if (!accepted) await openInvitationByToken(storage, input.token, now).then(() => {
    throw new AppError(409, 'invitation_used', 'This invitation has been used already.');
  });
  await storage.audit.append({
    at: now,
    kind: 'invitation.accepted',
    workspaceId: invitation.workspaceId,
    planId: null,
    actorId: user.id,
    details: { invitationId: invitation.id, userId: user.id, email: invitation.email, to: invitation.role, newAccount: newUser !== null },
  });
  deps.events?.emit('membershipChanged', { workspaceId: invitation.workspaceId, userId: user.id });
  return { user, invitation, signIn: caller === null };
}
