import { measureMaps, type DerivedRow, type DerivedTable } from '@sakutei/shared/measures';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type * as Y from 'yjs';
import { visibleRows, type GridEditing, type GridFocus, type VisibleRows } from './gridModel';
import { withId, withoutIds } from './treeSets';

/**
 * Where the focus really is. A row someone else deleted hands the focus to the row now in
 * its place (or the last row); a row this user just added is not read back yet, so the
 * focus waits for it rather than jumping away.
 */
export function resolveFocus(focus: GridFocus | null, derived: DerivedTable, doc: Y.Doc, lastIndex: number): GridFocus | null {
  const { rows, rowById } = derived;
  if (focus === null) {
    const first = rows[0];
    return first ? { rowId: first.node.id, field: 'title' } : null;
  }
  if (rowById.has(focus.rowId) || measureMaps(doc).nodes.has(focus.rowId)) return focus;
  const neighbour = rows[Math.min(lastIndex, rows.length - 1)];
  return neighbour ? { rowId: neighbour.node.id, field: focus.field } : null;
}

function sameFocus(a: GridFocus | null, b: GridFocus | null): boolean {
  return a?.rowId === b?.rowId && a?.field === b?.field;
}

export type GridFocusState = {
  focus: GridFocus | null;
  focusedRow: DerivedRow | null;
  /** Always the latest focus, for callbacks that outlive a render (undo's restore point). */
  focusRef: RefObject<GridFocus | null>;
  setFocus: (focus: GridFocus) => void;
  visible: VisibleRows;
  collapsed: ReadonlySet<string>;
  setExpanded: (rowId: string, expanded: boolean) => void;
  /** Opens these rows for good (a jump's ancestors, a row a child was added under). */
  expand: (rowIds: readonly string[]) => void;
  editing: GridEditing | null;
  setEditing: (editing: GridEditing | null) => void;
  /** Bumped to pull the keyboard focus back into the grid. */
  focusRequest: number;
  requestGridFocus: () => void;
};

type Options = {
  derived: DerivedTable;
  doc: Y.Doc;
  editable: boolean;
  /** Told when the row being edited was deleted by someone else. */
  onEditedRowGone: () => void;
};

/** The grid's cursor: the focused cell, the open editor, and which rows are collapsed. */
export function useGridFocus({ derived, doc, editable, onEditedRowGone }: Options): GridFocusState {
  const [focusState, setFocus] = useState<GridFocus | null>(null);
  const [editing, setEditing] = useState<GridEditing | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusRequest, setFocusRequest] = useState(0);

  const lastIndex = useRef(0);
  const focus = resolveFocus(focusState, derived, doc, lastIndex.current);
  const focusedRow = focus ? (derived.rowById.get(focus.rowId) ?? null) : null;
  const keep = focus?.rowId ?? null;
  // A 2,000-row table re-renders on every keystroke in a cell; recompute only what changed.
  const visible = useMemo(() => visibleRows(derived.rows, derived.rowById, collapsed, keep), [derived, collapsed, keep]);

  useEffect(() => {
    if (!sameFocus(focus, focusState)) setFocus(focus);
    if (focusedRow) lastIndex.current = derived.rows.indexOf(focusedRow);
  });

  // An edit whose row someone else deleted has nothing left to write to.
  const editingGone = editing !== null && !derived.rowById.has(editing.rowId) && !measureMaps(doc).nodes.has(editing.rowId);
  useEffect(() => {
    if (editingGone) {
      setEditing(null);
      onEditedRowGone();
    }
  });
  // Access can be withdrawn mid-edit; the server would refuse the write anyway.
  useEffect(() => {
    if (!editable) setEditing(null);
  }, [editable]);

  const focusRef = useRef(focus);
  useEffect(() => {
    focusRef.current = focus;
  });

  const requestGridFocus = useCallback(() => setFocusRequest((n) => n + 1), []);
  const setExpanded = useCallback(
    (rowId: string, expanded: boolean) =>
      setCollapsed((current) => (expanded ? withoutIds(current, [rowId]) : withId(current, rowId))),
    [],
  );
  const expand = useCallback((rowIds: readonly string[]) => setCollapsed((current) => withoutIds(current, rowIds)), []);

  return {
    focus,
    focusedRow,
    focusRef,
    setFocus,
    visible,
    collapsed,
    setExpanded,
    expand,
    editing,
    setEditing,
    focusRequest,
    requestGridFocus,
  };
}
