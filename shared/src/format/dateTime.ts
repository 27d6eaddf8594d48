import { formatDate } from './dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** The reader's language, for text the screens print. */
export type TextLocale = 'ja' | 'en';

/**
 * `short`: in the flow of a conversation, the year only when it is not this year.
 * `record`: a decision that goes into the minutes, dated in full in the Japanese calendar.
 */
export type TimeStyle = 'short' | 'record';

const tokyoTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * When something was written or decided, as people here say it: `11月22日 10:05` (with the
 * year only when it is not this year), in the reader's clock. Built by hand because Intl's
 * ja-JP short form is `11/22 10:05`. With `record`, `令和7年12月6日 14:05` in Japan's time,
 * as the council's record dates it (`Dec 6, 2025, 14:05` in English).
 */
export function formatCommentTime(iso: string, locale: TextLocale, now: Date = new Date(), style: TimeStyle = 'short'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const otherYear = style === 'record' || date.getFullYear() !== now.getFullYear();
  if (locale === 'ja' && style === 'record') return `${formatDate(date)} ${tokyoTime.format(date)}`;
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
