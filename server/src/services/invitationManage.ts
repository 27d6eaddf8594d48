import { newOneTimeToken } from '../auth/oneTimeTokens';
import { AppError, notFound } from '../errors';
import type { Storage } from '../storage';
import type { InvitationRecord } from '../storage/members';
import { INVITATION_LIFETIME_MS } from './invitationCreate';

type Stores = Pick<Storage, 'invitations' | 'audit'>;

const closed = (i: InvitationRecord) =>
  new AppError(409, 'invitation_closed', i.acceptedAt !== null ? 'This invitation was accepted already.' : 'This invitation was revoked.');

async function openInvitation(storage: Stores, workspaceId: string, invitationId: string): Promise<InvitationRecord> {
  const invitation = await storage.invitations.find(invitationId);
  if (!invitation || invitation.workspaceId !== workspaceId) throw notFound('invitation');
  if (invitation.acceptedAt !== null || invitation.revokedAt !== null) throw closed(invitation);
  return invitation;
}

/** Sends an open (or expired) invitation again: a new link with a new expiry; the old link stops working. */
export async function invitationResend(storage: Stores, workspaceId: string, invitationId: string, actorId: string, now = Date.now()) {
  const invitation = await openInvitation(storage, workspaceId, invitationId);
  const { token, hash } = newOneTimeToken();
  if (!(await storage.invitations.renew(invitationId, hash, now + INVITATION_LIFETIME_MS))) throw closed((await storage.invitations.find(invitationId))!);
  await storage.audit.append({
    at: now,
    kind: 'invitation.resent',
    workspaceId,
    planId: null,
    actorId,
    details: { invitationId, email: invitation.email },
  });
  return { invitation: (await storage.invitations.find(invitationId))!, token };
}

/** Revokes an open invitation: its link stops working. */
export async function invitationRevoke(storage: Stores, workspaceId: string, invitationId: string, actorId: string, now = Date.now()) {
  const invitation = await openInvitation(storage, workspaceId, invitationId);
  if (!(await storage.invitations.revoke(invitationId, now))) throw closed((await storage.invitations.find(invitationId))!);
  await storage.audit.append({
    at: now,
    kind: 'invitation.revoked',
    workspaceId,
    planId: null,
    actorId,
    details: { invitationId, email: invitation.email },
  });
}
