import { createRoute } from '@hono/zod-openapi';
import { CollabTokenResponse, PlanResponse, PlansResponse } from '@sakutei/shared';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';

export const PlanParams = z.object({ id: z.string().min(1).max(64) });

export const listPlansRoute = createRoute({
  method: 'get',
  path: '/api/plans',
  tags: ['plans'],
  summary: "Plans of the councils the caller belongs to, with the caller's role in each.",
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
