import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../../env';
import { userRateLimit } from '../../middleware/rateLimit';
import { MeetingConflict } from '../../services/meetingAccess';
import { meetingAgendaService } from '../../services/meetingAgenda';
import { meetingAttendanceService } from '../../services/meetingAttendance';
import { meetingService } from '../../services/meetings';
import { requireUser } from '../guards';
import {
  MEETING_WRITE_RATE_LIMIT,
  agendaLinkTargetsRoute,
  createMeetingRoute,
  deleteMeetingRoute,
  getMeetingRoute,
  getMeetingSettingsRoute,
  listMeetingsRoute,
  replaceAgendaRoute,
  sendAgendaRoute,
  setAttendanceRoute,
  setMeetingSettingsRoute,
  updateMeetingRoute,
} from './schema';

/** The version conflict's answer carries the meeting as it is now, beside the usual error. */
function conflictAnswer(c: Context<AppEnv>, err: unknown) {
  if (err instanceof MeetingConflict) return c.json({ error: { code: err.code, message: err.message }, meeting: err.meeting }, 409);
  throw err;
}

/**
 * A council's meetings (issue 17, landing A): the meetings, their agenda and attendance, and
 * the quorum rule. Who may is asked in the services (policies/meetings.ts), so a route reads
 * as: user → service → answer.
 */
export function meetingRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const meetings = meetingService(deps);
  const agenda = meetingAgendaService(deps);
  const attendance = meetingAttendanceService(deps);

  // Every write of every meetings path shares one budget per person; reads are not counted.
  const limit = userRateLimit(MEETING_WRITE_RATE_LIMIT);
  const writesOnly: MiddlewareHandler<AppEnv> = (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
  for (const path of ['/api/workspaces/:id/meetings', '/api/workspaces/:id/meetings/*', '/api/workspaces/:id/meeting-settings']) app.use(path, writesOnly);

  return app
    .openapi(listMeetingsRoute, async (c) => c.json(await meetings.list(requireUser(c), c.req.valid('param').id), 200))
    .openapi(createMeetingRoute, async (c) => {
      const meeting = await meetings.create(requireUser(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ meeting }, 201);
    })
    .openapi(getMeetingRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      return c.json(await meetings.get(requireUser(c), id, meetingId), 200);
    })
    .openapi(updateMeetingRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      try {
        return c.json({ meeting: await meetings.update(requireUser(c), id, meetingId, c.req.valid('json')) }, 200);
      } catch (err) {
        return conflictAnswer(c, err);
      }
    })
    .openapi(deleteMeetingRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      try {
        await meetings.remove(requireUser(c), id, meetingId);
        return c.json({ ok: true as const }, 200);
      } catch (err) {
        return conflictAnswer(c, err);
      }
    })
    .openapi(replaceAgendaRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      try {
        return c.json({ meeting: await agenda.replace(requireUser(c), id, meetingId, c.req.valid('json')) }, 200);
      } catch (err) {
        return conflictAnswer(c, err);
      }
    })
    .openapi(agendaLinkTargetsRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      return c.json(await agenda.linkTargets(requireUser(c), id, meetingId, c.req.valid('query').planId), 200);
    })
    .openapi(sendAgendaRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      try {
        return c.json({ meeting: await agenda.send(requireUser(c), id, meetingId) }, 200);
      } catch (err) {
        return conflictAnswer(c, err);
      }
    })
    .openapi(setAttendanceRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      try {
        return c.json({ meeting: await attendance.set(requireUser(c), id, meetingId, c.req.valid('json')) }, 200);
      } catch (err) {
        return conflictAnswer(c, err);
      }
    })
    .openapi(getMeetingSettingsRoute, async (c) => c.json(await meetings.settings(requireUser(c), c.req.valid('param').id), 200))
    .openapi(setMeetingSettingsRoute, async (c) => {
      const { quorum } = c.req.valid('json');
      return c.json(await meetings.setQuorum(requireUser(c), c.req.valid('param').id, quorum), 200);
    });
}
