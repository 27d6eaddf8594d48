import type { Locale } from '../../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When a comment was written, as people here say it: `11月22日 10:05` (with the year only
 * when it is not this year). Built by hand because Intl's ja-JP short form is `11/22 10:05`.
 */
export function formatCommentTime(iso: string, locale: Locale, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const otherYear = date.getFullYear() !== now.getFullYear();
  if (locale === 'ja') {
    const day = `${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
    return otherYear ? `${date.getFullYear()}年${day}` : day;
  }
  return new Intl.DateTimeFormat('en', {
    year: otherYear ? 'numeric' : undefined,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}
