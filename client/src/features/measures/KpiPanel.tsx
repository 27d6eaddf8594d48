import { attachKpi, deleteKpi, type DerivedKpi, type DerivedRow, type MeasureSettings } from '@sakutei/shared/measures';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { KpiCommentTools } from './KpiCommentTools';
import { isKpiCommentField, kpiQuote, kpiTarget } from './commentTargets';
import { KpiCard, type KpiFocus, type KpiPanelMode } from './KpiCard';
import type { KpiSuggesting } from './FigureSuggestion';
import { isCommentShortcut } from './useGridKeyboard';
import type { CellComments } from './useCellComments';
import type { CellPresenceMap, CellRef } from './useCellPresence';

type Props = {
  row: DerivedRow | null;
  kpis: readonly DerivedKpi[];
  settings: MeasureSettings;
  mode: KpiPanelMode;
  doc: Y.Doc;
  planId: string;
  presence: CellPresenceMap;
  comments: CellComments;
  /** A KPI (or field) to bring into view and focus: one just added, or a comment's target. */
  kpiFocus: KpiFocus | null;
  onKpiFocusDone: () => void;
  onAddKpi: () => void;
  onEdit: (change: () => void) => void;
  /** The KPI field this user is on, for presence; null when focus leaves the panel. */
  onCellChange: (cell: CellRef | null) => void;
  /** Proposals for KPI figures (提案). */
  suggesting?: KpiSuggesting | undefined;
};

