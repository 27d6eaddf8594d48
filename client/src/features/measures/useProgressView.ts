import {
  defaultProgressYear,
  departmentsIn,
  filteredRowIds,
  fiscalYearOf,
  NO_PROGRESS_FILTER,
  rollupProgress,
  type DerivedTable,
  type MeasureTable,
  type ProgressFilter,
  type ProgressRollup,
  type ProgressTable,
} from '@sakutei/shared/measures';
import { useMemo, useState } from 'react';

/** What the grid, the cards and the roll-up panel need to show one year's 実施状況. */
export type ProgressView = {
  /** The year shown and recorded; null when the plan tracks no years. */
  year: number | null;
  years: readonly number[];
  setYear: (year: number) => void;
  progress: ProgressTable | undefined;
  rollup: ProgressRollup | null;
  filter: ProgressFilter;
  setFilter: (filter: ProgressFilter) => void;
  /** The rows a filter leaves on screen; null when no filter is set. */
  shown: ReadonlySet<string> | null;
  departments: string[];
  /** Whether this person may record 実施状況 (editors in the document, staff through the API). */
  writable: boolean;
};

function thisFiscalYear(): number {
  const now = new Date();
  return fiscalYearOf(now.getFullYear(), now.getMonth() + 1);
}

/** The chosen year, the filter and the roll-ups, recomputed only when the table changes. */
export function useProgressView(table: MeasureTable, derived: DerivedTable, writable: boolean): ProgressView {
  const years = table.settings.actualYears;
  const [chosen, setYear] = useState<number | null>(null);
  const [filter, setFilter] = useState<ProgressFilter>(NO_PROGRESS_FILTER);
  // A year removed in 計画の設定 falls back to the default rather than showing nothing.
  const year = chosen !== null && years.includes(chosen) ? chosen : defaultProgressYear(years, thisFiscalYear());
  const progress = table.progress;
  const rollup = useMemo(() => (year === null ? null : rollupProgress(derived, progress, year)), [derived, progress, year]);
  const effective = useMemo(() => ({ ...filter, fiscalYear: year }), [filter, year]);
  const shown = useMemo(() => filteredRowIds(derived, progress, effective), [derived, progress, effective]);
  const departments = useMemo(() => departmentsIn(derived), [derived]);
  return { year, years, setYear, progress, rollup, filter: effective, setFilter, shown, departments, writable };
}
