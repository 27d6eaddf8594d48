import { can } from '@sakutei/shared';
import { NO_PROGRESS_FILTER, progressOf, type DerivedRow } from '@sakutei/shared/measures';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { PlanViewProps } from '../plan/planView';
import { usePlanSlots } from '../plan/ports';
import { usePeopleNames } from '../plan/usePeopleNames';
import { usePresence } from '../plan/usePresence';
import { useMeasureTable } from '../plan/useMeasureTable';
import { CellCommentBar } from './CellCommentBar';
import { gridCellTarget, rowQuote } from './commentTargets';
import { KeyboardHelp, KeyboardHelpToggle } from './KeyboardHelp';
import type { KpiFocus, KpiPanelMode } from './KpiCard';
import { KpiDetail } from './KpiDetail';
import { KpiPanel } from './KpiPanel';
import { MeasureCardList } from './MeasureCardList';
import { MeasureDialogs } from './MeasureDialogs';
import { useMeasureDialog } from './useMeasureDialog';
import { MeasureGrid } from './MeasureGrid';
import { MeasureToolbar } from './MeasureToolbar';
import { RowEditDialog } from './RowEditDialog';
import { useAnnouncer } from '../../app/useAnnouncer';
import { useCellComments } from './useCellComments';
import { useCellEditing } from './useCellEditing';
import { isSuggestibleField, useCellSuggesting } from './useCellSuggesting';
import { SuggestCellDialog } from './SuggestCellDialog';
import type { KpiSuggesting } from './FigureSuggestion';
import { useOthersCells, usePublishCell, type CellRef } from './useCellPresence';
import { useGridClipboard } from './useGridClipboard';
import { useGridCommands } from './useGridCommands';
import { useGridFocus } from './useGridFocus';
import { useGridKeyboard } from './useGridKeyboard';
import { useMediaQuery } from '../../app/useMediaQuery';
import { PHONE_LAYOUT, WIDE_LAYOUT } from './layoutQueries';
import { useMeasureJumps } from './useMeasureJumps';
import { cellValue, gridFieldsFor } from './gridModel';
import { useMeasureUndo } from './useMeasureUndo';
import { yearLong } from './kpiFormat';
import { ProgressDialog } from './ProgressDialog';
import { ProgressFilterBar } from './ProgressFilterBar';
import { RollupPanel } from './RollupPanel';
import { useProgressRecording } from './useProgressRecording';
import { useProgressView } from './useProgressView';
import './measures.css';
import './progress.css';

