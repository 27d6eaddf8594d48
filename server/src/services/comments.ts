import {
  type Anchor,
  type AuditKind,
  type CreateThreadRequest,
  DISPOSITION_LABELS,
  type Disposition,
  type Role,
  type Thread,
  canChangeComment,
  canComment,
  canReadThreads,
  canResolveThread,
  canRespondToOpinion,
  cleanBody,
  decodeRelativePosition,
  mentionedIds,
} from '@sakutei/shared';
import { measureMaps } from '@sakutei/shared/measures';
import { newId } from '../auth/ids';
import type { AppDeps } from '../env';
import { AppError, forbidden, notFound } from '../errors';
import { presentThread } from '../presenters/comments';
import type { CommentRecord, PlanRecord, ThreadRecord, UserRecord } from '../storage';
import { canSeeRevision } from '../policies/revisions';
import { canReadThreadOn } from '../policies/threads';
import { type NewNotification, publishNotifications } from './notifications';
import { frozenSnapshot } from './snapshot';
import { loadVisiblePlan } from './visiblePlan';

/** A plan together with the caller's role in its council. */
type PlanAccess = PlanRecord & { role: Role };

/**
 * Review threads: who may do what is asked of the shared policy, every change is stored and
 * then announced on the server's event bus so everyone viewing the plan sees it at once.
 */
