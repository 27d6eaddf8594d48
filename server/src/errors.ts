import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error meant for the caller: a status, a stable code and a sentence. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Seconds the caller should wait before trying again; `errorResponse` sends it as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** A limit was reached: 429 with the wait in the message and in Retry-After. */
export const tooManyRequests = (seconds: number, message: string, code = 'rate_limited') =>
  new AppError(429, code, message, seconds);

export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in to continue.');
/** Used both for "does not exist" and "not yours to see", so outsiders learn nothing. */
export const notFound = (what = 'resource') => new AppError(404, 'not_found', `No such ${what}.`);
export const forbidden = (message = 'Your role does not allow this.') => new AppError(403, 'forbidden', message);

/** A body the route cannot read: absent, not JSON, or sent as another content type. */
export const unreadableBody = (message: string) => new AppError(400, 'invalid_body', message);

/**
 * Hono's own refusals while reading a body (its JSON validator's 400 for malformed JSON, the
 * OpenAPI layer's 415 for another content type) are the caller's mistake, not the server's.
 */
function fromHono(err: HTTPException): AppError | null {
  if (err.status === 415) return unreadableBody('The request body must be JSON, sent with Content-Type: application/json.');
  if (err.status === 400) return unreadableBody('The request body is empty or not valid JSON.');
  return null;
}

/** Refusals of the request's shape get one log line each, so a misbehaving client shows without a stack. */
const LOGGED_CODES = new Set(['invalid_body', 'invalid_request']);

/** The one place errors become JSON; unexpected errors are logged and never leak details. */
export function errorResponse(err: Error, c: Context) {
  const known = err instanceof HTTPException ? (fromHono(err) ?? err) : err;
  if (known instanceof AppError) {
    if (LOGGED_CODES.has(known.code)) console.warn(`refused ${c.req.method} ${c.req.path}: ${known.code}: ${known.message}`);
    if (known.retryAfter !== undefined) c.header('Retry-After', String(known.retryAfter));
    return c.json({ error: { code: known.code, message: known.message } }, known.status);
  }
  console.error('unhandled error', err);
  return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, 500);
}
