import type { accessJa } from './access.ja';

/** English for access.ja.ts. */
export const accessEn: Record<keyof typeof accessJa, string> = {
  'access.readOnly': 'Read only',
  'access.may': 'As {role} you can: ',
  'access.mayNot': 'You cannot: ',
  'access.listSeparator': ', ',
  'access.sentenceEnd': '.',
  'access.can.plan.read': 'read the revisions the council approved',
  'access.can.draft.read': 'read the current draft (text and measure table)',
  'access.can.plan.edit': 'edit the text and the measure table',
  'access.can.draft.suggest': 'suggest changes to the text (shown struck through and underlined)',
  'access.can.comment.write': 'comment and reply',
  'access.can.thread.resolve': 'resolve and reopen threads',
  'access.can.opinion.respond': 'record the response to comments',
  'access.can.review.open': 'freeze revisions and open reviews',
  'access.can.review.decide': 'decide reviews (approve or send back)',
  'access.can.kpi.recordActuals': 'record KPI actuals',
  'access.can.plan.manage': 'change plan settings (levels, years, grading) and the period and status',
  'access.note.invited': 'A revision you are invited to review can be read and commented on while it is under review.',
  'access.note.delegated': 'In a review the chair delegates to you, you can also approve or send back.',
};
