import { formatDate, type Member, type MemberCategory, termEndsSoon, termHasEnded } from '@sakutei/shared';
import type { Locale, Translate } from '../../i18n';

/** `令和7年4月1日` in Japanese, `2025-04-01` in English. */
export function dayText(isoDay: string, locale: Locale): string {
  return locale === 'ja' ? formatDate(new Date(`${isoDay}T00:00:00+09:00`)) : isoDay;
}

export const categoryText = (category: MemberCategory | null, t: Translate) =>
  category === null ? '' : t(`members.category.${category}`);

/** `令和7年4月1日〜令和9年3月31日`; one end may be open. */
export function termText(m: Pick<Member, 'termFrom' | 'termTo'>, t: Translate, locale: Locale): string {
  if (m.termFrom === null && m.termTo === null) return '';
  return t('members.term.range', { from: m.termFrom ? dayText(m.termFrom, locale) : '', to: m.termTo ? dayText(m.termTo, locale) : '' });
}

/** Today in Japan as YYYY-MM-DD: terms end on Japanese calendar days. */
export function todayInJapan(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export type TermState = { kind: 'ended' } | { kind: 'endsSoon'; days: number } | null;

/** Whether a term ended or ends within the warning window, for a badge in the list. */
export function termState(termTo: string | null, today: string): TermState {
  if (termHasEnded(termTo, today)) return { kind: 'ended' };
  if (termTo !== null && termEndsSoon(termTo, today)) {
    return { kind: 'endsSoon', days: Math.round((Date.parse(`${termTo}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) };
  }
  return null;
}
