import { createRoute } from '@hono/zod-openapi';
import {
  AdminAccountResponse,
  AdminAccountsResponse,
  AdminCouncilResponse,
  AdminCouncilsResponse,
  ApiErrorBody,
  AppointLeaderRequest,
  CreateCouncilRequest,
  UpdateAccountRequest,
  UpdateCouncilRequest,
} from '@sakutei/shared';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';

// Installation administration. Every route answers 401 without a session and 403 to anyone
// who is not an active administrator: that the routes exist is no secret, so "forbidden" is
// the honest answer (unlike a council's resources, which outsiders must not learn of).

const conflict = (description: string) => ({ description, content: { 'application/json': { schema: ApiErrorBody } } });
const Id = z.string().min(1).max(64);
const CouncilParams = z.object({ id: Id });
const LeaderParams = CouncilParams.extend({ userId: Id });
const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const refusals = { 401: errorResponses[401], 403: errorResponses[403] };

export const listCouncilsRoute = createRoute({
  method: 'get',
  path: '/api/admin/councils',
  tags: ['admin'],
  summary: 'Every council (archived ones too), with its chair and vice chairs (administrators only).',
  security: cookieAuth,
  responses: { 200: json(AdminCouncilsResponse, 'Councils.'), ...refusals },
});

export const createCouncilRoute = createRoute({
  method: 'post',
  path: '/api/admin/councils',
  tags: ['admin'],
  summary: 'Create a council (administrators only). Names are unique.',
  security: cookieAuth,
  request: { body: body(CreateCouncilRequest) },
  responses: { 201: json(AdminCouncilResponse, 'The new council.'), 400: errorResponses[400], ...refusals, 409: conflict('Another council has this name.') },
});

export const updateCouncilRoute = createRoute({
  method: 'patch',
  path: '/api/admin/councils/{id}',
  tags: ['admin'],
  summary: "Rename a council, archive it (its plans leave everyone's plan list) or bring it back (administrators only).",
  security: cookieAuth,
  request: { params: CouncilParams, body: body(UpdateCouncilRequest) },
  responses: {
    200: json(AdminCouncilResponse, 'The council.'),
    400: errorResponses[400],
    ...refusals,
    404: errorResponses[404],
    409: conflict('Another council has this name.'),
  },
});

export const appointLeaderRoute = createRoute({
  method: 'put',
  path: '/api/admin/councils/{id}/leaders',
  tags: ['admin'],
  summary:
    'Appoint an existing account (by e-mail) as the chair or a vice chair (administrators only). A previous chair stays on as a member.',
  security: cookieAuth,
  request: { params: CouncilParams, body: body(AppointLeaderRequest) },
  responses: { 200: json(AdminCouncilResponse, 'The council.'), 400: errorResponses[400], ...refusals, 404: errorResponses[404] },
});

export const removeLeaderRoute = createRoute({
  method: 'delete',
  path: '/api/admin/councils/{id}/leaders/{userId}',
  tags: ['admin'],
  summary: "End a chair's or vice chair's appointment; they stay on the council as a member (administrators only).",
  security: cookieAuth,
  request: { params: LeaderParams },
  responses: { 200: json(AdminCouncilResponse, 'The council.'), ...refusals, 404: errorResponses[404] },
});

export const listAccountsRoute = createRoute({
  method: 'get',
  path: '/api/admin/accounts',
  tags: ['admin'],
  summary: 'Every account: name, e-mail, administrator or not, deactivated or not, councils and roles (administrators only).',
  security: cookieAuth,
  responses: { 200: json(AdminAccountsResponse, 'Accounts.'), ...refusals },
});

export const updateAccountRoute = createRoute({
  method: 'patch',
  path: '/api/admin/accounts/{id}',
  tags: ['admin'],
  summary:
    'Deactivate or reactivate an account, or grant or take administration (administrators only). Deactivation ends its sessions and live connections at once.',
  security: cookieAuth,
  request: { params: CouncilParams, body: body(UpdateAccountRequest) },
  responses: {
    200: json(AdminAccountResponse, 'The account.'),
    400: errorResponses[400],
    ...refusals,
    404: errorResponses[404],
    409: conflict('Refused: oneself, or the last active administrator.'),
  },
});
