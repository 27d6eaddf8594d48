import { type MeetingCalendarEntry, formatFiscalYearIn } from '@sakutei/shared';
import type { Locale, Translate } from '../../i18n';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 令和8年度 / FY2026. */
export function fiscalYearName(fy: number, locale: Locale): string {
  return locale === 'ja' ? formatFiscalYearIn(fy) : `FY${fy}`;
}

/** A month's heading: 4月 / April; with its year (the year's range, January after December): 2027年1月 / January 2027. */
export function monthName(year: number, month: number, locale: Locale, withYear = false): string {
  if (locale === 'en') return withYear ? `${MONTHS_EN[month - 1]} ${year}` : MONTHS_EN[month - 1]!;
  return withYear ? `${year}年${month}月` : `${month}月`;
}

/** The day within its month, for a list under the month's heading: 20日（木） / Thu 20. A wall-clock day, the same in every time zone. */
export function dayInMonthText(isoDay: string, locale: Locale): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return locale === 'ja' ? `${day}日（${WEEKDAYS_JA[weekday]}）` : `${WEEKDAYS_EN[weekday]} ${day}`;
}

/** What a plan's step says: 「第3版「素案」が承認されました」, 「計画期間（令和6年度〜令和10年度）が始まります」. */
export function stepText(entry: Exclude<MeetingCalendarEntry, { kind: 'meeting' }>, t: Translate, locale: Locale): string {
  switch (entry.kind) {
    case 'revisionSubmitted':
    case 'revisionApproved':
      return t(`meetingCalendar.${entry.kind}`, { number: entry.number, name: entry.name });
    case 'periodStart':
    case 'periodEnd':
      return t(`meetingCalendar.${entry.kind}`, { from: fiscalYearName(entry.from, locale), to: fiscalYearName(entry.to, locale) });
  }
}
