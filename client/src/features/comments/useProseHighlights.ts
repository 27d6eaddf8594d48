import type { Thread } from '@sakutei/shared';
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import { refreshCommentHighlights, type HighlightRange, type HighlightSource } from './commentHighlights';
import type { DraftThread } from './commentsContext';

/**
 * The highlights of the threads being read, for the prose editor: open threads, the active
 * one even when resolved, and the passage a new thread is being written on. The editor reads
 * them through one stable object, so typing re-renders nothing else.
 */
export function useProseHighlights(
  threads: readonly Thread[],
  activeThreadId: string | null,
  draft: DraftThread | null,
  editor: Editor | null,
  open: (threadId: string) => void,
): HighlightSource {
  const state = useRef<{ ranges: HighlightRange[]; open: (threadId: string) => void }>({ ranges: [], open: () => {} });
  const [source] = useState<HighlightSource>(() => ({
    ranges: () => state.current.ranges,
    open: (threadId) => state.current.open(threadId),
  }));
  useEffect(() => {
    const ranges: HighlightRange[] = threads.flatMap((thread) =>
      thread.anchor.kind === 'text' && (thread.status === 'open' || thread.id === activeThreadId)
        ? [{ threadId: thread.id, anchor: thread.anchor, active: thread.id === activeThreadId }]
        : [],
    );
    if (draft?.anchor.kind === 'text') ranges.push({ threadId: null, anchor: draft.anchor, active: true });
    state.current = { ranges, open };
    if (editor && !editor.isDestroyed) refreshCommentHighlights(editor.view);
  }, [threads, activeThreadId, draft, editor, open]);
  return source;
}
