import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import {
  ApiErrorBody,
  ConfirmMinutesRequest,
  FileMinutesCorrectionRequest,
  MAX_CORRECTION_TEXT_CHARS,
  MAX_CORRECTIONS_PER_MEETING,
  MAX_OPEN_CORRECTIONS_PER_AUTHOR,
  MinutesResponse,
  ResolveMinutesCorrectionRequest,
  SendMinutesRequest,
  SetMinutesPublicationRequest,
} from '@sakutei/shared';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../env';
import { MinutesConflict, minutesService } from '../../services/minutes';
import { requireUser } from '../guards';
import { cookieAuth, errorResponses, json } from '../openapi';
import { MEETING_WRITE_RATE_LIMIT, MeetingParams, writeErrors } from './schema';

const CorrectionParams = MeetingParams.extend({ correctionId: z.string().min(1).max(64) });
const conflictBody = ApiErrorBody.extend({ minutes: MinutesResponse.optional() });
const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const PATH = '/api/workspaces/{id}/meetings/{meetingId}/minutes';

const WHO = `Members, the vice chair, the chair and staff read the minutes; observers and other councils get 404. Writes share the meetings budget of ${MEETING_WRITE_RATE_LIMIT.limit} per person per 10 minutes (429).`;
const MANAGE = 'Staff and the chair (meetings.manage); others get 403.';

