import type { Invitation, InvitationStatus } from '@sakutei/shared';
import type { InvitationRecord } from '../storage/members';

const iso = (ms: number) => new Date(ms).toISOString();

/** Where an invitation stands at `now`. */
export function invitationStatus(i: InvitationRecord, now: number): InvitationStatus {
  if (i.acceptedAt !== null) return 'accepted';
  if (i.revokedAt !== null) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

export const presentInvitation = (i: InvitationRecord, now = Date.now()): Invitation => ({
  id: i.id,
  email: i.email,
  role: i.role,
  affiliation: i.affiliation,
  category: i.category,
  termFrom: i.termFrom,
  termTo: i.termTo,
  invitedBy: i.invitedByName === null ? null : { id: i.invitedBy, name: i.invitedByName },
  createdAt: iso(i.createdAt),
  expiresAt: iso(i.expiresAt),
  acceptedAt: i.acceptedAt === null ? null : iso(i.acceptedAt),
  revokedAt: i.revokedAt === null ? null : iso(i.revokedAt),
  status: invitationStatus(i, now),
});
