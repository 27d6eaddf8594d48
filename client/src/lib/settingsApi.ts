import { PlanSettingsResponse, type PlanSettingsRequest } from '@sakutei/shared';
import { request } from './api';

/** Changes the named plan settings; the server writes them into the live document. */
export function changePlanSettings(planId: string, body: PlanSettingsRequest): Promise<PlanSettingsResponse> {
  return request(`/api/plans/${encodeURIComponent(planId)}/settings`, PlanSettingsResponse, { method: 'PATCH', body });
}
