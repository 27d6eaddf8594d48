import { notFound } from '../errors';
import { canViewPlan } from '../policies/plan';
import type { VisiblePlan, WorkspaceStore } from '../storage';

/** The plan as the user may see it; a plan of another council is "not found", never "forbidden". */
export async function loadVisiblePlan(workspaces: WorkspaceStore, userId: string, planId: string): Promise<VisiblePlan> {
  const plan = await workspaces.findPlan(planId);
  const role = plan ? await workspaces.roleOf(plan.workspaceId, userId) : null;
  const workspace = plan && canViewPlan(role) ? await workspaces.findWorkspace(plan.workspaceId) : null;
  if (!plan || !workspace || !canViewPlan(role)) throw notFound('plan');
  return { ...plan, workspaceName: workspace.name, role };
}
