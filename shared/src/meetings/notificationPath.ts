/** The kinds of notification that are about a meeting rather than a plan. */
export type MeetingNotificationKind = 'meeting.agendaSent' | 'meeting.minutesSent' | 'meeting.minutesCorrection';

/**
 * Where a meeting's notification opens in the app: a sent agenda on the meeting's page, sent
 * minutes and a correction filed on them on its minutes page. The bell links here and the
 * e-mail gives it after the server's public address.
 */
export function meetingNotificationPath(kind: MeetingNotificationKind, workspaceId: string, meetingId: string): string {
  const meeting = `/councils/${encodeURIComponent(workspaceId)}/meetings/${encodeURIComponent(meetingId)}`;
  return kind === 'meeting.agendaSent' ? meeting : `${meeting}/minutes`;
}

export const isMeetingNotificationKind = (kind: string): kind is MeetingNotificationKind => kind.startsWith('meeting.');
