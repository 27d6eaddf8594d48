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
  /** Opens 提案する for the focused cell; `seed` is the key typed to open it. Absent: no proposals here. */
  suggest?: (seed: string | null) => void;
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
  /** Staff, and everyone under a review's 提案のみ: typing in a text cell proposes instead of editing. */
  suggestOnType?: boolean;
  commands: GridCommands;
};

const PAGE = 10;

/** Ctrl+Alt+P (⌘⌥P): 提案する on the focused cell. By key position, as the comment shortcut. */
export function isSuggestShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyP';
}

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
export function useGridKeyboard({ rows, hasChildren, collapsed, focus, editable, progressWritable = false, fields = GRID_FIELDS, suggestOnType = false, commands }: Options) {
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

      const textCell = editKind === 'text' || editKind === 'multiline';
      // Proposing in place of editing: a text cell that takes suggestions (名称, 内容) opens 提案する.
      const proposesInstead = !editable && suggestOnType && commands.suggest !== undefined && (focus.field === 'title' || focus.field === 'description');

      if (isComposing(event)) {
        // A Japanese IME is starting: open the editor so the composition lands in it.
        if (editable && textCell) commands.startEdit('');
        else if (proposesInstead) commands.suggest?.('');
        return;
      }

      if (isCommentShortcut(event)) {
        handled();
        commands.comment();
        return;
      }

      if (isSuggestShortcut(event) && commands.suggest) {
        handled();
        commands.suggest(null);
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
          if (proposesInstead) commands.suggest?.(null);
          else if (editKind) {
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
          if (proposesInstead) {
            handled();
            commands.suggest?.('');
          } else if (textCell) editOnly(() => commands.startEdit(''));
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
      if (isPrintable(event) && proposesInstead) {
        handled();
        commands.suggest?.(event.key);
        return;
      }
      if (isPrintable(event) && editKind !== null) {
        if (editKind === 'status') editOnly(() => commands.startEdit(null));
        else editOnly(() => commands.startEdit(event.key));
      }
    },
    [rows, hasChildren, collapsed, focus, editable, progressWritable, fields, suggestOnType, commands],
  );
}
