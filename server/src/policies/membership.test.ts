import { ROLES, type Role } from '@sakutei/shared';
import { describe, expect, it } from 'vitest';
import { canChangeMembership, canInvite, canIssueResetLinkFor, canSetMemberAttributes } from './membership';

const target = (role: Role, isAdmin = false) => ({ userId: 'u2', role, isAdmin });

describe('membership policies', () => {
  it('lets only staff invite, and only with the roles below the chair', () => {
    for (const actor of [...ROLES, null] as const) {
      for (const role of ROLES) {
        expect(canInvite(actor, role), `${actor} invites a ${role}`).toBe(actor === 'staff' && ['member', 'staff', 'observer'].includes(role));
      }
    }
  });

  it('keeps the chair and the vice chair out of what staff change', () => {
    expect(canChangeMembership('member', 'observer')).toBe(true);
    expect(canChangeMembership('staff')).toBe(true);
    expect(canChangeMembership('member', 'chair')).toBe(false);
    expect(canChangeMembership('member', 'vice_chair')).toBe(false);
    expect(canChangeMembership('chair', 'member')).toBe(false);
    expect(canChangeMembership('vice_chair')).toBe(false);
  });

  it('gives the attributes to staff alone', () => {
    expect(ROLES.filter((r) => canSetMemberAttributes(r))).toEqual(['staff']);
    expect(canSetMemberAttributes(null)).toBe(false);
  });

  it('lets staff issue reset links for members below the chair, not for themselves or administrators', () => {
    expect(canIssueResetLinkFor('u1', 'staff', target('member'))).toBe(true);
    expect(canIssueResetLinkFor('u1', 'staff', target('observer'))).toBe(true);
    expect(canIssueResetLinkFor('u1', 'staff', target('chair'))).toBe(false);
    expect(canIssueResetLinkFor('u1', 'staff', target('member', true))).toBe(false);
    expect(canIssueResetLinkFor('u2', 'staff', target('member'))).toBe(false);
    for (const actor of ['chair', 'vice_chair', 'member', 'observer', null] as const) {
      expect(canIssueResetLinkFor('u1', actor, target('member'))).toBe(false);
    }
  });
});
