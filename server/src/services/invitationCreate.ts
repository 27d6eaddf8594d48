import { type CreateInvitationRequest, INVITATION_LIFETIME_DAYS, type SecretariatRole } from '@sakutei/shared';
import { newId } from '../auth/ids';
import { newOneTimeToken } from '../auth/oneTimeTokens';
import { AppError } from '../errors';
import type { Storage } from '../storage';
import type { InvitationRecord } from '../storage/members';

/** Open invitations a council may have at once: a bound on what one staff account can fill. */
export const MAX_PENDING_INVITATIONS = 300;
export const INVITATION_LIFETIME_MS = INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

type Input = Required<CreateInvitationRequest> & { role: SecretariatRole };

/**
 * Invites one address to a council. Inviting an address again replaces its open invitation
 * (the earlier link stops working), so there is only ever one link per person per council;
 * someone already on the council is not invited.
 */
export async function invitationCreate(
  storage: Pick<Storage, 'accounts' | 'workspaces' | 'invitations' | 'audit'>,
  workspaceId: string,
  actorId: string,
  input: Input,
  now = Date.now(),
): Promise<{ invitation: InvitationRecord; token: string; replaced: boolean }> {
  const existing = await storage.accounts.findUserByEmail(input.email);
  if (existing && (await storage.workspaces.roleOf(workspaceId, existing.id)) !== null) {
    throw new AppError(409, 'already_member', 'This address belongs to a member of the council already.');
  }
  const open = await storage.invitations.listOpen(workspaceId, input.email);
  if (open.length === 0 && (await storage.invitations.countPending(workspaceId, now)) >= MAX_PENDING_INVITATIONS) {
    throw new AppError(409, 'too_many_invitations', `A council may have at most ${MAX_PENDING_INVITATIONS} open invitations; revoke some first.`);
  }
  for (const earlier of open) await storage.invitations.revoke(earlier.id, now);
  const { token, hash } = newOneTimeToken();
  const id = newId();
  await storage.invitations.create({
    id,
    tokenHash: hash,
    workspaceId,
    email: input.email,
    role: input.role,
    affiliation: input.affiliation,
    category: input.category,
    termFrom: input.termFrom,
    termTo: input.termTo,
    invitedBy: actorId,
    createdAt: now,
    expiresAt: now + INVITATION_LIFETIME_MS,
  });
  await storage.audit.append({
    at: now,
    kind: 'invitation.created',
    workspaceId,
    planId: null,
    actorId,
    details: { invitationId: id, email: input.email, to: input.role, replaced: open.map((i) => i.id) },
  });
  return { invitation: (await storage.invitations.find(id))!, token, replaced: open.length > 0 };
}
