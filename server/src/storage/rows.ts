import { Anchor, type AuditKind, type Disposition, type ThreadStatus, reviewStateSchema } from '@sakutei/shared';
import type { AuditRecord, CommentRecord, NotificationKind, NotificationView, PlanRecord, RevisionRecord, ThreadRecord } from './index';

// Row shapes and row → record mappers shared by the SQLite and PostgreSQL adapters: both select
// the same columns under the same names, so the mapping is written once here. Where the drivers
// hand a column back differently (a JSON list is text from SQLite but parsed JSON from pg), the
// adapter decodes it and passes the result in.

type Person = { id: string; name: string };

export type ThreadRow = {
  id: string;
  plan_id: string;
  revision_id: string | null;
  number: number;
  anchor: string;
  status: ThreadStatus;
  disposition: Disposition | null;
  response: string;
  author_id: string;
  author_name: string;
  created_at: number;
  updated_at: number;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: number | null;
};

export function toThread(row: ThreadRow): ThreadRecord {
  return {
    id: row.id,
    planId: row.plan_id,
    revisionId: row.revision_id,
    number: row.number,
    // Stored only after validation; parsed again so a hand-edited row cannot smuggle a shape in.
    anchor: Anchor.parse(JSON.parse(row.anchor)),
    status: row.status,
    disposition: row.disposition,
    response: row.response,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedBy: row.resolved_by ? { id: row.resolved_by, name: row.resolved_by_name ?? '' } : null,
    resolvedAt: row.resolved_at,
  };
}

/** A comment row without its `mentions` column, whose type depends on the driver. */
export type CommentColumns = {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
};

export function toComment(row: CommentColumns, mentions: Person[]): CommentRecord {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    mentions,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
}

export type NotificationRow = {
  id: string;
  user_id: string;
  kind: NotificationKind;
  plan_id: string | null;
  workspace_id: string | null;
  meeting_id: string | null;
  label: string;
  thread_id: string | null;
  comment_id: string | null;
  revision_id: string | null;
  actor_id: string;
  detail: string;
  created_at: number;
  read_at: number | null;
  mailed_at: number | null;
  actor_name: string;
  plan_title: string | null;
  council_name: string | null;
  thread_number: number | null;
  revision_number: number | null;
  revision_name: string | null;
  body: string | null;
};

/**
 * The columns a notification is shown with; `FROM` names notifications n joined with plans p (a
 * plan's notification), workspaces w (a meeting's council), memberships m (its owner's, in the
 * council of the plan or meeting) and users a (the actor).
 */
export const NOTIFICATION_COLUMNS = `n.id, n.user_id, n.kind, n.plan_id, n.workspace_id, n.meeting_id, n.label, n.thread_id, n.comment_id,
  n.revision_id, n.actor_id, n.detail, n.created_at, n.read_at, n.mailed_at, a.name AS actor_name, p.title AS plan_title,
  w.name AS council_name, t.number AS thread_number, r.number AS revision_number, r.name AS revision_name, c.body`;

/**
 * Joined with memberships: once someone leaves a council, its notifications go quiet, and an
 * observer (who does not read the draft, nor the meetings) never sees one about the draft or a
 * meeting, only about a revision. A plan's notification has no workspace_id, a meeting's no
 * plan_id: the council is whichever of the two it names (a meeting's is deleted with it).
 */
export const NOTIFICATIONS_VISIBLE = `notifications n
  LEFT JOIN plans p ON p.id = n.plan_id
  LEFT JOIN workspaces w ON w.id = n.workspace_id
  JOIN memberships m ON m.workspace_id = COALESCE(p.workspace_id, n.workspace_id) AND m.user_id = n.user_id
  JOIN users a ON a.id = n.actor_id
  LEFT JOIN threads t ON t.id = n.thread_id
  LEFT JOIN comments c ON c.id = n.comment_id
  LEFT JOIN revisions r ON r.id = n.revision_id`;
export const VISIBLE_ROLE = `(COALESCE(t.revision_id, n.revision_id) IS NOT NULL OR m.role <> 'observer')`;

export function toNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    planId: row.plan_id,
    workspaceId: row.workspace_id,
    meetingId: row.meeting_id,
    label: row.label,
    threadId: row.thread_id,
    commentId: row.comment_id,
    revisionId: row.revision_id,
    actorId: row.actor_id,
    detail: row.detail,
    createdAt: row.created_at,
    readAt: row.read_at,
    mailedAt: row.mailed_at,
    actorName: row.actor_name,
    planTitle: row.plan_title ?? '',
    councilName: row.council_name ?? '',
    threadNumber: row.thread_number,
    revisionNumber: row.revision_number,
    revisionName: row.revision_name,
    excerpt: (row.detail || row.body || '').slice(0, 140),
  };
}

/** A revision row without its `invited` column, whose type depends on the driver. */
export type RevisionColumns = {
  id: string;
  plan_id: string;
  number: number;
  name: string;
  stage: string;
  author_id: string;
  author_name: string;
  created_at: number;
  hash: string;
  review: string;
  delegate_id: string | null;
  delegate_name: string | null;
  review_opened_at: number | null;
  decided_at: number | null;
  /** 0/1 from SQLite, a boolean from PostgreSQL. */
  suggestions_only: number | boolean;
  require_suggestions_decided: number | boolean;
  invited_may_suggest: number | boolean;
};

export function toRevision(row: RevisionColumns, invited: Person[]): RevisionRecord {
  return {
    id: row.id,
    planId: row.plan_id,
    number: row.number,
    name: row.name,
    stage: row.stage,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
    hash: row.hash,
    review: reviewStateSchema.parse(JSON.parse(row.review)),
    delegate: row.delegate_id ? { id: row.delegate_id, name: row.delegate_name ?? '' } : null,
    invited,
    reviewOpenedAt: row.review_opened_at,
    decidedAt: row.decided_at,
    suggestionsOnly: !!row.suggestions_only,
    requireSuggestionsDecided: !!row.require_suggestions_decided,
    invitedMaySuggest: !!row.invited_may_suggest,
  };
}

export type AuditRow = {
  seq: number;
  at: number;
  kind: AuditKind;
  workspace_id: string | null;
  plan_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  details: string;
  prev_hash: string;
  hash: string;
};

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    at: row.at,
    kind: row.kind,
    workspaceId: row.workspace_id,
    planId: row.plan_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export type PlanRow = { id: string; workspace_id: string; title: string; doc_name: string };

export const toPlan = (r: PlanRow | undefined): PlanRecord | null =>
  r ? { id: r.id, workspaceId: r.workspace_id, title: r.title, docName: r.doc_name } : null;
