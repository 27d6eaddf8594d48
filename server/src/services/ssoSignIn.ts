import { randomBytes } from 'node:crypto';
import { newId } from '../auth/ids';
import { OidcFailure, type OidcIdentity } from '../auth/oidc';
import { hashPassword } from '../auth/password';
import type { ServerEvents } from '../events';
import type { Storage, UserRecord } from '../storage';

type Stores = Pick<Storage, 'accounts' | 'workspaces' | 'invitations' | 'audit' | 'admin'>;

/**
 * Who a verified identity from the provider is in Sakutei. Accounts are matched by the
 * provider's verified e-mail address only (never by an unverified one):
 * - an active account with that address signs in (and joins the invitation it came from);
 * - an unknown address that came from an open invitation to that address gets an account with
 *   the provider's name, and joins;
 * - anything else is refused with a code the sign-in page explains.
 */
export async function ssoSignIn(
  deps: { storage: Stores; events?: ServerEvents; demo: boolean },
  identity: OidcIdentity,
  invitationId: string | null,
  now = Date.now(),
): Promise<{ user: UserRecord; joinedWorkspaceId: string | null }> {
  const { storage } = deps;
  if (!identity.email || !identity.emailVerified) {
    throw new OidcFailure('sso_email_unverified', 'The identity provider did not confirm an e-mail address for this person.');
  }
  const email = identity.email;
  const found = await storage.accounts.findUserByEmail(email);
  const existing = found && (!found.isDemo || deps.demo) ? found : null;
  if (found && !existing) throw new OidcFailure('sso_no_account', 'No account of this installation has this address.');
  if (existing && (await storage.admin.userStatus(existing.id))?.deactivatedAt != null) {
    throw new OidcFailure('sso_deactivated', 'This account has been deactivated.');
  }

  const invitation = invitationId ? await storage.invitations.find(invitationId) : null;
  const open =
    invitation &&
    invitation.acceptedAt === null &&
    invitation.revokedAt === null &&
    invitation.expiresAt > now &&
    (await storage.admin.workspaceArchivedAt(invitation.workspaceId)) == null;
  if (invitationId && !open) {
    // Someone who already has an account still signs in; only joining fails, and they are told.
    if (!existing) throw new OidcFailure('sso_invitation_invalid', 'The invitation was withdrawn, used or has expired.');
    return { user: existing, joinedWorkspaceId: null };
  }
  if (invitation && invitation.email.toLowerCase() !== email.toLowerCase()) {
    throw new OidcFailure('sso_invitation_other_email', `This invitation is for another address than ${email}.`);
  }
  if (!invitation) {
    if (!existing) throw new OidcFailure('sso_no_account', 'No account of this installation has this address. Ask the secretariat for an invitation.');
    return { user: existing, joinedWorkspaceId: null };
  }

  // Joining through the invitation: the same one transaction as a password acceptance.
  const newUser: UserRecord | null = existing
    ? null
    : {
        id: newId(),
        email: invitation.email,
        name: identity.name ?? invitation.email.split('@')[0]!,
        // No usable password: this person signs in with the provider (a reset link can give one).
        passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
        isDemo: false,
      };
  const user = existing ?? newUser!;
  if (!(await storage.invitations.accept(invitation.id, invitation.tokenHash, user.id, now, newUser ?? undefined))) {
    if (!existing) throw new OidcFailure('sso_invitation_invalid', 'The invitation was used or withdrawn a moment ago.');
    return { user: existing, joinedWorkspaceId: null };
  }
  await storage.audit.append({
    at: now,
    kind: 'invitation.accepted',
    workspaceId: invitation.workspaceId,
    planId: null,
    actorId: user.id,
    details: { invitationId: invitation.id, userId: user.id, email: invitation.email, to: invitation.role, newAccount: newUser !== null, via: 'sso' },
  });
  if (newUser) {
    await storage.audit.append({
      at: now,
      kind: 'account.createdWithSso',
      workspaceId: null,
      planId: null,
      actorId: user.id,
      details: { userId: user.id, email: newUser.email, name: newUser.name, subject: identity.subject, invitationId: invitation.id },
    });
  }
  deps.events?.emit('membershipChanged', { workspaceId: invitation.workspaceId, userId: user.id });
  return { user, joinedWorkspaceId: invitation.workspaceId };
}