export function commentService(deps: AppDeps) {
  const { comments, workspaces } = deps.storage;

  /**
   * Members, staff and the chair comment anywhere in their plan; an observer only on a
   * revision whose review invited them, while that review is open.
   */
  async function mayCommentOn(plan: PlanAccess, userId: string, revisionId: string | null): Promise<boolean> {
    if (canComment(plan.role)) return true;
    if (revisionId === null || plan.role !== 'observer') return false;
    const revision = await deps.storage.revisions.find(revisionId);
    return !!revision && revision.review.status === 'in_review' && revision.invited.some((p) => p.id === userId);
  }

  async function record(plan: PlanAccess, user: UserRecord, kind: AuditKind, details: Record<string, unknown>) {
    await deps.storage.audit.append({ at: Date.now(), kind, workspaceId: plan.workspaceId, planId: plan.id, actorId: user.id, details });
  }

  async function threadView(thread: ThreadRecord): Promise<Thread> {
    return presentThread(thread, await comments.listComments([thread.id]));
  }

  /**
   * Threads on the live draft are for those who read the draft; a thread on a revision, for
   * those who may see that revision.
   */
  async function mayReadThread(role: Role, userId: string, thread: ThreadRecord): Promise<boolean> {
    return couldRead(role, userId, thread.revisionId);
  }

  /** The thread, if the user may read it; anyone else learns nothing ("not found"). */
  async function loadThread(user: UserRecord, threadId: string): Promise<{ thread: ThreadRecord; plan: PlanAccess }> {
    const thread = await comments.findThread(threadId);
    const plan = thread ? await workspaces.findPlan(thread.planId) : null;
    const role = plan ? await workspaces.roleOf(plan.workspaceId, user.id) : null;
    if (!thread || !plan || !role || !(await mayReadThread(role, user.id, thread))) throw notFound('thread');
    return { thread, plan: { ...plan, role } };
  }

  async function loadComment(user: UserRecord, commentId: string) {
    const comment = await comments.findComment(commentId);
    if (!comment) throw notFound('comment');
    try {
      return { comment, ...(await loadThread(user, comment.threadId)) };
    } catch {
      throw notFound('comment');
    }
  }

  /**
   * Whether someone could read a thread on the draft (revisionId null) or on a revision;
   * a notification must never show them a comment they could not open.
   */
  async function couldRead(role: Role, userId: string, revisionId: string | null): Promise<boolean> {
    const revision = revisionId === null ? null : await deps.storage.revisions.find(revisionId);
    return canReadThreadOn(role, userId, revisionId, revision);
  }

  /** Mentions must name council members who can read the thread; anything else is a malformed request. */
  async function checkedMentions(plan: PlanRecord, body: string, revisionId: string | null): Promise<string[]> {
    const ids = mentionedIds(body);
    if (ids.length === 0) return [];
    const roles = new Map((await workspaces.listMembers(plan.workspaceId)).map((m) => [m.userId, m.role]));
    for (const id of ids) {
      const role = roles.get(id);
      if (!role) throw new AppError(400, 'invalid_mention', 'A mention names someone who is not a member of this council.');
      if (!(await couldRead(role, id, revisionId))) {
        throw new AppError(400, 'invalid_mention', 'A mention names someone who cannot see this thread.');
      }
    }
    return ids;
  }

  /**
   * A text anchor must decode as two Yjs relative positions; a measure anchor must point at
   * a row or KPI that exists now (it may be deleted later: the thread then shows as detached).
   */
  async function checkAnchor(plan: PlanRecord, anchor: Anchor, revisionId: string | null): Promise<void> {
    if (anchor.kind === 'text') {
      if (!decodeRelativePosition(anchor.start) || !decodeRelativePosition(anchor.end)) {
        throw new AppError(400, 'invalid_anchor', 'The text anchor is not a valid position in the document.');
      }
      return;
    }
    const { target } = anchor;
    let exists: boolean;
    if (revisionId !== null) {
      // A thread on a frozen revision points into what was frozen.
      const snapshot = await frozenSnapshot(deps.storage.revisions, revisionId);
      const ids = target.kind === 'node' ? snapshot?.measures.nodes : snapshot?.measures.kpis;
      exists = !!ids?.some((record) => record.id === target.id);
    } else {
      exists = await deps.rooms.use(plan.docName, (room) => {
        const maps = measureMaps(room.doc);
        return target.kind === 'node' ? maps.nodes.has(target.id) : maps.kpis.has(target.id);
      });
    }
    if (!exists) throw new AppError(400, 'invalid_anchor', 'The anchored row or KPI does not exist.');
  }

  async function notify(
    plan: PlanRecord,
    thread: ThreadRecord,
    comment: { id: string; authorId: string; createdAt: number },
    mentions: string[],
    earlier: CommentRecord[],
  ) {
    const records: NewNotification[] = [];
    const add = (userId: string, kind: NewNotification['kind']) => {
      if (userId === comment.authorId || records.some((r) => r.userId === userId)) return;
      records.push({ userId, kind, planId: plan.id, threadId: thread.id, commentId: comment.id, revisionId: null, actorId: comment.authorId, detail: '' });
    };
    for (const userId of mentions) add(userId, 'mention');
    for (const userId of [thread.authorId, ...earlier.map((c) => c.authorId)]) add(userId, 'reply');
    if (records.length === 0) return;
    // Only people who can open the thread hear of it (a participant may since have been demoted).
    const roles = new Map((await workspaces.listMembers(plan.workspaceId)).map((m) => [m.userId, m.role]));
    const revision = thread.revisionId === null ? null : await deps.storage.revisions.find(thread.revisionId);
    const readable = records.filter((r) => {
      const role = roles.get(r.userId);
      return !!role && canReadThreadOn(role, r.userId, thread.revisionId, revision);
    });
    await publishNotifications(deps, readable);
  }

  function announce(thread: { id: string; planId: string }) {
    deps.events.emit('threadChanged', { planId: thread.planId, threadId: thread.id });
  }

  return {
    loadThread,

    /** Whether a thread-changed event may be passed to this viewer (or would tell them too much). */
    async mayHearOf(role: Role, userId: string, threadId: string): Promise<boolean> {
      const thread = await comments.findThread(threadId);
      return !!thread && (await mayReadThread(role, userId, thread));
    },

    async list(user: UserRecord, planId: string): Promise<Thread[]> {
      const plan = await loadVisiblePlan(workspaces, user.id, planId);
      if (!canReadThreads(plan.role)) throw notFound('plan');
      const revisions = new Map((await deps.storage.revisions.list(plan.id)).map((r) => [r.id, r]));
      const threads = (await comments.listThreads(plan.id)).filter((t) =>
        canReadThreadOn(plan.role, user.id, t.revisionId, t.revisionId === null ? null : (revisions.get(t.revisionId) ?? null)),
      );
      const byThread = new Map<string, CommentRecord[]>();
      for (const c of await comments.listComments(threads.map((t) => t.id))) {
        byThread.set(c.threadId, [...(byThread.get(c.threadId) ?? []), c]);
      }
      return threads.map((t) => presentThread(t, byThread.get(t.id) ?? []));
    },

    async get(user: UserRecord, threadId: string): Promise<Thread> {
      return threadView((await loadThread(user, threadId)).thread);
    },

    async create(user: UserRecord, planId: string, request: CreateThreadRequest): Promise<Thread> {
      const plan = await loadVisiblePlan(workspaces, user.id, planId);
      const revisionId = request.revisionId ?? null;
      if (revisionId !== null) {
        const revision = await deps.storage.revisions.find(revisionId);
        if (!revision || revision.planId !== plan.id || !canSeeRevision(plan.role, user.id, revision)) throw notFound('revision');
      }
      if (!(await mayCommentOn(plan, user.id, revisionId))) throw forbidden('Your role does not allow commenting here.');
      const body = cleanBody(request.body);
      if (!body) throw new AppError(400, 'invalid_request', 'body: a comment needs some text');
      await checkAnchor(plan, request.anchor, revisionId);
      const mentions = await checkedMentions(plan, body, revisionId);
      const now = Date.now();
      const threadId = newId();
      const commentId = newId();
      await comments.createThread(
        { id: threadId, planId: plan.id, revisionId, anchor: request.anchor, authorId: user.id, createdAt: now },
        { id: commentId, threadId, authorId: user.id, body, createdAt: now, mentionIds: mentions },
      );
      const thread = (await comments.findThread(threadId))!;
      await notify(plan, thread, { id: commentId, authorId: user.id, createdAt: now }, mentions, []);
      announce(thread);
      return threadView(thread);
    },

    async reply(user: UserRecord, threadId: string, text: string): Promise<Thread> {
      const { thread, plan } = await loadThread(user, threadId);
      if (!(await mayCommentOn(plan, user.id, thread.revisionId))) throw forbidden('Your role does not allow commenting here.');
      const body = cleanBody(text);
      if (!body) throw new AppError(400, 'invalid_request', 'body: a comment needs some text');
      const mentions = await checkedMentions(plan, body, thread.revisionId);
      const earlier = await comments.listComments([thread.id]);
      const comment = { id: newId(), threadId, authorId: user.id, body, createdAt: Date.now(), mentionIds: mentions };
      await comments.addComment(comment);
      await notify(plan, thread, comment, mentions, earlier);
      announce(thread);
      return threadView((await comments.findThread(threadId))!);
    },

    async edit(user: UserRecord, commentId: string, text: string): Promise<Thread> {
      const { comment, thread, plan } = await loadComment(user, commentId);
      const here = await mayCommentOn(plan, user.id, thread.revisionId);
      if (!canChangeComment(plan.role, user.id, { authorId: comment.authorId, deleted: comment.deletedAt !== null }, here)) {
        throw forbidden('Only the author may edit a comment.');
      }
      const body = cleanBody(text);
      if (!body) throw new AppError(400, 'invalid_request', 'body: a comment needs some text');
      const mentions = await checkedMentions(plan, body, thread.revisionId);
      await comments.editComment(commentId, body, mentions, Date.now());
      const added = mentions.filter((id) => !comment.mentions.some((m) => m.id === id));
      await notify(plan, thread, { id: commentId, authorId: user.id, createdAt: Date.now() }, added, []);
      announce(thread);
      return threadView((await comments.findThread(thread.id))!);
    },

    async remove(user: UserRecord, commentId: string): Promise<Thread> {
      const { comment, thread, plan } = await loadComment(user, commentId);
      const here = await mayCommentOn(plan, user.id, thread.revisionId);
      if (!canChangeComment(plan.role, user.id, { authorId: comment.authorId, deleted: comment.deletedAt !== null }, here)) {
        throw forbidden('Only the author may delete a comment.');
      }
      await comments.deleteComment(commentId, Date.now());
      // A deleted comment's text is gone from the thread; the record keeps that it was, and by whom.
      await record(plan, user, 'comment.deleted', { threadId: thread.id, threadNumber: thread.number, commentId, authorId: comment.authorId });
      announce(thread);
      return threadView((await comments.findThread(thread.id))!);
    },

    async setStatus(user: UserRecord, threadId: string, status: 'open' | 'resolved'): Promise<Thread> {
      const { thread, plan } = await loadThread(user, threadId);
      if (!canResolveThread(plan.role, user.id, thread, await mayCommentOn(plan, user.id, thread.revisionId))) {
        throw forbidden('Only staff, the chair or the thread\'s author may resolve or reopen it.');
      }
      if (thread.status !== status) {
        await comments.setThreadStatus(threadId, status, user.id, Date.now());
        await record(plan, user, status === 'resolved' ? 'thread.resolved' : 'thread.reopened', { threadId, threadNumber: thread.number });
      }
      announce(thread);
      return threadView((await comments.findThread(threadId))!);
    },

    async respond(user: UserRecord, threadId: string, disposition: Disposition | null, response: string): Promise<Thread> {
      const { thread, plan } = await loadThread(user, threadId);
      if (!canRespondToOpinion(plan.role)) throw forbidden('Only the secretariat records how an opinion is handled.');
      const text = cleanBody(response);
      await comments.setDisposition(threadId, disposition, text, Date.now());
      // 対応方針 and 対応内容 are what the secretariat answers the council: each change is on the record.
      if (disposition !== thread.disposition || text !== thread.response) {
        await record(plan, user, 'thread.responded', {
          threadId,
          threadNumber: thread.number,
          from: thread.disposition,
          disposition,
          response: text,
        });
      }
      // The opinion's author hears of a 対応方針 recorded or changed (not of one cleared).
      if (disposition !== null && (disposition !== thread.disposition || text !== thread.response) && thread.authorId !== user.id) {
        const role = await workspaces.roleOf(plan.workspaceId, thread.authorId);
        if (role && (await couldRead(role, thread.authorId, thread.revisionId))) {
          await publishNotifications(deps, [
            {
              userId: thread.authorId,
              kind: 'responded',
              planId: plan.id,
              threadId: thread.id,
              commentId: null,
              revisionId: null,
              actorId: user.id,
              detail: `【${DISPOSITION_LABELS[disposition]}】${text ? ` ${text}` : ''}`,
            },
          ]);
        }
      }
      announce(thread);
      return threadView((await comments.findThread(threadId))!);
    },
  };
}

export type CommentService = ReturnType<typeof commentService>;
