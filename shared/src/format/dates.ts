import { ERAS, formatFiscalYear } from '../measures/fiscalYear';

/**
 * The one place where exports and screens turn a date or a fiscal year into text. Plans
 * and their documents speak 和暦 (令和7年12月6日, 令和7年度); 西暦 (2025年12月6日, 2025年度)
 * is there for readers who ask for it. Fiscal years reuse `formatFiscalYear`, so an era
 * boundary (令和元年度 = FY2019) is decided in one place.
 */

export const CALENDARS = ['wareki', 'seireki'] as const;
export type Calendar = (typeof CALENDARS)[number];

/** Council documents are dated in Japan whatever the server's own time zone. */
const TIME_ZONE = 'Asia/Tokyo';

const dayParts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric' });

/** Year, month and day of a moment as a calendar in Japan shows it. */
export function calendarDay(at: number | Date): { year: number; month: number; day: number } {
  const parts = dayParts.formatToParts(typeof at === 'number' ? new Date(at) : at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The era a calendar day falls in: 2019-04-30 is 平成31年, 2019-05-01 令和元年. */
export function eraOfDay(year: number, month: number, day: number): { era: string; eraYear: number } | null {
  const key = year * 10000 + month * 100 + day;
  const era = ERAS.findLast((e) => e.start.year * 10000 + e.start.month * 100 + e.start.day <= key);
  return era ? { era: era.name, eraYear: year - era.start.year + 1 } : null;
}

/** `令和7年12月6日` (or `2025年12月6日` in 西暦). */
export function formatDate(at: number | Date, calendar: Calendar = 'wareki'): string {
  const { year, month, day } = calendarDay(at);
  const era = calendar === 'wareki' ? eraOfDay(year, month, day) : null;
  // 元 is how the first year of an era is written out.
  const yearText = era ? `${era.era}${era.eraYear === 1 ? '元' : era.eraYear}` : String(year);
  return `${yearText}年${month}月${day}日`;
}

/**
 * A fiscal year in the chosen calendar: `令和7年度` / `2025年度`; `short` gives the column
 * heading form (`7年度`) where the era is already said above it.
 */
export function formatFiscalYearIn(fy: number, calendar: Calendar = 'wareki', style: 'full' | 'short' = 'full'): string {
  if (calendar === 'seireki') return `${fy}年度`;
  try {
    return formatFiscalYear(fy, style === 'short' ? 'eraYearOnly' : 'era');
  } catch {
    // Before 明治 there is no era; the western year still says which year it is.
    return `${fy}年度`;
  }
}
