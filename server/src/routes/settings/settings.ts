import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden } from '../../errors';
import { canChangePlanSettings } from '../../policies/settings';
import { changePlanSettings } from '../../services/planSettings';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { requireUser } from '../guards';
import { updatePlanSettingsRoute } from './schema';

export function planSettingsRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  return app.openapi(updatePlanSettingsRoute, async (c) => {
    const user = requireUser(c);
    const plan = await loadVisiblePlan(deps.storage.workspaces, user.id, c.req.valid('param').id);
    if (!canChangePlanSettings(plan.role)) throw forbidden('Staff and the chair change plan settings.');
    const result = await changePlanSettings(deps, plan, user, c.req.valid('json'));
    return c.json(result, 200);
  });
}
