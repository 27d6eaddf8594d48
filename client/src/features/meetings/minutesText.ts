import { meetingDayText, type Minutes } from '@sakutei/shared';
import type { Locale, Translate } from '../../i18n';
import { ApiError } from '../../lib/api';
import { meetingsErrorText } from './meetingText';

/** A moment as the council reads it, in Japan's time, its day written as the meeting pages write days: 「令和8年12月8日 14:05」, `8 Dec 2026 14:05`. */
export function minutesMomentText(iso: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = meetingDayText(`${part('year')}-${part('month')}-${part('day')}`, locale, { weekday: false });
  return `${day} ${part('hour')}:${part('minute')}`;
}

/** 下書き / 送付済み（日時）/ 確定（日時、ハッシュの先頭12桁）. */
export function minutesStateText(minutes: Pick<Minutes, 'state' | 'sentAt' | 'confirmedAt' | 'hash'>, t: Translate, locale: Locale): string {
  if (minutes.state === 'confirmed' && minutes.confirmedAt) {
    return t('minutes.state.confirmed', { date: minutesMomentText(minutes.confirmedAt, locale), hash: (minutes.hash ?? '').slice(0, 12) });
  }
  if (minutes.state === 'sent' && minutes.sentAt) return t('minutes.state.sent', { date: minutesMomentText(minutes.sentAt, locale) });
  return t('minutes.state.draft');
}

/** The sentence for a failed minutes call: the minutes' own codes, then the meetings' ones. */
export function minutesErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'version_conflict':
        return t('minutes.error.conflict');
      case 'corrections_open':
        return t('minutes.error.correctionsOpen');
      case 'minutes_not_sent':
      case 'minutes_confirmed':
        return t('minutes.error.state');
      case 'too_many_corrections':
        return t('minutes.error.tooMany');
      case 'too_many_open_corrections':
        return t('minutes.error.tooManyOpen');
      case 'correction_resolved':
        return t('minutes.error.resolved');
      case 'forbidden':
        return t('minutes.error.forbidden');
    }
    if (error.status === 409) return t('minutes.error.state');
  }
  return meetingsErrorText(error, t);
}
