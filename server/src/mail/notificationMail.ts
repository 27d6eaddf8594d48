import { isMeetingNotificationKind, meetingNotificationPath, plainBody } from '@sakutei/shared';
import type { NotificationView } from '../storage';
import type { OutgoingMail } from './mailer';

// Mail is Japanese first with English below, like the app: we do not know the reader's locale.

/**
 * Where a notification opens in the app: its thread, or its revision in the plan's 版・審議 tab;
 * a meeting's, the meeting or its minutes (as the bell links).
 */
export function notificationPath(n: Pick<NotificationView, 'kind' | 'planId' | 'workspaceId' | 'meetingId' | 'threadId' | 'revisionId'>): string {
  if (isMeetingNotificationKind(n.kind) && n.workspaceId && n.meetingId) return meetingNotificationPath(n.kind, n.workspaceId, n.meetingId);
  const plan = `/plans/${encodeURIComponent(n.planId ?? '')}`;
  if (n.threadId) return `${plan}#thread-${encodeURIComponent(n.threadId)}`;
  return n.revisionId ? `${plan}?revision=${encodeURIComponent(n.revisionId)}#revisions` : `${plan}#revisions`;
}

function revisionLabel(n: NotificationView): { ja: string; en: string } {
  const name = n.revisionName ? ` ${n.revisionName}` : '';
  return { ja: `第${n.revisionNumber ?? '?'}版${name}`, en: `revision ${n.revisionNumber ?? '?'}${name}` };
}

/** One line saying what happened, in Japanese and in English. */
export function notificationHeadline(n: NotificationView): { ja: string; en: string } {
  const who = n.actorName;
  const thread = `#${n.threadNumber ?? '?'}`;
  const rev = revisionLabel(n);
  switch (n.kind) {
    case 'mention':
      return { ja: `${who}さんがコメント ${thread} であなたに言及しました`, en: `${who} mentioned you in comment ${thread}` };
    case 'reply':
      return { ja: `${who}さんがコメント ${thread} に返信しました`, en: `${who} replied in comment ${thread}` };
    case 'reviewOpened':
      return { ja: `${who}さんが${rev.ja}の審議を始めました`, en: `${who} opened the review of ${rev.en}` };
    case 'changesRequested':
      return { ja: `${who}さんが${rev.ja}を差し戻しました`, en: `${who} sent ${rev.en} back` };
    case 'approved':
      return { ja: `${who}さんが${rev.ja}を承認しました`, en: `${who} approved ${rev.en}` };
    case 'responded':
      return { ja: `${who}さんがあなたの意見 ${thread} に対応方針を記録しました`, en: `${who} recorded a response to your opinion ${thread}` };
    case 'meeting.agendaSent':
      return { ja: `${who}さんが${n.label}の次第を送付しました`, en: `${who} sent the agenda of meeting ${n.label}` };
    case 'meeting.minutesSent':
      return { ja: `${who}さんが${n.label}の議事録（案）を送付しました。ご確認ください`, en: `${who} sent the draft minutes of meeting ${n.label} for your corrections` };
    case 'meeting.minutesCorrection':
      return { ja: `${who}さんが${n.label}の議事録に修正を申し出ました`, en: `${who} suggested a correction to the minutes of meeting ${n.label}` };
  }
}

/** What the notification belongs to, as mail names it: the plan, or a meeting's council. */
const subjectOf = (n: NotificationView): { title: string; line: string } =>
  n.meetingId !== null ? { title: n.councilName, line: `会議: ${n.councilName} ${n.label}` } : { title: n.planTitle, line: `計画: ${n.planTitle}` };

function excerptOf(n: NotificationView): string {
  const text = plainBody(n.excerpt).trim();
  return text ? `「${text}」` : '';
}

const FOOTER = (publicUrl: string) =>
  `--\nSakutei ${publicUrl}\nメールの受け取り方（すぐに / 1日1回まとめて / 受け取らない）は、通知の設定で変えられます。\nChoose how you get these e-mails (at once / a daily digest / none) in the notification settings.`;

/** The e-mail for one notification, sent at once. */
export function notificationMail(n: NotificationView, to: string, publicUrl: string): OutgoingMail {
  const head = notificationHeadline(n);
  const link = `${publicUrl}${notificationPath(n)}`;
  const excerpt = excerptOf(n);
  const about = subjectOf(n);
  return {
    to,
    subject: `【${about.title}】${head.ja}`,
    text: [`${head.ja}。`, about.line, ...(excerpt ? [excerpt] : []), '', `開く: ${link}`, '', `${head.en}.`, `Open: ${link}`, '', FOOTER(publicUrl)].join('\n'),
  };
}

/** Most notifications listed in one digest; the rest are counted and left to the app. */
export const DIGEST_MAX_ITEMS = 50;

/** One e-mail summarising a day's notifications, oldest first. */
export function digestMail(items: NotificationView[], to: string, publicUrl: string): OutgoingMail {
  const shown = items.slice(0, DIGEST_MAX_ITEMS);
  const lines = shown.flatMap((n) => {
    const head = notificationHeadline(n);
    const excerpt = excerptOf(n);
    return [`■ ${subjectOf(n).title}`, `  ${head.ja}`, `  ${head.en}`, ...(excerpt ? [`  ${excerpt}`] : []), `  ${publicUrl}${notificationPath(n)}`, ''];
  });
  const more = items.length - shown.length;
  return {
    to,
    subject: `Sakutei: 通知のまとめ（${items.length}件） / Daily summary (${items.length})`,
    text: [
      `この1日の通知が ${items.length} 件あります。`,
      `You have ${items.length} notification${items.length === 1 ? '' : 's'} from the past day.`,
      '',
      ...lines,
      ...(more > 0 ? [`ほか ${more} 件はアプリの通知でご覧ください。 / ${more} more in the app.`, ''] : []),
      FOOTER(publicUrl),
    ].join('\n'),
  };
}
