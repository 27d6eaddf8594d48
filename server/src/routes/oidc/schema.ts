import { createRoute } from '@hono/zod-openapi';
import { ApiErrorBody, AuthMethodsResponse, SsoInvitationStartRequest, SsoStartResponse } from '@sakutei/shared';
import { z } from 'zod';
import { errorResponses, json } from '../openapi';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ApiErrorBody } } });
const redirect = (description: string) => ({ description, headers: z.object({ location: z.string() }) });
const notConfigured = error('No identity provider is configured on this installation.');

export const authMethodsRoute = createRoute({
  method: 'get',
  path: '/api/auth/methods',
  tags: ['auth'],
  summary: 'How people sign in here: with a password, with the identity provider (its button name), or both. Public.',
  responses: { 200: json(AuthMethodsResponse, 'The sign-in methods.') },
});

export const oidcStartRoute = createRoute({
  method: 'get',
  path: '/api/auth/oidc/start',
  tags: ['auth'],
  summary:
    "Sign in with the identity provider: redirects there (authorisation code + PKCE, state, nonce; the flow's checks ride in a short-lived signed HttpOnly cookie). A failure redirects to /sign-in?sso_error=<code>.",
  responses: { 302: redirect('To the identity provider (or back to the sign-in page with sso_error).'), 404: notConfigured },
});

export const oidcInvitationStartRoute = createRoute({
  method: 'post',
  path: '/api/auth/oidc/start',
  tags: ['auth'],
  summary:
    'Accept an invitation by signing in with the identity provider: checks the invitation link and answers the provider URL to open. The provider must confirm the invited address.',
  request: { body: { required: true, content: { 'application/json': { schema: SsoInvitationStartRequest } } } },
  responses: {
    200: json(SsoStartResponse, 'The identity provider URL to go to.'),
    400: errorResponses[400],
    404: error('No identity provider is configured, or the invitation link is not valid.'),
    410: error('The invitation was revoked, used, or has expired.'),
    429: errorResponses[429],
    503: error('The identity provider cannot be reached.'),
  },
});

export const oidcCallbackRoute = createRoute({
  method: 'get',
  path: '/api/auth/oidc/callback',
  tags: ['auth'],
  summary:
    "The identity provider's redirect back. Signs in the account with the provider's verified e-mail (or creates it from the invitation the flow came from) and redirects to the app; refusals redirect to /sign-in?sso_error=<code>.",
  request: { query: z.object({ code: z.string().max(2048).optional(), state: z.string().max(512).optional() }).passthrough() },
  responses: { 302: redirect('To the app, signed in, or to the sign-in page with sso_error.'), 404: notConfigured },
});
