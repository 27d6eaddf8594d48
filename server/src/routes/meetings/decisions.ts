import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { MAX_DECISION_TEXT_CHARS, MAX_DECISIONS_PER_MEETING, ApiErrorBody, MeetingResponse, RecordDecisionRequest } from '@sakutei/shared';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../env';
import { meetingDecisionService } from '../../services/meetingDecisions';
import { requireUser } from '../guards';
import { cookieAuth, json } from '../openapi';
import { MEETING_WRITE_RATE_LIMIT, MeetingParams, writeErrors } from './schema';

const DecisionParams = MeetingParams.extend({ decisionId: z.string().min(1).max(64) });

const WHO = `Staff and the chair (meetings.manage) record and remove decisions; others get 403, observers and other councils 404. Writes share the meetings budget of ${MEETING_WRITE_RATE_LIMIT.limit} per person per 10 minutes (429).`;

export const recordDecisionRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/meetings/{meetingId}/decisions',
  tags: ['meetings'],
  summary: 'Records a decision on an agenda item: 議決 (resolution), 報告 (report) or 了承 (acknowledgement), with the vote when there is one.',
  description: `The item must be on this meeting's agenda (400 invalid_agenda_item). A resolution is refused with 409 quorum_not_met while the meeting's quorum is not met; reports and acknowledgements need none. A vote is 全会一致 (\`{unanimous: true}\`) or counts whose sum is at most the voting members present (400 invalid_vote). Text 1–${MAX_DECISION_TEXT_CHARS} characters; at most ${MAX_DECISIONS_PER_MEETING} decisions per meeting (409 too_many_decisions). Not once the minutes are confirmed (409 minutes_confirmed). Recorded as \`meeting.decision.add\`. ${WHO}`,
  security: cookieAuth,
  request: { params: MeetingParams, body: { required: true, content: { 'application/json': { schema: RecordDecisionRequest } } } },
  responses: {
    201: json(MeetingResponse, 'The meeting with its decisions.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'quorum_not_met, too_many_decisions, minutes_confirmed, or the council is archived.'),
  },
});

export const deleteDecisionRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}/meetings/{meetingId}/decisions/{decisionId}',
  tags: ['meetings'],
  summary: 'Removes a decision recorded by hand.',
  description: `A review decision taken in the meeting stays (409 review_decision); nothing changes once the minutes are confirmed (409 minutes_confirmed). Recorded as \`meeting.decision.remove\`. ${WHO}`,
  security: cookieAuth,
  request: { params: DecisionParams },
  responses: {
    200: json(MeetingResponse, 'The meeting without the decision.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'review_decision, minutes_confirmed, or the council is archived.'),
  },
});

/** Decisions taken in a meeting (issue 17, item 5). Writes are counted with the other meetings writes (routes/meetings/meetings.ts). */
export function meetingDecisionRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const decisions = meetingDecisionService(deps);
  return app
    .openapi(recordDecisionRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      return c.json({ meeting: await decisions.record(requireUser(c), id, meetingId, c.req.valid('json')) }, 201);
    })
    .openapi(deleteDecisionRoute, async (c) => {
      const { id, meetingId, decisionId } = c.req.valid('param');
      return c.json({ meeting: await decisions.remove(requireUser(c), id, meetingId, decisionId) }, 200);
    });
}
