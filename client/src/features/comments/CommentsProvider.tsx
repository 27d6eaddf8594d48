import { canComment, canRespondToOpinion, type Anchor, type TextAnchor, type Thread, type ThreadResponse } from '@sakutei/shared';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { subscribeToLocation } from '../../app/router';
import { useSession } from '../../app/session';
import { ApiError } from '../../lib/api';
import * as api from '../../lib/commentsApi';
import { usePlan } from '../plan/PlanContext';
import { RevisionCommentsContext, type RevisionCommentsPort, type RevisionScope } from '../plan/ports';
import {
  CommentsContext,
  CommentsEditorBridgeContext,
  type CommentActions,
  type CommentsEditorBridge,
  type CommentsState,
  type DraftThread,
  type FocusRequest,
} from './commentsContext';
import { MeasureCommentsPortProvider } from './MeasureCommentsPortProvider';
import { revealInEditor, threadIdFromHash } from './threadChanges';
import { usePeople } from './usePeople';
import { useProseHighlights } from './useProseHighlights';
import { useThreadStore } from './useThreadStore';

interface Props {
  children: ReactNode;
}

/**
 * The review comments of the plan on this page: its threads (kept live by the thread store),
 * which one is being looked at, the one being written, and the jumps from a thread to its
 * place. All threads are kept; the context hands out those of the scope being read (the
 * draft, or the revision whose reader is open), so one provider serves both. It lends the
 * measure table and the revision reader what they need through the plan kernel's ports.
 */
