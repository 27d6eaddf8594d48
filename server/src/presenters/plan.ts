import type { PlanSummary } from '@sakutei/shared';
import type { VisiblePlan } from '../storage';

export const presentPlan = (p: VisiblePlan): PlanSummary => ({
  id: p.id,
  title: p.title,
  workspaceId: p.workspaceId,
  workspaceName: p.workspaceName,
  docName: p.docName,
  role: p.role,
});
