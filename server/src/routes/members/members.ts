import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden, notFound } from '../../errors';
import { canChangeRoleOf, canListMembers } from '../../policies/membership';
import { memberSetRole } from '../../services/memberSetRole';
import { requireUser } from '../guards';
import { listMembersRoute, removeMemberRoute, setMemberRoleRoute } from './schema';

export function memberRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces } = deps.storage;

  /** The caller's role in the workspace; outsiders get "not found" so ids reveal nothing. */
  async function roleIn(workspaceId: string, userId: string) {
    const role = await workspaces.roleOf(workspaceId, userId);
    if (!canListMembers(role)) throw notFound('workspace');
    return role;
  }

  async function targetMember(workspaceId: string, userId: string) {
    const member = (await workspaces.listMembers(workspaceId)).find((m) => m.userId === userId);
    if (!member) throw notFound('member');
    return member;
  }

  return app
    .openapi(listMembersRoute, async (c) => {
      const user = requireUser(c);
      const { id } = c.req.valid('param');
      await roleIn(id, user.id);
      return c.json({ members: await workspaces.listMembers(id) }, 200);
    })
    .openapi(setMemberRoleRoute, async (c) => {
      const user = requireUser(c);
      const { id, userId } = c.req.valid('param');
      const { role } = c.req.valid('json');
      if (!canChangeRoleOf(user.id, userId, await roleIn(id, user.id))) throw forbidden();
      const member = await targetMember(id, userId);
      await memberSetRole({ workspaces, audit: deps.storage.audit, events: deps.events }, id, userId, role, user.id);
      return c.json({ member: { ...member, role } }, 200);
    })
    .openapi(removeMemberRoute, async (c) => {
      const user = requireUser(c);
      const { id, userId } = c.req.valid('param');
      if (!canChangeRoleOf(user.id, userId, await roleIn(id, user.id))) throw forbidden();
      await targetMember(id, userId);
      await memberSetRole({ workspaces, audit: deps.storage.audit, events: deps.events }, id, userId, null, user.id);
      return c.json({ ok: true as const }, 200);
    });
}
