import type { meetingExportsJa } from './meetingExports.ja';

export const meetingExportsEn: Record<keyof typeof meetingExportsJa, string> = {
  'meetingExports.title': 'Documents',
  'meetingExports.lead': 'Download in the usual government layout, as a Word file or a page to print.',
  'meetingExports.agenda': 'Agenda (次第)',
  'meetingExports.attendance': 'Attendance list (出席者名簿)',
  'meetingExports.minutes': 'Minutes (議事録)',
  'meetingExports.minutesDraft': 'Draft minutes (議事録（案）)',
  'meetingExports.docx': 'Word',
  'meetingExports.html': 'Printable HTML',
  'meetingExports.linkLabel': 'Download the {document} as {format}',
  'meetingExports.names': 'Names in the minutes',
  'meetingExports.names.asSpoken': 'As spoken',
  'meetingExports.names.anonymised': 'Anonymised (委員A, 委員B …)',
  'meetingExports.draftHint': 'Only staff and the chair can export minutes before they are confirmed; the file is marked 「（案）」 (draft).',
  'meetingExports.minutesLater': 'The minutes can be exported once the chair has confirmed them.',
};
