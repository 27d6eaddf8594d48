import { describe, expect, it } from 'vitest';
import {
  APPOINTED_BY,
  CAPABILITIES,
  ROLES,
  ROLE_CAPABILITIES,
  SECRETARIAT_ROLES,
  can,
  docAccessOf,
  invitedDocAccessOf,
  isRole,
  isSecretariatRole,
  strongerDocAccess,
  weakerDocAccess,
} from './roles';

describe('role → capability table', () => {
  it('gives every role read access and only known capabilities', () => {
    for (const role of ROLES) {
      expect(can(role, 'plan.read')).toBe(true);
      for (const cap of ROLE_CAPABILITIES[role]) expect(CAPABILITIES).toContain(cap);
    }
  });

  it('lets members, the vice chair and the chair edit, but not staff or observers', () => {
    expect(ROLES.filter((r) => can(r, 'plan.edit'))).toEqual(['chair', 'vice_chair', 'member']);
  });

  it('lets only the chair decide a review outright', () => {
    expect(ROLES.filter((r) => can(r, 'review.decide'))).toEqual(['chair']);
  });

  it('gives staff the secretariat duties', () => {
    for (const cap of ['comment.write', 'thread.resolve', 'review.open', 'kpi.recordActuals', 'members.manage'] as const) {
      expect(can('staff', cap)).toBe(true);
    }
  });

  it('keeps the live draft from observers', () => {
    expect(ROLES.filter((r) => can(r, 'draft.read'))).toEqual(['chair', 'vice_chair', 'member', 'staff']);
  });

  it('gives observers nothing beyond reading, and suggesting when a review invites them to', () => {
    expect(ROLE_CAPABILITIES.observer).toEqual(['plan.read', 'draft.suggestWhenInvited']);
  });

  it('shows meetings to the council and its secretariat, not observers; staff and the chair run them', () => {
    expect(ROLES.filter((r) => can(r, 'meetings.read'))).toEqual(['chair', 'vice_chair', 'member', 'staff']);
    expect(ROLES.filter((r) => can(r, 'meetings.manage'))).toEqual(['chair', 'staff']);
  });

  it('denies everything to a non-member', () => {
    for (const cap of CAPABILITIES) expect(can(null, cap)).toBe(false);
  });
});

describe('document access', () => {
  it('maps roles to edit and suggest-only (the secretariat proposes its 事務局案), and gives observers no draft', () => {
    expect(ROLES.map((r) => [r, docAccessOf(r)])).toEqual([
      ['chair', 'edit'],
      ['vice_chair', 'edit'],
      ['member', 'edit'],
      ['staff', 'suggest'],
      ['observer', null],
    ]);
  });

  it('takes the weaker of two accesses whichever order they come in', () => {
    expect(weakerDocAccess('edit', 'read')).toBe('read');
    expect(weakerDocAccess('read', 'edit')).toBe('read');
    expect(weakerDocAccess('comment', 'edit')).toBe('comment');
    expect(weakerDocAccess('edit', 'edit')).toBe('edit');
    expect(weakerDocAccess('suggest', 'edit')).toBe('suggest');
    expect(weakerDocAccess('suggest', 'comment')).toBe('comment');
  });

  it('lets an invitation to suggest give observers `suggest` and nobody else anything', () => {
    expect(ROLES.map((r) => [r, invitedDocAccessOf(r)])).toEqual([
      ['chair', null],
      ['vice_chair', null],
      ['member', null],
      ['staff', null],
      ['observer', 'suggest'],
    ]);
  });

  it('takes the stronger of two accesses, none counting as nothing', () => {
    expect(strongerDocAccess(null, 'suggest')).toBe('suggest');
    expect(strongerDocAccess('edit', 'suggest')).toBe('edit');
    expect(strongerDocAccess('read', 'suggest')).toBe('suggest');
    expect(strongerDocAccess(null, null)).toBeNull();
  });

  it('recognises role names from outside', () => {
    expect(isRole('vice_chair')).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole('')).toBe(false);
  });
});

describe('who appoints each role (separation of duties)', () => {
  it('leaves the chair and the vice chair to administrators, and the rest to the secretariat', () => {
    expect(ROLES.filter((r) => APPOINTED_BY[r] === 'administrators')).toEqual(['chair', 'vice_chair']);
    expect(SECRETARIAT_ROLES).toEqual(['member', 'staff', 'observer']);
    for (const role of ROLES) expect(isSecretariatRole(role)).toBe(APPOINTED_BY[role] === 'secretariat');
  });

  it('never lets those who manage members appoint anyone who decides a review', () => {
    // Deciding outright (the chair) or on the chair's behalf (a vice chair, by delegation).
    const deciders = ROLES.filter((r) => can(r, 'review.decide') || r === 'vice_chair');
    for (const role of deciders) expect(isSecretariatRole(role), role).toBe(false);
    // Nor does a role the secretariat gives hold the decision itself.
    for (const role of SECRETARIAT_ROLES) expect(can(role, 'review.decide'), role).toBe(false);
  });
});
