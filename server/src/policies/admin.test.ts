import { describe, expect, it } from 'vitest';
import { adminRevocationRefusal, canAdminister, deactivationRefusal } from './admin';

describe('admin policy', () => {
  it('lets only active administrators administer', () => {
    expect(canAdminister(null)).toBe(false);
    expect(canAdminister({ isAdmin: false, deactivatedAt: null })).toBe(false);
    expect(canAdminister({ isAdmin: true, deactivatedAt: 5 })).toBe(false);
    expect(canAdminister({ isAdmin: true, deactivatedAt: null })).toBe(true);
  });

  it('refuses deactivating oneself and the last administrator', () => {
    expect(deactivationRefusal('a', { id: 'a', isAdmin: true }, 3)).toBe('self');
    expect(deactivationRefusal('a', { id: 'b', isAdmin: true }, 1)).toBe('last_admin');
    expect(deactivationRefusal('a', { id: 'b', isAdmin: true }, 2)).toBeNull();
    expect(deactivationRefusal('a', { id: 'b', isAdmin: false }, 1)).toBeNull();
  });

  it('refuses taking administration from oneself and from the last active administrator', () => {
    expect(adminRevocationRefusal('a', { id: 'a', isAdmin: true, active: true }, 3)).toBe('self');
    expect(adminRevocationRefusal('a', { id: 'b', isAdmin: true, active: true }, 1)).toBe('last_admin');
    // A deactivated administrator is not one of the active ones: taking the flag away leaves the count as it is.
    expect(adminRevocationRefusal('a', { id: 'b', isAdmin: true, active: false }, 1)).toBeNull();
  });
});
