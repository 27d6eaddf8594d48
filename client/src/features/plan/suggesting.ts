import { docAccessOf, type PlanResponse } from '@sakutei/shared';

/**
 * Whether the reader writes in the prose as suggestions (提案, 見え消し), and how: an editor
 * chooses between 編集 and 提案; staff (their draft access is `suggest`) and everyone while an
 * open review locks the draft to suggesting write 提案 only, and are told why.
 */
export type ProseSuggesting = { only: false } | { only: true; reason: 'staff' | 'review' };

type PlanLike = Pick<PlanResponse['plan'], 'role' | 'archivedAt'> & {
  /** Absent from older plan responses; `mustSuggest` is the review lock. */
  suggestions?: { mustSuggest?: boolean } | undefined;
};

/** Whether a review with 提案のみ is open on the plan (the server refuses plain edits while it is). */
export function mustSuggestOf(plan: PlanLike): boolean {
  return plan.suggestions?.mustSuggest === true;
}

/** How this reader may suggest in the live draft; null when they may not (reading only, or an archived edition). */
export function proseSuggestingOf(plan: PlanLike): ProseSuggesting | null {
  if (plan.archivedAt !== null) return null;
  const access = docAccessOf(plan.role);
  if (access === 'edit') return mustSuggestOf(plan) ? { only: true, reason: 'review' } : { only: false };
  if (access === 'suggest') return { only: true, reason: mustSuggestOf(plan) ? 'review' : 'staff' };
  return null;
}
