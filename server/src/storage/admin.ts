import type { Role } from '@sakutei/shared';

// What the installation's administrators read and change, kept apart from AccountStore and
// WorkspaceStore so the slices of issue 13 do not all edit the same interfaces.

/** An account as an administrator sees it: no password hash, with every council it is in. */
export interface AccountOverview {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  isDemo: boolean;
  deactivatedAt: number | null;
  memberships: Array<{ workspaceId: string; workspaceName: string; role: Role }>;
}

/** A council as an administrator sees it, with its chair and vice chairs named. */
export interface CouncilOverview {
  id: string;
  name: string;
  archivedAt: number | null;
  createdAt: number;
  memberCount: number;
  planCount: number;
  /** The chair and vice chairs, by role then name. */
  leaders: Array<{ userId: string; name: string; email: string; role: 'chair' | 'vice_chair' }>;
  /** The 事務局 (staff), by name: managed on the council's 委員名簿, listed here. */
  secretariat: Array<{ userId: string; name: string; email: string }>;
}

export interface AdminStore {
  /** Whether the account is an administrator and whether it is deactivated; null when unknown. */
  userStatus(userId: string): Promise<{ isAdmin: boolean; deactivatedAt: number | null } | null>;
  setAdmin(userId: string, isAdmin: boolean): Promise<void>;
  /**
   * Administrators that are not deactivated and can sign in: demo accounts count only with
   * `includeDemo` (demo mode), so a demo data folder run with SAKUTEI_DEMO=0 still gets its
   * setup link, and in demo mode the demo administrator counts as one.
   */
  countActiveAdmins(includeDemo?: boolean): Promise<number>;
  /** Sets or clears deactivated_at; a deactivated account cannot sign in. */
  setDeactivated(userId: string, at: number | null): Promise<void>;
  /** Every account, by name then e-mail. */
  listAccounts(): Promise<AccountOverview[]>;
  /** Every council, archived ones too, in creation order. */
  listCouncils(): Promise<CouncilOverview[]>;
  renameWorkspace(id: string, name: string): Promise<void>;
  setWorkspaceArchived(id: string, at: number | null): Promise<void>;
  /** When the council was archived, null when it is not; undefined when there is no such council. */
  workspaceArchivedAt(id: string): Promise<number | null | undefined>;
}

export type AccountTokenKind = 'setup' | 'reset';

export interface AccountTokenRecord {
  /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
  tokenHash: string;
  kind: AccountTokenKind;
  /** The account a reset link is for; null for a setup link. */
  userId: string | null;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
}

/** One-time links (first-run setup, password reset) in account_tokens. */
export interface AccountTokenStore {
  create(token: AccountTokenRecord): Promise<void>;
  /**
   * Marks the token used if it is of this kind, unused and not expired at `at`, and returns
   * it; null otherwise. Atomic: of two racing uses, one wins.
   */
  consume(tokenHash: string, kind: AccountTokenKind, at: number): Promise<AccountTokenRecord | null>;
  /** Whether the token would be consumed at `at` (for showing a form before using it). */
  isUsable(tokenHash: string, kind: AccountTokenKind, at: number): Promise<boolean>;
  /** Ends every unused token of the kind (for one user, or the null-user ones): a new link replaces old ones. */
  revokeUnused(kind: AccountTokenKind, userId: string | null, at: number): Promise<void>;
}

// Row shapes and mappers both adapters share (they select the same columns under the same names).

export type CouncilRow = { id: string; name: string; archived_at: number | null; created_at: number; member_count: number; plan_count: number };
/** A chair, vice chair or 事務局 of a council (the adapters select all three in one query). */
export type LeaderRow = { workspace_id: string; user_id: string; name: string; email: string; role: 'chair' | 'vice_chair' | 'staff' };
export type TokenRow = { token_hash: string; kind: 'setup' | 'reset'; user_id: string | null; created_by: string | null; created_at: number; expires_at: number };

export const toToken = (r: TokenRow): AccountTokenRecord => ({
  tokenHash: r.token_hash,
  kind: r.kind,
  userId: r.user_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

/** Councils with their leaders attached; shared with the PostgreSQL adapter. */
export function toCouncils(rows: CouncilRow[], leaders: LeaderRow[]): CouncilOverview[] {
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    memberCount: Number(r.member_count),
    planCount: Number(r.plan_count),
    leaders: leaders.flatMap((l) =>
      l.workspace_id === r.id && l.role !== 'staff' ? [{ userId: l.user_id, name: l.name, email: l.email, role: l.role }] : [],
    ),
    secretariat: leaders.flatMap((l) => (l.workspace_id === r.id && l.role === 'staff' ? [{ userId: l.user_id, name: l.name, email: l.email }] : [])),
  }));
}

