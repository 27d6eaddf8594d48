import { createRoute } from '@hono/zod-openapi';
import {
  AccountResponse,
  ApiErrorBody,
  ChangeEmailRequest,
  ChangePasswordRequest,
  OkResponse,
  ResetLinkResponse,
  ResetPasswordRequest,
  ResetTokenRequest,
  UpdateProfileRequest,
} from '@sakutei/shared';
import { z } from 'zod';
import { cookieAuth, errorResponses, json } from '../openapi';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ApiErrorBody } } });
const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const wrongPassword = error('The current password is incorrect.');
const gone = error('The link was used, replaced by a newer one, or has expired.');

export const updateProfileRoute = createRoute({
  method: 'patch',
  path: '/api/account/profile',
  tags: ['account'],
  summary: "Change the caller's own name.",
  security: cookieAuth,
  request: { body: body(UpdateProfileRequest) },
  responses: { 200: json(AccountResponse, 'The account.'), 400: errorResponses[400], 401: errorResponses[401] },
});

export const changeEmailRoute = createRoute({
  method: 'post',
  path: '/api/account/email',
  tags: ['account'],
  summary: "Change the caller's own e-mail address (the current password is required; addresses are unique).",
  security: cookieAuth,
  request: { body: body(ChangeEmailRequest) },
  responses: {
    200: json(AccountResponse, 'The account.'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: wrongPassword,
    409: error('Another account uses this address.'),
    429: errorResponses[429],
  },
});

export const changePasswordRoute = createRoute({
  method: 'post',
  path: '/api/account/password',
  tags: ['account'],
  summary: "Change the caller's own password (the current one is required). Every other session of the account ends.",
  security: cookieAuth,
  request: { body: body(ChangePasswordRequest) },
  responses: { 200: json(OkResponse, 'Changed.'), 400: errorResponses[400], 401: errorResponses[401], 403: wrongPassword, 429: errorResponses[429] },
});

export const checkResetLinkRoute = createRoute({
  method: 'post',
  path: '/api/password-reset/check',
  tags: ['account'],
  summary: 'Whether a password-reset link can still be used (the token travels in the body, never in the address).',
  request: { body: body(ResetTokenRequest) },
  responses: { 200: json(OkResponse, 'Usable.'), 400: errorResponses[400], 410: gone, 429: errorResponses[429] },
});

export const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/api/password-reset',
  tags: ['account'],
  summary: "Set a new password with a one-time reset link. Every session of the account ends; sign in with the new password.",
  request: { body: body(ResetPasswordRequest) },
  responses: { 200: json(OkResponse, 'Password set.'), 400: errorResponses[400], 410: gone, 429: errorResponses[429] },
});

export const adminResetLinkRoute = createRoute({
  method: 'post',
  path: '/api/admin/accounts/{id}/reset-link',
  tags: ['admin'],
  summary:
    'Issue a one-time password-reset link for an account (administrators only; not for oneself). Shown once; mailed when mail is configured. Earlier unused links of the account stop working.',
  security: cookieAuth,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: json(ResetLinkResponse, 'The link, this once.'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    429: errorResponses[429],
  },
});
