import {
  PROGRESS_STATUSES,
  formatProgressFigure,
  progressOf,
  type DerivedRow,
  type ProgressCounts,
  type ProgressStatus,
} from '@sakutei/shared/measures';
import { useI18n, type Translate } from '../../i18n';
import type { ProgressView } from './useProgressView';

const BUCKETS = [...PROGRESS_STATUSES, 'unrecorded'] as const;

/** `実施 2、一部実施 1、未記録 3`: the buckets that hold any placement, in the reports' order. */
export function progressCountsText(counts: ProgressCounts, t: Translate): string {
  return BUCKETS.filter((bucket) => counts.progress[bucket] > 0)
    .map((bucket) => t('progress.rollup.count', { label: t(`progress.status.${bucket}`), count: counts.progress[bucket] }))
    .join(t('measures.list.separator'));
}

/** A status word with its colour; the word carries the meaning, the colour only helps scanning. */
export function ProgressBadge({ status }: { status: ProgressStatus }) {
  const { t } = useI18n();
  return (
    <span className={`progress-badge progress-badge--${status}`} data-testid="progress-badge" data-status={status}>
      {t(`progress.status.${status}`)}
    </span>
  );
}

/**
 * The 実施状況 cell of a row for the chosen year: a placement's own entry (status, figure,
 * note), or for a measure the roll-up of every placement beneath it.
 */
export function ProgressCell({ row, view }: { row: DerivedRow; view: ProgressView }) {
  const { t } = useI18n();
  if (view.year === null) return null;
  if (row.node.kind === 'measure') {
    const counts = view.rollup?.byRow.get(row.node.id);
    if (!counts || counts.placements === 0) return <span className="progress-muted">{t('progress.cell.none')}</span>;
    const text = progressCountsText(counts, t);
    return (
      <span className="progress-rollup" data-testid="progress-rollup" title={t('progress.cell.rollupLabel', { total: counts.placements, counts: text })}>
        {t('progress.cell.rollup', { counts: text, total: counts.placements })}
      </span>
    );
  }
  const entry = progressOf(view.progress, row.node.id, view.year);
  if (!entry) return <span className="progress-muted">{t('progress.status.unrecorded')}</span>;
  return (
    <span className="progress-entry">
      <ProgressBadge status={entry.status} />
      {entry.figure && <span className="progress-figure">{formatProgressFigure(entry.figure)}</span>}
      {entry.note !== '' && (
        <span className="progress-note" title={entry.note}>
          {entry.note}
        </span>
      )}
    </span>
  );
}
