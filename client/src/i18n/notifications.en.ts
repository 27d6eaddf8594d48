import type { notificationsJa } from './notifications.ja';

export const notificationsEn: Record<keyof typeof notificationsJa, string> = {
  'notifications.kind.reviewOpened': 'Review opened',
  'notifications.kind.changesRequested': 'Sent back',
  'notifications.kind.approved': 'Approved',
  'notifications.kind.responded': 'Response recorded',
  'notifications.kind.meeting.agendaSent': 'Agenda sent',
  'notifications.kind.meeting.minutesSent': 'Draft minutes sent',
  'notifications.kind.meeting.minutesCorrection': 'Minutes correction suggested',
  'notifications.meeting': '{council}, meeting {label}',
  'notifications.revision': 'Revision {number} {name}',
  'notifications.settings.open': 'E-mail settings',
  'notifications.settings.legend': 'How to get notifications by e-mail',
  'notifications.settings.immediate': 'At once',
  'notifications.settings.daily': 'Once a day, in one summary (8:00 JST)',
  'notifications.settings.off': 'Never (in the app only)',
  'notifications.settings.saved': 'Saved.',
  'notifications.settings.saveFailed': 'Could not save. Please try again.',
  'notifications.settings.loadFailed': 'Could not load the settings.',
  'notifications.settings.mailDisabled': 'This server is not set up to send e-mail. Your choice is kept and used once sending is turned on.',
};
