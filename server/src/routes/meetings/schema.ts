import { createRoute } from '@hono/zod-openapi';
import {
  AgendaLinkTargets,
  ApiErrorBody,
  CreateMeetingRequest,
  MAX_AGENDA_ITEMS,
  MAX_AGENDA_LINKS,
  MAX_MEETINGS_PER_COUNCIL,
  Meeting,
  MeetingDetailResponse,
  MeetingListResponse,
  MeetingResponse,
  MeetingSettings,
  MeetingSettingsResponse,
  OkResponse,
  ReplaceAgendaRequest,
  SetAttendanceRequest,
  UpdateMeetingRequest,
} from '@sakutei/shared';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';

const WorkspaceParams = z.object({ id: z.string().min(1).max(64) });
export const MeetingParams = WorkspaceParams.extend({ meetingId: z.string().min(1).max(64) });

/**
 * Writes per person: each is an entry in the audit log, so a burst could bury the record's
 * other entries; a secretariat preparing a sitting saves an agenda or an attendance row a few
 * times a minute. Counted in-process, like the other per-user limits.
 */
export const MEETING_WRITE_RATE_LIMIT = { limit: 300, windowMs: 10 * 60_000, concurrent: 4 };

const WHO = 'Members, the vice chair, the chair and staff read meetings; observers and other councils get 404. Staff and the chair (meetings.manage) change them; others get 403.';
const LIMITED = `Writes share a budget of ${MEETING_WRITE_RATE_LIMIT.limit} per person per 10 minutes (429 with Retry-After beyond it).`;

const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const conflictBody = ApiErrorBody.extend({ meeting: Meeting.optional() });

/** The answers every write of the meetings routes may give besides its success. */
export const writeErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  413: json(ApiErrorBody, 'The body is larger than the API takes (payload_too_large).'),
  429: errorResponses[429],
} as const;

export const listMeetingsRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/meetings',
  tags: ['meetings'],
  summary: "The council's meetings, newest first, numbered 第n回 per fiscal year (and per subcommittee), with its quorum rule.",
  description: `Numbers are derived from the meetings' dates (April–March fiscal years; regular, extraordinary and written meetings share one sequence, each subcommittee has its own), never stored. ${WHO}`,
  security: cookieAuth,
  request: { params: WorkspaceParams },
  responses: { 200: json(MeetingListResponse, 'The meetings.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const createMeetingRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/meetings',
  tags: ['meetings'],
  summary: 'Adds a meeting (status scheduled).',
  description: `A subcommittee meeting names its 部会 (and only it does); an online link is https. At most ${MAX_MEETINGS_PER_COUNCIL} meetings per council (409 too_many_meetings). Recorded in the audit log as \`meeting.create\`. ${WHO} ${LIMITED}`,
  security: cookieAuth,
  request: { params: WorkspaceParams, ...body(CreateMeetingRequest) },
  responses: {
    201: json(MeetingResponse, 'The new meeting.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'The council already has as many meetings as it may (too_many_meetings), or it is archived (council_archived).'),
  },
});

export const getMeetingRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/meetings/{meetingId}',
  tags: ['meetings'],
  summary: 'One meeting with its agenda, attendance sheet and quorum.',
  description: `The attendance sheet lists every current voting member (chair, vice chair, members), then staff (recorded, never counted). ${WHO}`,
  security: cookieAuth,
  request: { params: MeetingParams },
  responses: { 200: json(MeetingDetailResponse, 'The meeting.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const updateMeetingRoute = createRoute({
  method: 'patch',
  path: '/api/workspaces/{id}/meetings/{meetingId}',
  tags: ['meetings'],
  summary: "Changes a meeting's facts or moves it between scheduled and held, naming the version it was made on.",
  description: `409 version_conflict when another change came first (the body carries the meeting as it is now). minutesConfirmed and published are set when minutes exist (400 here). Recorded as \`meeting.update\`. ${WHO} ${LIMITED}`,
  security: cookieAuth,
  request: { params: MeetingParams, ...body(UpdateMeetingRequest) },
  responses: {
    200: json(MeetingResponse, 'The meeting as changed.'),
    ...writeErrors,
    409: json(conflictBody, 'Another change came first (version_conflict, with `meeting`), or the council is archived.'),
  },
});

export const deleteMeetingRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}/meetings/{meetingId}',
  tags: ['meetings'],
  summary: 'Deletes a meeting that is still scheduled, with its agenda and attendance.',
  description: `A held meeting stays on the record (409 meeting_not_scheduled). Recorded as \`meeting.delete\`. ${WHO} ${LIMITED}`,
  security: cookieAuth,
  request: { params: MeetingParams },
  responses: {
    200: json(OkResponse, 'Deleted.'),
    ...writeErrors,
    409: json(conflictBody, 'The meeting is no longer scheduled (meeting_not_scheduled), changed while deleting (version_conflict), or the council is archived.'),
  },
});

