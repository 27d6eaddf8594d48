import { parentForPaste, type DerivedTable, type HierarchyScheme, type Placement } from '@sakutei/shared/measures';
import type { ClipboardEvent } from 'react';
import { useI18n } from '../../i18n';
import { cellValue, editKindOf, STATUS_OPTIONS } from './gridModel';
import type { MeasureDialog } from './useMeasureDialog';
import type { CellEditing } from './useCellEditing';
import type { GridFocusState } from './useGridFocus';

type Options = {
  derived: DerivedTable;
  scheme: HierarchyScheme;
  editable: boolean;
  grid: GridFocusState;
  cells: CellEditing;
  announce: (text: string) => void;
  openDialog: (dialog: MeasureDialog) => void;
};

const inEditor = (event: ClipboardEvent) => (event.target as HTMLElement).closest('[data-cell-editor]') !== null;

/**
 * Copy and paste as in a spreadsheet: one value goes into the focused cell, a block copied
 * from Excel opens the import preview.
 */
export function useGridClipboard({ derived, scheme, editable, grid, cells, announce, openDialog }: Options) {
  const { t } = useI18n();
  const { focus, focusedRow } = grid;

  const onPaste = (event: ClipboardEvent) => {
    if (inEditor(event)) return;
    event.preventDefault();
    if (!editable) return announce(t('measures.readOnly.announce'));
    const text = event.clipboardData.getData('text/plain');
    // A single cell copied from Excel still ends in a newline; that is one value, not a table.
    const value = text.replace(/(\r?\n)+$/, '');
    if (/[\t\r\n]/.test(value)) {
      const at: Placement = { parent: parentForPaste(text, scheme, derived, focusedRow?.node.id ?? null) };
      return openDialog({ kind: 'import', text, at });
    }
    if (!focusedRow || !focus) return;
    const kind = editKindOf(focusedRow, focus.field);
    if (kind === 'status') {
      const status = STATUS_OPTIONS.find((option) => option === value.trim() || t(`measures.status.${option}`) === value.trim());
      if (status) cells.writeCell(focusedRow, 'status', focusedRow.node.status ?? '', status);
      else announce(t('measures.announce.pasteRejected'));
    } else if (kind !== null) {
      cells.writeCell(focusedRow, focus.field, cellValue(focusedRow, focus.field), value);
    } else {
      announce(t('measures.announce.pasteRejected'));
    }
  };

  const onCopy = (event: ClipboardEvent) => {
    if (inEditor(event) || !focusedRow || !focus) return;
    event.preventDefault();
    const text =
      focus.field === 'status' ? (focusedRow.node.status ? t(`measures.status.${focusedRow.node.status}`) : '')
      : focus.field === 'kpis' ? focusedRow.kpiIds.map((id) => derived.kpiById.get(id)?.mark ?? '').join(' ')
      : cellValue(focusedRow, focus.field);
    event.clipboardData.setData('text/plain', text);
  };

  return { onPaste, onCopy };
}
