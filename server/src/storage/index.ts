import type { Role } from '@sakutei/shared';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  /** Demo accounts sign in only while the server runs in demo mode. */
  isDemo: boolean;
}

export interface SessionRecord {
  /** SHA-256 of the session token, hex; the token itself is never stored. */
  id: string;
  userId: string;
  expiresAt: number;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
}

export interface PlanRecord {
  id: string;
  workspaceId: string;
  title: string;
  docName: string;
}

export interface MemberRecord {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

/** A plan joined with its workspace and the viewing user's role there. */
export interface VisiblePlan extends PlanRecord {
  workspaceName: string;
  role: Role;
}

export interface AccountStore {
  createUser(user: UserRecord): Promise<void>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  setPassword(userId: string, passwordHash: string): Promise<void>;
  createSession(session: SessionRecord): Promise<void>;
  findSession(id: string): Promise<SessionRecord | null>;
  setSessionExpiry(id: string, expiresAt: number): Promise<void>;
  deleteSession(id: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;
}

export interface WorkspaceStore {
  /** True when no workspace exists yet: a fresh data folder. */
  isEmpty(): Promise<boolean>;
  createWorkspace(workspace: WorkspaceRecord): Promise<void>;
  findWorkspace(id: string): Promise<WorkspaceRecord | null>;
  listWorkspaces(): Promise<WorkspaceRecord[]>;
  setMembership(workspaceId: string, userId: string, role: Role): Promise<void>;
  removeMembership(workspaceId: string, userId: string): Promise<boolean>;
  roleOf(workspaceId: string, userId: string): Promise<Role | null>;
  listMembers(workspaceId: string): Promise<MemberRecord[]>;
  listMembershipsOf(userId: string): Promise<Array<{ workspace: WorkspaceRecord; role: Role }>>;
  createPlan(plan: PlanRecord): Promise<void>;
  findPlan(id: string): Promise<PlanRecord | null>;
  findPlanByDocName(docName: string): Promise<PlanRecord | null>;
  listPlansVisibleTo(userId: string): Promise<VisiblePlan[]>;
}

/** What is stored of one document: updates to apply in order (a snapshot first, when there is one). */
export interface StoredDoc {
  updates: Uint8Array[];
  /** The id of the last stored update; compaction replaces everything up to an id. */
  lastId: number;
}

/** The append log of Yjs updates per document, compacted into snapshots. */
export interface DocStore {
  load(docName: string): Promise<StoredDoc>;
  /** Appends updates atomically and returns the id of the last one. */
  append(docName: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces the snapshot and every update with id ≤ upToId by `snapshot`, atomically. */
  compact(docName: string, snapshot: Uint8Array, upToId: number): Promise<void>;
  /** How many log entries (not snapshots) a document has; compaction uses it. */
  countUpdates(docName: string): Promise<number>;
}

export interface Storage {
  accounts: AccountStore;
  workspaces: WorkspaceStore;
  docs: DocStore;
  close(): Promise<void>;
}
