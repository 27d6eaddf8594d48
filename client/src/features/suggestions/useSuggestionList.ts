import { listSuggestions, type SuggestionSummary } from '@sakutei/shared/editor';
import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';

const NONE: readonly SuggestionSummary[] = [];

/**
 * The editor's pending suggestions, read again after changes (at most once a frame: a burst
 * of typing or a remote update is one walk of the document), and the one under the cursor.
 */
export function useSuggestionList(editor: Editor | null): { list: readonly SuggestionSummary[]; cursor: number | null } {
  const [state, setState] = useState<{ list: readonly SuggestionSummary[]; cursor: number | null }>({ list: NONE, cursor: null });
  useEffect(() => {
    if (!editor) {
      setState({ list: NONE, cursor: null });
      return;
    }
    let frame: number | null = null;
    let listChanged = true;
    const read = () => {
      frame = null;
      if (editor.isDestroyed) return;
      const { selection } = editor.state;
      const cursor = editor.isFocused ? selection.from : null;
      // Read now, not inside the updater: React runs that later, when the flag has been reset.
      const list = listChanged ? listSuggestions(editor.state.doc) : null;
      listChanged = false;
      setState((previous) => ({ list: list ?? previous.list, cursor }));
    };
    const schedule = () => {
      frame ??= requestAnimationFrame(read);
    };
    const onUpdate = () => {
      listChanged = true;
      schedule();
    };
    read();
    editor.on('update', onUpdate);
    editor.on('selectionUpdate', schedule);
    editor.on('focus', schedule);
    return () => {
      editor.off('update', onUpdate);
      editor.off('selectionUpdate', schedule);
      editor.off('focus', schedule);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editor]);
  return state;
}

/** The current time, moving on once a minute, for 「3分前」. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
