import {
  can,
  canComment,
  canRespondToOpinion,
  type Anchor,
    type TextAnchor,
  type Thread,
  type ThreadResponse,
} from '@sakutei/shared';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { subscribeToLocation } from '../../app/router';
import { useSession } from '../../app/session';
import { useI18n, type Translate } from '../../i18n';
import { ApiError } from '../../lib/api';
import * as api from '../../lib/commentsApi';
import { usePlan } from '../plan/PlanContext';
import { RevisionCommentsContext, type RevisionCommentsPort, type RevisionScope } from '../plan/ports';
import { refreshCommentHighlights, type HighlightRange, type HighlightSource } from './commentHighlights';
import {
  CommentsContext,
  CommentsEditorBridgeContext,
  type CommentActions,
  type CommentsEditorBridge,
  type CommentsState,
  type DraftThread,
  type FocusRequest,
  type LoadState,
  type Participant,
} from './commentsContext';
import { MeasureCommentsPortProvider } from './MeasureCommentsPortProvider';
import { rangeInEditor, syncBindingOf } from './textAnchors';

function threadIdFromHash(): string | null {
  const match = /^#thread-(.+)$/.exec(location.hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** What to tell screen-reader users about a change someone else made; null for our own. */
function describeChange(before: Thread | undefined, after: Thread, me: string, t: Translate): string | null {
  if (!before) {
    return after.author.id === me ? null : t('comments.live.newThread', { name: after.author.name, number: after.number });
  }
  const last = after.comments.at(-1);
  if (after.comments.length > before.comments.length && last && last.author.id !== me) {
    return t('comments.live.reply', { name: last.author.name, number: after.number });
  }
  if (before.status !== after.status && after.resolvedBy?.id !== me) {
    return t(after.status === 'resolved' ? 'comments.live.resolved' : 'comments.live.reopened', { number: after.number });
  }
  return null;
}

/** Selects and shows a text anchor in the prose editor; false when it cannot be placed. */
function revealInEditor(editor: Editor, threadId: string, anchor: TextAnchor): boolean {
  if (editor.isDestroyed) return false;
  const { view } = editor;
  const binding = syncBindingOf(view.state);
  const range = binding && rangeInEditor(binding, anchor);
  if (!range) return false;
  if (editor.isEditable) {
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)).scrollIntoView());
    view.focus();
  }
  // Read-only editors keep no visible selection, so the highlight itself is brought into view.
  requestAnimationFrame(() => {
    const mark = view.dom.querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`);
    mark?.scrollIntoView({ block: 'center' });
  });
  return true;
}

interface Props {
  children: ReactNode;
}

/**
 * The review threads of one plan, kept live: loaded once, then each thread re-read when the
 * plan's event stream says it changed (and everything re-read after a reconnect, since
 * events may have been missed). Responses can arrive out of order, so every request carries
 * a sequence number and an older answer never overwrites a newer one. All threads are kept;
 * the context hands out those of the scope being read (the draft, or the revision whose
 * reader is open), so one provider serves both.
 */
export function CommentsProvider({ children }: Props) {
  const { plan, user, session, selectView, jumps, events } = usePlan();
  const userId = user.id;
  const { t } = useI18n();
  const { expire } = useSession();
  const [threads, setThreads] = useState<Thread[]>([]);
  const [loadState, setLoadState] = useState<LoadState>('loading');
  const [members, setMembers] = useState<Participant[]>([]);
  const [activeThreadId, setActiveThread] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [draft, setDraft] = useState<DraftThread | null>(null);
  const [proseEditor, setProseEditor] = useState<Editor | null>(null);
  const [announcement, setAnnouncement] = useState<CommentsState['announcement']>(null);
  const [hashRequest, setHashRequest] = useState<{ threadId: string } | null>(() => {
    const threadId = threadIdFromHash();
    return threadId ? { threadId } : null;
  });
  const [pendingJump, setPendingJump] = useState<{ threadId: string; anchor: TextAnchor } | null>(null);
  const [revisionScope, setRevisionScope] = useState<RevisionScope | null>(null);
  const scopeRevisionId = revisionScope?.revisionId ?? null;

  const requestSeq = useRef(0);
  const counter = useRef(0);
  /** Per thread, the sequence number of the request its current copy came from. */
  const acceptedSeq = useRef(new Map<string, number>());
  const threadsRef = useRef<Thread[]>([]);
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

  const nextSeq = () => ++requestSeq.current;
  const bump = () => ++counter.current;

  const accept = useCallback((incoming: readonly Thread[], seq: number, replaceAll = false) => {
    const accepted = acceptedSeq.current;
    const fresh = incoming.filter((thread) => (accepted.get(thread.id) ?? -1) <= seq);
    for (const thread of fresh) accepted.set(thread.id, seq);
    const present = new Set(incoming.map((thread) => thread.id));
    const gone = replaceAll ? [...accepted].filter(([id, at]) => !present.has(id) && at < seq).map(([id]) => id) : [];
    for (const id of gone) accepted.set(id, seq);
    setThreads((previous) => {
      const byId = new Map(previous.map((thread) => [thread.id, thread]));
      for (const id of gone) byId.delete(id);
      for (const thread of fresh) byId.set(thread.id, thread);
      return [...byId.values()].sort((a, b) => a.number - b.number);
    });
  }, []);

  const forget = useCallback((threadId: string, seq: number) => {
    if ((acceptedSeq.current.get(threadId) ?? -1) > seq) return;
    acceptedSeq.current.set(threadId, seq);
    setThreads((previous) => previous.filter((thread) => thread.id !== threadId));
  }, []);

  const onAuthError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) expire();
    },
    [expire],
  );

  const loadAll = useCallback(() => {
    const seq = nextSeq();
    api.listThreads(plan.id).then(
      ({ threads: list }) => {
        accept(list, seq, true);
        setLoadState('loaded');
      },
      (error: unknown) => {
        onAuthError(error);
        // A failed re-read after a reconnect keeps what is on screen.
        setLoadState((state) => (state === 'loaded' ? state : 'failed'));
      },
    );
  }, [plan.id, accept, onAuthError]);

  const refreshThread = useCallback(
    (threadId: string) => {
      const seq = nextSeq();
      api.getThread(threadId).then(
        ({ thread }) => {
          if (thread.planId !== plan.id) return;
          const before = threadsRef.current.find((known) => known.id === threadId);
          accept([thread], seq);
          const text = describeChange(before, thread, userId, t);
          if (text) setAnnouncement({ text, seq: bump() });
        },
        (error: unknown) => {
          onAuthError(error);
          if (error instanceof ApiError && error.status === 404) forget(threadId, seq);
        },
      );
    },
    [plan.id, userId, t, accept, forget, onAuthError],
  );

  useEffect(() => loadAll(), [loadAll]);
  const reload = useCallback(() => {
    setLoadState((state) => (state === 'failed' ? 'loading' : state));
    loadAll();
  }, [loadAll]);

  // Thread changes arrive on the plan's event stream; after a gap, everything is re-read.
  const refreshThreadRef = useRef(refreshThread);
  const loadAllRef = useRef(loadAll);
  useEffect(() => {
    refreshThreadRef.current = refreshThread;
    loadAllRef.current = loadAll;
  });
  useEffect(
    () =>
      events.subscribe({
        onOpen: (afterGap) => {
          if (afterGap) loadAllRef.current();
        },
        onEvent: (event) => {
          if (event.type !== 'thread') return;
          if (event.deleted) forget(event.threadId, nextSeq());
          else refreshThreadRef.current(event.threadId);
        },
      }),
    [events, forget],
  );

  useEffect(() => {
    if (!can(plan.role, 'members.read')) return;
    const controller = new AbortController();
    api.listMembers(plan.workspaceId, controller.signal).then(
      ({ members: list }) => setMembers(list.map((member) => ({ id: member.userId, name: member.name, role: member.role }))),
      (error: unknown) => {
        if (!controller.signal.aborted) onAuthError(error);
      },
    );
    return () => controller.abort();
  }, [plan.workspaceId, plan.role, onAuthError]);

  // Observers may not list members, so the people in the threads fill in.
  const people = useMemo(() => {
    const byId = new Map<string, Participant>(members.map((member) => [member.id, member]));
    for (const thread of threads) {
      for (const person of [thread.author, ...thread.comments.flatMap((comment) => [comment.author, ...comment.mentions])]) {
        if (!byId.has(person.id)) byId.set(person.id, { ...person, role: null });
      }
    }
    return [...byId.values()];
  }, [members, threads]);

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
  }, [hashRequest, loadState, plan.id, accept, openThread, onAuthError]);

  const startThread = useCallback((anchor: Anchor) => setDraft({ anchor, seq: bump() }), []);
  const cancelDraft = useCallback(() => setDraft(null), []);

  const registerProseEditor = useCallback((editor: Editor | null) => {
    setProseEditor(editor);
  }, []);

  // The prose editor reads highlights through this stable object; its contents follow state.
  const highlightState = useRef<{ ranges: HighlightRange[]; open: (threadId: string) => void }>({
    ranges: [],
    open: () => {},
  });
  const [highlightSource] = useState<HighlightSource>(() => ({
    ranges: () => highlightState.current.ranges,
    open: (threadId) => highlightState.current.open(threadId),
  }));
  useEffect(() => {
    const ranges: HighlightRange[] = scopedThreads.flatMap((thread) =>
      thread.anchor.kind === 'text' && (thread.status === 'open' || thread.id === activeThreadId)
        ? [{ threadId: thread.id, anchor: thread.anchor, active: thread.id === activeThreadId }]
        : [],
    );
    if (draft?.anchor.kind === 'text') ranges.push({ threadId: null, anchor: draft.anchor, active: true });
    highlightState.current = { ranges, open: (threadId) => openThread(threadId, { focus: false }) };
    if (proseEditor && !proseEditor.isDestroyed) refreshCommentHighlights(proseEditor.view);
  }, [scopedThreads, activeThreadId, draft, proseEditor, openThread]);

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
  }, [plan.id, scopeRevisionId, accept, openThread, onAuthError]);

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
