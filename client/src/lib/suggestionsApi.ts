import { z } from 'zod';
import { request } from './api';

/*
 * Deciding suggestions (見え消し) on a plan's live draft. The server applies a decision to
 * the live document itself, so the editor shows the result through the collaboration
 * connection; these calls only ask, and read the record of what was decided.
 */

const Person = z.object({ id: z.string(), name: z.string() });

export const SuggestionDecisionRecord = z.object({
  suggestionId: z.string(),
  decision: z.enum(['accept', 'reject']),
  author: Person,
  at: z.string(),
  inserted: z.string(),
  deleted: z.string(),
  decidedBy: Person,
  decidedAt: z.string(),
  /** The accepted suggestion that resolved this one, when it lost to a competing wording. */
  conflictOf: z.string().nullable(),
});
export type SuggestionDecisionRecord = z.infer<typeof SuggestionDecisionRecord>;

export const DecideSuggestionsResponse = z.object({
  decided: z.array(SuggestionDecisionRecord),
  resolved: z.array(SuggestionDecisionRecord),
  missing: z.array(z.string()),
});
export type DecideSuggestionsResponse = z.infer<typeof DecideSuggestionsResponse>;

export const SuggestionDecisionsResponse = z.object({
  decisions: z.array(SuggestionDecisionRecord),
  nextCursor: z.string().nullable(),
});
export type SuggestionDecisionsResponse = z.infer<typeof SuggestionDecisionsResponse>;

export type SuggestionVerdict = 'accept' | 'reject';

/** The most ids one request may carry; a larger bulk decision goes in several. */
export const MAX_DECISION_IDS = 500;

const decisionsPath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}/suggestions/decisions`;

export function decideSuggestions(planId: string, decision: SuggestionVerdict, ids: readonly string[]): Promise<DecideSuggestionsResponse> {
  return request(decisionsPath(planId), DecideSuggestionsResponse, { method: 'POST', body: { decision, ids } });
}

/** One page of decided suggestions, newest first. */
export function listSuggestionDecisions(planId: string, cursor: string | null, signal?: AbortSignal): Promise<SuggestionDecisionsResponse> {
  const query = cursor === null ? '' : `?${new URLSearchParams({ cursor })}`;
  return request(`${decisionsPath(planId)}${query}`, SuggestionDecisionsResponse, { signal });
}
