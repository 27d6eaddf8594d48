import { describe, expect, it } from 'vitest';
import { draftByInvitation, planDraftAccess, proseSuggestingOf } from './suggesting';

const live = { archivedAt: null };
const lock = { suggestions: { mustSuggest: true } };

describe('proseSuggestingOf', () => {
  it('lets editors choose 編集 or 提案, and gives staff 提案 only', () => {
    expect(proseSuggestingOf({ ...live, role: 'member' })).toEqual({ only: false });
    expect(proseSuggestingOf({ ...live, role: 'chair' })).toEqual({ only: false });
    expect(proseSuggestingOf({ ...live, role: 'staff' })).toEqual({ only: true, reason: 'staff' });
  });

  it('locks everyone who writes to 提案 while a review requires suggestions', () => {
    expect(proseSuggestingOf({ ...live, ...lock, role: 'member' })).toEqual({ only: true, reason: 'review' });
    expect(proseSuggestingOf({ ...live, ...lock, role: 'staff' })).toEqual({ only: true, reason: 'review' });
    expect(proseSuggestingOf({ ...live, role: 'member', suggestions: { mustSuggest: false } })).toEqual({ only: false });
  });

  it('gives no suggesting to observers nor on an archived edition', () => {
    expect(proseSuggestingOf({ ...live, role: 'observer' })).toBeNull();
    expect(proseSuggestingOf({ archivedAt: '2026-04-01T00:00:00Z', role: 'member' })).toBeNull();
  });
});

describe('an observer invited to suggest', () => {
  const invited = { suggestions: { mustSuggest: true, invitedToSuggest: true } };

  it('opens the draft in 提案 only, as under a review, while the invitation holds', () => {
    expect(planDraftAccess({ ...live, ...invited, role: 'observer' })).toBe('suggest');
    expect(draftByInvitation({ ...live, ...invited, role: 'observer' })).toBe(true);
    expect(proseSuggestingOf({ ...live, ...invited, role: 'observer' })).toEqual({ only: true, reason: 'review' });
  });

  it('keeps other observers on the approved revisions, and changes nothing for the council', () => {
    expect(planDraftAccess({ ...live, role: 'observer', suggestions: { mustSuggest: false, invitedToSuggest: false } })).toBeNull();
    expect(draftByInvitation({ ...live, role: 'observer' })).toBe(false);
    expect(planDraftAccess({ ...live, role: 'member' })).toBe('edit');
    expect(draftByInvitation({ ...live, role: 'staff' })).toBe(false);
  });
});
