import { z } from 'zod';

/*
 * TEMPORARY: the meetings contract (notes/contract17.md) until the shared schemas land in
 * @sakutei/shared; then this module is replaced by imports from there.
 */

export const MEETING_KINDS = ['regular', 'extraordinary', 'subcommittee', 'written'] as const;
export const MEETING_STATUSES = ['scheduled', 'held', 'minutesConfirmed', 'published'] as const;
export const ATTENDANCE = ['present', 'online', 'proxy', 'absent'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type AttendanceValue = (typeof ATTENDANCE)[number];

export const QuorumRule = z.union([
  z.object({ kind: z.enum(['moreThanHalf', 'atLeastHalf', 'atLeastTwoThirds']), proxyCounts: z.boolean() }),
  z.object({ kind: z.literal('atLeastCount'), count: z.number().int(), proxyCounts: z.boolean() }),
]);
export type QuorumRule = z.infer<typeof QuorumRule>;

export const MeetingSummary = z.object({
  id: z.string(),
  kind: z.enum(MEETING_KINDS),
  subcommittee: z.string().nullable(),
  title: z.string(),
  date: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  place: z.string(),
  onlineUrl: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  fiscalYear: z.number(),
  ordinal: z.number(),
  label: z.string(),
  agendaSentAt: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const AgendaLink = z.union([
  z.object({ kind: z.literal('revision'), revisionId: z.string(), label: z.string() }),
  z.object({ kind: z.literal('plan'), planId: z.string(), label: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);
export type AgendaLink = z.infer<typeof AgendaLink>;

export const AgendaItem = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  presenter: z.string(),
  minutes: z.number().nullable(),
  links: z.array(AgendaLink),
  changedAfterSent: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AttendanceEntry = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(['chair', 'vice_chair', 'member', 'staff', 'observer']),
  attendance: z.enum(ATTENDANCE).nullable(),
  proxyName: z.string().nullable(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

export const Meeting = MeetingSummary.extend({
  agenda: z.array(AgendaItem),
  attendance: z.array(AttendanceEntry),
  quorum: z.object({ rule: QuorumRule, required: z.number(), present: z.number(), met: z.boolean(), voters: z.number() }),
  version: z.number(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingsResponse = z.object({ meetings: z.array(MeetingSummary), quorum: QuorumRule, mayManage: z.boolean() });
export type MeetingsResponse = z.infer<typeof MeetingsResponse>;
export const MeetingResponse = z.object({ meeting: Meeting, mayManage: z.boolean().optional() });
export const MeetingDetailResponse = z.object({ meeting: Meeting, mayManage: z.boolean() });
export type MeetingDetailResponse = z.infer<typeof MeetingDetailResponse>;
export const QuorumResponse = z.object({ quorum: QuorumRule });

export type CreateMeetingRequest = {
  kind: MeetingKind;
  subcommittee?: string;
  title?: string;
  date: string;
  startTime?: string | null;
  endTime?: string | null;
  place?: string;
  onlineUrl?: string | null;
};
export type UpdateMeetingRequest = Omit<Partial<CreateMeetingRequest>, 'subcommittee'> & { status?: MeetingStatus; subcommittee?: string | null; version: number };
export type AgendaItemInput = { id?: string; title: string; presenter?: string; minutes?: number | null; links?: AgendaLink[] };
export type PutAgendaRequest = { version: number; items: AgendaItemInput[] };
export type PutAttendanceRequest = { version: number; entries: Array<{ userId: string; attendance: AttendanceValue | null; proxyName?: string | null }> };
