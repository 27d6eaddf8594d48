import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import { userRateLimit } from '../rateLimit';

/**
 * The routes whose answer is computed on the heavy-work threads: compares and their 新旧対照表,
 * revision, report and meeting documents, table exports and workbook reads. (The measure-table import
 * has its own limit, `userRateLimit` in its route, and shares the threads.)
 */
export const HEAVY_PATHS =
  /^\/api\/(plans\/[^/]+\/(compare|compare\/export|report|measures\/export|opinions\/export|spreadsheets\/rows)|revisions\/[^/]+\/(export|report)|workspaces\/[^/]+\/meetings\/[^/]+\/exports\/[^/]+)$/;

export type HeavyWorkLimitOptions = {
  /** Heavy requests of one user running at once; one more is answered 429 at once. */
  perUser: number;
  /** Heavy requests of one user per minute. */
  perMinute: number;
};

/**
 * One person cannot occupy the threads everybody shares: a few heavy requests at a time each
 * (429 rate_limited beyond, Retry-After), and when the pool's queue is full anyway (many
 * people at once) its 503 server_busy says when to come back.
 */
export function heavyWorkLimits(options: HeavyWorkLimitOptions): MiddlewareHandler<AppEnv> {
  const perUser = userRateLimit({ limit: options.perMinute, windowMs: 60_000, concurrent: options.perUser });
  return async function heavyWorkLimits(c, next) {
    // WorkBusyError carries its retryAfter, so errorResponse sends Retry-After wherever it is thrown.
    if (HEAVY_PATHS.test(c.req.path)) await perUser(c, next);
    else await next();
  };
}
