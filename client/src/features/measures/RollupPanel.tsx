import { PROJECT_STATUSES, type ProgressCounts } from '@sakutei/shared/measures';
import { useId, useState } from 'react';
import { useI18n, type Translate } from '../../i18n';
import { yearLong } from './kpiFormat';
import { progressCountsText } from './ProgressCell';
import type { ProgressView } from './useProgressView';

function projectStatusText(counts: ProgressCounts, t: Translate): string {
  return [...PROJECT_STATUSES, 'unmarked' as const]
    .filter((status) => counts.projectStatus[status] > 0)
    .map((status) =>
      t('progress.rollup.count', {
        label: status === 'unmarked' ? t('progress.projectStatus.unmarked') : t(`measures.status.${status}`),
        count: counts.projectStatus[status],
      }),
    )
    .join(t('measures.list.separator'));
}

function CountsCells({ counts }: { counts: ProgressCounts }) {
  const { t } = useI18n();
  return (
    <>
      <td className="progress-rollup-table__number">
        {counts.placements}
        {counts.reprints > 0 && <span className="progress-rollup-table__reprints">{t('progress.rollup.reprints', { count: counts.reprints })}</span>}
      </td>
      <td>{progressCountsText(counts, t) || '—'}</td>
      <td>{projectStatusText(counts, t) || '—'}</td>
    </>
  );
}

/**
 * The year's roll-ups behind a disclosure button: the whole plan, then one table per level
 * (方向性, 基本方針 … as the plan names them) with each measure's 実施状況 and 新規・充実・継続
 * counts. Three columns of text, so it reads at 390 px as at 1440 px.
 */
export function RollupPanel({ view }: { view: ProgressView }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const { rollup } = view;
  if (!rollup || view.year === null) return null;
  const year = yearLong(view.year, locale);

  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('progress.rollup.projects')}</th>
        <th scope="col">{t('progress.rollup.progress')}</th>
        <th scope="col">{t('progress.rollup.projectStatus')}</th>
      </tr>
    </thead>
  );

  return (
    <section className="progress-rollups" aria-label={t('progress.rollup.title', { year })}>
      <button
        type="button"
        className="button button--quiet progress-rollups__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="progress-rollup-toggle"
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t('progress.rollup.toggle', { year })}
      </button>
      <div id={panelId} hidden={!open} className="progress-rollups__panel" data-testid="progress-rollup-panel">
        {rollup.total.placements === 0 ? (
          <p className="progress-muted">{t('progress.rollup.empty')}</p>
        ) : (
          <>
            <table className="progress-rollup-table" data-testid="progress-rollup-total">
              <caption>{t('progress.rollup.total')}</caption>
              {head(t('progress.rollup.scope'))}
              <tbody>
                <tr>
                  <th scope="row">{t('progress.rollup.total')}</th>
                  <CountsCells counts={rollup.total} />
                </tr>
              </tbody>
            </table>
            {rollup.levels.map((level) => (
              <table key={level.depth} className="progress-rollup-table" data-testid="progress-rollup-level" data-depth={level.depth}>
                <caption>{t('progress.rollup.level', { level: level.levelName })}</caption>
                {head(level.levelName)}
                <tbody>
                  {level.rows.map((row) => (
                    <tr key={row.rowId} data-row-id={row.rowId}>
                      <th scope="row">
                        {row.number && <span className="progress-rollup-table__path">{row.number}</span>} {row.title || t('measures.row.untitled')}
                      </th>
                      <CountsCells counts={row.counts} />
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </>
        )}
      </div>
    </section>
  );
}
