import type { MeasureTarget, Thread } from '@sakutei/shared';
import { useMemo } from 'react';
import { measureTargetKey } from '../comments/threadList';
import { useMeasureCommentFocus, useMeasureComments } from '../comments/useMeasureComments';

/** The review comments of the measure table, as its cells and KPI fields use them. */
export interface CellComments {
  canComment: boolean;
  /** Open and resolved, on exactly this target. */
  threadsFor(target: MeasureTarget): readonly Thread[];
  /** Whether the sidebar is about this target (its active thread, or a thread being written). */
  isActive(target: MeasureTarget): boolean;
  /**
   * Shows one of these threads in the sidebar: the first open one, or, when one of them is
   * already showing, the next, so that pressing a badge again steps through them.
   */
  show(threads: readonly Thread[]): void;
  start(target: MeasureTarget, quote: string): void;
}

export const isOpen = (thread: Thread) => thread.status === 'open';

/** Read once for the whole table; cells look their threads up in it. */
export function useCellComments(): CellComments {
  const { threadsFor, startMeasureThread, canComment } = useMeasureComments();
  const { activeTarget, activeThreadId, showThread } = useMeasureCommentFocus();

  return useMemo(() => {
    const activeKey = activeTarget ? measureTargetKey(activeTarget) : null;
    return {
      canComment,
      threadsFor,
      isActive: (target) => activeKey !== null && measureTargetKey(target) === activeKey,
      show: (threads) => {
        const open = threads.filter(isOpen);
        const pool = open.length > 0 ? open : threads;
        const at = pool.findIndex((thread) => thread.id === activeThreadId);
        const next = pool[(at + 1) % pool.length];
        if (next) showThread(next.id);
      },
      start: startMeasureThread,
    };
  }, [activeTarget, activeThreadId, showThread, threadsFor, startMeasureThread, canComment]);
}

/** `has-comments` where threads are open, `is-comment-target` where the sidebar is looking. */
export function commentClasses(comments: CellComments, target: MeasureTarget | null): string {
  if (target === null) return '';
  const open = comments.threadsFor(target).some(isOpen);
  return [open ? 'has-comments' : '', comments.isActive(target) ? 'is-comment-target' : ''].filter(Boolean).join(' ');
}
