import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { CALENDAR_FIRST_FY, CALENDAR_LAST_FY, MeetingCalendarQuery, MeetingCalendarResponse } from '@sakutei/shared';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../env';
import { meetingCalendarService } from '../../services/meetingCalendar';
import { requireUser } from '../guards';
import { cookieAuth, errorResponses, json } from '../openapi';

export const meetingCalendarRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/meetings-calendar',
  tags: ['meetings'],
  summary: "The calendar of the council's plan cycle for one fiscal year: its meetings and its plans' dated events, by month from April to March.",
  description: `\`fy\` is the fiscal year by the western year it starts in (令和8年度 = 2026), ${CALENDAR_FIRST_FY}–${CALENDAR_LAST_FY} (400 otherwise); this fiscal year in Japan when absent. Each month lists, by day, the council's meetings (numbered 第n回 as in the meeting list), revisions submitted for review (the day the review opened) and approved, and the first (1 April) and last (31 March) fiscal year of a plan's period; \`plans\` names the plans whose period covers the year and which year of it this is. Computed from what is stored; KPI actuals carry no day and are not on it. Members, the vice chair, the chair and staff read it (meetings.read); observers and other councils get 404.`,
  security: cookieAuth,
  request: { params: z.object({ id: z.string().min(1).max(64) }), query: MeetingCalendarQuery },
  responses: {
    200: json(MeetingCalendarResponse, 'The fiscal year, its twelve months and the plans it falls in.'),
    400: errorResponses[400],
    401: errorResponses[401],
    404: errorResponses[404],
  },
});

/** The calendar of a council's plan cycle (issue 17); who may is asked in the service. */
export function meetingCalendarRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const calendar = meetingCalendarService(deps);
  return app.openapi(meetingCalendarRoute, async (c) => c.json(await calendar.get(requireUser(c), c.req.valid('param').id, c.req.valid('query').fy), 200));
}