export function CommentsProvider({ children }: Props) {
  const { plan, user, session, selectView, jumps, events } = usePlan();
  const userId = user.id;
  const { expire } = useSession();
  const onAuthError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) expire();
    },
    [expire],
  );
  const { threads, loadState, reload, accept, nextSeq, announcement } = useThreadStore({
    planId: plan.id,
    userId,
    events,
    onAuthError,
  });
  const people = usePeople(plan, threads, onAuthError);
  const [activeThreadId, setActiveThread] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [draft, setDraft] = useState<DraftThread | null>(null);
  const [proseEditor, setProseEditor] = useState<Editor | null>(null);
  const [hashRequest, setHashRequest] = useState<{ threadId: string } | null>(() => {
    const threadId = threadIdFromHash();
    return threadId ? { threadId } : null;
  });
  const [pendingJump, setPendingJump] = useState<{ threadId: string; anchor: TextAnchor } | null>(null);
  const [revisionScope, setRevisionScope] = useState<RevisionScope | null>(null);
  const scopeRevisionId = revisionScope?.revisionId ?? null;

  const counter = useRef(0);
  const bump = () => ++counter.current;
  const threadsRef = useRef(threads);
  const selectViewRef = useRef(selectView);
  const scopeRef = useRef(revisionScope);
  useEffect(() => {
    threadsRef.current = threads;
    selectViewRef.current = selectView;
    scopeRef.current = revisionScope;
  });

  // A thread belongs to the draft or to one revision; the sidebar shows those of what is being read.
  const scopedThreads = useMemo(
    () => threads.filter((thread) => thread.revisionId === scopeRevisionId),
    [threads, scopeRevisionId],
  );
  // A half-written thread points into the document it was started on, which is no longer shown.
  useEffect(() => setDraft(null), [scopeRevisionId]);

  const openThread = useCallback((threadId: string, { focus = true }: { focus?: boolean } = {}) => {
    setActiveThread(threadId);
    setFocusRequest({ threadId, focus, seq: bump() });
  }, []);

  // `#thread-<id>` (from a notification, or a shared link) opens that thread.
  useEffect(
    () =>
      subscribeToLocation(() => {
        const threadId = threadIdFromHash();
        if (threadId) setHashRequest({ threadId });
      }),
    [],
  );
  useEffect(() => {
    if (!hashRequest || loadState !== 'loaded') return;
    const { threadId } = hashRequest;
    setHashRequest(null);
    if (threadsRef.current.some((thread) => thread.id === threadId)) {
      openThread(threadId);
      return;
    }
    // Perhaps created after our list was read.
    const seq = nextSeq();
    api.getThread(threadId).then(
      ({ thread }) => {
        if (thread.planId !== plan.id) return;
        accept([thread], seq);
        openThread(thread.id);
      },
      onAuthError,
    );
  }, [hashRequest, loadState, plan.id, accept, nextSeq, openThread, onAuthError]);

  const startThread = useCallback((anchor: Anchor) => setDraft({ anchor, seq: bump() }), []);
  const cancelDraft = useCallback(() => setDraft(null), []);
  const registerProseEditor = useCallback((editor: Editor | null) => setProseEditor(editor), []);
  const openQuietly = useCallback((threadId: string) => openThread(threadId, { focus: false }), [openThread]);
  const highlightSource = useProseHighlights(scopedThreads, activeThreadId, draft, proseEditor, openQuietly);

  const jumpTo = useCallback((thread: Thread) => {
    setActiveThread(thread.id);
    const { anchor } = thread;
    // A revision's text is in its reader, which is showing; its measure table has no grid to focus.
    const inRevision = scopeRef.current !== null;
    if (anchor.kind === 'text') {
      if (!inRevision) selectViewRef.current('prose');
      setPendingJump({ threadId: thread.id, anchor });
      return;
    }
    if (inRevision) return;
    selectViewRef.current('measures');
    // A whole-row thread's badge is on the 番号 cell. The bus keeps the jump for the table about to mount.
    jumps.toMeasure({ target: anchor.target, landOn: 'number' });
  }, [jumps]);
  useEffect(() => {
    if (!pendingJump || !proseEditor) return;
    setPendingJump(null);
    revealInEditor(proseEditor, pendingJump.threadId, pendingJump.anchor);
  }, [pendingJump, proseEditor]);

  const actions = useMemo<CommentActions>(() => {
    const run = async (call: () => Promise<ThreadResponse>) => {
      const seq = nextSeq();
      try {
        const { thread } = await call();
        accept([thread], seq);
        return thread;
      } catch (error) {
        onAuthError(error);
        throw error;
      }
    };
    return {
      create: async (anchor, body) => {
        const thread = await run(() => api.createThread(plan.id, { anchor, body, revisionId: scopeRevisionId }));
        setDraft(null);
        openThread(thread.id);
        return thread;
      },
      reply: (threadId, body) => run(() => api.replyToThread(threadId, body)),
      edit: (commentId, body) => run(() => api.editComment(commentId, body)),
      remove: (commentId) => run(() => api.deleteComment(commentId)),
      resolve: (threadId) => run(() => api.resolveThread(threadId)),
      reopen: (threadId) => run(() => api.reopenThread(threadId)),
      respond: (threadId, disposition, response) => run(() => api.setDisposition(threadId, { disposition, response })),
    };
  }, [plan.id, scopeRevisionId, accept, nextSeq, openThread, onAuthError]);

  const mayComment = revisionScope ? revisionScope.canComment : canComment(plan.role);
  const value = useMemo<CommentsState>(
    () => ({
      plan,
      userId,
      session,
      revisionScope,
      setRevisionScope,
      threads: scopedThreads,
      loadState,
      reload,
      people,
      canComment: mayComment,
      canRespond: canRespondToOpinion(plan.role),
      actions,
      activeThreadId,
      setActiveThread,
      openThread,
      focusRequest,
      draft,
      startThread,
      cancelDraft,
      jumpTo,
      proseEditor,
      announcement,
    }),
    [plan, userId, session, revisionScope, scopedThreads, loadState, reload, people, mayComment, actions, activeThreadId, openThread, focusRequest, draft, startThread, cancelDraft, jumpTo, proseEditor, announcement],
  );
  const bridge = useMemo<CommentsEditorBridge>(
    () => ({ highlightSource, registerProseEditor, startThread, canComment: mayComment }),
    [highlightSource, registerProseEditor, startThread, mayComment],
  );

  const revisionPort = useMemo<RevisionCommentsPort>(
    () => ({ setScope: setRevisionScope, worthShowing: scopedThreads.length > 0 || mayComment }),
    [scopedThreads.length, mayComment],
  );

  return (
    <CommentsEditorBridgeContext value={bridge}>
      <CommentsContext value={value}>
        <RevisionCommentsContext value={revisionPort}>
          <MeasureCommentsPortProvider>{children}</MeasureCommentsPortProvider>
        </RevisionCommentsContext>
      </CommentsContext>
    </CommentsEditorBridgeContext>
  );
}
