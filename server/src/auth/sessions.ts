import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { AccountStore, SessionRecord, UserRecord } from '../storage';
import type { AdminStore } from '../storage/admin';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used within this long of its end is pushed back to a full lifetime (sliding expiry). */
const RENEW_WITHIN_MS = 15 * DAY;

/** A fresh session token: 160 random bits. Only its hash is ever stored. */
export function generateSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

/** The stored id of a session: SHA-256 of its token, so a database leak yields no usable cookie. */
export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(accounts: AccountStore, userId: string, now = Date.now()): Promise<{ token: string; session: SessionRecord }> {
  const token = generateSessionToken();
  const session = { id: sessionIdOf(token), userId, expiresAt: now + SESSION_LIFETIME_MS };
  await accounts.createSession(session);
  return { token, session };
}

/**
 * A session for someone who has just proved who they are, unless their account is deactivated.
 * The status is read again after the session is stored: deactivation sets its flag before it
 * deletes the account's sessions, so a sign-in racing it either sees the flag here or has its
 * session deleted there; checking only before creating would let that session survive.
 */
export async function startSession(
  storage: { accounts: AccountStore; admin: Pick<AdminStore, 'userStatus'> },
  userId: string,
  now = Date.now(),
): Promise<{ token: string; session: SessionRecord }> {
  const started = await createSession(storage.accounts, userId, now);
  if ((await storage.admin.userStatus(userId))?.deactivatedAt != null) {
    await storage.accounts.deleteSession(started.session.id);
    throw accountDeactivated();
  }
  return started;
}

export const accountDeactivated = () =>
  new AppError(403, 'account_deactivated', 'This account has been deactivated. Ask an administrator of this installation.');

/** Whether the session with this stored id still exists and has not expired (without renewing it). */
export async function isSessionLive(accounts: AccountStore, sessionId: string, now = Date.now()): Promise<boolean> {
  const session = await accounts.findSession(sessionId);
  return session !== null && now < session.expiresAt;
}

export type ValidSession = { session: SessionRecord; user: UserRecord; renewed: boolean };

/** Resolves a token to its live session and user, deleting it if expired and extending it if due. */
export async function validateSessionToken(
  accounts: AccountStore,
  token: string,
  options: { demoMode: boolean; now?: number },
): Promise<ValidSession | null> {
  const now = options.now ?? Date.now();
  const session = await accounts.findSession(sessionIdOf(token));
  if (!session) return null;
  if (now >= session.expiresAt) {
    await accounts.deleteSession(session.id);
    return null;
  }
  const user = await accounts.findUserById(session.userId);
  if (!user || (user.isDemo && !options.demoMode)) return null;
  let renewed = false;
  if (session.expiresAt - now < RENEW_WITHIN_MS) {
    session.expiresAt = now + SESSION_LIFETIME_MS;
    await accounts.setSessionExpiry(session.id, session.expiresAt);
    renewed = true;
  }
  return { session, user, renewed };
}
