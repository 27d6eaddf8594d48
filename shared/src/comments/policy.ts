import { type Role, can } from '../access/roles';

/** Who may do what with review comments; the server asks these on every route. */

export const canReadThreads = (role: Role | null) => can(role, 'plan.read');
export const canComment = (role: Role | null) => can(role, 'comment.write');

/**
 * Staff and the chair resolve and reopen any thread; its author, their own, while they may
 * comment there. `mayCommentHere` is `canComment(role)` on the draft, and also true for an
 * observer invited to the review the thread belongs to.
 */
export function canResolveThread(
  role: Role | null,
  userId: string,
  thread: { authorId: string },
  mayCommentHere: boolean = canComment(role),
): boolean {
  return can(role, 'thread.resolve') || (mayCommentHere && thread.authorId === userId);
}

/** Only the author edits or deletes a comment, and only while they may still comment there. */
export function canChangeComment(
  role: Role | null,
  userId: string,
  comment: { authorId: string; deleted: boolean },
  mayCommentHere: boolean = canComment(role),
): boolean {
  return mayCommentHere && comment.authorId === userId && !comment.deleted;
}

/** 対応方針 and 対応内容 are the secretariat's answer to the council. */
export const canRespondToOpinion = (role: Role | null) => can(role, 'opinion.respond');
