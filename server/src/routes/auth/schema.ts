import { createRoute } from '@hono/zod-openapi';
import { MeResponse, OkResponse, SignInRequest, SignInResponse } from '@sakutei/shared';
import { cookieAuth, errorResponses, json } from '../openapi';

export const signInRoute = createRoute({
  method: 'post',
  path: '/api/auth/sign-in',
  tags: ['auth'],
  summary: 'Sign in with email and password; sets the session cookie.',
  description:
    'Also sets `sakutei_device` (path /api/auth), a signed mark that this browser signed in to this account. 429 `rate_limited` with `Retry-After` when failures from this account and address (or marked browser) back off (three free, then 1 s, 2 s, 4 s, … up to 15 min), when the address made too many attempts or failures, or when strangers failed on this account ten times in 15 min; addresses the account signed in from before and marked browsers are not held by that last cap, so guessing cannot lock the real user out.',
  request: { body: { required: true, content: { 'application/json': { schema: SignInRequest } } } },
  responses: {
    200: json(SignInResponse, 'Signed in.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    429: errorResponses[429],
  },
});

export const signOutRoute = createRoute({
  method: 'post',
  path: '/api/auth/sign-out',
  tags: ['auth'],
  summary: 'End this session and clear the cookie.',
  security: cookieAuth,
  responses: { 200: json(OkResponse, 'Signed out.') },
});

export const signOutEverywhereRoute = createRoute({
  method: 'post',
  path: '/api/auth/sign-out-everywhere',
  tags: ['auth'],
  summary: "End all of the caller's sessions, on every device.",
  security: cookieAuth,
  responses: { 200: json(OkResponse, 'Every session ended.'), 401: errorResponses[401] },
});

export const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['auth'],
  summary: 'The signed-in user and their council memberships.',
  security: cookieAuth,
  responses: { 200: json(MeResponse, 'The caller.'), 401: errorResponses[401] },
});
