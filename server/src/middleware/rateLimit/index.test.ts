import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../env';
import { errorResponse } from '../../errors';
import { userRateLimit } from './index';

/** A route behind the limit; the user comes from a header, as the session middleware would set it. */
function app(hold?: Promise<void>) {
  const a = new Hono<AppEnv>();
  a.onError(errorResponse);
  a.use(async (c, next) => {
    const id = c.req.header('x-user');
    c.set('user', id ? ({ id } as AppEnv['Variables']['user']) : null);
    await next();
  });
  a.use('/work', userRateLimit({ limit: 2, windowMs: 60_000, concurrent: 1 }));
  a.post('/work', async (c) => {
    if (hold) await hold;
    return c.json({ ok: true });
  });
  return a;
}
const post = (a: Hono<AppEnv>, user?: string) => a.request('/work', { method: 'POST', headers: user ? { 'x-user': user } : {} });

describe('userRateLimit', () => {
  it('refuses the request over the limit with 429 and Retry-After, per user', async () => {
    const a = app();
    expect((await post(a, 'u1')).status).toBe(200);
    expect((await post(a, 'u1')).status).toBe(200);
    const over = await post(a, 'u1');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    // Another user has a budget of their own; a request with no user is left to the route's 401.
    expect((await post(a, 'u2')).status).toBe(200);
    expect((await post(a)).status).toBe(200);
  });

  it('refuses a second request of one user while the first still runs, and frees the slot after', async () => {
    let release!: () => void;
    const a = app(new Promise<void>((resolve) => (release = resolve)));
    const first = post(a, 'u1');
    const second = await post(a, 'u1');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    release();
    expect((await first).status).toBe(200);
  });
});
