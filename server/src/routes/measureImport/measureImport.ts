import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden } from '../../errors';
import { canImportMeasures } from '../../policies/measures';
import { measureImportService } from '../../services/measureImport';
import { planService } from '../../services/plans';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { requireUser } from '../guards';
import { importApplyRoute, importPreviewRoute, importUndoRoute } from './schema';

/** The measure-table import through the API: preview, apply as one change, undo. */
export function measureImportRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces } = deps.storage;
  const imports = measureImportService(deps);

  return app
    .openapi(importPreviewRoute, async (c) => {
      const user = requireUser(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      if (!canImportMeasures(plan.role)) throw forbidden();
      return c.json(await imports.preview(plan.docName, c.req.valid('json')), 200);
    })
    .openapi(importApplyRoute, async (c) => {
      const user = requireUser(c);
      const plan = await loadVisiblePlan(workspaces, user.id, c.req.valid('param').id);
      if (!canImportMeasures(plan.role)) throw forbidden();
      await planService(deps).assertWritable(plan.id);
      return c.json(await imports.apply(plan.docName, user.id, c.req.valid('json')), 200);
    })
    .openapi(importUndoRoute, async (c) => {
      const user = requireUser(c);
      const { id, importId } = c.req.valid('param');
      const plan = await loadVisiblePlan(workspaces, user.id, id);
      if (!canImportMeasures(plan.role)) throw forbidden();
      await planService(deps).assertWritable(plan.id);
      return c.json(await imports.undo(plan.docName, importId), 200);
    });
}
