import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors';

/** A fixed-window counter per key; small, in-process, and bounded in memory. */
export class WindowCounter {
  private windows = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit for `key`; returns seconds to wait when over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || now >= w.resetAt) {
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > this.limit ? Math.ceil((w.resetAt - now) / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now >= w.resetAt) this.windows.delete(k);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}

export type RateLimitOptions = {
  limit: number;
  windowMs: number;
  /** What to count by; null skips counting for this request. */
  key: (c: Context) => string | null | Promise<string | null>;
};

/** Answers 429 with Retry-After once a key exceeds `limit` requests per window. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const counter = new WindowCounter(options.limit, options.windowMs);
  return async function rateLimit(c, next) {
    const key = await options.key(c);
    const wait = key === null ? 0 : counter.hit(key);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new AppError(429, 'rate_limited', `Too many attempts. Try again in ${wait} seconds.`);
    }
    await next();
  };
}