export const replaceAgendaRoute = createRoute({
  method: 'put',
  path: '/api/workspaces/{id}/meetings/{meetingId}/agenda',
  tags: ['meetings'],
  summary: 'Replaces the agenda (次第) with the items in order, naming the version it was made on.',
  description: `At most ${MAX_AGENDA_ITEMS} items and ${MAX_AGENDA_LINKS} links per item. An item keeps its id when it is sent with it; one without (or with an id the meeting does not hold) is new. After the agenda was sent, new items and items whose title, presenter, time, links or position changed are marked \`changedAfterSent\` until it is sent again. A revision link must be of a plan of this council, a plan link this council's; a section link names a heading of such a plan's draft, a thread link a thread of its draft, a KPI link one of its KPIs, a material link a material of this meeting (else 400 invalid_link); the server names them. A link whose target is later deleted keeps its label and reads gone: true. Recorded as \`meeting.agenda\`. ${WHO} ${LIMITED}`,
  security: cookieAuth,
  request: { params: MeetingParams, ...body(ReplaceAgendaRequest) },
  responses: {
    200: json(MeetingResponse, 'The meeting with its new agenda.'),
    ...writeErrors,
    409: json(conflictBody, 'Another change came first (version_conflict, with `meeting`), or the council is archived.'),
  },
});

export const agendaLinkTargetsRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/meetings/{meetingId}/link-targets',
  tags: ['meetings'],
  summary: "What an agenda item may link to in one plan of the council: its draft's headings, its draft's comment threads and its KPIs.",
  description: `For the agenda editor's pickers; read from the draft as stored. A plan of another council, or none, is 404. Staff and the chair (meetings.manage) read it; members get 403, observers and other councils 404.`,
  security: cookieAuth,
  request: { params: MeetingParams, query: z.object({ planId: z.string().min(1).max(64) }) },
  responses: {
    200: json(AgendaLinkTargets, 'The plan\'s headings, threads and KPIs.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const sendAgendaRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/meetings/{meetingId}/agenda/send',
  tags: ['meetings'],
  summary: 'Records the agenda as sent now; clears every 送付後に変更 mark.',
  description: `Sending again is allowed. No notification is sent in this version. Recorded as \`meeting.agendaSent\`. ${WHO} ${LIMITED}`,
  security: cookieAuth,
  request: { params: MeetingParams },
  responses: {
    200: json(MeetingResponse, 'The meeting, its agenda sent.'),
    ...writeErrors,
    409: json(conflictBody, 'The meeting kept changing while sending (version_conflict), or the council is archived.'),
  },
});

export const setAttendanceRoute = createRoute({
  method: 'put',
  path: '/api/workspaces/{id}/meetings/{meetingId}/attendance',
  tags: ['meetings'],
  summary: 'Records attendance (出席 / オンライン / 代理 / 欠席) of the people named, naming the version it was made on.',
  description: `People not named keep what was recorded; \`attendance: null\` clears a person's entry. Each must be a current voting member or staff of the council (400 invalid_attendee); a proxy is named (proxyName), nobody else is. Recorded as \`meeting.attendance\`. ${WHO} ${LIMITED}`,
  security: cookieAuth,
  request: { params: MeetingParams, ...body(SetAttendanceRequest) },
  responses: {
    200: json(MeetingResponse, 'The meeting with its attendance and quorum.'),
    ...writeErrors,
    409: json(conflictBody, 'Another change came first (version_conflict, with `meeting`), or the council is archived.'),
  },
});

export const getMeetingSettingsRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/meeting-settings',
  tags: ['meetings'],
  summary: "The council's quorum rule (定足数).",
  description: WHO,
  security: cookieAuth,
  request: { params: WorkspaceParams },
  responses: { 200: json(MeetingSettingsResponse, 'The rule.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const setMeetingSettingsRoute = createRoute({
  method: 'put',
  path: '/api/workspaces/{id}/meeting-settings',
  tags: ['meetings'],
  summary: "Sets the council's quorum rule.",
  description: `More than half, at least half or at least two thirds of the voting members (chair, vice chair, members), or a fixed count; \`proxyCounts\` says whether a proxy counts as present. Recorded as \`meeting.quorum\`. ${WHO} ${LIMITED}`,
  security: cookieAuth,
  request: { params: WorkspaceParams, ...body(MeetingSettings) },
  responses: {
    200: json(MeetingSettings, 'The rule as now stored.'),
    ...writeErrors,
    409: json(ApiErrorBody, 'The council is archived.'),
  },
});