/** The KPIs (成果指標) of the row in focus, and any whose row someone deleted. */
export function KpiPanel(props: Props) {
  const { t } = useI18n();
  const { row, kpis, mode, doc, comments, kpiFocus, onEdit, onCellChange, onKpiFocusDone } = props;
  const headingId = useId();
  const orphansRef = useRef<HTMLUListElement>(null);
  const [deleting, setDeleting] = useState<DerivedKpi | null>(null);
  const attached = row ? row.kpiIds.flatMap((id) => kpis.find((entry) => entry.kpi.id === id) ?? []) : [];
  const orphans = kpis.filter((entry) => entry.rowId === null);
  const rowLabel = row ? [row.number, row.title || t('measures.row.untitled')].filter(Boolean).join(' ') : '';

  const onFocus = (event: React.FocusEvent) => {
    const target = event.target as HTMLElement;
    const kpiId = target.closest<HTMLElement>('[data-kpi-id]')?.dataset['kpiId'];
    const field = target.closest<HTMLElement>('[data-kpi-field]')?.dataset['kpiField'];
    onCellChange(kpiId !== undefined && field !== undefined ? { kind: 'kpi', id: kpiId, field } : null);
  };
  const onBlur = (event: React.FocusEvent) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !event.currentTarget.contains(next)) onCellChange(null);
  };
  const focusDone = useCallback(() => onKpiFocusDone(), [onKpiFocusDone]);

  // A KPI whose row is gone is only listed below; its entry there is what can be shown.
  const orphanFocus = kpiFocus !== null && orphans.some((entry) => entry.kpi.id === kpiFocus.kpiId) ? kpiFocus.kpiId : null;
  useEffect(() => {
    if (orphanFocus === null) return;
    const item = orphansRef.current?.querySelector<HTMLElement>(`[data-kpi-id="${CSS.escape(orphanFocus)}"]`);
    item?.scrollIntoView({ block: 'center' });
    item?.focus({ preventScroll: true });
    onKpiFocusDone();
  }, [orphanFocus, onKpiFocusDone]);

  // Ctrl+Alt+M, as in the grid and the prose: comment on the field in focus, else the KPI.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isCommentShortcut(event) || !comments.canComment) return;
    const target = event.target as HTMLElement;
    const kpiId = target.closest<HTMLElement>('[data-kpi-id]')?.dataset['kpiId'];
    const entry = kpis.find((candidate) => candidate.kpi.id === kpiId);
    if (!entry) return;
    event.preventDefault();
    const place = target.closest<HTMLElement>('[data-comment-field]');
    const name = place?.dataset['commentField'];
    const field = name !== undefined && isKpiCommentField(name) ? name : null;
    const year = field === 'actual' ? Number(place?.dataset['commentYear']) : null;
    const fiscalYear = year !== null && Number.isInteger(year) ? year : null;
    comments.start(kpiTarget(entry.kpi.id, field, fiscalYear), kpiQuote(entry, field, fiscalYear));
  };

  return (
    <section
      className="measures-kpi-panel"
      aria-labelledby={headingId}
      data-testid="kpi-panel"
      onFocus={onFocus}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    >
      <div className="measures-kpi-panel__header">
        <h2 id={headingId} className="measures-kpi-panel__title" tabIndex={-1}>
          {t('measures.kpi.panelTitle')}
          {row && <span className="measures-kpi-panel__row">{t('measures.kpi.ofRow', { row: rowLabel })}</span>}
        </h2>
        {mode === 'edit' && row && (
          <button type="button" className="button button--quiet" data-testid="kpi-panel-add" onClick={props.onAddKpi}>
            {t('measures.toolbar.addKpi')}
          </button>
        )}
      </div>
      {mode === 'actuals' && <p className="measures-note">{t('measures.kpi.actualsOnly')}</p>}
      {!row ? (
        <p className="measures-note">{t('measures.kpi.noRow')}</p>
      ) : attached.length === 0 ? (
        <p className="measures-note" data-testid="kpi-panel-empty">
          {t('measures.kpi.none')}
        </p>
      ) : (
        <div className="measures-kpi-panel__list">
          {attached.map((entry) => (
            <KpiCard
              key={entry.kpi.id}
              entry={entry}
              settings={props.settings}
              mode={mode}
              doc={doc}
              planId={props.planId}
              presence={props.presence}
              comments={comments}
              focusRequest={kpiFocus?.kpiId === entry.kpi.id ? kpiFocus : null}
              onFocusDone={focusDone}
              onEdit={onEdit}
              onRequestDelete={setDeleting}
              suggesting={props.suggesting}
            />
          ))}
        </div>
      )}

      {orphans.length > 0 && (
        <section className="measures-kpi-orphans" data-testid="kpi-orphans" aria-labelledby={`${headingId}-orphans`}>
          <h3 id={`${headingId}-orphans`}>{t('measures.kpi.orphansTitle')}</h3>
          <p className="measures-note">{t('measures.kpi.orphansLead')}</p>
          <ul ref={orphansRef}>
            {orphans.map((entry) => (
              <li key={entry.kpi.id} data-testid="kpi-orphan" data-kpi-id={entry.kpi.id} tabIndex={-1}>
                <span>
                  {entry.mark} {entry.kpi.name || t('measures.kpi.unnamed')}
                </span>
                <KpiCommentTools entry={entry} field={null} comments={comments} />
                {mode === 'edit' && (
                  <>
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={!row}
                      data-testid="kpi-reattach"
                      onClick={() => row && onEdit(() => attachKpi(doc, entry.kpi.id, row.node.id))}
                    >
                      {row ? t('measures.kpi.reattachTo', { row: rowLabel }) : t('measures.kpi.reattach')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      data-testid="kpi-orphan-delete"
                      onClick={() => setDeleting(entry)}
                    >
                      {t('measures.kpi.delete')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {deleting && (
        <ConfirmDialog
          title={t('measures.kpi.deleteTitle')}
          confirmLabel={t('measures.kpi.deleteConfirm')}
          danger
          testId="delete-kpi-dialog"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.kpi.id;
            setDeleting(null);
            onEdit(() => deleteKpi(doc, id));
            // The card that held the focus is gone; keep the reader in the panel.
            requestAnimationFrame(() => document.getElementById(headingId)?.focus());
          }}
        >
          <p>
            {t('measures.kpi.deleteQuestion', {
              kpi: `${deleting.mark} ${deleting.kpi.name || t('measures.kpi.unnamed')}`,
            })}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
