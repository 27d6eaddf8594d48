import { type Calendar, formatFiscalYearIn } from '@sakutei/shared';
import type { MeasureSettings } from '@sakutei/shared/measures';

/**
 * The 成果指標一覧's header rows in the chosen calendar. The rows themselves come from
 * `kpiListRows`, which writes the programme's 和暦 (基準値 令和元年度, 4年度 …); in 西暦 the
 * headers say 2019年度, 2022年度, which the importer reads back just as well.
 */
export function kpiRowsIn(rows: string[][], settings: MeasureSettings, calendar: Calendar): string[][] {
  if (calendar === 'wareki' || rows.length === 0) return rows;
  const [first = [], ...rest] = rows;
  const top = [...first];
  if (settings.baselineYear !== null) top[2] = `基準値 ${formatFiscalYearIn(settings.baselineYear, calendar)}`;
  if (settings.targetYear !== null) top[3] = `目標値 ${formatFiscalYearIn(settings.targetYear, calendar)}`;
  if (settings.actualYears.length === 0) return [top, ...rest];
  const [second = [], ...body] = rest;
  const years = [...second];
  settings.actualYears.forEach((fy, i) => (years[4 + i] = formatFiscalYearIn(fy, calendar)));
  return [top, years, ...body];
}
