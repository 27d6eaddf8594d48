import { ApiErrorBody } from '@sakutei/shared';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ApiErrorBody } } });

/** Error responses shared by routes, described once for the OpenAPI document. */
export const errorResponses = {
  400: error('The request is malformed or fails validation.'),
  401: error('Not signed in, or the session expired.'),
  403: error('Signed in, but the role does not allow this (or the request came from another site).'),
  404: error('No such resource, or not visible to the caller.'),
  429: error('Too many requests; see Retry-After.'),
} as const;

/** What a route computed on the heavy-work threads may also answer (middleware/heavyWork, work/pool.ts). */
export const busyResponses = {
  // The numbers are settings (SAKUTEI_WORK_PER_USER, SAKUTEI_WORK_PER_USER_PER_MIN), so the document names those, not their defaults.
  429: error('This person already has as many heavy requests running as SAKUTEI_WORK_PER_USER allows, or made SAKUTEI_WORK_PER_USER_PER_MIN this minute: rate_limited; see Retry-After.'),
  503: error('The work threads and their queue are full (server_busy; see Retry-After), or the document took longer than a minute to prepare (work_timeout).'),
} as const;

export const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The session cookie, as the OpenAPI document names it. */
export const cookieAuth = [{ sessionCookie: [] }];
