import { formatContact, type DerivedRow, type DerivedTable } from '@sakutei/shared/measures';
import type { Thread } from '@sakutei/shared';
import { useI18n } from '../../i18n';
import { CellSuggestionMark, suggestedText } from './CellSuggestionMark';
import type { CellSuggestionView } from './useCellSuggesting';
import { CommentBadge } from './CommentBadge';
import { gridCellTarget } from './commentTargets';
import { GRID_FIELDS } from './gridModel';
import { yearLong } from './kpiFormat';
import type { CellComments } from './useCellComments';
import { ProgressCell } from './ProgressCell';
import type { ProgressView } from './useProgressView';

type Props = {
  rows: readonly DerivedRow[];
  derived: DerivedTable;
  editable: boolean;
  progress: ProgressView;
  /** Opens the 実施状況 dialog of a placement (editors and staff). */
  onRecordProgress: (row: DerivedRow) => void;
  comments: CellComments;
  /** Pending proposals for the rows' 名称 and 内容, drawn 「旧 → 新」 as in the grid. */
  suggestions?: CellSuggestionView | undefined;
  /** Shows the row's KPIs (the detail sheet). */
  onOpenKpis: (row: DerivedRow) => void;
  onEdit: (row: DerivedRow) => void;
};

/** Every thread on a row's cells, for one badge on its card. */
function rowThreads(row: DerivedRow, comments: CellComments): Thread[] {
  const seen = new Set<string>();
  const threads: Thread[] = [];
  for (const field of GRID_FIELDS) {
    for (const thread of comments.threadsFor(gridCellTarget(row.node.id, field))) {
      if (!seen.has(thread.id)) threads.push(thread);
      seen.add(thread.id);
    }
  }
  return threads;
}

/**
 * The measure table on a phone: a list of cards, one per row, that reads top to bottom
 * (number, name, status, contacts, KPI marks). A row with KPIs opens them in a sheet; an
 * editor changes a row through its 編集 button. Cards off screen are skipped by the
 * browser's layout (content-visibility), so a long table stays quick without a virtualiser.
 */
export function MeasureCardList({ rows, derived, editable, progress, onRecordProgress, comments, onOpenKpis, onEdit, suggestions }: Props) {
  const { t, locale } = useI18n();
  return (
    <ol className="measures-cards" aria-label={t('measures.grid.label')} data-testid="measure-cards">
      {rows.map((row) => {
        const kpis = row.kpiIds.flatMap((id) => derived.kpiById.get(id) ?? []);
        const marks = kpis.map((entry) => entry.mark).join(' ');
        const name = row.title || t('measures.row.untitled');
        const contacts = row.project?.contacts ?? [];
        const proposed = (field: 'title' | 'description', current: string) => {
          const pending = suggestions?.forCell({ kind: 'node', id: row.node.id, field }) ?? [];
          if (!suggestions || pending.length === 0) return null;
          return <CellSuggestionMark suggestions={pending} current={current} nameOf={suggestions.nameOf} show={(value) => suggestedText(value, t)} />;
        };
        const proposedDescription = proposed('description', row.node.description);
        return (
          <li
            key={row.node.id}
            className={`measures-card measures-card--${row.node.kind}`}
            style={{ marginInlineStart: `${Math.min(row.depth, 3) * 0.75}rem` }}
            data-testid="measure-card"
            data-row-id={row.node.id}
            // A tap anywhere on a card with KPIs opens them; the button below is the keyboard's way.
            onClick={(event) => {
              if (kpis.length > 0 && !(event.target as HTMLElement).closest('button')) onOpenKpis(row);
            }}
          >
            <div className="measures-card__head">
              <span className="measures-card__number">{row.number}</span>
              <span className="measures-card__title" data-testid="measure-card-title">
                {proposed('title', row.title) ?? name}
              </span>
              {row.reprintOf !== null && <span className="measures-badge">{t('measures.reprint')}</span>}
              <CommentBadge threads={rowThreads(row, comments)} testId="cell-comments" onShow={comments.show} />
            </div>
            {row.node.status && <span className="measures-card__status">{t(`measures.status.${row.node.status}`)}</span>}
            {(proposedDescription || row.node.description !== '') && (
              <p className="measures-card__description">{proposedDescription ?? row.node.description}</p>
            )}
            {contacts.length > 0 && (
              <p className="measures-card__contacts">
                {contacts.map((contact, index) => (
                  <span key={index}>{formatContact(contact)}</span>
                ))}
              </p>
            )}
            {progress.year !== null && (
              <p className="measures-card__progress" data-testid="measure-card-progress">
                <span className="measures-card__progress-label">{t('progress.column')}</span> <ProgressCell row={row} view={progress} />
              </p>
            )}
            <div className="measures-card__actions">
              {kpis.length > 0 && (
                <button
                  type="button"
                  className="button button--quiet"
                  data-testid="measure-card-kpis"
                  aria-label={t('measures.card.showKpis', { row: name, marks })}
                  onClick={() => onOpenKpis(row)}
                >
                  {t('measures.column.kpis')} {marks}
                </button>
              )}
              {progress.writable && progress.year !== null && row.node.kind === 'placement' && (
                <button
                  type="button"
                  className="button button--quiet"
                  data-testid="measure-card-progress-record"
                  aria-label={t('progress.card.record', { row: name, year: yearLong(progress.year, locale) })}
                  onClick={() => onRecordProgress(row)}
                >
                  {t('progress.card.recordShort')}
                </button>
              )}
              {editable && (
                <button
                  type="button"
                  className="button button--quiet"
                  data-testid="measure-card-edit"
                  aria-label={t('measures.card.edit', { row: name })}
                  onClick={() => onEdit(row)}
                >
                  {t('measures.card.editShort')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
