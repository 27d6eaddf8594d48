import { createRoute } from '@hono/zod-openapi';
import { CollabTokenResponse, CreatePlanRequest, PlanDetailsResponse, PlanResponse, PlansResponse, UpdatePlanRequest } from '@sakutei/shared';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';

export const PlanParams = z.object({ id: z.string().min(1).max(64) });

export const listPlansRoute = createRoute({
  method: 'get',
  path: '/api/plans',
  tags: ['plans'],
  summary: "Plans of the councils the caller belongs to (archived councils left out), with the caller's role, each plan's period, status, stage, last edit, reviews waiting for the caller and unread notifications.",
  security: cookieAuth,
  responses: { 200: json(PlansResponse, 'Visible plans.'), 401: errorResponses[401] },
});

export const getPlanRoute = createRoute({
  method: 'get',
  path: '/api/plans/{id}',
  tags: ['plans'],
  summary: 'One plan, if the caller belongs to its council.',
  security: cookieAuth,
  request: { params: PlanParams },
  responses: { 200: json(PlanResponse, 'The plan.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const collabTokenRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/collab-token',
  tags: ['plans'],
  summary: "A short-lived token to open the plan's websocket with the caller's access (for non-browser clients).",
  description:
    'Connect with `new WebsocketProvider("ws://HOST:PORT/collab", docName, doc, { params: { token } })`. The token is checked when the socket opens; fetch a fresh one to reconnect after it expires.',
  security: cookieAuth,
  request: { params: PlanParams },
  responses: {
    200: json(CollabTokenResponse, 'The token.'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

const body = <T>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

export const createPlanRoute = createRoute({
  method: 'post',
  path: '/api/plans',
  tags: ['plans'],
  summary: 'Creates a plan of a council (staff, chair): blank, from a template (another plan of the council: its levels, columns, grade rules and actors, no content), or as the next edition of a plan.',
  description:
    'A next edition starts from the latest approved revision of the plan it follows (prose and measure tables, every KPI with its actuals), adds the next fiscal year as a column, links back (`previousPlanId`) and archives the old plan, whose draft is read-only from then on. Title and period default to the next ones (令和7年度版 → 令和8年度版; the period one year on). 409 `no_approved_revision` when the plan has no approved revision, `already_has_next_edition` when it was archived already.',
  security: cookieAuth,
  request: { body: body(CreatePlanRequest) },
  responses: {
    201: json(PlanDetailsResponse, 'The new plan.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'No approved revision to start from, or the plan already has a next edition.'),
  },
});

export const updatePlanRoute = createRoute({
  method: 'patch',
  path: '/api/plans/{id}',
  tags: ['plans'],
  summary: "Changes a plan's title, period (fiscal years) or status (策定中 / 推進中 / 終了) (staff, chair).",
  security: cookieAuth,
  request: { params: PlanParams, body: body(UpdatePlanRequest) },
  responses: {
    200: json(PlanDetailsResponse, 'The plan as changed.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});
