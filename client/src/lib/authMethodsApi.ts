import { AuthMethodsResponse, SSO_ERRORS, SsoStartResponse, type SsoError } from '@sakutei/shared';
import { useQuery } from '@tanstack/react-query';
import { request } from './api';

/** How this installation lets people sign in (public, asked before anyone is known). */
export function getAuthMethods(signal?: AbortSignal): Promise<AuthMethodsResponse> {
  return request('/api/auth/methods', AuthMethodsResponse, signal ? { signal } : {});
}

export function useAuthMethods() {
  return useQuery({ queryKey: ['auth-methods'], queryFn: ({ signal }) => getAuthMethods(signal), staleTime: 5 * 60_000 });
}

/** Starts the provider's sign-in that accepts the invitation; answers the provider URL to go to. */
export function startSsoForInvitation(token: string): Promise<SsoStartResponse> {
  return request('/api/auth/oidc/start', SsoStartResponse, { method: 'POST', body: { token } });
}

/** The refusal the server's callback sent back in `?sso_error=`, or null. */
export function ssoErrorFromSearch(search: string): SsoError | 'unknown' | null {
  const code = new URLSearchParams(search).get('sso_error');
  if (code === null) return null;
  return (SSO_ERRORS as readonly string[]).includes(code) ? (code as SsoError) : 'unknown';
}
