import type { Anchor, Disposition, Role, ThreadStatus } from '@sakutei/shared';

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

export interface ThreadRecord {
  id: string;
  planId: string;
  /** Plan-wide, from 1, in creation order; assigned by the store. */
  number: number;
  anchor: Anchor;
  status: ThreadStatus;
  disposition: Disposition | null;
  response: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  updatedAt: number;
  resolvedBy: { id: string; name: string } | null;
  resolvedAt: number | null;
}

export interface CommentRecord {
  id: string;
  threadId: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: Array<{ id: string; name: string }>;
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
}

export type NewThread = Pick<ThreadRecord, 'id' | 'planId' | 'anchor' | 'authorId' | 'createdAt'>;
export type NewComment = Pick<CommentRecord, 'id' | 'threadId' | 'authorId' | 'body' | 'createdAt'> & { mentionIds: string[] };

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: 'mention' | 'reply';
  threadId: string;
  commentId: string;
  actorId: string;
  createdAt: number;
}

export interface NotificationView extends NotificationRecord {
  actorName: string;
  planId: string;
  planTitle: string;
  threadNumber: number;
  excerpt: string;
  readAt: number | null;
}

export interface CommentStore {
  /** Creates a thread with its first comment, numbering it after the plan's last thread. */
  createThread(thread: NewThread, first: NewComment): Promise<void>;
  findThread(id: string): Promise<ThreadRecord | null>;
  listThreads(planId: string): Promise<ThreadRecord[]>;
  /** Comments of the given threads, oldest first. */
  listComments(threadIds: string[]): Promise<CommentRecord[]>;
  addComment(comment: NewComment): Promise<void>;
  findComment(id: string): Promise<CommentRecord | null>;
  editComment(id: string, body: string, mentionIds: string[], at: number): Promise<void>;
  /** Blanks the text and marks the comment deleted; its place in the thread stays. */
  deleteComment(id: string, at: number): Promise<void>;
  setThreadStatus(id: string, status: ThreadStatus, by: string, at: number): Promise<void>;
  setDisposition(id: string, disposition: Disposition | null, response: string, at: number): Promise<void>;
  addNotifications(notifications: NotificationRecord[]): Promise<void>;
  /** Newest first, only for plans the user can still see. */
  listNotifications(userId: string, limit: number): Promise<NotificationView[]>;
  countUnread(userId: string): Promise<number>;
  markRead(userId: string, ids: string[] | 'all', at: number): Promise<void>;
}

export interface Storage {
  accounts: AccountStore;
  workspaces: WorkspaceStore;
  docs: DocStore;
  comments: CommentStore;
  close(): Promise<void>;
}
