import type { Anchor, Disposition, ReviewState, Role, ThreadStatus } from '@sakutei/shared';
import type { AccountTokenStore, AdminStore } from './admin';
import type { PlanRecord, PlanStore } from './plans';
import type { InvitationStore, MemberStore, ProfileStore } from './members';
import type { SuggestionStore } from './suggestions';
import type { MeetingStore } from './meetings';
import type { MeetingMaterialStore } from './meetingMaterials';
import type { DecisionRecord, MeetingDecisionStore } from './meetingDecisions';
import type { MinutesStore } from './minutes';

// Where a store's records are defined beside it, they are still named from here.
export type { PlanRecord } from './plans';

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
  /**
   * Appends updates atomically and returns the id of the last one. A document's ids grow in the
   * order its appends become visible, also across processes: compacting up to the lastId a
   * load saw can then never pass over an update that load did not see.
   */
  append(docName: string, updates: Uint8Array[]): Promise<number>;
  /** Replaces the snapshot and every update with id ≤ upToId by `snapshot`, atomically. */
  compact(docName: string, snapshot: Uint8Array, upToId: number): Promise<void>;
  /** How many log entries (not snapshots) a document has; compaction uses it. */
  countUpdates(docName: string): Promise<number>;
}

export interface ThreadRecord {
  id: string;
  planId: string;
  /** The frozen revision the thread was made on, or null for the live draft. */
  revisionId: string | null;
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

export type NewThread = Pick<ThreadRecord, 'id' | 'planId' | 'revisionId' | 'anchor' | 'authorId' | 'createdAt'>;
export type NewComment = Pick<CommentRecord, 'id' | 'threadId' | 'authorId' | 'body' | 'createdAt'> & { mentionIds: string[] };

export type NotificationKind =
  | 'mention'
  | 'reply'
  | 'reviewOpened'
  | 'changesRequested'
  | 'approved'
  | 'responded'
  | 'meeting.agendaSent'
  | 'meeting.minutesSent'
  | 'meeting.minutesCorrection';

export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  /** The plan it is about; null for a meeting's, which names its council and meeting instead. */
  planId: string | null;
  /** A meeting's notification: the council and the meeting (both null for a plan's). */
  workspaceId: string | null;
  meetingId: string | null;
  /** What it is about, named when it was made (a meeting's 「令和8年度 第3回」); empty for a plan's. */
  label: string;
  /** The thread and comment a comment's notification is about; null for a review's. */
  threadId: string | null;
  commentId: string | null;
  /** The revision a review's notification is about. */
  revisionId: string | null;
  actorId: string;
  /** Text of its own: the reason a revision was sent back, the 対応方針 recorded. */
  detail: string;
  createdAt: number;
  /** When it went out by e-mail, or was settled not to (null: waiting for the daily digest). */
  mailedAt: number | null;
}

export interface NotificationView extends NotificationRecord {
  actorName: string;
  /** The plan's title; empty for a meeting's notification. */
  planTitle: string;
  /** The council's name for a meeting's notification; empty for a plan's. */
  councilName: string;
  threadNumber: number | null;
  revisionNumber: number | null;
  revisionName: string | null;
  /** The detail, or else the comment's text. */
  excerpt: string;
  readAt: number | null;
}

export type EmailPreference = 'immediate' | 'daily' | 'off';

/** Someone a notification may be mailed to. */
export interface NotificationRecipient {
  id: string;
  email: string;
  name: string;
  emailPreference: EmailPreference;
}

