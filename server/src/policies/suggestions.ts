import { type Role, type SuggestionDeciders, can } from '@sakutei/shared';
import type { RevisionRecord } from '../storage';

type ReviewView = Pick<RevisionRecord, 'review' | 'delegate' | 'suggestionsOnly'>;

/** The plan's revisions whose review is open now. */
const openReviews = <R extends ReviewView>(revisions: readonly R[]): R[] => revisions.filter((r) => r.review.status === 'in_review');

/**
 * Who accepts and rejects suggestions: editors (`suggestion.decide`) when the council leaves it
 * to them; when it keeps it for the chair, the chair, and a vice chair the chair delegated on
 * one of the plan's open reviews (the same grant that lets them decide that review).
 */
export function canDecideSuggestions(role: Role, userId: string, deciders: SuggestionDeciders, revisions: readonly ReviewView[]): boolean {
  if (!can(role, 'suggestion.decide')) return false;
  if (deciders === 'editors' || role === 'chair') return true;
  return role === 'vice_chair' && openReviews(revisions).some((r) => r.delegate?.id === userId);
}

/** Whether an open review locks the live draft into suggesting (every connection at most `suggest`). */
export const draftLockedBy = (revisions: readonly ReviewView[]): boolean => openReviews(revisions).some((r) => r.suggestionsOnly);

/** Staff and the chair of a council choose who decides its suggestions. */
export const canSetSuggestionDeciders = (role: Role | null): boolean => role === 'staff' || role === 'chair';
