import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../env';
import { AppError, forbidden, notFound } from '../../errors';
import { canRecordProgress } from '../../policies/measures';
import { planService } from '../../services/plans';
import { recordProgress } from '../../services/progressRecord';
import { loadVisiblePlan } from '../../services/visiblePlan';
import { requireUser } from '../guards';
import { recordProgressRoute } from './schema';

/** A year the plan does not track would be stored where no screen or report shows it. */
const untrackedYear = (fiscalYear: number) =>
  new AppError(400, 'fiscal_year_not_tracked', `The plan does not track fiscal year ${fiscalYear}: add it to the actual years in 計画の設定 first.`);

/** A project's yearly 実施状況, recorded on the live document (progress by project). */
export function progressRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { workspaces } = deps.storage;

  return app.openapi(recordProgressRoute, async (c) => {
    const user = requireUser(c);
    const { id, nodeId, fiscalYear } = c.req.valid('param');
    const { entry } = c.req.valid('json');
    const plan = await loadVisiblePlan(workspaces, user.id, id);
    if (!canRecordProgress(plan.role)) throw forbidden();
    await planService(deps).assertWritable(plan.id);
    const outcome = await recordProgress(deps, plan.docName, nodeId, fiscalYear, entry);
    if (outcome === 'missing') throw notFound('project placement');
    if (outcome === 'untracked') throw untrackedYear(fiscalYear);
    return c.json({ ok: true as const }, 200);
  });
}
