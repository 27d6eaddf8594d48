import type { PlanSuggestions, Role } from '@sakutei/shared';
import { canDecideSuggestions, draftLockedBy, invitedToSuggest } from '../policies/suggestions';
import type { Storage } from '../storage';

/**
 * Where a caller stands on a plan's suggestions: whether they decide them (the council's
 * setting, their role, a delegation on an open review), whether they only suggest (an open
 * review locks the draft, or invited them, an observer, to suggest), and whether such an
 * invitation is what opens the draft to them. Read from storage each time: a review opening
 * elsewhere counts at once.
 */
export async function suggestionStanding(
  storage: Pick<Storage, 'revisions' | 'suggestions'>,
  plan: { id: string; workspaceId: string },
  role: Role,
  userId: string,
): Promise<PlanSuggestions> {
  const [open, deciders] = await Promise.all([storage.revisions.openReviews(plan.id), storage.suggestions.decidersOf(plan.workspaceId)]);
  const invited = invitedToSuggest(role, userId, open);
  return {
    mayDecide: canDecideSuggestions(role, userId, deciders, open),
    mustSuggest: draftLockedBy(open) || invited,
    deciders,
    invitedToSuggest: invited,
  };
}

/** Whether an open review of the plan takes only suggestions on its live draft. */
export async function draftLocked(storage: Pick<Storage, 'revisions'>, planId: string): Promise<boolean> {
  return draftLockedBy(await storage.revisions.openReviews(planId));
}

