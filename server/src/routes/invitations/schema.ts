import { createRoute } from '@hono/zod-openapi';
import {
  AcceptInvitationRequest,
  AcceptInvitationResponse,
  ApiErrorBody,
  CreateInvitationRequest,
  InvitationLinkResponse,
  InvitationPreview,
  InvitationTokenRequest,
  InvitationsResponse,
  OkResponse,
} from '@sakutei/shared';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';

const WorkspaceParams = z.object({ id: z.string().min(1).max(64) });
const InvitationParams = WorkspaceParams.extend({ invitationId: z.string().min(1).max(64) });
const error = (description: string) => ({ description, content: { 'application/json': { schema: ApiErrorBody } } });
const conflict = error('The invitation or the address is not in a state that allows this (accepted, revoked, already a member, signed in as someone else).');
const gone = error('The link was revoked, used, or has expired.');
const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

export const listInvitationsRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/invitations',
  tags: ['invitations'],
  summary: "The council's invitations, newest first: pending, expired, accepted and revoked (secretariat only).",
  security: cookieAuth,
  request: { params: WorkspaceParams },
  responses: { 200: json(InvitationsResponse, 'Invitations.'), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
});

export const createInvitationRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/invitations',
  tags: ['invitations'],
  summary:
    'Invite one e-mail address with a role below the chair (secretariat only). The link is in this answer only, for staff to copy, and is mailed when mail is configured. Inviting an address again replaces its open invitation.',
  security: cookieAuth,
  request: { params: WorkspaceParams, body: body(CreateInvitationRequest) },
  responses: {
    201: json(InvitationLinkResponse, 'Invited.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: conflict,
    429: errorResponses[429],
  },
});

export const resendInvitationRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/invitations/{invitationId}/resend',
  tags: ['invitations'],
  summary: 'Send an invitation again with a new link and a new expiry; the old link stops working (secretariat only).',
  security: cookieAuth,
  request: { params: InvitationParams },
  responses: {
    200: json(InvitationLinkResponse, 'The new link, this once.'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: conflict,
    429: errorResponses[429],
  },
});

export const revokeInvitationRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}/invitations/{invitationId}',
  tags: ['invitations'],
  summary: 'Revoke an open invitation: its link stops working (secretariat only).',
  security: cookieAuth,
  request: { params: InvitationParams },
  responses: { 200: json(OkResponse, 'Revoked.'), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 409: conflict },
});

export const previewInvitationRoute = createRoute({
  method: 'post',
  path: '/api/invitations/preview',
  tags: ['invitations'],
  summary: 'What an invitation link offers (council, role, address), before accepting it. The token travels in the body, never in the address.',
  request: { body: body(InvitationTokenRequest) },
  responses: {
    200: json(InvitationPreview, 'The invitation.'),
    400: errorResponses[400],
    404: errorResponses[404],
    410: gone,
    429: errorResponses[429],
  },
});

export const acceptInvitationRoute = createRoute({
  method: 'post',
  path: '/api/invitations/accept',
  tags: ['invitations'],
  summary:
    "Accept an invitation: signed in with the invited address; or with the existing account's password; or as a new account with a name and a password. Signs the new member in.",
  request: { body: body(AcceptInvitationRequest) },
  responses: {
    200: json(AcceptInvitationResponse, 'Joined the council.'),
    400: errorResponses[400],
    403: error('The password of the existing account is wrong, or the account is deactivated.'),
    404: errorResponses[404],
    409: conflict,
    410: gone,
    429: errorResponses[429],
  },
});
