import type { Thread } from '@sakutei/shared';
import { useMemo, type ReactNode } from 'react';
import { MeasureCommentsContext, type MeasureCommentsPort } from '../plan/ports';
import { measureTargetKey } from './threadList';
import { useMeasureCommentFocus, useMeasureComments } from './useMeasureComments';

const isOpen = (thread: Thread) => thread.status === 'open';

/** Lends the measure table this page's comments through the plan kernel. */
export function MeasureCommentsPortProvider({ children }: { children: ReactNode }) {
  const { threadsFor, startMeasureThread, canComment } = useMeasureComments();
  const { activeTarget, activeThreadId, showThread } = useMeasureCommentFocus();

  const port = useMemo<MeasureCommentsPort>(() => {
    const activeKey = activeTarget ? measureTargetKey(activeTarget) : null;
    return {
      canComment,
      threadsFor,
      isActive: (target) => activeKey !== null && measureTargetKey(target) === activeKey,
      show: (threads) => {
        // Pressing a badge again steps through its threads, open ones first.
        const open = threads.filter(isOpen);
        const pool = open.length > 0 ? open : threads;
        const at = pool.findIndex((thread) => thread.id === activeThreadId);
        const next = pool[(at + 1) % pool.length];
        if (next) showThread(next.id);
      },
      start: startMeasureThread,
    };
  }, [activeTarget, activeThreadId, showThread, threadsFor, startMeasureThread, canComment]);

  return <MeasureCommentsContext value={port}>{children}</MeasureCommentsContext>;
}
