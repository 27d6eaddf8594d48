import { PlanDetailsResponse, type CreatePlanRequest, type UpdatePlanRequest } from '@sakutei/shared';
import { request } from './api';

/** Creates a plan (blank, from a template, or as the next edition of one). */
export function createPlan(body: CreatePlanRequest): Promise<PlanDetailsResponse> {
  return request('/api/plans', PlanDetailsResponse, { method: 'POST', body });
}

/** Changes a plan's title, period or status. */
export function updatePlan(planId: string, body: UpdatePlanRequest): Promise<PlanDetailsResponse> {
  return request(`/api/plans/${encodeURIComponent(planId)}`, PlanDetailsResponse, { method: 'PATCH', body });
}
