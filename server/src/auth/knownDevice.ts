import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/**
 * A browser that signed in to an account before carries this cookie: a random device id and a
 * MAC binding it to that account under the server secret. Sign-in throttling trusts it above an
 * address (people move between networks; a guesser may share the city hall's address), it
 * survives restarts without any storage, and it says nothing about the account to whoever
 * reads it. One account per browser: signing in as another replaces it.
 */
const KNOWN_DEVICE_COOKIE = 'sakutei_device';
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60; // the longest a browser keeps a cookie
const ID = /^[A-Za-z0-9_-]{22}$/;

function mac(secret: Uint8Array, account: string, device: string): Buffer {
  return createHmac('sha256', secret).update('known-device\0').update(account).update('\0').update(device).digest().subarray(0, 18);
}

/** The device id of this browser for `account`, or null when it holds no valid cookie for it. */
export function knownDevice(c: Context, secret: Uint8Array, account: string): string | null {
  const [device, signature] = (getCookie(c, KNOWN_DEVICE_COOKIE) ?? '').split('.');
  if (!device || !signature || !ID.test(device)) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, account, device);
  return given.length === expected.length && timingSafeEqual(given, expected) ? device : null;
}

/** Marks this browser as one `account` signed in from (keeping its id when it had one). */
export function rememberDevice(c: Context, secret: Uint8Array, account: string, device: string | null, secure: boolean): void {
  const id = device ?? randomBytes(16).toString('base64url');
  setCookie(c, KNOWN_DEVICE_COOKIE, `${id}.${mac(secret, account, id).toString('base64url')}`, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/api/auth',
    maxAge: MAX_AGE_SECONDS,
  });
}
