import {
  type MeetingCalendarEntry,
  type MeetingCalendarPlan,
  type MeetingCalendarResponse,
  calendarDay,
  compareMeetings,
  groupByFiscalMonth,
  meetingFiscalYear,
} from '@sakutei/shared';
import type { AppDeps } from '../env';
import { canSeeRevision } from '../policies/revisions';
import { numbersOf, presentMeetingSummary } from '../presenters/meeting';
import type { UserRecord } from '../storage';
import { meetingAccess } from './meetingAccess';

/** A moment as the day it fell on in Japan, `YYYY-MM-DD` (councils date their events there). */
function dayOf(at: number): string {
  const { year, month, day } = calendarDay(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The calendar of a council's plan cycle for one fiscal year (issue 17): its meetings, and
 * the events of its plans that carry a day in the data — a revision submitted for review (the
 * review's opening), a revision approved, a plan period's first year starting (1 April) and
 * its last ending (31 March). Read from what is stored; nothing of its own is kept.
 */
export function meetingCalendarService(deps: Pick<AppDeps, 'storage'>) {
  const { storage } = deps;
  const access = meetingAccess(deps);

  return {
    async get(user: UserRecord, workspaceId: string, fy?: number): Promise<MeetingCalendarResponse> {
      const role = await access.reader(workspaceId, user);
      const fiscalYear = fy ?? meetingFiscalYear(dayOf(Date.now()));
      const [meetings, visiblePlans] = await Promise.all([storage.meetings.list(workspaceId), storage.plans.listVisibleTo(user.id)]);
      const plans = visiblePlans.filter((p) => p.workspaceId === workspaceId);
      const numbers = numbersOf(meetings);

      // One day's entries keep this order: a period starting, the meetings as numbered, the
      // revisions' steps as they happened, a period ending.
      const starts: MeetingCalendarEntry[] = [];
      const ends: MeetingCalendarEntry[] = [];
      const steps: Array<{ at: number; entry: MeetingCalendarEntry }> = [];
      const covering: MeetingCalendarPlan[] = [];
      for (const plan of plans) {
        const ref = { planId: plan.id, planTitle: plan.title };
        if (plan.periodFrom !== null && plan.periodTo !== null) {
          const period = { ...ref, from: plan.periodFrom, to: plan.periodTo };
          starts.push({ kind: 'periodStart', date: `${plan.periodFrom}-04-01`, ...period });
          ends.push({ kind: 'periodEnd', date: `${plan.periodTo + 1}-03-31`, ...period });
          if (plan.periodFrom <= fiscalYear && fiscalYear <= plan.periodTo) covering.push({ ...period, yearOfPeriod: fiscalYear - plan.periodFrom + 1 });
        }
        for (const r of await storage.revisions.list(plan.id)) {
          if (!canSeeRevision(role, user.id, r)) continue;
          const revision = { ...ref, revisionId: r.id, number: r.number, name: r.name };
          if (r.reviewOpenedAt !== null) steps.push({ at: r.reviewOpenedAt, entry: { kind: 'revisionSubmitted', date: dayOf(r.reviewOpenedAt), ...revision } });
          if (r.review.status === 'approved' && r.decidedAt !== null) steps.push({ at: r.decidedAt, entry: { kind: 'revisionApproved', date: dayOf(r.decidedAt), ...revision } });
        }
      }
      const held = [...meetings].sort(compareMeetings).map((m): MeetingCalendarEntry => ({ kind: 'meeting', date: m.date, meeting: presentMeetingSummary(m, numbers) }));
      const entries = [...starts, ...held, ...steps.sort((a, b) => a.at - b.at).map((s) => s.entry), ...ends];
      return { fiscalYear, months: groupByFiscalMonth(fiscalYear, entries), plans: covering };
    },
  };
}
