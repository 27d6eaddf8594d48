import { z } from 'zod';
import { ROLES } from '../access/roles';
import { DECISION_KINDS, RECORDABLE_DECISION_KINDS } from '../meetings/decisions';
// The decisions' pure rules travel with their schemas (one import for routes and client).
export * from '../meetings/decisions';
import { ATTENDANCE, MEETING_KINDS, MEETING_STATUSES } from '../meetings/kinds';
import { IsoDate } from './member';

/**
 * Meetings of a council (第n回), their agenda (次第) and attendance, and the council's quorum
 * rule: what the meetings routes take and answer (issue 17, landing A).
 */

export const MAX_MEETING_TITLE_CHARS = 200;
export const MAX_MEETING_PLACE_CHARS = 200;
export const MAX_SUBCOMMITTEE_CHARS = 60;
export const MAX_ONLINE_URL_CHARS = 500;
export const MAX_MEETINGS_PER_COUNCIL = 500;
export const MAX_AGENDA_ITEMS = 50;
export const MAX_AGENDA_ITEM_TITLE_CHARS = 200;
export const MAX_PRESENTER_CHARS = 60;
export const MAX_AGENDA_LINKS = 10;
export const MAX_AGENDA_LINK_TEXT_CHARS = 200;
/** A section link names its heading by text; longer headings are cut to this when listed. */
export const MAX_HEADING_LINK_CHARS = 200;
const Id = z.string().min(1).max(64);
/** An item's time in minutes: a whole day at most. */
export const MAX_AGENDA_ITEM_MINUTES = 1440;
export const MAX_PROXY_NAME_CHARS = 60;
/** More entries than any council has voters and staff. */
export const MAX_ATTENDANCE_ENTRIES = 300;
export const MAX_QUORUM_COUNT = 1000;

export const MeetingKind = z.enum(MEETING_KINDS);
export type MeetingKind = z.infer<typeof MeetingKind>;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;
export const AttendanceValue = z.enum(ATTENDANCE);
export type AttendanceValue = z.infer<typeof AttendanceValue>;

// Control characters, and the bidirectional overrides that make a line read other than it is.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** One line of text: trimmed, at most `max` characters, no control characters or line breaks. */
const Line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !UNPRINTABLE.test(s), { message: 'no control characters or line breaks' });

/** A council's wall-clock day, YYYY-MM-DD, in the years a council may meet. */
export const MeetingDate = IsoDate.refine((s) => s >= '1900-01-01' && s <= '2199-12-31', { message: 'a date between 1900 and 2199' });

/** `HH:MM`, 00:00–23:59. */
export const MeetingTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a time is written HH:MM' });

/** Where to join online: https, or http on this machine (a local test). Anything else could run script or leak. */
export const OnlineUrl = z
  .string()
  .trim()
  .max(MAX_ONLINE_URL_CHARS)
  .refine(
    (s) => {
      try {
        const url = new URL(s);
        return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
      } catch {
        return false;
      }
    },
    { message: 'an online link starts with https://' },
  );

const QuorumProxy = { proxyCounts: z.boolean() };

/** The council's quorum rule (定足数): a share of the voting members, or a fixed count. */
export const QuorumRule = z.union([
  z.object({ kind: z.enum(['moreThanHalf', 'atLeastHalf', 'atLeastTwoThirds']), ...QuorumProxy }).strict(),
  z.object({ kind: z.literal('atLeastCount'), count: z.number().int().min(1).max(MAX_QUORUM_COUNT), ...QuorumProxy }).strict(),
]);
export type QuorumRule = z.infer<typeof QuorumRule>;

// ---------------------------------------------------------------- responses

