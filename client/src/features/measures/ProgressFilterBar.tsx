import { PROGRESS_STATUSES, PROJECT_STATUSES, NO_PROGRESS_FILTER, isProgressFilterActive, type ProgressFilter } from '@sakutei/shared/measures';
import { useId } from 'react';
import { useI18n } from '../../i18n';
import { yearLong } from './kpiFormat';
import type { ProgressView } from './useProgressView';

type Props = {
  view: ProgressView;
  /** The grid's 実施状況 column, shown or hidden; null where there is no grid (phones). */
  column: { shown: boolean; toggle: () => void } | null;
  /** Projects on screen and in the whole table, for the count beside the filter. */
  shownProjects: number;
  totalProjects: number;
};

const ALL = '';

/** A one-choice set for the filter, or null for 「すべて」. */
function single<T extends string>(value: string): ReadonlySet<T> | null {
  return value === ALL ? null : new Set([value as T]);
}

function first<T>(set: ReadonlySet<T> | null): T | typeof ALL {
  return set ? ([...set][0] ?? ALL) : ALL;
}

/**
 * The year whose 実施状況 the table shows, and the filter by 新規/充実/継続, by that year's
 * 実施状況 and by 担当課. Native selects: the keyboard, screen readers and phones all know them.
 */
export function ProgressFilterBar({ view, column, shownProjects, totalProjects }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const { filter, setFilter } = view;
  const update = (patch: Partial<ProgressFilter>) => setFilter({ ...filter, ...patch });
  if (view.year === null) {
    return (
      <p className="measures-note" data-testid="progress-no-years">
        {t('progress.filter.noYears')}
      </p>
    );
  }
  const active = isProgressFilterActive(filter);

  return (
    <div className="progress-filter" role="group" aria-label={t('progress.filter.label')} data-testid="progress-filter">
      <div className="progress-filter__field">
        <label htmlFor={`${id}-year`}>{t('progress.filter.year')}</label>
        <select id={`${id}-year`} value={view.year} data-testid="progress-year" onChange={(event) => view.setYear(Number(event.target.value))}>
          {view.years.map((year) => (
            <option key={year} value={year}>
              {yearLong(year, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="progress-filter__field">
        <label htmlFor={`${id}-kind`}>{t('progress.filter.projectStatus')}</label>
        <select
          id={`${id}-kind`}
          value={first(filter.projectStatuses)}
          data-testid="progress-filter-status"
          onChange={(event) => update({ projectStatuses: single(event.target.value) })}
        >
          <option value={ALL}>{t('progress.filter.all')}</option>
          {PROJECT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`measures.status.${status}`)}
            </option>
          ))}
          <option value="unmarked">{t('progress.projectStatus.unmarked')}</option>
        </select>
      </div>
      <div className="progress-filter__field">
        <label htmlFor={`${id}-progress`}>{t('progress.filter.progress')}</label>
        <select
          id={`${id}-progress`}
          value={first(filter.progressStatuses)}
          data-testid="progress-filter-progress"
          onChange={(event) => update({ progressStatuses: single(event.target.value) })}
        >
          <option value={ALL}>{t('progress.filter.all')}</option>
          {[...PROGRESS_STATUSES, 'unrecorded' as const].map((status) => (
            <option key={status} value={status}>
              {t(`progress.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="progress-filter__field">
        <label htmlFor={`${id}-department`}>{t('progress.filter.department')}</label>
        <select
          id={`${id}-department`}
          value={filter.department ?? ALL}
          data-testid="progress-filter-department"
          onChange={(event) => update({ department: event.target.value === ALL ? null : event.target.value })}
        >
          <option value={ALL}>{t('progress.filter.all')}</option>
          {view.departments.map((department) => (
            <option key={department} value={department}>
              {department}
            </option>
          ))}
        </select>
      </div>
      {column && (
        <button
          type="button"
          className="button button--quiet"
          aria-pressed={column.shown}
          data-testid="progress-column-toggle"
          onClick={column.toggle}
        >
          {t('progress.filter.column')}
        </button>
      )}
      {active && (
        <button type="button" className="button button--quiet" data-testid="progress-filter-clear" onClick={() => setFilter(NO_PROGRESS_FILTER)}>
          {t('progress.filter.clear')}
        </button>
      )}
      {/* Polite: the count changes as a filter is chosen, and says what the table now holds. */}
      <p className="progress-filter__count" role="status" data-testid="progress-filter-count">
        {active ? t('progress.filter.count', { shown: shownProjects, total: totalProjects }) : ''}
      </p>
    </div>
  );
}
