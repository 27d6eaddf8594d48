import { createRoute } from '@hono/zod-openapi';
import { Member, MemberAttributes, MembersResponse, OkResponse, ResetLinkResponse, SetRoleRequest } from '@sakutei/shared';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';

const WorkspaceParams = z.object({ id: z.string().min(1).max(64) });
const MemberParams = WorkspaceParams.extend({ userId: z.string().min(1).max(64) });


export const listMembersRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/members',
  tags: ['members'],
  summary: "The council's members, their roles and what the council records of them (所属・区分・任期).",
  security: cookieAuth,
  request: { params: WorkspaceParams },
  responses: { 200: json(MembersResponse, 'Members.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const setMemberRoleRoute = createRoute({
  method: 'put',
  path: '/api/workspaces/{id}/members/{userId}',
  tags: ['members'],
  summary:
    "Change a member's role (secretariat only; not to or from chair or vice chair, which administrators appoint). Open connections follow at once.",
  description: 'Role changes and removals share a budget of 20 per member of staff per 10 minutes (429 with Retry-After beyond it).',
  security: cookieAuth,
  request: { params: MemberParams, body: { required: true, content: { 'application/json': { schema: SetRoleRequest } } } },
  responses: {
    200: json(z.object({ member: Member }), 'The member with the new role.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    429: errorResponses[429],
  },
});

export const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}/members/{userId}',
  tags: ['members'],
  summary: 'Remove a member from the council (secretariat only; not the chair or vice chair). Their open connections close.',
  description: 'Shares the role changes\' budget: 20 per member of staff per 10 minutes (429 with Retry-After beyond it).',
  security: cookieAuth,
  request: { params: MemberParams },
  responses: {
    200: json(OkResponse, 'Removed.'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    429: errorResponses[429],
  },
});

export const setMemberAttributesRoute = createRoute({
  method: 'put',
  path: '/api/workspaces/{id}/members/{userId}/attributes',
  tags: ['members'],
  summary: "Record a member's 所属 (affiliation), 区分 (category) and 任期 (term) (secretariat only).",
  security: cookieAuth,
  request: { params: MemberParams, body: { required: true, content: { 'application/json': { schema: MemberAttributes } } } },
  responses: {
    200: json(z.object({ member: Member }), 'The member with the new attributes.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const memberResetLinkRoute = createRoute({
  method: 'post',
  path: '/api/workspaces/{id}/members/{userId}/reset-link',
  tags: ['members'],
  summary:
    'Issue a one-time password-reset link for a member (secretariat only; not for the chair, the vice chair, an administrator or oneself). Shown once; mailed when mail is configured.',
  security: cookieAuth,
  request: { params: MemberParams },
  responses: {
    200: json(ResetLinkResponse, 'The link, this once.'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    429: errorResponses[429],
  },
});