/** What an agenda item concerns: a frozen revision or a plan of this council, or a line of text. */
export const AgendaLink = z.union([
  // planId: the revision's plan, so the link can open it (absent on links stored before it was kept).
  z.object({ kind: z.literal('revision'), revisionId: z.string(), planId: z.string().optional(), label: z.string() }),
  z.object({ kind: z.literal('plan'), planId: z.string(), label: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  // A chapter/section heading of the plan's draft, named by its text (headings carry no ids).
  z.object({ kind: z.literal('section'), planId: z.string(), headingText: z.string(), label: z.string(), gone: z.boolean().optional() }),
  // A comment thread (意見) of the plan's draft.
  z.object({ kind: z.literal('thread'), planId: z.string(), threadId: z.string(), label: z.string(), gone: z.boolean().optional() }),
  // A KPI of the plan's measure table.
  z.object({ kind: z.literal('kpi'), planId: z.string(), kpiId: z.string(), label: z.string(), gone: z.boolean().optional() }),
  // A material (資料n) of this meeting.
  z.object({ kind: z.literal('material'), materialId: z.string(), label: z.string(), gone: z.boolean().optional() }),
]);
/** `gone`: the target has since been deleted; the label is the one stored when the link was saved (（削除済み）). */
export type AgendaLink = z.infer<typeof AgendaLink>;

/** What an agenda item may link to in one plan of the council, for the agenda editor's pickers. */
export const AgendaLinkTargets = z.object({
  sections: z.array(z.object({ headingText: z.string(), level: z.number().int() })),
  threads: z.array(z.object({ id: z.string(), label: z.string() })),
  kpis: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type AgendaLinkTargets = z.infer<typeof AgendaLinkTargets>;

export const AgendaItem = z.object({
  id: z.string(),
  /** 1-based. */
  position: z.number().int(),
  title: z.string(),
  presenter: z.string(),
  minutes: z.number().int().nullable(),
  links: z.array(AgendaLink),
  /** New or changed since the agenda was last sent (送付後に変更). */
  changedAfterSent: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AttendanceEntry = z.object({
  userId: z.string(),
  name: z.string(),
  /** chair, vice_chair, member (they count towards the quorum) or staff (listed, never counted). */
  role: z.enum(ROLES),
  attendance: AttendanceValue.nullable(),
  proxyName: z.string().nullable(),
});
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

export const MeetingSummary = z.object({
  id: z.string(),
  kind: MeetingKind,
  subcommittee: z.string().nullable(),
  title: z.string(),
  date: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  place: z.string(),
  onlineUrl: z.string().nullable(),
  status: MeetingStatus,
  fiscalYear: z.number().int(),
  /** 第n回 within the fiscal year (and the subcommittee, for a subcommittee meeting). */
  ordinal: z.number().int(),
  /** The Japanese label, 「令和7年度 第3回」. */
  label: z.string(),
  agendaSentAt: z.string().nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingQuorum = z.object({
  rule: QuorumRule,
  required: z.number().int(),
  present: z.number().int(),
  met: z.boolean(),
  /** The council's voting members now (chair, vice chair, members). */
  voters: z.number().int(),
});
export type MeetingQuorum = z.infer<typeof MeetingQuorum>;

export const MAX_DECISION_TEXT_CHARS = 2000;
/** More than any meeting takes; keeps a runaway client from filling the record. */
export const MAX_DECISIONS_PER_MEETING = 200;
const VoteCount = z.number().int().min(0).max(10_000);
/** The vote on a decision: 全会一致, or 賛成 / 反対 / 棄権 counts (checked against the voters present by the server). */
export const DecisionVote = z.union([
  z.object({ unanimous: z.literal(true) }).strict(),
  z.object({ for: VoteCount, against: VoteCount, abstain: VoteCount }).strict(),
]);
export type DecisionVote = z.infer<typeof DecisionVote>;
export const DecisionKind = z.enum(DECISION_KINDS);
export type DecisionKind = z.infer<typeof DecisionKind>;

/** A decision taken in a meeting on one of its agenda items (議決 / 報告 / 了承, or a review decided there). */
export const MeetingDecision = z.object({
  id: z.string(),
  agendaItemId: z.string(),
  kind: DecisionKind,
  text: z.string(),
  vote: DecisionVote.nullable(),
  /** The revision a review decision was taken on; null for the others. */
  revisionId: z.string().nullable(),
  decidedAt: z.string(),
  /** Who recorded it (a review decision: the chair or vice chair who decided); null once the account is gone. */
  decidedBy: z.object({ userId: z.string(), name: z.string() }).nullable(),
});
export type MeetingDecision = z.infer<typeof MeetingDecision>;

export const Meeting = MeetingSummary.extend({
  agenda: z.array(AgendaItem),
  attendance: z.array(AttendanceEntry),
  quorum: MeetingQuorum,
  /** Decisions in agenda order, then in the order they were taken. */
  decisions: z.array(MeetingDecision),
  /** Bumped on every change of the meeting, its agenda or its attendance; writes name the version they saw. */
  version: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingListResponse = z.object({ meetings: z.array(MeetingSummary), quorum: QuorumRule, mayManage: z.boolean() });
export type MeetingListResponse = z.infer<typeof MeetingListResponse>;

export const MeetingResponse = z.object({ meeting: Meeting });
export type MeetingResponse = z.infer<typeof MeetingResponse>;

export const MeetingDetailResponse = z.object({ meeting: Meeting, mayManage: z.boolean() });
export type MeetingDetailResponse = z.infer<typeof MeetingDetailResponse>;

export const MeetingSettings = z.object({ quorum: QuorumRule });
export type MeetingSettings = z.infer<typeof MeetingSettings>;

export const MeetingSettingsResponse = z.object({ quorum: QuorumRule, mayManage: z.boolean() });
export type MeetingSettingsResponse = z.infer<typeof MeetingSettingsResponse>;

// ---------------------------------------------------------------- requests

const Version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const OptionalTime = MeetingTime.nullable().optional();

export const CreateMeetingRequest = z
  .object({
    kind: MeetingKind,
    /** 部会名: required for a subcommittee meeting, refused for the others. */
    subcommittee: Line(MAX_SUBCOMMITTEE_CHARS).nullable().optional(),
    title: Line(MAX_MEETING_TITLE_CHARS).optional(),
    date: MeetingDate,
    startTime: OptionalTime,
    endTime: OptionalTime,
    place: Line(MAX_MEETING_PLACE_CHARS).optional(),
    onlineUrl: OnlineUrl.nullable().optional(),
  })
  .strict();
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;

/**
 * A change of the meeting's facts, naming the version it was made on (409 when another change
 * came first). Status moves between scheduled and held only; later landings confirm and publish.
 */
export const UpdateMeetingRequest = z
  .object({
    version: Version,
    kind: MeetingKind.optional(),
    subcommittee: Line(MAX_SUBCOMMITTEE_CHARS).nullable().optional(),
    title: Line(MAX_MEETING_TITLE_CHARS).optional(),
    date: MeetingDate.optional(),
    startTime: OptionalTime,
    endTime: OptionalTime,
    place: Line(MAX_MEETING_PLACE_CHARS).optional(),
    onlineUrl: OnlineUrl.nullable().optional(),
    status: MeetingStatus.optional(),
  })
  .strict();
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequest>;

/** A link as a client sends it: the server names revisions and plans, and finds a revision's plan, itself (a label or planId sent is ignored). */
export const AgendaLinkInput = z.union([
  z
    .object({ kind: z.literal('revision'), revisionId: z.string().min(1).max(64), planId: z.string().max(64).optional(), label: z.string().max(400).optional() })
    .strict(),
  z.object({ kind: z.literal('plan'), planId: z.string().min(1).max(64), label: z.string().max(400).optional() }).strict(),
  z.object({ kind: z.literal('text'), text: Line(MAX_AGENDA_LINK_TEXT_CHARS).pipe(z.string().min(1)) }).strict(),
  z
    .object({ kind: z.literal('section'), planId: Id, headingText: z.string().min(1).max(MAX_HEADING_LINK_CHARS), label: z.string().max(400).optional() })
    .strict(),
  z.object({ kind: z.literal('thread'), planId: Id, threadId: Id, label: z.string().max(400).optional() }).strict(),
  z.object({ kind: z.literal('kpi'), planId: Id, kpiId: Id, label: z.string().max(400).optional() }).strict(),
  z.object({ kind: z.literal('material'), materialId: Id, label: z.string().max(400).optional() }).strict(),
]);
export type AgendaLinkInput = z.infer<typeof AgendaLinkInput>;

export const AgendaItemInput = z
  .object({
    /** An existing item's id keeps it (and its 送付後に変更 mark); an item without one is new. */
    id: z.string().min(1).max(64).optional(),
    title: Line(MAX_AGENDA_ITEM_TITLE_CHARS).pipe(z.string().min(1, { message: 'an agenda item needs a title' })),
    presenter: Line(MAX_PRESENTER_CHARS).optional(),
    minutes: z.number().int().min(0).max(MAX_AGENDA_ITEM_MINUTES).nullable().optional(),
    links: z.array(AgendaLinkInput).max(MAX_AGENDA_LINKS).optional(),
  })
  .strict();
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

/** The whole agenda in order: it replaces the stored one. */
export const ReplaceAgendaRequest = z.object({ version: Version, items: z.array(AgendaItemInput).max(MAX_AGENDA_ITEMS) }).strict();
export type ReplaceAgendaRequest = z.infer<typeof ReplaceAgendaRequest>;

export const AttendanceInput = z
  .object({
    userId: z.string().min(1).max(64),
    /** null clears what was recorded. */
    attendance: AttendanceValue.nullable(),
    /** Who attends for them: required for a proxy, refused otherwise. */
    proxyName: Line(MAX_PROXY_NAME_CHARS).nullable().optional(),
  })
  .strict();
export type AttendanceInput = z.infer<typeof AttendanceInput>;

/** Attendance of the people named; those not named keep what was recorded. */
export const SetAttendanceRequest = z.object({ version: Version, entries: z.array(AttendanceInput).max(MAX_ATTENDANCE_ENTRIES) }).strict();
export type SetAttendanceRequest = z.infer<typeof SetAttendanceRequest>;

/** A decision recorded by hand: 議決 (needs the quorum), 報告 or 了承; the vote is optional. */
export const RecordDecisionRequest = z
  .object({
    agendaItemId: z.string().min(1).max(64),
    kind: z.enum(RECORDABLE_DECISION_KINDS),
    text: z.string().max(MAX_DECISION_TEXT_CHARS),
    vote: DecisionVote.nullable().optional(),
  })
  .strict();
export type RecordDecisionRequest = z.infer<typeof RecordDecisionRequest>;
