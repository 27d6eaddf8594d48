import {
  type DocAccess,
  type Role,
  type SuggestionDeciders,
  can,
  docAccessOf,
  invitedDocAccessOf,
  strongerDocAccess,
  weakerDocAccess,
} from '@sakutei/shared';
import type { OpenReview } from '../storage';

/** What the policies read of the plan's open reviews (storage.revisions.openReviews: status in_review only). */
type OpenReviewView = Pick<OpenReview, 'delegateId' | 'invitedIds' | 'suggestionsOnly' | 'invitedMaySuggest'>;

/**
 * Who accepts and rejects suggestions: editors (`suggestion.decide`) when the council leaves it
 * to them; when it keeps it for the chair, the chair, and a vice chair the chair delegated on
 * one of the plan's open reviews (the same grant that lets them decide that review).
 */
export function canDecideSuggestions(role: Role, userId: string, deciders: SuggestionDeciders, open: readonly OpenReviewView[]): boolean {
  if (!can(role, 'suggestion.decide')) return false;
  if (deciders === 'editors' || role === 'chair') return true;
  return role === 'vice_chair' && open.some((r) => r.delegateId === userId);
}

/** Whether an open review locks the live draft into suggesting (every connection at most `suggest`). */
export const draftLockedBy = (open: readonly OpenReviewView[]): boolean => open.some((r) => r.suggestionsOnly);

/**
 * Whether an open review invited this person and lets its invitees suggest (`invitedMaySuggest`),
 * and their role takes such an invitation (observers: draft.suggestWhenInvited).
 */
export const invitedToSuggest = (role: Role, userId: string, open: readonly OpenReviewView[]): boolean =>
  invitedDocAccessOf(role) !== null && open.some((r) => r.invitedMaySuggest && r.invitedIds.includes(userId));

/**
 * The access this person's place gives them on the plan's live draft: their role's, or `suggest`
 * while an open review invites them to suggest; null when they may not open it. Not capped by a
 * review lock (a collab token carries this, and the lock ends before the token does).
 */
export const grantedDraftAccess = (role: Role, userId: string, open: readonly OpenReviewView[]): DocAccess | null =>
  strongerDocAccess(docAccessOf(role), invitedToSuggest(role, userId, open) ? invitedDocAccessOf(role) : null);

/**
 * The access this person has to the plan's live draft now: what their place grants, capped at
 * `suggest` while a review locks the draft; null when they may not open it. (An archived plan
 * and a token's ceiling narrow it further: collab/access.ts.)
 */
export function draftAccess(role: Role, userId: string, open: readonly OpenReviewView[]): DocAccess | null {
  const access = grantedDraftAccess(role, userId, open);
  if (access === null) return null;
  return draftLockedBy(open) ? weakerDocAccess(access, 'suggest') : access;
}

/** Staff and the chair of a council choose who decides its suggestions. */
export const canSetSuggestionDeciders = (role: Role | null): boolean => role === 'staff' || role === 'chair';
