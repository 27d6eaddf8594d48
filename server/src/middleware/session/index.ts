import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { validateSessionToken } from '../../auth/sessions';
import type { AppEnv } from '../../env';
import type { AccountStore } from '../../storage';

export const SESSION_COOKIE = 'sakutei_session';

export type SessionOptions = { accounts: AccountStore; demoMode: boolean; secureCookies: boolean };

/** Puts the session cookie on a response: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export function setSessionCookie(c: Context, token: string, expiresAt: number, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
}

/** Resolves the session cookie to `user` and `session` (or nulls), renewing the cookie when the session slid. */
export function session(options: SessionOptions): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    c.set('user', null);
    c.set('session', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const valid = await validateSessionToken(options.accounts, token, { demoMode: options.demoMode });
      if (valid) {
        c.set('user', valid.user);
        c.set('session', valid.session);
        if (valid.renewed) setSessionCookie(c, token, valid.session.expiresAt, options.secureCookies);
      } else {
        clearSessionCookie(c, options.secureCookies);
      }
    }
    await next();
  };
}
