import { meetingFiscalYear } from './numbering';

/**
 * The calendar of a plan's cycle (issue 17): a fiscal year as its twelve months, April to
 * March, each with what happened or is planned on its days (meetings, revisions submitted and
 * approved, a plan period starting or ending). Pure, so the server groups and the tests can
 * check the grouping without a database.
 */

/** Anything placed on the calendar: a council's wall-clock day, `YYYY-MM-DD`. */
export type Dated = { date: string };

export type FiscalMonth<T extends Dated> = {
  /** The calendar year of the month: April–December in the fiscal year's own, January–March in the next. */
  year: number;
  /** 1–12. */
  month: number;
  /** The month's entries by day; entries of one day keep the order they were given in. */
  entries: T[];
};

/** The months of fiscal year `fy` in order: 4月 `fy` … 12月 `fy`, 1月 `fy + 1` … 3月 `fy + 1`. */
export function fiscalMonths(fy: number): Array<{ year: number; month: number }> {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    return { year: month >= 4 ? fy : fy + 1, month };
  });
}

/**
 * The entries of fiscal year `fy`, grouped by month (always twelve, empty ones included, so a
 * screen lists the whole year). Entries of other years are left out.
 */
export function groupByFiscalMonth<T extends Dated>(fy: number, entries: readonly T[]): FiscalMonth<T>[] {
  const months = fiscalMonths(fy).map(({ year, month }) => ({ year, month, entries: [] as T[] }));
  // Sorted by day only: Array.prototype.sort is stable, so one day's entries keep their order.
  const byDay = entries.filter((e) => meetingFiscalYear(e.date) === fy).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const entry of byDay) {
    const month = Number(entry.date.slice(5, 7));
    months[(month + 8) % 12]!.entries.push(entry);
  }
  return months;
}
