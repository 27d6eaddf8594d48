import { can, type Role } from '@sakutei/shared';

/** What the plan response says about suggestions for this reader (set by the server's policy). */
export interface SuggestionRights {
  mayDecide: boolean;
}

interface PlanLike {
  role: Role;
  archivedAt: string | null;
  /** The server's answer, which knows the council's 採否を決める人 setting and delegations. */
  suggestions?: { mayDecide: boolean } | undefined;
}

/**
 * Whether this reader gets 採用 / 不採用. The server's word when the plan response carries it;
 * otherwise the role table's (suggestion.decide), which is what the council's default setting
 * means. The server refuses a decision it does not allow either way.
 */
export function suggestionRightsOf(plan: PlanLike): SuggestionRights {
  if (plan.archivedAt !== null) return { mayDecide: false };
  return { mayDecide: plan.suggestions?.mayDecide ?? can(plan.role, 'suggestion.decide') };
}
