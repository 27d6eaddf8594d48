import { describe, expect, it } from 'vitest';
import { ssoErrorFromSearch } from './authMethodsApi';

describe('ssoErrorFromSearch', () => {
  it('reads a known refusal code', () => {
    expect(ssoErrorFromSearch('?sso_error=sso_no_account')).toBe('sso_no_account');
    expect(ssoErrorFromSearch('?x=1&sso_error=sso_email_unverified')).toBe('sso_email_unverified');
  });
  it('turns anything else into unknown, and nothing into null', () => {
    expect(ssoErrorFromSearch('?sso_error=%3Cscript%3E')).toBe('unknown');
    expect(ssoErrorFromSearch('')).toBeNull();
  });
});
