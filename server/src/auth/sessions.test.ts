import { describe, expect, it } from 'vitest';
import type { AccountStore, SessionRecord, UserRecord } from '../storage';
import { SESSION_LIFETIME_MS, createSession, sessionIdOf, startSession, validateSessionToken } from './sessions';

function memoryAccounts(user: UserRecord) {
  const sessions = new Map<string, SessionRecord>();
  const store = {
    createSession: async (s: SessionRecord) => void sessions.set(s.id, { ...s }),
    findSession: async (id: string) => (sessions.has(id) ? { ...sessions.get(id)! } : null),
    setSessionExpiry: async (id: string, e: number) => void (sessions.get(id)!.expiresAt = e),
    deleteSession: async (id: string) => void sessions.delete(id),
    findUserById: async (id: string) => (id === user.id ? user : null),
  } as unknown as AccountStore;
  return { store, sessions };
}

const user: UserRecord = { id: 'u1', email: 'a@example.jp', name: 'A', passwordHash: 'x', isDemo: false };

describe('sessions', () => {
  it('stores only the hash of the token', async () => {
    const { store, sessions } = memoryAccounts(user);
    const { token } = await createSession(store, user.id, 0);
    expect([...sessions.keys()]).toEqual([sessionIdOf(token)]);
    expect(JSON.stringify([...sessions.values()])).not.toContain(token);
  });

  it('validates a fresh session without renewing it', async () => {
    const { store } = memoryAccounts(user);
    const { token } = await createSession(store, user.id, 0);
    const result = await validateSessionToken(store, token, { demoMode: false, now: 1000 });
    expect(result?.user.id).toBe('u1');
    expect(result?.renewed).toBe(false);
  });

  it('slides the expiry when a session is used in its second half', async () => {
    const { store, sessions } = memoryAccounts(user);
    const { token, session } = await createSession(store, user.id, 0);
    const later = SESSION_LIFETIME_MS - 1000;
    const result = await validateSessionToken(store, token, { demoMode: false, now: later });
    expect(result?.renewed).toBe(true);
    expect(sessions.get(session.id)?.expiresAt).toBe(later + SESSION_LIFETIME_MS);
  });

  it('deletes an expired session', async () => {
    const { store, sessions } = memoryAccounts(user);
    const { token } = await createSession(store, user.id, 0);
    expect(await validateSessionToken(store, token, { demoMode: false, now: SESSION_LIFETIME_MS })).toBeNull();
    expect(sessions.size).toBe(0);
  });

  it('refuses demo accounts outside demo mode', async () => {
    const demo = { ...user, isDemo: true };
    const { store } = memoryAccounts(demo);
    const { token } = await createSession(store, demo.id, 0);
    expect(await validateSessionToken(store, token, { demoMode: false, now: 1 })).toBeNull();
    expect(await validateSessionToken(store, token, { demoMode: true, now: 1 })).not.toBeNull();
  });

  it('refuses an unknown token', async () => {
    const { store } = memoryAccounts(user);
    expect(await validateSessionToken(store, 'nope', { demoMode: true })).toBeNull();
  });
});

describe('startSession', () => {
  it('keeps no session for an account deactivated while it signed in', async () => {
    const { store, sessions } = memoryAccounts(user);
    // Deactivated between the sign-in's own check and the session being stored: the session
    // must not outlive the deactivation that deleted the account's other sessions.
    const admin = { userStatus: async () => ({ isAdmin: false, deactivatedAt: 1 }) };
    await expect(startSession({ accounts: store, admin }, user.id, 0)).rejects.toMatchObject({ status: 403, code: 'account_deactivated' });
    expect(sessions.size).toBe(0);
  });

  it('starts a session for an active account', async () => {
    const { store, sessions } = memoryAccounts(user);
    const admin = { userStatus: async () => ({ isAdmin: false, deactivatedAt: null }) };
    const { session } = await startSession({ accounts: store, admin }, user.id, 0);
    expect([...sessions.keys()]).toEqual([session.id]);
  });
});
