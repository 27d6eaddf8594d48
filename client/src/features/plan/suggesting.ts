import { type DocAccess, docAccessOf, type PlanResponse } from '@sakutei/shared';

/**
 * Whether the reader writes in the prose as suggestions (提案, 見え消し), and how: an editor
 * chooses between 編集 and 提案; staff (their draft access is `suggest`) and everyone while an
 * open review locks the draft to suggesting write 提案 only, and are told why.
 */
export type ProseSuggesting = { only: false } | { only: true; reason: 'staff' | 'review' };

type PlanLike = Pick<PlanResponse['plan'], 'role' | 'archivedAt'> & {
  /**
   * Absent from older plan responses; `mustSuggest` is the review lock (or, for an observer,
   * the invitation to suggest); `invitedToSuggest` opens the draft to an invited observer.
   */
  suggestions?: { mustSuggest?: boolean; invitedToSuggest?: boolean } | undefined;
};

/**
 * The reader's access to the live draft: their role's, or `suggest` for an observer an open
 * review invited to suggest (the server gives the same: collab/access.ts); null when they read
 * approved revisions instead.
 */
export function planDraftAccess(plan: PlanLike): DocAccess | null {
  return docAccessOf(plan.role) ?? (plan.suggestions?.invitedToSuggest === true ? 'suggest' : null);
}

/** Whether the draft is open to this reader only by a review's invitation to suggest (an observer). */
export function draftByInvitation(plan: PlanLike): boolean {
  return docAccessOf(plan.role) === null && planDraftAccess(plan) !== null;
}

/** Whether a review with 提案のみ is open on the plan (the server refuses plain edits while it is). */
export function mustSuggestOf(plan: PlanLike): boolean {
  return plan.suggestions?.mustSuggest === true;
}

/** How this reader may suggest in the live draft; null when they may not (reading only, or an archived edition). */
export function proseSuggestingOf(plan: PlanLike): ProseSuggesting | null {
  if (plan.archivedAt !== null) return null;
  const access = planDraftAccess(plan);
  if (access === 'edit') return mustSuggestOf(plan) ? { only: true, reason: 'review' } : { only: false };
  if (access === 'suggest') return { only: true, reason: mustSuggestOf(plan) ? 'review' : 'staff' };
  return null;
}
