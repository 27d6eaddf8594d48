import { createRoute } from '@hono/zod-openapi';
import { Member, MembersResponse, OkResponse, SetRoleRequest } from '@sakutei/shared';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';

const WorkspaceParams = z.object({ id: z.string().min(1).max(64) });
const MemberParams = WorkspaceParams.extend({ userId: z.string().min(1).max(64) });

export const listMembersRoute = createRoute({
  method: 'get',
  path: '/api/workspaces/{id}/members',
  tags: ['members'],
  summary: "The council's members and their roles.",
  security: cookieAuth,
  request: { params: WorkspaceParams },
  responses: { 200: json(MembersResponse, 'Members.'), 401: errorResponses[401], 404: errorResponses[404] },
});

export const setMemberRoleRoute = createRoute({
  method: 'put',
  path: '/api/workspaces/{id}/members/{userId}',
  tags: ['members'],
  summary: "Change a member's role (secretariat only). Open connections follow at once.",
  security: cookieAuth,
  request: { params: MemberParams, body: { required: true, content: { 'application/json': { schema: SetRoleRequest } } } },
  responses: {
    200: json(z.object({ member: Member }), 'The member with the new role.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
});

export const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/api/workspaces/{id}/members/{userId}',
  tags: ['members'],
  summary: 'Remove a member from the council (secretariat only). Their open connections close.',
  security: cookieAuth,
  request: { params: MemberParams },
  responses: { 200: json(OkResponse, 'Removed.'), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
});
