import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden } from '../../errors';
import { canAdminister } from '../../policies/admin';
import { listAccounts, updateAccount } from '../../services/admin/accounts';
import { appointLeader, createCouncil, listCouncils, removeLeader, updateCouncil } from '../../services/admin/councils';
import type { UserRecord } from '../../storage';
import { requireUser } from '../guards';
import {
  appointLeaderRoute,
  createCouncilRoute,
  listAccountsRoute,
  listCouncilsRoute,
  removeLeaderRoute,
  updateAccountRoute,
  updateCouncilRoute,
} from './schema';

export function adminRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { storage } = deps;

  /** The signed-in administrator, or 401/403. Read from storage on every call: a flag taken away takes effect at once. */
  async function requireAdmin(c: Context<AppEnv>): Promise<UserRecord> {
    const user = requireUser(c);
    if (!canAdminister(await storage.admin.userStatus(user.id))) throw forbidden('Only administrators of this installation may do this.');
    return user;
  }

  return app
    .openapi(listCouncilsRoute, async (c) => {
      await requireAdmin(c);
      return c.json({ councils: await listCouncils(storage) }, 200);
    })
    .openapi(createCouncilRoute, async (c) => {
      const actor = await requireAdmin(c);
      return c.json({ council: await createCouncil(deps, actor, c.req.valid('json').name) }, 201);
    })
    .openapi(updateCouncilRoute, async (c) => {
      const actor = await requireAdmin(c);
      return c.json({ council: await updateCouncil(deps, actor, c.req.valid('param').id, c.req.valid('json')) }, 200);
    })
    .openapi(appointLeaderRoute, async (c) => {
      const actor = await requireAdmin(c);
      const { email, role } = c.req.valid('json');
      return c.json({ council: await appointLeader(deps, actor, c.req.valid('param').id, email, role) }, 200);
    })
    .openapi(removeLeaderRoute, async (c) => {
      const actor = await requireAdmin(c);
      const { id, userId } = c.req.valid('param');
      return c.json({ council: await removeLeader(deps, actor, id, userId) }, 200);
    })
    .openapi(listAccountsRoute, async (c) => {
      await requireAdmin(c);
      return c.json({ accounts: await listAccounts(storage) }, 200);
    })
    .openapi(updateAccountRoute, async (c) => {
      const actor = await requireAdmin(c);
      return c.json({ account: await updateAccount({ ...deps, demo: deps.config.demo }, actor, c.req.valid('param').id, c.req.valid('json')) }, 200);
    });
}
