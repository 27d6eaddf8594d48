import { Anchor, type AuditKind, type Disposition, type ThreadStatus, reviewStateSchema } from '@sakutei/shared';
import type { AuditRecord, CommentRecord, NotificationView, PlanRecord, RevisionRecord, ThreadRecord } from './index';

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
  kind: 'mention' | 'reply';
  thread_id: string;
  comment_id: string;
  actor_id: string;
  created_at: number;
  read_at: number | null;
  actor_name: string;
  plan_id: string;
  plan_title: string;
  thread_number: number;
  body: string;
};

export function toNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    threadId: row.thread_id,
    commentId: row.comment_id,
    actorId: row.actor_id,
    createdAt: row.created_at,
    readAt: row.read_at,
    actorName: row.actor_name,
    planId: row.plan_id,
    planTitle: row.plan_title,
    threadNumber: row.thread_number,
    excerpt: row.body.slice(0, 140),
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
