import { eraOfDay } from '../format/dates';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
// By hand rather than Intl: browsers' and Node's ICU differ in the commas of the short form.
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `令和7年11月20日（木）` in Japanese, `Thu 20 Nov 2025` in English (without the weekday where the
 * day sits in parentheses already: 「第3回会議（令和7年11月20日）で承認」). A meeting's date is the
 * council's wall-clock day, not a moment: it reads the same in every time zone. Here rather
 * than in the meetings screen because every screen that names a sitting (a revision decided
 * in one, the calendar) writes its day the same way.
 */
export function meetingDayText(isoDay: string, locale: 'ja' | 'en', options: { weekday?: boolean } = {}): string {
  const withWeekday = options.weekday ?? true;
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (locale === 'en') return `${withWeekday ? `${WEEKDAYS_EN[weekday]} ` : ''}${day} ${MONTHS_EN[month - 1]} ${year}`;
  const era = eraOfDay(year, month, day);
  const yearText = era ? `${era.era}${era.eraYear === 1 ? '元' : era.eraYear}` : String(year);
  return `${yearText}年${month}月${day}日${withWeekday ? `（${WEEKDAYS_JA[weekday]}）` : ''}`;
}
