import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error meant for the caller: a status, a stable code and a sentence. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in to continue.');
/** Used both for "does not exist" and "not yours to see", so outsiders learn nothing. */
export const notFound = (what = 'resource') => new AppError(404, 'not_found', `No such ${what}.`);
export const forbidden = (message = 'Your role does not allow this.') => new AppError(403, 'forbidden', message);

/** The one place errors become JSON; unexpected errors are logged and never leak details. */
export function errorResponse(err: Error, c: Context) {
  if (err instanceof AppError) {
    return c.json({ error: { code: err.code, message: err.message } }, err.status);
  }
  console.error('unhandled error', err);
  return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, 500);
}
