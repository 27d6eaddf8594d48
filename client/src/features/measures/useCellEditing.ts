import {
  formatContacts,
  parseContacts,
  setNodeStatus,
  setNodeText,
  setProjectContacts,
  type DerivedRow,
  type DerivedTable,
} from '@sakutei/shared/measures';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { cellValue, editKindOf, isProjectStatus, type CommitMove, type GridField, type GridFocus } from './gridModel';
import { mergeText } from './mergeText';
import type { GridFocusState } from './useGridFocus';

export type CellEditing = {
  /** Opens the cell's editor; `seed` is the key that started it by typing. */
  startEdit: (target: GridFocus, seed: string | null) => void;
  /** Writes one cell's draft, merged with what others changed meanwhile. */
  writeCell: (row: DerivedRow, field: GridField, base: string, draft: string) => void;
  commitEdit: (draft: string, move: CommitMove, refocus: boolean) => void;
  cancelEdit: () => void;
};

type Options = {
  doc: Y.Doc;
  derived: DerivedTable;
  editable: boolean;
  /** Whether this person may record 実施状況 (staff may, without `editable`). */
  progressWritable: boolean;
  /** Opens the 実施状況 dialog of a placement: that cell is not edited in place. */
  openProgress: (row: DerivedRow) => void;
  /** The columns on screen, for Tab and Shift+Tab out of an editor. */
  fields: readonly GridField[];
  grid: GridFocusState;
  /** Runs a document change as one undo step. */
  run: <T>(change: () => T) => T;
  announce: (text: string) => void;
};

/** Editing a cell in place: open, merge on commit, move on as Enter / Tab say. */
export function useCellEditing({ doc, derived, editable, progressWritable, openProgress, fields, grid, run, announce }: Options): CellEditing {
  const { t } = useI18n();
  const { editing, setEditing, setFocus, visible, requestGridFocus } = grid;

  const startEdit = (target: GridFocus, seed: string | null) => {
    const row = derived.rowById.get(target.rowId);
    if (!row) return;
    if (editKindOf(row, target.field) === 'progress') {
      if (!progressWritable) return announce(t('progress.readOnly'));
      setFocus(target);
      return openProgress(row);
    }
    if (!editable) return announce(t('measures.readOnly.announce'));
    if (editKindOf(row, target.field) === null) return;
    setFocus(target);
    setEditing({ rowId: target.rowId, field: target.field, base: cellValue(row, target.field), seed });
  };

  const writeCell = (row: DerivedRow, field: GridField, base: string, draft: string) => {
    const id = row.node.id;
    if (field === 'title' || field === 'description') {
      const current = cellValue(row, field);
      const merged = mergeText(base, draft, current);
      if (merged !== current) run(() => setNodeText(doc, id, field, merged));
    } else if (field === 'contacts' && row.project) {
      const contacts = parseContacts(draft);
      const projectId = row.project.id;
      if (formatContacts(contacts) !== cellValue(row, 'contacts')) run(() => setProjectContacts(doc, projectId, contacts));
    } else if (field === 'status') {
      const status = isProjectStatus(draft) ? draft : null;
      if (status !== row.node.status) run(() => setNodeStatus(doc, id, status));
    }
  };

  const commitEdit = (draft: string, move: CommitMove, refocus: boolean) => {
    if (!editing) return;
    const row = derived.rowById.get(editing.rowId);
    setEditing(null);
    if (!row) return;
    if (draft !== editing.base) writeCell(row, editing.field, editing.base, draft);
    const rowIndex = visible.rows.indexOf(row);
    const column = fields.indexOf(editing.field);
    if (move === 'down') {
      const below = visible.rows[rowIndex + 1];
      if (below) setFocus({ rowId: below.node.id, field: editing.field });
    } else if (move === 'right' || move === 'left') {
      const field = fields[column + (move === 'right' ? 1 : -1)];
      if (field) setFocus({ rowId: row.node.id, field });
    }
    if (refocus) requestGridFocus();
  };

  const cancelEdit = () => {
    setEditing(null);
    requestGridFocus();
  };

  return { startEdit, writeCell, commitEdit, cancelEdit };
}
