import { z } from 'zod';
import { ROLES, SECRETARIAT_ROLES } from '../access/roles';
import { Email } from './auth';
import { IsoDate, MAX_AFFILIATION_CHARS, MemberCategory } from './member';

/** Where an invitation stands, computed from its dates. */
export const INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;
export const InvitationStatus = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** Days an invitation link stays usable. */
export const INVITATION_LIFETIME_DAYS = 14;

/** A one-time link's token as the client reads it from the fragment: base32, bounded. */
export const OneTimeToken = z.string().regex(/^[a-z2-7]{16,128}$/, { message: 'not a valid link' });

/** Staff invite one address at a time, with the role and what the council records of them. */
export const CreateInvitationRequest = z
  .object({
    email: Email,
    role: z.enum(SECRETARIAT_ROLES),
    affiliation: z.string().trim().max(MAX_AFFILIATION_CHARS).default(''),
    category: MemberCategory.nullable().default(null),
    termFrom: IsoDate.nullable().default(null),
    termTo: IsoDate.nullable().default(null),
  })
  .strict()
  .refine((a) => a.termFrom === null || a.termTo === null || a.termFrom <= a.termTo, {
    message: 'the term ends before it starts',
    path: ['termTo'],
  });
export type CreateInvitationRequest = z.input<typeof CreateInvitationRequest>;

/** An invitation as the secretariat's list shows it (never its token). */
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  affiliation: z.string(),
  category: MemberCategory.nullable(),
  termFrom: z.string().nullable(),
  termTo: z.string().nullable(),
  invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: InvitationStatus,
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationsResponse = z.object({ invitations: z.array(Invitation) });
export type InvitationsResponse = z.infer<typeof InvitationsResponse>;

/**
 * A new or re-sent invitation: its link is in this answer only (the server keeps a hash), for
 * staff to copy. `mailed` says whether it also went out by e-mail; `replaced` that an earlier
 * pending invitation to the same address in this council was revoked by this one.
 */
export const InvitationLinkResponse = z.object({
  invitation: Invitation,
  /** The path with the token in its fragment, e.g. `/invite#token=…`; prefix the site's origin. */
  linkPath: z.string(),
  mailed: z.boolean(),
  replaced: z.boolean(),
});
export type InvitationLinkResponse = z.infer<typeof InvitationLinkResponse>;

export const InvitationTokenRequest = z.object({ token: OneTimeToken }).strict();
export type InvitationTokenRequest = z.infer<typeof InvitationTokenRequest>;

/** What the invitee sees before accepting. */
export const InvitationPreview = z.object({
  workspaceName: z.string(),
  role: z.enum(ROLES),
  email: z.string(),
  invitedByName: z.string().nullable(),
  expiresAt: z.string(),
  /** An account with this address exists: accepting asks for its password instead of a new one. */
  accountExists: z.boolean(),
  /** The caller is signed in as the invited address: accepting needs nothing more. */
  signedInAsInvitee: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationRequest = z
  .object({
    token: OneTimeToken,
    /** For a new account. */
    name: z.string().trim().min(1).max(100).optional(),
    /** The new account's password, or the existing account's. */
    password: z.string().min(1).max(1024).optional(),
  })
  .strict();
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const AcceptInvitationResponse = z.object({ workspaceId: z.string(), workspaceName: z.string() });
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponse>;

