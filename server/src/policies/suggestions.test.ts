import { ROLES, type ReviewState } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import { canDecideSuggestions, canSetSuggestionDeciders, draftLockedBy } from './suggestions';

const open: ReviewState = { status: 'in_review', openedBy: 's' };
const review = (over: { review?: ReviewState; delegate?: string; suggestionsOnly?: boolean } = {}) => ({
  review: over.review ?? open,
  delegate: over.delegate ? { id: over.delegate, name: '' } : null,
  suggestionsOnly: over.suggestionsOnly ?? false,
});

describe('who decides suggestions', () => {
  it('leaves it to every editor by default, never to staff or observers', () => {
    const deciders = ROLES.filter((role) => canDecideSuggestions(role, 'u', 'editors', []));
    expect(deciders).toEqual(['chair', 'vice_chair', 'member']);
  });

  it('keeps it for the chair when the council says so', () => {
    const deciders = ROLES.filter((role) => canDecideSuggestions(role, 'u', 'chair', [review({ delegate: 'other' })]));
    expect(deciders).toEqual(['chair']);
  });

  it('lets a vice chair decide while the chair delegated an open review to them, and only then', () => {
    expect(canDecideSuggestions('vice_chair', 'v', 'chair', [review({ delegate: 'v' })])).toBe(true);
    expect(canDecideSuggestions('vice_chair', 'v', 'chair', [review({ delegate: 'v', review: { status: 'withdrawn', openedBy: 's', withdrawnBy: 's' } })])).toBe(false);
    expect(canDecideSuggestions('vice_chair', 'v', 'chair', [])).toBe(false);
  });
});

describe('the review lock', () => {
  it('holds while a review that asked for it is open', () => {
    expect(draftLockedBy([review({ suggestionsOnly: true })])).toBe(true);
    expect(draftLockedBy([review({ suggestionsOnly: false })])).toBe(false);
    expect(draftLockedBy([review({ suggestionsOnly: true, review: { status: 'draft' } })])).toBe(false);
  });
});

describe('who sets the council setting', () => {
  it('is staff and the chair', () => {
    expect(ROLES.filter(canSetSuggestionDeciders)).toEqual(['chair', 'staff']);
  });
});
