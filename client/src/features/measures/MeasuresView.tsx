import { can } from '@sakutei/shared';
import {
  addKpi,
  addNode,
  deleteNode,
  indentNode,
  measureMaps,
  moveNodeBy,
  newMeasureId,
  outdentNode,
  setNodeStatus,
  setNodeText,
  setProjectContacts,
  type DerivedRow,
  type DerivedTable,
  type NodeKind,
  type Placement,
  parentForPaste,
} from '@sakutei/shared/measures';
import { useCallback, useEffect, useId, useRef, useState, type ClipboardEvent } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import type { PlanViewProps } from '../plan/planView';
import { usePlan } from '../plan/PlanContext';
import { usePlanSlots } from '../plan/ports';
import { CellCommentBar } from './CellCommentBar';
import { gridCellTarget, rowQuote } from './commentTargets';
import { formatContacts, parseContacts } from '@sakutei/shared/measures';
import { DeleteRowDialog } from './DeleteRowDialog';
import {
  GRID_FIELDS,
  cellValue,
  editKindOf,
  isProjectStatus,
  STATUS_OPTIONS,
  subtreeOf,
  visibleRows,
  type CommitMove,
  type GridEditing,
  type GridField,
  type GridFocus,
} from './gridModel';
import { KeyboardHelp, KeyboardHelpToggle } from './KeyboardHelp';
import type { KpiFocus, KpiPanelMode } from './KpiCard';
import { KpiPanel } from './KpiPanel';
import { MeasureGrid } from './MeasureGrid';
import { landingOf, type MeasureJump } from './measureJump';
import { MeasureToolbar, type ToolbarAction } from './MeasureToolbar';
import { mergeText } from './mergeText';
import { ReprintDialog } from './ReprintDialog';
import { newMeasurePlacement, newProjectPlacement, siblingPosition } from './rowPlacement';
import { useCellComments } from './useCellComments';
import { useOthersCells, usePublishCell, type CellRef } from './useCellPresence';
import { useGridKeyboard, type GridCommands } from './useGridKeyboard';
import { useMeasureTable } from '../plan/useMeasureTable';
import { useMeasureUndo } from './useMeasureUndo';
import './measures.css';

type OpenDialog =
  | { kind: 'delete'; rowId: string }
  | { kind: 'reprint'; rowId: string }
  | { kind: 'import'; text: string; at: Placement };

/**
 * Where the focus really is. A row someone else deleted hands the focus to the row now in
 * its place (or the last row); a row this user just added is not read back yet, so the
 * focus waits for it rather than jumping away.
 */