/** The e-mail side of notifications: who wants what, and the daily digest. */
export interface NotificationMailStore {
  /** The active accounts among `userIds`, with their e-mail choice. */
  recipients(userIds: string[]): Promise<NotificationRecipient[]>;
  /** Notifications by id, as their owners see them (those no longer visible are left out). */
  views(ids: string[]): Promise<NotificationView[]>;
  getPreference(userId: string): Promise<EmailPreference>;
  /** Sets the choice; switching to the daily digest starts its day at `at` (the first digest comes at the next digest hour). */
  setPreference(userId: string, preference: EmailPreference, at: number): Promise<void>;
  /** Users who chose the daily digest, have notifications not yet mailed, and had no digest since `boundary`. */
  dueDigests(boundary: number, limit: number): Promise<NotificationRecipient[]>;
  /**
   * Takes a user's digest once per boundary: records it as sent at `at` (only if none was since
   * `boundary`), marks their unmailed notifications mailed and returns them, visible ones only,
   * oldest first; null when another process took it first.
   */
  takeDigest(userId: string, boundary: number, at: number): Promise<NotificationView[] | null>;
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

export interface RevisionRecord {
  id: string;
  planId: string;
  number: number;
  name: string;
  stage: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  hash: string;
  review: ReviewState;
  delegate: { id: string; name: string } | null;
  invited: Array<{ id: string; name: string }>;
  reviewOpenedAt: number | null;
  decidedAt: number | null;
  /** Review options (issue 16): the draft takes only suggestions while it is open; approval waits for them to be decided. */
  suggestionsOnly: boolean;
  requireSuggestionsDecided: boolean;
  /** The observers it invited suggest on the live draft while it is open. */
  invitedMaySuggest: boolean;
}

/** What an open review (status in_review) grants and locks on its plan's live draft. */
export interface OpenReview {
  revisionId: string;
  delegateId: string | null;
  invitedIds: string[];
  suggestionsOnly: boolean;
  invitedMaySuggest: boolean;
}

export type NewRevision = Pick<RevisionRecord, 'id' | 'planId' | 'name' | 'stage' | 'authorId' | 'createdAt' | 'hash' | 'review'> & {
  state: Uint8Array;
  canonical: string;
};

export interface RevisionStore {
  /** Stores a frozen revision, numbering it after the plan's last one. */
  create(revision: NewRevision): Promise<void>;
  find(id: string): Promise<RevisionRecord | null>;
  list(planId: string): Promise<RevisionRecord[]>;
  content(id: string): Promise<{ state: Uint8Array; canonical: string } | null>;
  /**
   * Moves the review on, only if it is still in `expected` (two decisions racing: one wins,
   * the other is told the state changed). Returns whether it was updated.
   */
  updateReview(
    id: string,
    expected: ReviewState['status'],
    review: ReviewState,
    changes: {
      delegateId?: string | null;
      invitedIds?: string[];
      openedAt?: number;
      decidedAt?: number;
      suggestionsOnly?: boolean;
      requireSuggestionsDecided?: boolean;
      invitedMaySuggest?: boolean;
      /** A review decided in a meeting: the meeting's decision and its audit entry, in the same transaction. */
      meetingDecision?: { decision: DecisionRecord; audit: NewAuditEntry };
    },
    /** Appended to the audit log in the same transaction: the step and its record stand or fall together. */
    audit?: NewAuditEntry,
  ): Promise<boolean>;
  /** Revisions whose review invites this user. */
  invitedTo(userId: string, planId: string): Promise<string[]>;
  /**
   * The plan's reviews open now, in revision order, without their content: what each grants
   * (a delegate, invitees who may suggest) and locks. Read on every connection and recheck.
   */
  openReviews(planId: string): Promise<OpenReview[]>;
}

export type { AuditRecord, NewAuditEntry } from './auditRecord';
import type { AuditRecord, NewAuditEntry } from './auditRecord';

export interface AuditStore {
  /** Appends an entry chained to the last one (its hash covers the previous entry's hash). */
  append(entry: NewAuditEntry): Promise<AuditRecord>;
  /**
   * A plan's entries and its council's (role changes), newest first: `limit` of them numbered
   * below `before` (from the newest when absent), so a reader pages back through all of it.
   */
  listForPlan(planId: string, workspaceId: string, limit: number, before?: number): Promise<AuditRecord[]>;
  /** Walks the whole chain; the first entry whose stored hash does not match, or null. */
  verify(): Promise<{ checked: number; firstBroken: number | null }>;
  /**
   * Like verify, from the last entry this store verified before (checked again itself), so a
   * call costs the entries appended since; the first call walks the whole chain.
   */
  verifyRecent(): Promise<{ checked: number; firstBroken: number | null }>;
  /** Up to `limit` entries numbered above `after`, oldest first: the chain read in pages. */
  readAfter(after: number, limit: number): Promise<AuditRecord[]>;
  /** The newest entry's number and hash (the chain's head), or null while the log is empty. */
  head(): Promise<{ seq: number; hash: string } | null>;
}

/** One e-mail waiting in (or sent from) the durable outbox. */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: number;
  /** Failed sends so far. */
  attempts: number;
  nextAttemptAt: number;
  sentAt: number | null;
  lastError: string | null;
}

