import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins a request to this server may come from: its own, plus configured extras. */
export function allowedOriginsFor(requestUrl: string, host: string | undefined, extra: readonly string[]): Set<string> {
  const url = new URL(requestUrl);
  const own = host ? `${url.protocol}//${host}` : url.origin;
  return new Set([own, url.origin, ...extra]);
}

/**
 * Whether a browser request may act: a request with an Origin must come from an allowed one;
 * one without (curl, server-to-server) passes unless the browser marks it cross-site.
 */
export function isOriginAllowed(headers: { origin?: string; secFetchSite?: string }, allowed: Set<string>): boolean {
  if (headers.origin) return allowed.has(headers.origin);
  return headers.secFetchSite !== 'cross-site';
}

/** Refuses state-changing requests from other sites (CSRF), by Origin and Sec-Fetch-Site. */
export function originCheck(options: { extraOrigins?: readonly string[] } = {}): MiddlewareHandler {
  const extra = options.extraOrigins ?? [];
  return async function originCheck(c, next) {
    if (!SAFE_METHODS.has(c.req.method)) {
      const allowed = allowedOriginsFor(c.req.url, c.req.header('host'), extra);
      const ok = isOriginAllowed({ origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') }, allowed);
      if (!ok) throw new AppError(403, 'origin_rejected', 'This request came from another site and was refused.');
    }
    await next();
  };
}