function resolveFocus(focus: GridFocus | null, derived: DerivedTable, doc: Y.Doc, lastIndex: number): GridFocus | null {
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

/** The 施策・事業・成果指標 tab: the measure tree-grid, its toolbar and the KPI panel. */
export function MeasuresView({ planId, session, role, editable }: PlanViewProps) {
  const { t } = useI18n();
  const { TransferMenu, ImportDialog } = usePlanSlots();
  const { ydoc: doc, provider } = session;
  const view = useMeasureTable(doc);
  const { table, derived } = view;
  const mode: KpiPanelMode = editable ? 'edit' : can(role, 'kpi.recordActuals') ? 'actuals' : 'read';

  const [focusState, setFocus] = useState<GridFocus | null>(null);
  const [editing, setEditing] = useState<GridEditing | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [gridActive, setGridActive] = useState(false);
  const [kpiCell, setKpiCell] = useState<CellRef | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [kpiFocus, setKpiFocus] = useState<KpiFocus | null>(null);
  const [jump, setJump] = useState<MeasureJump | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [helpOpen, setHelpOpen] = useState(false);
  const helpId = useId();

  const lastIndex = useRef(0);
  const focus = resolveFocus(focusState, derived, doc, lastIndex.current);
  const focusedRow = focus ? (derived.rowById.get(focus.rowId) ?? null) : null;
  const visible = visibleRows(derived.rows, derived.rowById, collapsed, focus?.rowId ?? null);

  useEffect(() => {
    if (!sameFocus(focus, focusState)) setFocus(focus);
    if (focusedRow) lastIndex.current = derived.rows.indexOf(focusedRow);
  });

  // An edit whose row someone else deleted has nothing left to write to.
  const editingGone = editing !== null && !derived.rowById.has(editing.rowId) && !measureMaps(doc).nodes.has(editing.rowId);
  useEffect(() => {
    if (editingGone) {
      setEditing(null);
      announce(t('measures.announce.editedRowDeleted'));
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
  const undo = useMeasureUndo<GridFocus | null>(
    doc,
    () => focusRef.current,
    (restored) => {
      if (restored) setFocus(restored);
    },
  );

  const othersCells = useOthersCells(provider.awareness);
  const localCell: CellRef | null = gridActive && focus ? { kind: 'node', id: focus.rowId, field: focus.field } : kpiCell;
  usePublishCell(provider.awareness, localCell);

  function announce(text: string) {
    // The same sentence twice must still be read out: make the second one differ invisibly.
    setAnnouncement((previous) => (previous === text ? `${text}\u200b` : text));
  }

  /** One user action = one undo step, whatever the capture timeout would merge. */
  const run = <T,>(change: () => T): T => {
    undo.stopCapturing();
    const result = change();
    undo.stopCapturing();
    return result;
  };
  const { stopCapturing } = undo;
  const onEdit = useCallback(
    (change: () => void) => {
      stopCapturing();
      change();
      stopCapturing();
    },
    [stopCapturing],
  );
  const clearKpiFocus = useCallback(() => setKpiFocus(null), []);

  // ---------------------------------------------------------------- comments

  const comments = useCellComments();

  const commentOnCell = () => {
    if (!focusedRow || !focus) return;
    if (!comments.canComment) return announce(t('measures.comments.cannot'));
    const target = gridCellTarget(focusedRow.node.id, focus.field);
    comments.start(target, rowQuote(focusedRow, target.field));
  };

  // "Show this row / cell / KPI", from the sidebar's jump button or the 目次.
  const { jumps } = usePlan();
  useEffect(() => jumps.subscribe((request) => setJump(landingOf(request))), [jumps]);
  useEffect(() => {
    if (!jump) return;
    const rowId = jump.kind === 'row' ? jump.rowId : (derived.kpiById.get(jump.kpiId)?.rowId ?? null);
    const known = jump.kind === 'row' ? derived.rowById.has(jump.rowId) : derived.kpiById.has(jump.kpiId);
    if (!known) {
      // Until the document has synced the table may just not be here yet; after, it is gone.
      if (provider.synced) {
        setJump(null);
        announce(t('measures.comments.targetGone'));
      }
      return;
    }
    setJump(null);
    if (rowId !== null) {
      // Opened for good, not just while the focus is below them, so the reader sees where they are.
      const ancestors = ancestorsOf(rowId, derived.rowById);
      setCollapsed((current) => withoutIds(current, ancestors));
      setFocus({ rowId, field: jump.kind === 'row' ? jump.field : 'kpis' });
    }
    if (jump.kind === 'row') requestGridFocus();
    else setKpiFocus({ kpiId: jump.kpiId, field: jump.field, fiscalYear: jump.fiscalYear });
    // Re-run when the table changes: a jump made before the first sync waits for it.
  }, [jump, derived, provider, requestGridFocus]);

  // ---------------------------------------------------------------- cell editing

  const startEdit = (target: GridFocus, seed: string | null) => {
    const row = derived.rowById.get(target.rowId);
    if (!row) return;
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
    const column = GRID_FIELDS.indexOf(editing.field);
    if (move === 'down') {
      const below = visible.rows[rowIndex + 1];
      if (below) setFocus({ rowId: below.node.id, field: editing.field });
    } else if (move === 'right' || move === 'left') {
      const field = GRID_FIELDS[column + (move === 'right' ? 1 : -1)];
      if (field) setFocus({ rowId: row.node.id, field });
    }
    if (refocus) requestGridFocus();
  };

  const cancelEdit = () => {
    setEditing(null);
    requestGridFocus();
  };

  // ---------------------------------------------------------------- row commands

  const addRow = (placement: Placement, kind: NodeKind, extra?: { projectId: string; status: DerivedRow['node']['status'] }) => {
    const id = run(() => addNode(doc, placement, { kind, title: '', ...extra }, newMeasureId));
    if (placement.parent !== null) {
      const parent = placement.parent;
      setCollapsed((current) => withoutId(current, parent));
    }
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
    startEdit: (seed) => focus && startEdit(focus, seed),
    setExpanded: (rowId, expanded) =>
      setCollapsed((current) => (expanded ? withoutId(current, rowId) : new Set([...current, rowId]))),
    insertSibling,
    requestDelete: () => focusedRow && setDialog({ kind: 'delete', rowId: focusedRow.node.id }),
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
    comment: commentOnCell,
  };

  const addKpiToRow = () => {
    if (!focusedRow) return;
    const attachTo = focusedRow.node.id;
    const id = run(() =>
      addKpi(
        doc,
        attachTo,
        { baselineYear: table.settings.baselineYear, targetYear: table.settings.targetYear },
        newMeasureId,
      ),
    );
    setKpiFocus({ kpiId: id, field: 'name', fiscalYear: null });
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
        return focusedRow && setDialog({ kind: 'reprint', rowId: focusedRow.node.id });
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

  const onKeyDown = useGridKeyboard({
    rows: visible.rows,
    hasChildren: visible.hasChildren,
    collapsed,
    focus,
    editable,
    commands,
  });

  // ---------------------------------------------------------------- clipboard

  const inEditor = (event: ClipboardEvent) => (event.target as HTMLElement).closest('[data-cell-editor]') !== null;

  const onPaste = (event: ClipboardEvent) => {
    if (inEditor(event)) return;
    event.preventDefault();
    if (!editable) return announce(t('measures.readOnly.announce'));
    const text = event.clipboardData.getData('text/plain');
    // A single cell copied from Excel still ends in a newline; that is one value, not a table.
    const value = text.replace(/(\r?\n)+$/, '');
    if (/[\t\r\n]/.test(value)) {
      const at: Placement = { parent: parentForPaste(text, view.table.settings.scheme, derived, focusedRow?.node.id ?? null) };
      setDialog({ kind: 'import', text, at });
      return;
    }
    if (!focusedRow || !focus) return;
    const kind = editKindOf(focusedRow, focus.field);
    if (kind === 'status') {
      const status = STATUS_OPTIONS.find((option) => option === value.trim() || t(`measures.status.${option}`) === value.trim());
      if (status) writeCell(focusedRow, 'status', focusedRow.node.status ?? '', status);
      else announce(t('measures.announce.pasteRejected'));
    } else if (kind !== null) {
      writeCell(focusedRow, focus.field, cellValue(focusedRow, focus.field), value);
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

  // ---------------------------------------------------------------- dialogs

  const closeDialog = () => {
    setDialog(null);
    requestGridFocus();
  };

  const dialogView = () => {
    if (!dialog) return null;
    if (dialog.kind === 'import') {
      return (
        <ImportDialog
          planId={planId}
          doc={doc}
          view={view}
          initialFile={null}
          initialText={dialog.text}
          initialParent={dialog.at.parent}
          onClose={closeDialog}
          onApplied={(summary) => {
            announce(summary);
            closeDialog();
          }}
        />
      );
    }
    const row = derived.rowById.get(dialog.rowId);
    if (!row) return null;
    if (dialog.kind === 'delete') {
      return (
        <DeleteRowDialog
          subtree={subtreeOf(derived.rows, row.node.id)}
          onCancel={closeDialog}
          onConfirm={() => {
            run(() => deleteNode(doc, row.node.id));
            announce(t('measures.announce.deleted', { row: row.number || row.title }));
            closeDialog();
          }}
        />
      );
    }
    return (
      <ReprintDialog
        source={row}
        rows={derived.rows}
        onCancel={closeDialog}
        onConfirm={(target) => {
          setDialog(null);
          if (row.node.projectId === null) return;
          addRow({ parent: target }, 'placement', { projectId: row.node.projectId, status: row.node.status });
          announce(t('measures.announce.reprinted', { title: row.title }));
        }}
      />
    );
  };

  // A dialog about a row someone else just deleted has nothing left to act on.
  useEffect(() => {
    if (dialog && dialog.kind !== 'import' && !derived.rowById.has(dialog.rowId)) setDialog(null);
  }, [dialog, derived]);

  const readOnlyNote =
    mode === 'actuals' ? t('measures.readOnly.actualsNote') : mode === 'read' ? t('measures.readOnly.note') : null;

  return (
    <div className="measures" data-testid="measures-view">
      <div className="measures__header">
        <h2 className="measures__title">{t('measures.title')}</h2>
        <div className="measures__header-tools">
          <TransferMenu planId={planId} doc={doc} view={view} editable={editable} />
          <KeyboardHelpToggle controls={helpId} open={helpOpen} onToggle={() => setHelpOpen((open) => !open)} />
        </div>
      </div>
      {readOnlyNote !== null && (
        <p className="measures-note measures-note--readonly" data-testid="measures-readonly-note">
          {readOnlyNote}
        </p>
      )}
      {editable && <MeasureToolbar enabled={enabled} onAction={onToolbar} />}
      {focusedRow && focus && (
        <CellCommentBar row={focusedRow} field={focus.field} comments={comments} onComment={commentOnCell} />
      )}
      <KeyboardHelp id={helpId} open={helpOpen} />
      <p className="measures-announcer" role="status" aria-live="polite" data-testid="measure-announcer">
        {announcement}
      </p>

      <div className="measures__body">
        <MeasureGrid
          rows={visible.rows}
          derived={derived}
          hasChildren={visible.hasChildren}
          collapsed={collapsed}
          focus={focus}
          editing={editing}
          editable={editable}
          presence={othersCells}
          comments={comments}
          focusRequest={focusRequest}
          onFocusCell={setFocus}
          onActiveChange={setGridActive}
          onSetExpanded={commands.setExpanded}
          onStartEdit={(target) => startEdit(target, null)}
          onCommit={commitEdit}
          onCancelEdit={cancelEdit}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onCopy={onCopy}
        />
        {derived.rows.length === 0 && (
          <p className="empty-state measures-empty-state" data-testid="measures-empty">
            {editable ? t('measures.empty.editable') : t('measures.empty.readOnly')}
          </p>
        )}
        <KpiPanel
          row={focusedRow}
          kpis={derived.kpis}
          settings={table.settings}
          mode={mode}
          doc={doc}
          planId={planId}
          presence={othersCells}
          comments={comments}
          kpiFocus={kpiFocus}
          onKpiFocusDone={clearKpiFocus}
          onAddKpi={addKpiToRow}
          onEdit={onEdit}
          onCellChange={setKpiCell}
        />
      </div>
      {dialogView()}
    </div>
  );
}

function withoutId(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  return withoutIds(set, [id]);
}

function withoutIds(set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  if (!ids.some((id) => set.has(id))) return set;
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next;
}

function ancestorsOf(rowId: string, rowById: ReadonlyMap<string, DerivedRow>): string[] {
  const ancestors: string[] = [];
  for (let id = rowById.get(rowId)?.parentId ?? null; id !== null; id = rowById.get(id)?.parentId ?? null) {
    ancestors.push(id);
  }
  return ancestors;
}
