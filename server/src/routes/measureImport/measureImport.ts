import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../env';
import { forbidden } from '../../errors';
import { userRateLimit } from '../../middleware/rateLimit';
import { canImportMeasures } from '../../policies/measures';
import { measureImportService } from '../../services/measureImport';
import { planService } from '../../services/plans';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { requireUser } from '../guards';
import { importApplyRoute, importPreviewRoute, importUndoRoute } from './schema';

/**
 * Per user: a person or script re-previewing as they fix a table stays far below this; one
 * request at a time, so a client cannot keep the server's cores parsing in parallel.
 */
export const IMPORT_RATE_LIMIT = { limit: 60, windowMs: 60_000, concurrent: 1 };

/** The measure-table import through the API: preview, apply as one change, undo. */
export function measureImportRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces } = deps.storage;
  const imports = measureImportService(deps);
  // Preview and apply parse up to 2 MiB and copy the plan's document: one budget for both.
  const limit = userRateLimit(IMPORT_RATE_LIMIT);
  app.use('/api/plans/:id/import/preview', limit);
  app.use('/api/plans/:id/import/apply', limit);

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
      await planService(deps).assertDraftEditable(plan.id);
      return c.json(await imports.apply(plan.docName, user.id, c.req.valid('json')), 200);
    })
    .openapi(importUndoRoute, async (c) => {
      const user = requireUser(c);
      const { id, importId } = c.req.valid('param');
      const plan = await loadVisiblePlan(workspaces, user.id, id);
      if (!canImportMeasures(plan.role)) throw forbidden();
      await planService(deps).assertDraftEditable(plan.id);
      return c.json(await imports.undo(plan.docName, importId), 200);
    });
}
