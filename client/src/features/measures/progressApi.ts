import { OkResponse } from '@sakutei/shared';
import type { ProgressEntry } from '@sakutei/shared/measures';
import { request } from '../../lib/api';

/**
 * Records (or with null clears) one year's 実施状況 on the server's copy of the plan: how
 * staff record it, since their document access is comment-only. Editors write the document.
 */
export function recordProgress(planId: string, nodeId: string, fiscalYear: number, entry: ProgressEntry | null): Promise<OkResponse> {
  const path = `/api/plans/${encodeURIComponent(planId)}/placements/${encodeURIComponent(nodeId)}/progress/${fiscalYear}`;
  return request(path, OkResponse, { method: 'PUT', body: { entry } });
}
