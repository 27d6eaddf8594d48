import { type Comment, type Notification, type Thread, plainBody } from '@sakutei/shared';
import type { CommentRecord, NotificationView, ThreadRecord } from '../storage';
import { iso, isoOrNull } from './time';


export function presentComment(c: CommentRecord): Comment {
  return {
    id: c.id,
    threadId: c.threadId,
    author: { id: c.authorId, name: c.authorName },
    body: c.deletedAt === null ? c.body : '',
    mentions: c.mentions,
    createdAt: iso(c.createdAt),
    editedAt: isoOrNull(c.editedAt),
    deletedAt: isoOrNull(c.deletedAt),
  };
}

/** A thread with its comments (those of this thread, oldest first). */
export function presentThread(t: ThreadRecord, comments: CommentRecord[]): Thread {
  return {
    id: t.id,
    planId: t.planId,
    revisionId: t.revisionId,
    number: t.number,
    anchor: t.anchor,
    status: t.status,
    disposition: t.disposition,
    response: t.response,
    author: { id: t.authorId, name: t.authorName },
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    resolvedBy: t.resolvedBy,
    resolvedAt: isoOrNull(t.resolvedAt),
    comments: comments.map(presentComment),
  };
}

export function presentNotification(n: NotificationView): Notification {
  return {
    id: n.id,
    kind: n.kind,
    planId: n.planId,
    planTitle: n.planTitle,
    meeting: n.meetingId !== null && n.workspaceId !== null ? { id: n.meetingId, workspaceId: n.workspaceId, councilName: n.councilName, label: n.label } : null,
    threadId: n.threadId,
    threadNumber: n.threadNumber,
    commentId: n.commentId,
    revision: n.revisionId !== null && n.revisionNumber !== null ? { id: n.revisionId, number: n.revisionNumber, name: n.revisionName ?? '' } : null,
    actor: { id: n.actorId, name: n.actorName },
    excerpt: plainBody(n.excerpt),
    createdAt: iso(n.createdAt),
    readAt: isoOrNull(n.readAt),
  };
}
