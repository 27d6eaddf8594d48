import type { MemberCategory, Role } from '@sakutei/shared';

// Members' attributes, invitations and profile changes: kept apart from WorkspaceStore and
// AccountStore so the slices of issue 13 do not all edit the same interfaces.

/** What a council records of a member besides the role (所属・区分・任期). */
export interface MemberAttributesRecord {
  affiliation: string;
  category: MemberCategory | null;
  /** YYYY-MM-DD, or null. */
  termFrom: string | null;
  termTo: string | null;
}

export interface MemberDetailRecord extends MemberAttributesRecord {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface MemberStore {
  /** The council's members with their attributes, by name. */
  list(workspaceId: string): Promise<MemberDetailRecord[]>;
  find(workspaceId: string, userId: string): Promise<MemberDetailRecord | null>;
  /** Replaces a member's attributes; false when there is no such membership. */
  setAttributes(workspaceId: string, userId: string, attributes: MemberAttributesRecord): Promise<boolean>;
}

export interface InvitationRecord extends MemberAttributesRecord {
  id: string;
  /** SHA-256 of the link's token, hex: the token itself is shown once and never stored. */
  tokenHash: string;
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: string;
  invitedByName: string | null;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  acceptedBy: string | null;
  revokedAt: number | null;
}

export type NewInvitation = Omit<InvitationRecord, 'invitedByName' | 'acceptedAt' | 'acceptedBy' | 'revokedAt'>;

/** A new account made by accepting an invitation, written in the same transaction. */
export interface NewInvitedUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
}

export interface InvitationStore {
  create(invitation: NewInvitation): Promise<void>;
  find(id: string): Promise<InvitationRecord | null>;
  findByTokenHash(tokenHash: string): Promise<InvitationRecord | null>;
  /** A council's invitations, newest first. */
  list(workspaceId: string, limit: number): Promise<InvitationRecord[]>;
  /** Invitations to the address in the council that are neither accepted nor revoked (expired ones too). */
  listOpen(workspaceId: string, email: string): Promise<InvitationRecord[]>;
  /** Open invitations of the council not yet expired at `at`. */
  countPending(workspaceId: string, at: number): Promise<number>;
  /** Gives an open invitation a new token and expiry (the old link dies); false when it is accepted or revoked. */
  renew(id: string, tokenHash: string, expiresAt: number): Promise<boolean>;
  /** Revokes an open invitation; false when it is already accepted or revoked. */
  revoke(id: string, at: number): Promise<boolean>;
  /**
   * Uses the invitation for `userId` (creating `newUser` first when given) and adds the
   * membership with its role and attributes, all in one transaction, only if the token is still
   * this invitation's, unused, unrevoked and unexpired at `at`. An existing membership keeps its
   * role. Returns false (and changes nothing) when it is not.
   */
  accept(id: string, tokenHash: string, userId: string, at: number, newUser?: NewInvitedUser): Promise<boolean>;
}

/** A person's own name and address. */
export interface ProfileStore {
  setName(userId: string, name: string): Promise<void>;
  /** False when another account has this address already (whatever its case). */
  setEmail(userId: string, email: string): Promise<boolean>;
  /** Ends every session of the user except `keepSessionId` (the one that changed the password). */
  endOtherSessions(userId: string, keepSessionId: string): Promise<void>;
}

export type InvitationRow = {
  id: string;
  token_hash: string;
  workspace_id: string;
  email: string;
  role: Role;
  affiliation: string;
  category: MemberCategory | null;
  term_from: string | null;
  term_to: string | null;
  invited_by: string;
  invited_by_name: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
};

export const toInvitation = (r: InvitationRow): InvitationRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  workspaceId: r.workspace_id,
  email: r.email,
  role: r.role,
  affiliation: r.affiliation,
  category: r.category,
  termFrom: r.term_from,
  termTo: r.term_to,
  invitedBy: r.invited_by,
  invitedByName: r.invited_by_name,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  acceptedBy: r.accepted_by,
  revokedAt: r.revoked_at,
});

export type MemberRow = {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  affiliation: string;
  category: MemberCategory | null;
  term_from: string | null;
  term_to: string | null;
};

export const toMember = (r: MemberRow): MemberDetailRecord => ({
  userId: r.user_id,
  email: r.email,
  name: r.name,
  role: r.role,
  affiliation: r.affiliation,
  category: r.category,
  termFrom: r.term_from,
  termTo: r.term_to,
});

export const INVITATION_COLUMNS = `i.id, i.token_hash, i.workspace_id, i.email, i.role, i.affiliation, i.category, i.term_from, i.term_to,
  i.invited_by, u.name AS invited_by_name, i.created_at, i.expires_at, i.accepted_at, i.accepted_by, i.revoked_at`;
export const MEMBER_COLUMNS = 'm.user_id, u.email, u.name, m.role, m.affiliation, m.category, m.term_from, m.term_to';
