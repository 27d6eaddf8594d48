import type { OpenAPIHono } from '@hono/zod-openapi';
import { signCollabToken } from '../../auth/collabToken';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden } from '../../errors';
import { planDocAccess } from '../../policies/plan';
import { presentPlan } from '../../presenters/plan';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { requireSession, requireUser } from '../guards';
import { collabTokenRoute, getPlanRoute, listPlansRoute } from './schema';

export function planRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces } = deps.storage;

  return app
    .openapi(listPlansRoute, async (c) => {
      const user = requireUser(c);
      const plans = await workspaces.listPlansVisibleTo(user.id);
      return c.json({ plans: plans.map(presentPlan) }, 200);
    })
    .openapi(getPlanRoute, async (c) => {
      const user = requireUser(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      return c.json({ plan: presentPlan(plan) }, 200);
    })
    .openapi(collabTokenRoute, async (c) => {
      const { user, session } = requireSession(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      const capability = planDocAccess(plan.role);
      if (!capability) throw forbidden('Observers read approved revisions, not the live draft.');
      const expiresAt = Date.now() + deps.config.collabTokenTtlSeconds * 1000;
      const token = signCollabToken(deps.secret, { userId: user.id, sessionId: session.id, docName: plan.docName, access: capability, expiresAt });
      return c.json({ token, docName: plan.docName, capability, expiresAt: new Date(expiresAt).toISOString() }, 200);
    });
}
