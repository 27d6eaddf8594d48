import { meetingDayText, meetingLabel } from '@sakutei/shared';
import type { Locale, MessageKey, Translate } from '../../i18n';
import { ApiError } from '../../lib/api';
import type { AttendanceValue, Meeting, MeetingSummary, QuorumRule } from '@sakutei/shared';

export { meetingDayText };

/** The day an agenda was sent, in Japan: `11月13日`, or `2025-11-13` in English (the list's column is narrow). */
export function sentDayText(iso: string, locale: Locale): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  const [, month, date] = day.split('-').map(Number);
  return locale === 'ja' ? `${month}月${date}日` : day;
}

/** `14:00〜16:00`, `14:00〜`, or '' when the meeting has no start time. */
export function meetingTimeText(m: Pick<MeetingSummary, 'startTime' | 'endTime'>, t: Translate): string {
  if (m.startTime === null) return '';
  return m.endTime === null ? t('meetings.time.from', { start: m.startTime }) : t('meetings.time.range', { start: m.startTime, end: m.endTime });
}

/** The date with its time, as the list and the page head show it. */
export function meetingWhenText(m: Pick<MeetingSummary, 'date' | 'startTime' | 'endTime'>, t: Translate, locale: Locale): string {
  const time = meetingTimeText(m, t);
  return time === '' ? meetingDayText(m.date, locale) : `${meetingDayText(m.date, locale)} ${time}`;
}

/**
 * 「令和7年度 第3回」: the server's label is Japanese; English builds it from the same derived
 * number, so both languages name the same meeting the same way.
 */
export function meetingLabelText(m: Pick<MeetingSummary, 'label' | 'fiscalYear' | 'ordinal' | 'kind' | 'subcommittee'>, locale: Locale): string {
  return locale === 'ja' ? m.label : meetingLabel(m, m.ordinal, 'en');
}

/** The label and, when there is one, the subject: 「令和7年度 第3回 計画素案の審議」. */
export function meetingHeading(m: MeetingSummary, locale: Locale): string {
  const label = meetingLabelText(m, locale);
  return m.title === '' ? label : `${label} ${m.title}`;
}

const ATTENDANCE_KEYS: Record<AttendanceValue, MessageKey> = {
  present: 'meetings.attendance.present',
  online: 'meetings.attendance.online',
  proxy: 'meetings.attendance.proxyValue',
  absent: 'meetings.attendance.absent',
};

export const attendanceText = (value: AttendanceValue | null, t: Translate) =>
  value === null ? t('meetings.attendance.unset') : t(ATTENDANCE_KEYS[value]);

/** 「定足数 6 / 出席 7 — 成立」. */
export function quorumStatusText(q: Pick<Meeting['quorum'], 'required' | 'present' | 'met'>, t: Translate): string {
  return t('meetings.quorum.status', { required: q.required, present: q.present, result: t(q.met ? 'meetings.quorum.met' : 'meetings.quorum.notMet') });
}

/** 「委員（座長・座長代理を含む）の過半数の出席で成立します。代理出席を出席に数えます。」 */
export function quorumRuleText(rule: QuorumRule, t: Translate): string {
  const ruleText =
    rule.kind === 'atLeastCount' ? t('meetings.quorumSetting.rule.atLeastCount', { count: rule.count }) : t(`meetings.quorumSetting.rule.${rule.kind}`);
  const proxy = t(rule.proxyCounts ? 'meetings.quorumSetting.proxyCounts' : 'meetings.quorumSetting.proxyNotCounted');
  return t('meetings.quorumSetting.current', { rule: ruleText, proxy });
}

/** The sentence for a failed meetings call, by the server's stable code. */
export function meetingsErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('meetings.error.failed');
  switch (error.code) {
    case 'version_conflict':
      return t('meetings.error.conflict');
    case 'too_many_meetings':
      return t('meetings.error.tooMany');
    case 'meeting_not_scheduled':
      return t('meetings.error.notScheduled');
    case 'invalid_link':
      return t('meetings.error.invalidLink');
    case 'invalid_attendee':
      return t('meetings.error.invalidAttendee');
    case 'council_archived':
      return t('meetings.error.archived');
    case 'rate_limited':
      return t('meetings.error.rateLimited');
    case 'forbidden':
      return t('meetings.error.forbidden');
    default:
      return error.status === 400 ? t('meetings.error.invalid', { reason: error.message }) : t('meetings.error.failed');
  }
}

/** Whether a failure means the page's copy is stale (someone else changed the meeting, or the council's members changed): reload it. */
export const isVersionConflict = (error: unknown) => error instanceof ApiError && (error.code === 'version_conflict' || error.code === 'invalid_attendee');
