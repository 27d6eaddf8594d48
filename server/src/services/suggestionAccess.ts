import type { PlanSuggestions, Role } from '@sakutei/shared';
import { canDecideSuggestions, draftLockedBy } from '../policies/suggestions';
import type { Storage } from '../storage';

/**
 * Where a caller stands on a plan's suggestions: whether they decide them (the council's
 * setting, their role, a delegation on an open review), and whether an open review locks the
 * draft to suggesting. Read from storage each time: a review opening elsewhere counts at once.
 */
export async function suggestionStanding(
  storage: Pick<Storage, 'revisions' | 'suggestions'>,
  plan: { id: string; workspaceId: string },
  role: Role,
  userId: string,
): Promise<PlanSuggestions> {
  const [revisions, deciders] = await Promise.all([storage.revisions.list(plan.id), storage.suggestions.decidersOf(plan.workspaceId)]);
  return { mayDecide: canDecideSuggestions(role, userId, deciders, revisions), mustSuggest: draftLockedBy(revisions), deciders };
}

/** Whether an open review of the plan takes only suggestions on its live draft. */
export async function draftLocked(storage: Pick<Storage, 'revisions'>, planId: string): Promise<boolean> {
  return draftLockedBy(await storage.revisions.list(planId));
}
