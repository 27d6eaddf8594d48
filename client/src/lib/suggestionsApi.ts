import {
  CouncilSuggestionSettings,
  MAX_SUGGESTION_DECISIONS,
  SuggestionDecisionResponse,
  SuggestionHistoryResponse,
  type SuggestionDecisionRequest,
} from '@sakutei/shared';
import { request } from './api';

/*
 * Deciding suggestions (見え消し) on a plan's live draft. The server applies a decision to
 * the live document itself, so the editor shows the result through the collaboration
 * connection; these calls only ask, and read the record of what was decided.
 */

export type SuggestionVerdict = SuggestionDecisionRequest['decision'];

/** The most ids one request may carry; a larger bulk decision goes in several. */
export const MAX_DECISION_IDS = MAX_SUGGESTION_DECISIONS;

const decisionsPath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/suggestions/decisions`;

export function decideSuggestions(planId: string, decision: SuggestionVerdict, ids: readonly string[]): Promise<SuggestionDecisionResponse> {
  const body: SuggestionDecisionRequest = { decision, ids: [...ids] };
  return request(decisionsPath(planId), SuggestionDecisionResponse, { method: 'POST', body });
}

/** One page of decided suggestions, newest first. */
export function listSuggestionDecisions(planId: string, cursor: string | null, signal?: AbortSignal): Promise<SuggestionHistoryResponse> {
  const query = cursor === null ? '' : `?${new URLSearchParams({ cursor })}`;
  return request(`${decisionsPath(planId)}${query}`, SuggestionHistoryResponse, { signal });
}

const settingsPath = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/suggestion-settings`;

/** The council's 提案の採否を決める人. */
export function getSuggestionSettings(workspaceId: string, signal?: AbortSignal): Promise<CouncilSuggestionSettings> {
  return request(settingsPath(workspaceId), CouncilSuggestionSettings, { signal });
}

export function setSuggestionSettings(workspaceId: string, body: CouncilSuggestionSettings): Promise<CouncilSuggestionSettings> {
  return request(settingsPath(workspaceId), CouncilSuggestionSettings, { method: 'PUT', body });
}
