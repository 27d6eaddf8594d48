import type { DerivedRow } from '@sakutei/shared/measures';
import { useCallback, type KeyboardEvent } from 'react';
import { isComposing } from './CellEditor';
import { GRID_FIELDS, editKindOf, type GridField, type GridFocus } from './gridModel';

export type GridCommands = {
  focusCell: (focus: GridFocus) => void;
  /** Starts editing the focused cell; `seed` replaces its text (typing), null keeps it. */
  startEdit: (seed: string | null) => void;
  setExpanded: (rowId: string, expanded: boolean) => void;
  insertSibling: () => void;
  requestDelete: () => void;
  indent: () => void;
  outdent: () => void;
  moveRow: (delta: -1 | 1) => void;
  undo: () => void;
  redo: () => void;
  /** Tells a reader why nothing happened: they may only read. */
  announceReadOnly: () => void;
  /** Starts a review comment on the focused cell (allowed to many who may not edit). */
  comment: () => void;
};

type Options = {
  rows: readonly DerivedRow[];
  hasChildren: ReadonlySet<string>;
  collapsed: ReadonlySet<string>;
  focus: GridFocus | null;
  editable: boolean;
  /** Staff record 実施状況 without edit access: that cell opens for them too. */
  progressWritable?: boolean;
  /** The columns on screen, left to right. */
  fields?: readonly GridField[];
  commands: GridCommands;
};

const PAGE = 10;

/** Ctrl+Alt+M (⌘⌥M), as in the prose editor. By key position, since Alt changes the character. */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyM';
}

function isPrintable(event: KeyboardEvent): boolean {
  return [...event.key].length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/**
 * The grid's keyboard map while no cell is being edited (the editor handles its own keys).
 * Arrows, Home/End and PageUp/PageDown move the focused cell; on the 番号 column Left and
 * Right also collapse and expand, as in a tree. See KeyboardHelp for the full list.
 */
export function useGridKeyboard({ rows, hasChildren, collapsed, focus, editable, progressWritable = false, fields = GRID_FIELDS, commands }: Options) {
  return useCallback(
    (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('[data-cell-editor]')) return;
      if (!focus) return;
      const index = rows.findIndex((row) => row.node.id === focus.rowId);
      const row = rows[index];
      if (!row) return;
      const column = fields.indexOf(focus.field);
      const mod = event.ctrlKey || event.metaKey;
      const editKind = editKindOf(row, focus.field);
      const cellWritable = editKind === 'progress' ? progressWritable : editable;
      const handled = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      const go = (rowIndex: number, field: GridField = focus.field) => {
        const next = rows[Math.max(0, Math.min(rows.length - 1, rowIndex))];
        if (next) commands.focusCell({ rowId: next.node.id, field });
      };
      const editOnly = (action: () => void) => {
        handled();
        if (editable) action();
        else commands.announceReadOnly();
      };

      if (isComposing(event)) {
        // A Japanese IME is starting: open the editor so the composition lands in it.
        if (editable && (editKind === 'text' || editKind === 'multiline')) commands.startEdit('');
        return;
      }

      if (isCommentShortcut(event)) {
        handled();
        commands.comment();
        return;
      }

      if (event.altKey && event.shiftKey && !mod) {
        const action = {
          ArrowRight: commands.indent,
          ArrowLeft: commands.outdent,
          ArrowUp: () => commands.moveRow(-1),
          ArrowDown: () => commands.moveRow(1),
        }[event.key];
        if (action) editOnly(action);
        return;
      }

      if (mod && !event.altKey) {
        const key = event.key.toLowerCase();
        if (key === 'z') editOnly(event.shiftKey ? commands.redo : commands.undo);
        else if (key === 'y') editOnly(commands.redo);
        else if (event.key === 'Enter') editOnly(commands.insertSibling);
        else if (event.key === 'Home') {
          handled();
          go(0);
        } else if (event.key === 'End') {
          handled();
          go(rows.length - 1);
        }
        return;
      }
      if (event.altKey) return;

      const id = row.node.id;
      const expandable = hasChildren.has(id);
      switch (event.key) {
        case 'ArrowUp':
          handled();
          go(index - 1);
          return;
        case 'ArrowDown':
          handled();
          go(index + 1);
          return;
        case 'PageUp':
          handled();
          go(index - PAGE);
          return;
        case 'PageDown':
          handled();
          go(index + PAGE);
          return;
        case 'ArrowLeft':
          handled();
          if (column > 0) go(index, fields[column - 1]);
          else if (expandable && !collapsed.has(id)) commands.setExpanded(id, false);
          else if (row.parentId !== null) go(rows.findIndex((other) => other.node.id === row.parentId));
          return;
        case 'ArrowRight':
          handled();
          if (column === 0 && expandable && collapsed.has(id)) commands.setExpanded(id, true);
          else if (column < fields.length - 1) go(index, fields[column + 1]);
          return;
        case 'Home':
          handled();
          go(index, fields[0]);
          return;
        case 'End':
          handled();
          go(index, fields[fields.length - 1]);
          return;
        case 'Enter':
        case 'F2':
          handled();
          if (editKind) {
            if (cellWritable) commands.startEdit(null);
            else commands.announceReadOnly();
          } else if (column === 0 && expandable) {
            commands.setExpanded(id, collapsed.has(id));
          }
          return;
        case 'Delete':
          editOnly(commands.requestDelete);
          return;
        case 'Backspace':
          if (editKind === 'text' || editKind === 'multiline') editOnly(() => commands.startEdit(''));
          return;
        case ' ':
          if (column === 0 && expandable) {
            handled();
            commands.setExpanded(id, collapsed.has(id));
            return;
          }
          break;
      }
      if (isPrintable(event) && editKind === 'progress') {
        // Typing on the 実施状況 cell opens its dialog, as a status cell opens its list.
        handled();
        if (cellWritable) commands.startEdit(null);
        else commands.announceReadOnly();
        return;
      }
      if (isPrintable(event) && editKind !== null) {
        if (editKind === 'status') editOnly(() => commands.startEdit(null));
        else editOnly(() => commands.startEdit(event.key));
      }
    },
    [rows, hasChildren, collapsed, focus, editable, progressWritable, fields, commands],
  );
}
