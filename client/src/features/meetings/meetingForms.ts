import { z } from 'zod';
import {
  MAX_AGENDA_ITEM_MINUTES,
  MAX_AGENDA_ITEM_TITLE_CHARS,
  MAX_AGENDA_LINKS,
  MAX_MEETING_PLACE_CHARS,
  MAX_MEETING_TITLE_CHARS,
  MAX_PRESENTER_CHARS,
  MAX_PROXY_NAME_CHARS,
  MAX_QUORUM_COUNT,
  MAX_SUBCOMMITTEE_CHARS,
  MEETING_KINDS,
  OnlineUrl,
  type CreateMeetingRequest,
  type MeetingSummary,
  type QuorumRule,
} from '@sakutei/shared';

/*
 * The forms' own shapes: a form field has no null, so "not set" is ''. Each refusal's message
 * is a code the dialog turns into a sentence in the reader's language.
 */

export const MAX_MEETING_TITLE = MAX_MEETING_TITLE_CHARS;
export const MAX_MEETING_PLACE = MAX_MEETING_PLACE_CHARS;
export const MAX_SUBCOMMITTEE = MAX_SUBCOMMITTEE_CHARS;
export const MAX_PROXY_NAME = MAX_PROXY_NAME_CHARS;
export const MAX_ITEM_TITLE = MAX_AGENDA_ITEM_TITLE_CHARS;
export const MAX_PRESENTER = MAX_PRESENTER_CHARS;
export const MAX_ITEM_MINUTES = MAX_AGENDA_ITEM_MINUTES;
export const MAX_LINKS = MAX_AGENDA_LINKS;
export { MAX_QUORUM_COUNT };

const Time = z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' })]);

/** An online meeting's address as the server takes it: https, or http on this machine (a local test setup). */
export const isMeetingUrl = (value: string): boolean => OnlineUrl.safeParse(value).success;

export const MeetingForm = z
  .object({
    kind: z.enum(MEETING_KINDS),
    subcommittee: z.string().trim().max(MAX_SUBCOMMITTEE, { message: 'subcommittee' }),
    title: z.string().trim().max(MAX_MEETING_TITLE, { message: 'title' }),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' }),
    startTime: Time,
    endTime: Time,
    place: z.string().trim().max(MAX_MEETING_PLACE, { message: 'place' }),
    onlineUrl: z.string().trim().refine((v) => v === '' || isMeetingUrl(v), { message: 'onlineUrl' }),
  })
  .refine((v) => v.kind !== 'subcommittee' || v.subcommittee !== '', { message: 'subcommittee', path: ['subcommittee'] })
  .refine((v) => v.startTime === '' || v.endTime === '' || v.startTime < v.endTime, { message: 'timeOrder', path: ['endTime'] })
  .refine((v) => v.startTime !== '' || v.endTime === '', { message: 'timeOrder', path: ['endTime'] });
export type MeetingForm = z.infer<typeof MeetingForm>;

/** A meeting as the form shows it. */
export function meetingFormValues(m: MeetingSummary): MeetingForm {
  return {
    kind: m.kind,
    subcommittee: m.subcommittee ?? '',
    title: m.title,
    date: m.date,
    startTime: m.startTime ?? '',
    endTime: m.endTime ?? '',
    place: m.place,
    onlineUrl: m.onlineUrl ?? '',
  };
}

/** The API's request to add a meeting with every field named (the form always sends them all, for a change too). */
export type MeetingRequest = { [K in keyof CreateMeetingRequest]-?: Exclude<CreateMeetingRequest[K], undefined> };

/** The form's values as the API takes them: '' becomes null, a subcommittee only for a 部会. */
export function meetingRequest(v: MeetingForm): MeetingRequest {
  return {
    kind: v.kind,
    subcommittee: v.kind === 'subcommittee' ? v.subcommittee.trim() : null,
    title: v.title.trim(),
    date: v.date,
    startTime: v.startTime === '' ? null : v.startTime,
    endTime: v.endTime === '' ? null : v.endTime,
    place: v.place.trim(),
    onlineUrl: v.onlineUrl.trim() === '' ? null : v.onlineUrl.trim(),
  };
}

export const AgendaItemForm = z.object({
  title: z.string().trim().min(1, { message: 'title' }).max(MAX_ITEM_TITLE, { message: 'title' }),
  presenter: z.string().trim().max(MAX_PRESENTER, { message: 'presenter' }),
  minutes: z.union([z.literal(''), z.string().trim().regex(/^\d+$/, { message: 'minutes' }).refine((v) => Number(v) >= 1 && Number(v) <= MAX_ITEM_MINUTES, { message: 'minutes' })]),
});
export type AgendaItemForm = z.infer<typeof AgendaItemForm>;

export const QuorumForm = z
  .object({
    kind: z.enum(['moreThanHalf', 'atLeastHalf', 'atLeastTwoThirds', 'atLeastCount']),
    count: z.string().trim(),
    proxyCounts: z.boolean(),
  })
  .refine((v) => v.kind !== 'atLeastCount' || (/^\d+$/.test(v.count) && Number(v.count) >= 1 && Number(v.count) <= MAX_QUORUM_COUNT), {
    message: 'count',
    path: ['count'],
  });
export type QuorumForm = z.infer<typeof QuorumForm>;

export const quorumFormValues = (rule: QuorumRule): QuorumForm => ({
  kind: rule.kind,
  count: rule.kind === 'atLeastCount' ? String(rule.count) : '',
  proxyCounts: rule.proxyCounts,
});

export const quorumRuleOf = (v: QuorumForm): QuorumRule =>
  v.kind === 'atLeastCount' ? { kind: 'atLeastCount', count: Number(v.count), proxyCounts: v.proxyCounts } : { kind: v.kind, proxyCounts: v.proxyCounts };