/** The 施策・事業・成果指標 tab: the measure tree-grid (a list of cards on phones), its toolbar and the KPI panel. */
export function MeasuresView({ planId, workspaceId, session, user, role, editable, suggesting = null }: PlanViewProps) {
  const { t, locale } = useI18n();
  const { TransferMenu } = usePlanSlots();
  const { ydoc: doc, provider } = session;
  const view = useMeasureTable(doc);
  const { table, derived } = view;
  const mode: KpiPanelMode = editable ? 'edit' : can(role, 'kpi.recordActuals') ? 'actuals' : 'read';
  // 実施状況 is a figure of the year, recorded as KPI actuals are: by editors and by staff.
  const progressWritable = editable || can(role, 'kpi.recordActuals');
  const progress = useProgressView(table, derived, progressWritable);
  const { shown } = progress;
  // The grid and the cards show only what the filter keeps; everything else reads the whole table.
  const shownDerived = useMemo(
    () => (shown ? { ...derived, rows: derived.rows.filter((row) => shown.has(row.node.id)) } : derived),
    [derived, shown],
  );
  const wideScreen = useMediaQuery(WIDE_LAYOUT);
  // Beside the KPI panel the 実施状況 column would squeeze 内容 to nothing, so on a wide screen
  // it is shown on request, and then the KPIs move to the sheet to give the grid the width.
  const [progressColumn, setProgressColumn] = useState<boolean | null>(null);
  const showProgress = progressColumn ?? !wideScreen;
  const wide = wideScreen && !showProgress;
  const fields = useMemo(() => gridFieldsFor(showProgress), [showProgress]);
  const phone = useMediaQuery(PHONE_LAYOUT);

  const { announcement, announce } = useAnnouncer();
  const [gridActive, setGridActive] = useState(false);
  const [kpiCell, setKpiCell] = useState<CellRef | null>(null);
  const [kpiFocus, setKpiFocus] = useState<KpiFocus | null>(null);
  // The KPI sheet of narrow screens; the side panel of wide ones is always there.
  const [sheetOpen, setSheetOpen] = useState(false);
  const [rowEditing, setRowEditing] = useState<DerivedRow | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const helpId = useId();

  const grid = useGridFocus({
    derived: shownDerived,
    doc,
    editable,
    onEditedRowGone: () => announce(t('measures.announce.editedRowDeleted')),
  });
  const { focus, focusedRow, focusRef, setFocus } = grid;

  // The grid keeps one tab stop on a row it shows. A filter (or a recorded status) that hides
  // the focused row hands the focus to the next row it keeps; a jump to a hidden row, or a
  // row just added that the filter would hide, clears the filter instead, so it can be seen.
  const lastFocusedRow = useRef<string | null>(null);
  const { setFilter } = progress;
  useEffect(() => {
    const previous = lastFocusedRow.current;
    lastFocusedRow.current = focus?.rowId ?? null;
    if (!shown || !focus || shown.has(focus.rowId)) return;
    if (previous !== null && previous !== focus.rowId) {
      setFilter(NO_PROGRESS_FILTER);
      announce(t('progress.filter.cleared'));
      return;
    }
    const at = derived.rows.findIndex((row) => row.node.id === focus.rowId);
    const next = derived.rows.slice(at + 1).find((row) => shown.has(row.node.id)) ?? shownDerived.rows.at(-1);
    if (next) setFocus({ rowId: next.node.id, field: focus.field });
  }, [shown, focus, derived, shownDerived, setFocus, setFilter, announce, t]);
  // Hiding the 実施状況 column moves a focus that was in it to the column beside it.
  useEffect(() => {
    if (focus && !fields.includes(focus.field)) setFocus({ rowId: focus.rowId, field: fields[fields.length - 1]! });
  }, [focus, fields, setFocus]);

  const undo = useMeasureUndo<typeof focus>(
    doc,
    () => focusRef.current,
    (restored) => {
      if (restored) setFocus(restored);
    },
  );
  const { stopCapturing } = undo;
  /** One user action = one undo step, whatever the capture timeout would merge. */
  const run = useCallback(
    <T,>(change: () => T): T => {
      stopCapturing();
      const result = change();
      stopCapturing();
      return result;
    },
    [stopCapturing],
  );

  const othersCells = useOthersCells(provider.awareness);
  const localCell: CellRef | null = gridActive && focus ? { kind: 'node', id: focus.rowId, field: focus.field } : kpiCell;
  usePublishCell(provider.awareness, localCell);

  const comments = useCellComments();
  const commentOnCell = () => {
    if (!focusedRow || !focus) return;
    if (!comments.canComment) return announce(t('measures.comments.cannot'));
    const target = gridCellTarget(focusedRow.node.id, focus.field);
    comments.start(target, rowQuote(focusedRow, target.field));
  };

  // A KPI to show and focus (one just added, a comment's target): on a narrow screen the sheet opens for it.
  const focusKpi = useCallback((next: KpiFocus) => {
    setKpiFocus(next);
    setSheetOpen(true);
  }, []);
  const clearKpiFocus = useCallback(() => setKpiFocus(null), []);
  const synced = useCallback(() => provider.synced, [provider]);
  useMeasureJumps({ derived, synced, grid, focusKpi, announce });

  const dialogs = useMeasureDialog(derived, grid.requestGridFocus);
  const recording = useProgressRecording({ doc, planId, editable, run, announce, onClosed: grid.requestGridFocus });
  const openProgress = (row: DerivedRow) => {
    if (progress.year !== null) recording.start(row, progress.year);
  };
  const cells = useCellEditing({ doc, derived, editable, progressWritable, openProgress, fields, grid, run, announce });
  const rowCommands = useGridCommands({
    doc,
    table,
    derived,
    grid,
    cells,
    undo,
    run,
    announce,
    openDialog: dialogs.open,
    focusKpi,
    comment: commentOnCell,
  });
  const clipboard = useGridClipboard({
    derived,
    scheme: table.settings.scheme,
    editable,
    grid,
    cells,
    announce,
    openDialog: dialogs.open,
  });
  const present = usePresence(provider.awareness);
  const nameOf = usePeopleNames({ role, workspaceId }, present, user);
  // Whoever may suggest in the draft (editors, staff; everyone under a review's 提案のみ) may propose cell values.
  const cellSuggesting = useCellSuggesting({ doc, derived, selfId: user.id, nameOf, mayPropose: suggesting !== null, run, announce });
  const { start: startSuggesting } = cellSuggesting;
  const suggestOnFocus = useCallback((seed: string | null) => startSuggesting(focusRef.current, seed), [startSuggesting, focusRef]);
  const kpiSuggesting: KpiSuggesting = {
    forCell: cellSuggesting.view.forCell,
    nameOf,
    selfId: user.id,
    mayPropose: suggesting !== null,
    propose: cellSuggesting.proposeField,
    withdraw: cellSuggesting.withdraw,
  };
  const gridCommands = useMemo(() => ({ ...rowCommands.commands, suggest: suggestOnFocus }), [rowCommands.commands, suggestOnFocus]);
  const onKeyDown = useGridKeyboard({
    rows: grid.visible.rows,
    hasChildren: grid.visible.hasChildren,
    collapsed: grid.collapsed,
    focus,
    editable,
    progressWritable,
    fields,
    suggestOnType: suggesting?.only === true,
    commands: gridCommands,
  });

  /** Shows a row's KPIs: beside the grid on a wide screen (focus goes to the panel), in the sheet otherwise. */
  const openKpis = (rowId: string) => {
    setFocus({ rowId, field: 'kpis' });
    if (wide) requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="kpi-panel"] h2')?.focus());
    else setSheetOpen(true);
  };

  const readOnlyNote =
    mode === 'actuals' ? t('progress.readOnly.staffNote') : mode === 'read' ? t('measures.readOnly.note') : null;
  const rowLabel = focusedRow ? [focusedRow.number, focusedRow.title || t('measures.row.untitled')].filter(Boolean).join(' ') : '';

  return (
    <div className={`measures${wide ? ' measures--wide' : ''}${phone ? ' measures--phone' : ''}`} data-testid="measures-view">
      <div className="measures__header">
        <h2 className="measures__title">{t('measures.title')}</h2>
        <div className="measures__header-tools">
          <TransferMenu planId={planId} doc={doc} view={view} editable={editable} />
          {!phone && <KeyboardHelpToggle controls={helpId} open={helpOpen} onToggle={() => setHelpOpen((open) => !open)} />}
        </div>
      </div>
      {readOnlyNote !== null && (
        <p className="measures-note measures-note--readonly" data-testid="measures-readonly-note">
          {readOnlyNote}
        </p>
      )}
      {editable && !phone && <MeasureToolbar enabled={rowCommands.enabled} onAction={rowCommands.onToolbar} />}
      {!phone && focusedRow && focus && (
        <CellCommentBar
          row={focusedRow}
          field={focus.field}
          comments={comments}
          onComment={commentOnCell}
          onSuggest={suggesting !== null && isSuggestibleField(focus.field) ? () => suggestOnFocus(null) : undefined}
        />
      )}
      {!wide && !phone && focusedRow && (
        <p className="measures-kpi-open">
          <button type="button" className="button" data-testid="kpi-sheet-open" onClick={() => openKpis(focusedRow.node.id)}>
            {t('measures.kpi.openFor', { row: rowLabel, count: focusedRow.kpiIds.length })}
          </button>
        </p>
      )}
      <ProgressFilterBar
        view={progress}
        column={phone ? null : { shown: showProgress, toggle: () => setProgressColumn(!showProgress) }}
        shownProjects={shownDerived.rows.filter((row) => row.node.kind === 'placement').length}
        totalProjects={derived.rows.filter((row) => row.node.kind === 'placement').length}
      />
      <RollupPanel view={progress} />
      <KeyboardHelp id={helpId} open={helpOpen} />
      <p className="measures-announcer" role="status" aria-live="polite" data-testid="measure-announcer">
        {announcement}
      </p>

      <div className="measures__body">
        <div className="measures__table">
          {phone ? (
            <MeasureCardList
              rows={shownDerived.rows}
              derived={derived}
              editable={editable}
              progress={progress}
              onRecordProgress={openProgress}
              comments={comments}
              suggestions={cellSuggesting.view}
              onOpenKpis={(row) => openKpis(row.node.id)}
              onEdit={setRowEditing}
            />
          ) : (
            <MeasureGrid
              rows={grid.visible.rows}
              derived={derived}
              hasChildren={grid.visible.hasChildren}
              collapsed={grid.collapsed}
              focus={focus}
              editing={grid.editing}
              editable={editable}
              progress={progress}
              fields={fields}
              presence={othersCells}
              comments={comments}
              suggestions={cellSuggesting.view}
              focusRequest={grid.focusRequest}
              onFocusCell={setFocus}
              onActiveChange={setGridActive}
              onSetExpanded={grid.setExpanded}
              onStartEdit={(target) => cells.startEdit(target, null)}
              onOpenKpis={openKpis}
              onCommit={cells.commitEdit}
              onCancelEdit={cells.cancelEdit}
              onKeyDown={onKeyDown}
              onPaste={clipboard.onPaste}
              onCopy={clipboard.onCopy}
            />
          )}
          {derived.rows.length > 0 && shownDerived.rows.length === 0 && (
            <p className="empty-state measures-empty-state" data-testid="progress-filter-empty">
              {t('progress.filter.empty')}
            </p>
          )}
          {derived.rows.length === 0 && (
            <p className="empty-state measures-empty-state" data-testid="measures-empty">
              {editable ? t('measures.empty.editable') : t('measures.empty.readOnly')}
            </p>
          )}
        </div>
        <KpiDetail
          layout={wide ? 'side' : 'sheet'}
          open={sheetOpen}
          onClose={() => setSheetOpen(false)}
          title={focusedRow ? t('measures.kpi.sheetTitle', { row: rowLabel }) : t('measures.kpi.panelTitle')}
        >
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
            onAddKpi={rowCommands.addKpiToRow}
            onEdit={run}
            onCellChange={setKpiCell}
            suggesting={kpiSuggesting}
          />
        </KpiDetail>
      </div>
      <MeasureDialogs
        dialog={dialogs.dialog}
        planId={planId}
        doc={doc}
        view={view}
        run={run}
        announce={announce}
        addRow={rowCommands.addRow}
        onClose={dialogs.close}
        onDismiss={dialogs.dismiss}
      />
      {recording.open && (
        <ProgressDialog
          rowLabel={[recording.open.row.number, recording.open.row.title || t('measures.row.untitled')].filter(Boolean).join(' ')}
          yearLabel={yearLong(recording.open.year, locale)}
          entry={progressOf(table.progress, recording.open.row.node.id, recording.open.year)}
          onSave={recording.save}
          onClose={recording.close}
        />
      )}
      {cellSuggesting.open && (() => {
        const target = cellSuggesting.open;
        const row = derived.rowById.get(target.rowId);
        if (!row) return null;
        return (
          <SuggestCellDialog
            where={t('measures.editor.label', { column: t(target.field === 'title' ? 'measures.column.title' : 'measures.column.description'), row: row.number || row.title })}
            current={cellValue(row, target.field)}
            multiline={target.field === 'description'}
            seed={target.seed}
            pending={cellSuggesting.view.forCell({ kind: 'node', id: target.rowId, field: target.field })}
            selfId={user.id}
            nameOf={nameOf}
            onPropose={(value) => cellSuggesting.propose(target, value)}
            onWithdraw={cellSuggesting.withdraw}
            onClose={() => {
              cellSuggesting.close();
              grid.requestGridFocus();
            }}
          />
        );
      })()}
      {rowEditing && (
        <RowEditDialog
          row={rowEditing}
          onSave={(field, base, draft) => {
            const row = derived.rowById.get(rowEditing.node.id);
            if (row) cells.writeCell(row, field, base, draft);
          }}
          onClose={() => setRowEditing(null)}
        />
      )}
    </div>
  );
}
