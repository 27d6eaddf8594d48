import { createMeasureUndoManager, fieldSuggestionsMap } from '@sakutei/shared/measures';
import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';

type StackEvent = { stackItem: { meta: Map<unknown, unknown> } };

export type MeasureUndo = {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
  /** Ends the current undo step, so the next edit is undone on its own. */
  stopCapturing: () => void;
};

const FOCUS_META = 'sakutei.focus';

/**
 * This user's undo history of the measure table: it reverts only their own edits, never a
 * collaborator's. Each step remembers where the focus was, and `onRestore` is told when a
 * step is undone or redone so the focus can go back to the row that changed.
 */
export function useMeasureUndo<F>(doc: Y.Doc, currentFocus: () => F, onRestore: (focus: F) => void): MeasureUndo {
  const managerRef = useRef<Y.UndoManager | null>(null);
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  const focusRef = useRef(currentFocus);
  const restoreRef = useRef(onRestore);
  useEffect(() => {
    focusRef.current = currentFocus;
    restoreRef.current = onRestore;
  });

  useEffect(() => {
    const manager = createMeasureUndoManager(doc);
    // One's own cell proposals (提案) are edits of the table's to undo too: they live in a map beside it.
    manager.addToScope(fieldSuggestionsMap(doc));
    managerRef.current = manager;
    const sync = () => setState({ canUndo: manager.canUndo(), canRedo: manager.canRedo() });
    const added = (event: StackEvent) => {
      event.stackItem.meta.set(FOCUS_META, focusRef.current());
      sync();
    };
    const popped = (event: StackEvent) => {
      sync();
      if (event.stackItem.meta.has(FOCUS_META)) restoreRef.current(event.stackItem.meta.get(FOCUS_META) as F);
    };
    manager.on('stack-item-added', added);
    manager.on('stack-item-popped', popped);
    manager.on('stack-cleared', sync);
    sync();
    return () => {
      manager.destroy();
      managerRef.current = null;
    };
  }, [doc]);

  const undo = useCallback(() => void managerRef.current?.undo(), []);
  const redo = useCallback(() => void managerRef.current?.redo(), []);
  const stopCapturing = useCallback(() => managerRef.current?.stopCapturing(), []);
  return { ...state, undo, redo, stopCapturing };
}
