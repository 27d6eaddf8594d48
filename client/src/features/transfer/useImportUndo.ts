import { MEASURE_EDIT, undoImport, type ImportUndoOutcome } from '@sakutei/shared/measures';
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** Text fields keep their own Ctrl+Z (the browser's undo of typing). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/**
 * This tab's last import per document, with whether Ctrl+Z still means it. Module state, because
 * the dialog that applies (from the menu or from a paste into the grid) is gone by the time the
 * user undoes; the transfer menu shows the undo action for whichever dialog wrote it.
 */
type LastImport = { id: string; armed: boolean };
const lastImports = new WeakMap<Y.Doc, LastImport | null>();
const listeners = new Set<() => void>();
function setLast(doc: Y.Doc, last: LastImport | null) {
  lastImports.set(doc, last);
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Called by the dialog right after it applied a measure-table import. */
export function noteImport(doc: Y.Doc, importId: string): void {
  setLast(doc, { id: importId, armed: true });
}

export type ImportUndo = {
  /** The last import of this session that can still be taken back; null when none. */
  importId: string | null;
  /** Takes the last import back through `undoImport`, which refuses when anyone built on it. */
  undo: () => ImportUndoOutcome | null;
};

/**
 * Undo of the browser's last measure-table import. The import is written under its own origin,
 * which the measure undo manager does not track (a Yjs undo would delete others' later edits
 * inside the imported rows); it is taken back here by the same `undoImport` the API calls, with
 * the same refusal. Ctrl+Z is taken for the import only right after it: once this user makes
 * another measure edit, Ctrl+Z is the grid's again and the explicit action remains.
 */
export function useImportUndo(doc: Y.Doc, onOutcome: (outcome: ImportUndoOutcome) => void): ImportUndo {
  const last = useSyncExternalStore(subscribe, () => lastImports.get(doc) ?? null);
  const importId = last?.id ?? null;
  const outcomeRef = useRef(onOutcome);
  useEffect(() => {
    outcomeRef.current = onOutcome;
  });

  const undo = useCallback((): ImportUndoOutcome | null => {
    const current = lastImports.get(doc);
    if (!current) return null;
    const outcome = undoImport(doc, current.id, new Date());
    // Refused or done, the record will not be undone from here again.
    setLast(doc, null);
    outcomeRef.current(outcome);
    return outcome;
  }, [doc]);

  // This user's next own measure edit makes Ctrl+Z the grid's again.
  useEffect(() => {
    const seen = (transaction: Y.Transaction) => {
      const current = lastImports.get(doc);
      if (current?.armed && transaction.local && transaction.origin === MEASURE_EDIT) setLast(doc, { ...current, armed: false });
    };
    doc.on('afterTransaction', seen);
    return () => doc.off('afterTransaction', seen);
  }, [doc]);

  // Capture phase on the window: ahead of the grid's own Ctrl+Z, which would find nothing to undo.
  useEffect(() => {
    if (importId === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (!lastImports.get(doc)?.armed || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
      if (event.key.toLowerCase() !== 'z' || inTextField(event.target)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      undo();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [doc, importId, undo]);

  return { importId, undo };
}
