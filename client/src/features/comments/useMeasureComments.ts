import type { MeasureTarget, Thread } from '@sakutei/shared';
import { use, useMemo } from 'react';
import { CommentsContext } from './commentsContext';
import { MAX_QUOTE_CHARS } from './textAnchors';
import { measureTargetKey } from './threadList';

export interface MeasureComments {
  /**
   * The threads on exactly this target, open and resolved, in number order. A thread on a
   * KPI's `actual` for fiscal 2023 belongs to that cell only; a thread with `field: null`
   * belongs to the whole row or KPI, i.e. to the target with `field: null`.
   */
  threadsFor(target: MeasureTarget): Thread[];
  /** Opens the new-comment composer in the sidebar; `quote` says where, e.g. `成果指標⑩ 実績値 R5`. */
  startMeasureThread(target: MeasureTarget, quote: string): void;
  canComment: boolean;
}

const NONE: Thread[] = [];

/**
 * Comments for the measure grid: badges on commented cells, and starting a thread on the
 * focused one. Harmless outside a plan page (no threads, no commenting).
 */
export function useMeasureComments(): MeasureComments {
  const context = use(CommentsContext);
  const threads = context?.threads;
  const startThread = context?.startThread;
  const canComment = context?.canComment ?? false;

  return useMemo(() => {
    const byTarget = new Map<string, Thread[]>();
    for (const thread of threads ?? []) {
      if (thread.anchor.kind !== 'measure') continue;
      const key = measureTargetKey(thread.anchor.target);
      byTarget.set(key, [...(byTarget.get(key) ?? []), thread]);
    }
    return {
      threadsFor: (target) => byTarget.get(measureTargetKey(target)) ?? NONE,
      startMeasureThread: (target, quote) => {
        if (!startThread || !canComment) return;
        const where = quote.trim().slice(0, MAX_QUOTE_CHARS).trim() || target.id;
        startThread({ kind: 'measure', target, quote: where });
      },
      canComment,
    };
  }, [threads, startThread, canComment]);
}

export interface MeasureCommentFocus {
  /**
   * The measure-table target the sidebar is about: the one a new thread is being written
   * on, else the active thread's; null when neither is on the table.
   */
  activeTarget: MeasureTarget | null;
  activeThreadId: string | null;
  /** Shows a thread in the sidebar (switching its filter if needed) and moves focus there. */
  showThread(threadId: string): void;
}

/** What the measure grid needs to mark the cell under discussion and open a cell's threads. */
export function useMeasureCommentFocus(): MeasureCommentFocus {
  const context = use(CommentsContext);
  const threads = context?.threads;
  const draft = context?.draft ?? null;
  const activeThreadId = context?.activeThreadId ?? null;
  const openThread = context?.openThread;

  return useMemo(() => {
    const active = activeThreadId === null ? undefined : threads?.find((thread) => thread.id === activeThreadId);
    const anchor = draft?.anchor.kind === 'measure' ? draft.anchor : active?.anchor;
    return {
      activeTarget: anchor?.kind === 'measure' ? anchor.target : null,
      activeThreadId,
      showThread: (threadId) => openThread?.(threadId),
    };
  }, [threads, draft, activeThreadId, openThread]);
}
