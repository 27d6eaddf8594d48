import { z } from 'zod';
import { MeetingSummary } from './meetings';

/**
 * The calendar of a council's plan cycle for one fiscal year (issue 17): its meetings and the
 * plan's own events that have a day in the data — revisions submitted for review and approved,
 * a plan period's first and last fiscal year — grouped by month, April to March.
 */

/** The years a calendar can be asked for: those a meeting's day (1900-01-01 … 2199-12-31) can fall in. */
export const CALENDAR_FIRST_FY = 1899;
export const CALENDAR_LAST_FY = 2199;

export const MeetingCalendarQuery = z.object({
  /** The fiscal year by the western year it starts in (令和8年度 = 2026); this fiscal year when absent. */
  fy: z.coerce.number().int().min(CALENDAR_FIRST_FY).max(CALENDAR_LAST_FY).optional(),
});

const Day = z.string();
const PlanRef = { planId: z.string(), planTitle: z.string() };
const RevisionRef = { ...PlanRef, revisionId: z.string(), number: z.number().int(), name: z.string() };

export const MeetingCalendarEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meeting'), date: Day, meeting: MeetingSummary }),
  /** A revision put to review (審議依頼) that day. */
  z.object({ kind: z.literal('revisionSubmitted'), date: Day, ...RevisionRef }),
  /** A revision approved (承認) that day. */
  z.object({ kind: z.literal('revisionApproved'), date: Day, ...RevisionRef }),
  /** The plan period's first fiscal year begins (placed on 1 April). */
  z.object({ kind: z.literal('periodStart'), date: Day, ...PlanRef, from: z.number().int(), to: z.number().int() }),
  /** The plan period's last fiscal year ends (placed on 31 March). */
  z.object({ kind: z.literal('periodEnd'), date: Day, ...PlanRef, from: z.number().int(), to: z.number().int() }),
]);
export type MeetingCalendarEntry = z.infer<typeof MeetingCalendarEntry>;

export const MeetingCalendarMonth = z.object({ year: z.number().int(), month: z.number().int(), entries: z.array(MeetingCalendarEntry) });
export type MeetingCalendarMonth = z.infer<typeof MeetingCalendarMonth>;

/** A plan of the council whose period covers the year, and which year of it this is (計画期間 n年目). */
export const MeetingCalendarPlan = z.object({ ...PlanRef, from: z.number().int(), to: z.number().int(), yearOfPeriod: z.number().int() });
export type MeetingCalendarPlan = z.infer<typeof MeetingCalendarPlan>;

export const MeetingCalendarResponse = z.object({
  fiscalYear: z.number().int(),
  /** Always twelve, April first. */
  months: z.array(MeetingCalendarMonth),
  plans: z.array(MeetingCalendarPlan),
});
export type MeetingCalendarResponse = z.infer<typeof MeetingCalendarResponse>;