export const getMinutesRoute = createRoute({
  method: 'get',
  path: PATH,
  tags: ['meetings'],
  summary: "The meeting's minutes: their state (draft, sent, confirmed), the live document to open, the hash once confirmed, the corrections suggested.",
  description: `The text is the live document \`docName\` (open it at /collab/{docName}): staff and the chair edit it until the minutes are confirmed, everyone else follows read-only (\`access\`). ${WHO}`,
  security: cookieAuth,
  request: { params: MeetingParams },
  responses: { 200: json(MinutesResponse, 'The minutes.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const sendMinutesRoute = createRoute({
  method: 'post',
  path: `${PATH}/send`,
  tags: ['meetings'],
  summary: 'Sends the draft minutes to the members (出席者に送付); sending again after changes moves the date.',
  description: `Members may then suggest corrections. No notification is sent in this version. Recorded as \`meeting.minutesSent\`. ${MANAGE} ${WHO}`,
  security: cookieAuth,
  request: { params: MeetingParams, ...body(SendMinutesRequest) },
  responses: {
    200: json(MinutesResponse, 'The minutes, sent.'),
    ...writeErrors,
    409: json(conflictBody, 'Another change came first (version_conflict, with `minutes`), the minutes are confirmed (minutes_confirmed), or the council is archived.'),
  },
});

export const confirmMinutesRoute = createRoute({
  method: 'post',
  path: `${PATH}/confirm`,
  tags: ['meetings'],
  summary: 'Confirms the sent minutes (議事録確定): the text is frozen with its SHA-256, and the meeting becomes minutesConfirmed.',
  description:
    'Only the chair (others 403). The prose of the live document is stored as canonical JSON (keys sorted, no spaces) with its plain text; `hash` is the SHA-256 (lowercase hex) of that JSON, recorded as `meeting.minutesConfirmed` in the same transaction. The document turns read-only for everyone; open editing sockets are closed with 4001 (accessChanged) and reconnect read-only. ' +
    `Refused while a correction is open (409 corrections_open) or before the minutes are sent (409 minutes_not_sent). ${WHO}`,
  security: cookieAuth,
  request: { params: MeetingParams, ...body(ConfirmMinutesRequest) },
  responses: {
    200: json(MinutesResponse, 'The confirmed minutes, with their hash.'),
    ...writeErrors,
    409: json(conflictBody, 'version_conflict (with `minutes`), corrections_open, minutes_not_sent, minutes_confirmed, or the council is archived.'),
  },
});

export const setMinutesPublicationRoute = createRoute({
  method: 'put',
  path: `${PATH}/publication`,
  tags: ['meetings'],
  summary: 'How people are named when the minutes are published: as spoken, or anonymised (委員A, 委員B…; the default).',
  description: `Allowed after confirmation too: it concerns what is published, not the confirmed text. Recorded as \`meeting.minutesPublication\`. ${MANAGE} ${WHO}`,
  security: cookieAuth,
  request: { params: MeetingParams, ...body(SetMinutesPublicationRequest) },
  responses: {
    200: json(MinutesResponse, 'The minutes with the option set.'),
    ...writeErrors,
    409: json(conflictBody, 'Another change came first (version_conflict, with `minutes`), or the council is archived.'),
  },
});

export const fileCorrectionRoute = createRoute({
  method: 'post',
  path: `${PATH}/corrections`,
  tags: ['meetings'],
  summary: 'Suggests a correction to the sent minutes: the passage, the wording proposed, and why.',
  description:
    `Anyone who reads the minutes may, while they are sent (409 minutes_not_sent before, minutes_confirmed after). Quote and proposal 1–${MAX_CORRECTION_TEXT_CHARS} characters, reason up to ${MAX_CORRECTION_TEXT_CHARS}. ` +
    `At most ${MAX_CORRECTIONS_PER_MEETING} per meeting (409 too_many_corrections) and ${MAX_OPEN_CORRECTIONS_PER_AUTHOR} open per person (409 too_many_open_corrections). Recorded as \`meeting.minutesCorrection\`. ${WHO}`,
  security: cookieAuth,
  request: { params: MeetingParams, ...body(FileMinutesCorrectionRequest) },
  responses: {
    201: json(MinutesResponse, 'The minutes with the correction.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'minutes_not_sent, minutes_confirmed, too_many_corrections, too_many_open_corrections, or the council is archived.'),
  },
});

export const resolveCorrectionRoute = createRoute({
  method: 'post',
  path: `${PATH}/corrections/{correctionId}/resolve`,
  tags: ['meetings'],
  summary: 'Answers a correction: applied (反映した, the document was changed by hand) or declined (見送る).',
  description: `Only an open correction (409 correction_resolved), before confirmation (409 minutes_confirmed). Recorded as \`meeting.minutesCorrectionResolved\`. ${MANAGE} ${WHO}`,
  security: cookieAuth,
  request: { params: CorrectionParams, ...body(ResolveMinutesCorrectionRequest) },
  responses: {
    200: json(MinutesResponse, 'The minutes with the correction answered.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'correction_resolved, minutes_confirmed, or the council is archived.'),
  },
});

/** The version conflict's answer carries the minutes as they are now, beside the usual error. */
function conflictAnswer(c: Context<AppEnv>, err: unknown) {
  if (err instanceof MinutesConflict) return c.json({ error: { code: err.code, message: err.message }, minutes: err.minutes }, 409);
  throw err;
}

/** The minutes of a meeting (issue 17 item 6). Writes are counted with the other meetings writes (routes/meetings/meetings.ts). */
export function meetingMinutesRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const minutes = minutesService(deps);
  return app
    .openapi(getMinutesRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      return c.json(await minutes.get(requireUser(c), id, meetingId), 200);
    })
    .openapi(sendMinutesRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      try {
        return c.json(await minutes.send(requireUser(c), id, meetingId, c.req.valid('json')), 200);
      } catch (err) {
        return conflictAnswer(c, err);
      }
    })
    .openapi(confirmMinutesRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      try {
        return c.json(await minutes.confirm(requireUser(c), id, meetingId, c.req.valid('json')), 200);
      } catch (err) {
        return conflictAnswer(c, err);
      }
    })
    .openapi(setMinutesPublicationRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      try {
        return c.json(await minutes.setPublication(requireUser(c), id, meetingId, c.req.valid('json')), 200);
      } catch (err) {
        return conflictAnswer(c, err);
      }
    })
    .openapi(fileCorrectionRoute, async (c) => {
      const { id, meetingId } = c.req.valid('param');
      return c.json(await minutes.fileCorrection(requireUser(c), id, meetingId, c.req.valid('json')), 201);
    })
    .openapi(resolveCorrectionRoute, async (c) => {
      const { id, meetingId, correctionId } = c.req.valid('param');
      return c.json(await minutes.resolveCorrection(requireUser(c), id, meetingId, correctionId, c.req.valid('json')), 200);
    });
}
