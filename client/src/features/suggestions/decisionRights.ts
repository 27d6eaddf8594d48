import type { PlanSuggestions } from '@sakutei/shared';

interface PlanLike {
  archivedAt: string | null;
  /** The server's answer, which knows the council's 採否を決める人 setting and delegations. */
  suggestions: Pick<PlanSuggestions, 'mayDecide'>;
}

/**
 * Whether this reader gets 採用 / 不採用: the plan response's word (the council's setting, a
 * delegation on the open review), and never on an archived edition. The server refuses a
 * decision it does not allow either way.
 */
export function mayDecideSuggestions(plan: PlanLike): boolean {
  return plan.archivedAt === null && plan.suggestions.mayDecide;
}
