import type { OpenAPIHono } from '@hono/zod-openapi';
import { weakerDocAccess } from '@sakutei/shared';
import { councilArchived } from '../../services/admin/archivedCouncil';
import { signCollabToken } from '../../auth/collabToken';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden } from '../../errors';
import { draftLockedBy, grantedDraftAccess } from '../../policies/suggestions';
import { planService } from '../../services/plans';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { requireSession, requireUser } from '../guards';
import { collabTokenRoute, createPlanRoute, getPlanRoute, listPlansRoute, updatePlanRoute } from './schema';

export function planRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces } = deps.storage;
  const service = planService(deps);

  return app
    .openapi(listPlansRoute, async (c) => {
      return c.json({ plans: await service.list(requireUser(c)) }, 200);
    })
    .openapi(getPlanRoute, async (c) => {
      return c.json({ plan: await service.get(requireUser(c), c.req.valid('param').id) }, 200);
    })
    .openapi(createPlanRoute, async (c) => {
      return c.json({ plan: await service.create(requireUser(c), c.req.valid('json')) }, 201);
    })
    .openapi(updatePlanRoute, async (c) => {
      return c.json({ plan: await service.update(requireUser(c), c.req.valid('param').id, c.req.valid('json')) }, 200);
    })
    .openapi(collabTokenRoute, async (c) => {
      const { user, session } = requireSession(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      // The role's access, or `suggest` for an observer an open review invited to suggest.
      const open = await deps.storage.revisions.openReviews(plan.id);
      const roleAccess = grantedDraftAccess(plan.role, user.id, open);
      if (!roleAccess) throw forbidden('Observers read approved revisions, not the live draft.');
      // An archived edition, or a plan of an archived council, opens read-only for everyone.
      const readOnly = (await deps.storage.plans.find(plan.id))?.archivedAt != null || (await councilArchived(deps.storage, plan.workspaceId));
      const granted = readOnly ? 'read' : roleAccess;
      const expiresAt = Date.now() + deps.config.collabTokenTtlSeconds * 1000;
      const token = signCollabToken(deps.secret, { userId: user.id, sessionId: session.id, docName: plan.docName, access: granted, expiresAt });
      // A review lock caps the connection while the review is open (collab/access.ts), not for the token's life.
      const capability = draftLockedBy(open) ? weakerDocAccess(granted, 'suggest') : granted;
      return c.json({ token, docName: plan.docName, capability, expiresAt: new Date(expiresAt).toISOString() }, 200);
    });
}