export type NewOutboxMessage = Pick<OutboxMessage, 'id' | 'to' | 'subject' | 'text' | 'createdAt'>;

/**
 * Mail to send, kept in the database so that nothing is lost on a restart. Senders claim due
 * messages for a while (a lease): two processes never hold one message at once, and the
 * messages of a sender that died come back when its lease runs out.
 */
export interface MailOutboxStore {
  enqueue(message: NewOutboxMessage): Promise<void>;
  /**
   * Claims up to `limit` unsent messages that are due at `now`, are not claimed by anyone else,
   * and have failed fewer than `maxAttempts` times; they stay claimed until `claimUntil`.
   */
  claimDue(now: number, claimUntil: number, limit: number, maxAttempts: number): Promise<OutboxMessage[]>;
  markSent(id: string, at: number): Promise<void>;
  /** Counts a failed attempt, keeps its error, and releases the claim until `nextAttemptAt`. */
  markFailed(id: string, error: string, nextAttemptAt: number): Promise<void>;
  find(id: string): Promise<OutboxMessage | null>;
  /** Unsent messages, oldest first (for the CLI and tests). */
  listUnsent(limit: number): Promise<OutboxMessage[]>;
}

export interface Storage {
  accounts: AccountStore;
  workspaces: WorkspaceStore;
  docs: DocStore;
  comments: CommentStore;
  revisions: RevisionStore;
  audit: AuditStore;
  plans: PlanStore;
  mailOutbox: MailOutboxStore;
  notificationMail: NotificationMailStore;
  admin: AdminStore;
  accountTokens: AccountTokenStore;
  members: MemberStore;
  invitations: InvitationStore;
  profiles: ProfileStore;
  /** Who decides suggestions in a council, and the record of each decision (issue 16). */
  suggestions: SuggestionStore;
  /** Meetings of a council, their agenda and attendance, and its quorum rule (issue 17). */
  meetings: MeetingStore;
  /** A meeting's materials (資料) with their bytes (issue 17 item 3). */
  meetingMaterials: MeetingMaterialStore;
  /** Decisions taken in a meeting, per agenda item (issue 17 item 5). */
  meetingDecisions: MeetingDecisionStore;
  /** A meeting's minutes (議事録): state, what confirmation froze, corrections (issue 17 item 6). */
  minutes: MinutesStore;
  /**
   * Runs `fn` while holding the lock `name` for every process on this storage: work that one
   * process at a time must do (seeding the demo, compacting a document). Callers of the same
   * name queue up; the lock is released when `fn` settles, also when it throws. Not re-entrant:
   * `fn` must not ask for the same name again. SQLite: the process owns the data folder, so the
   * lock is in-process. PostgreSQL: a session advisory lock, so a process that dies releases it.
   */
  runExclusive<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * The signing key every process on this storage shares (32 random bytes, created on first
   * use), or null when the storage has none and the server keeps its key in the data folder
   * (SQLite: one process per folder).
   */
  sharedSecret(): Promise<Uint8Array | null>;
  close(): Promise<void>;
}
