import {
  addKpi,
  addNode,
  indentNode,
  moveNodeBy,
  newMeasureId,
  outdentNode,
  type DerivedRow,
  type MeasureTable,
  type DerivedTable,
  type NodeKind,
  type Placement,
} from '@sakutei/shared/measures';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import type { KpiFocus } from './KpiCard';
import type { MeasureDialog } from './useMeasureDialog';
import type { ToolbarAction } from './MeasureToolbar';
import { newMeasurePlacement, newProjectPlacement, siblingPosition } from './rowPlacement';
import type { CellEditing } from './useCellEditing';
import type { GridCommands } from './useGridKeyboard';
import type { GridFocusState } from './useGridFocus';
import type { MeasureUndo } from './useMeasureUndo';

type Options = {
  doc: Y.Doc;
  table: MeasureTable;
  derived: DerivedTable;
  grid: GridFocusState;
  cells: CellEditing;
  undo: MeasureUndo;
  run: <T>(change: () => T) => T;
  announce: (text: string) => void;
  openDialog: (dialog: MeasureDialog) => void;
  focusKpi: (focus: KpiFocus) => void;
  comment: () => void;
};

export type RowCommands = {
  /** What the keyboard asks of the grid. */
  commands: GridCommands;
  /** Which toolbar buttons do something for the focused row. */
  enabled: Record<ToolbarAction, boolean>;
  onToolbar: (action: ToolbarAction) => void;
  addRow: (placement: Placement, kind: NodeKind, extra?: { projectId: string; status: DerivedRow['node']['status'] }) => string;
  addKpiToRow: () => void;
};

/** The commands on rows (add, move, indent, delete, undo), from the keyboard and the toolbar alike. */
export function useGridCommands(options: Options): RowCommands {
  const { t } = useI18n();
  const { doc, table, derived, grid, cells, undo, run, announce, openDialog, focusKpi } = options;
  const { focus, focusedRow, setFocus, setEditing, expand, requestGridFocus } = grid;

  const addRow: RowCommands['addRow'] = (placement, kind, extra) => {
    const id = run(() => addNode(doc, placement, { kind, title: '', ...extra }, newMeasureId));
    if (placement.parent !== null) expand([placement.parent]);
    setFocus({ rowId: id, field: 'title' });
    // A reprint's name is the project's, already written; a new row starts with its title.
    if (!extra) setEditing({ rowId: id, field: 'title', base: '', seed: null });
    requestGridFocus();
    return id;
  };

  const insertSibling = () => {
    if (!focusedRow) return void addRow({ parent: null }, 'measure');
    addRow({ parent: focusedRow.parentId, after: focusedRow.node.id }, focusedRow.node.kind);
  };

  const moveRow = (change: (id: string) => void, announcement: string) => {
    if (!focusedRow) return;
    const id = focusedRow.node.id;
    run(() => change(id));
    announce(announcement);
  };

  const commands: GridCommands = {
    focusCell: (target) => setFocus(target),
    startEdit: (seed) => focus && cells.startEdit(focus, seed),
    setExpanded: grid.setExpanded,
    insertSibling,
    requestDelete: () => focusedRow && openDialog({ kind: 'delete', rowId: focusedRow.node.id }),
    indent: () => moveRow((id) => indentNode(doc, id), t('measures.announce.indented')),
    outdent: () => moveRow((id) => outdentNode(doc, id), t('measures.announce.outdented')),
    moveRow: (delta) =>
      moveRow((id) => moveNodeBy(doc, id, delta), t(delta < 0 ? 'measures.announce.movedUp' : 'measures.announce.movedDown')),
    undo: () => {
      undo.undo();
      announce(t('measures.announce.undone'));
    },
    redo: () => {
      undo.redo();
      announce(t('measures.announce.redone'));
    },
    announceReadOnly: () => announce(t('measures.readOnly.announce')),
    comment: options.comment,
  };

  const addKpiToRow = () => {
    if (!focusedRow) return;
    const attachTo = focusedRow.node.id;
    const years = { baselineYear: table.settings.baselineYear, targetYear: table.settings.targetYear };
    const id = run(() => addKpi(doc, attachTo, years, newMeasureId));
    focusKpi({ kpiId: id, field: 'name', fiscalYear: null });
  };

  const position = siblingPosition(focusedRow, derived.rows);
  const enabled: Record<ToolbarAction, boolean> = {
    addMeasure: true,
    addProject: true,
    addReprint: focusedRow?.node.kind === 'placement' && focusedRow.node.projectId !== null,
    delete: focusedRow !== null,
    moveUp: position.index > 0,
    moveDown: position.index >= 0 && position.index < position.count - 1,
    indent: position.index > 0,
    outdent: focusedRow?.parentId != null,
    undo: undo.canUndo,
    redo: undo.canRedo,
    addKpi: focusedRow !== null,
  };

  const onToolbar = (action: ToolbarAction) => {
    // Row commands hand the focus back to the grid, where the row now is.
    const backToGrid = (command: () => void) => {
      command();
      requestGridFocus();
    };
    switch (action) {
      case 'addMeasure':
        return void addRow(newMeasurePlacement(focusedRow, derived), 'measure');
      case 'addProject':
        return void addRow(newProjectPlacement(focusedRow), 'placement');
      case 'addReprint':
        return focusedRow && openDialog({ kind: 'reprint', rowId: focusedRow.node.id });
      case 'delete':
        return commands.requestDelete();
      case 'moveUp':
        return backToGrid(() => commands.moveRow(-1));
      case 'moveDown':
        return backToGrid(() => commands.moveRow(1));
      case 'indent':
        return backToGrid(commands.indent);
      case 'outdent':
        return backToGrid(commands.outdent);
      case 'undo':
        return backToGrid(commands.undo);
      case 'redo':
        return backToGrid(commands.redo);
      case 'addKpi':
        return addKpiToRow();
    }
  };

  return { commands, enabled, onToolbar, addRow, addKpiToRow };
}
