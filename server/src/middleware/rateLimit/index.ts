import type { MiddlewareHandler } from 'hono';
import { WindowCounter } from '../../auth/windowCounter';
import type { AppEnv } from '../../env';
import { tooManyRequests } from '../../errors';
import { KeyedSlots } from '../../limits/slots';

export type UserRateLimitOptions = {
  /** Requests per user per window. */
  limit: number;
  windowMs: number;
  /** Requests of one user running at once; a further one is refused rather than queued. */
  concurrent: number;
};

function refuse(wait: number): never {
  const seconds = Math.max(1, wait);
  throw tooManyRequests(seconds, `Too many requests of this kind. Try again in ${seconds} seconds.`);
}

/**
 * A per-user limit for expensive routes (an import preview parses up to 2 MiB and copies the
 * plan's document): so many per window, and so many at once. Keyed by the signed-in user, so a
 * council meeting behind one address is not one bucket; a request without a user passes on to
 * the route's own 401. In-process, like the sign-in limits: each server instance counts its own.
 * Mount one instance on every path that should share the budget.
 */
export function userRateLimit(options: UserRateLimitOptions): MiddlewareHandler<AppEnv> {
  const counter = new WindowCounter(options.limit, options.windowMs);
  const running = new KeyedSlots(options.concurrent);
  return async function userRateLimit(c, next) {
    const user = c.get('user');
    if (!user) return next();
    if (running.count(user.id) >= options.concurrent) refuse(1);
    const wait = counter.hit(user.id);
    if (wait > 0) refuse(wait);
    const release = running.tryAcquire(user.id);
    if (!release) refuse(1);
    try {
      await next();
    } finally {
      release();
    }
  };
}
