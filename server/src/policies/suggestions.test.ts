import { ROLES } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import { canDecideSuggestions, canSetSuggestionDeciders, draftAccess, draftLockedBy, grantedDraftAccess, invitedToSuggest } from './suggestions';

// An open review (the policies are given only the plan's open ones: storage.revisions.openReviews).
const review = (over: { delegate?: string; suggestionsOnly?: boolean; invited?: string[]; invitedMaySuggest?: boolean } = {}) => ({
  delegateId: over.delegate ?? null,
  invitedIds: over.invited ?? [],
  suggestionsOnly: over.suggestionsOnly ?? false,
  invitedMaySuggest: over.invitedMaySuggest ?? false,
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
    expect(canDecideSuggestions('vice_chair', 'v', 'chair', [])).toBe(false);
  });

  it('never lets an observer invited to suggest decide', () => {
    const invited = [review({ invited: ['o'], invitedMaySuggest: true, delegate: 'o' })];
    expect(canDecideSuggestions('observer', 'o', 'editors', invited)).toBe(false);
    expect(canDecideSuggestions('observer', 'o', 'chair', invited)).toBe(false);
  });
});

describe('the review lock', () => {
  it('holds while a review that asked for it is open', () => {
    expect(draftLockedBy([review({ suggestionsOnly: true })])).toBe(true);
    expect(draftLockedBy([review({ suggestionsOnly: false })])).toBe(false);
    expect(draftLockedBy([])).toBe(false);
  });
});

describe('observers invited to suggest', () => {
  const invites = [review({ invited: ['o'], invitedMaySuggest: true })];

  it('gives an invited observer `suggest` on the draft while the review allows it, and nobody else more', () => {
    expect(invitedToSuggest('observer', 'o', invites)).toBe(true);
    expect(draftAccess('observer', 'o', invites)).toBe('suggest');
    // Another observer, not invited.
    expect(draftAccess('observer', 'o2', invites)).toBeNull();
    // Invited, but the review does not let its invitees suggest (they read and comment on the revision).
    expect(draftAccess('observer', 'o', [review({ invited: ['o'] })])).toBeNull();
    // The review closed: the plan has no open review left.
    expect(draftAccess('observer', 'o', [])).toBeNull();
  });

  it('changes nothing for the council and the secretariat, even named among the invitees', () => {
    const everyone = [review({ invited: ['u'], invitedMaySuggest: true })];
    expect(ROLES.map((role) => [role, draftAccess(role, 'u', everyone)])).toEqual([
      ['chair', 'edit'],
      ['vice_chair', 'edit'],
      ['member', 'edit'],
      ['staff', 'suggest'],
      ['observer', 'suggest'],
    ]);
    expect(ROLES.map((role) => invitedToSuggest(role, 'u', everyone))).toEqual([false, false, false, false, true]);
  });

  it('keeps an invited observer at `suggest` under the lock, which caps editors there too', () => {
    const locked = [...invites, review({ suggestionsOnly: true })];
    expect(draftAccess('observer', 'o', locked)).toBe('suggest');
    expect(draftAccess('member', 'm', locked)).toBe('suggest');
    // What the place grants, before the lock (a collab token carries it).
    expect(grantedDraftAccess('member', 'm', locked)).toBe('edit');
    expect(grantedDraftAccess('observer', 'o2', locked)).toBeNull();
  });
});

describe('who sets the council setting', () => {
  it('is staff and the chair', () => {
    expect(ROLES.filter(canSetSuggestionDeciders)).toEqual(['chair', 'staff']);
  });
});
