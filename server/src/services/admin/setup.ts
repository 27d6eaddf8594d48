import { SETUP_LINK_LIFETIME_HOURS, type SetupRequest } from '@sakutei/shared';
import { newId } from '../../auth/ids';
import { generateSessionToken, sessionIdOf } from '../../auth/sessions';
import { assertAcceptablePassword, hashPassword } from '../../auth/password';
import { AppError } from '../../errors';
import type { Storage, UserRecord } from '../../storage';

const LIFETIME_MS = SETUP_LINK_LIFETIME_HOURS * 60 * 60 * 1000;

// A setup token is made and stored like a session token: 160 random bits, only the SHA-256 kept.
const newSetupToken = () => {
  const token = generateSessionToken();
  return { token, hash: sessionIdOf(token) };
};
const oneTimeTokenHash = sessionIdOf;

/** The page a setup link opens; the token is in the fragment, so it reaches no access log. */
export const setupPath = (token: string) => `/setup#token=${token}`;

export const alreadySetUp = () =>
  new AppError(409, 'already_set_up', 'This installation already has an administrator; sign in, or ask an administrator.');
const linkUnusable = () =>
  new AppError(410, 'setup_link_expired', 'This setup link has expired or was already used. Run `pnpm cli setup` on the server for a new one.');

/** Whether the installation still needs its first administrator (one who can sign in: in demo mode, the demo's counts). */
export async function setupNeeded(storage: Pick<Storage, 'admin'>, demo = false): Promise<boolean> {
  return (await storage.admin.countActiveAdmins(demo)) === 0;
}

/**
 * A fresh setup link while no administrator exists: earlier links stop working, so only the
 * one printed last opens the page. Null when an administrator exists already.
 */
export async function issueSetupLink(storage: Pick<Storage, 'admin' | 'accountTokens'>, now = Date.now()): Promise<{ path: string; expiresAt: number } | null> {
  if (!(await setupNeeded(storage))) return null;
  const { token, hash } = newSetupToken();
  await storage.accountTokens.revokeUnused('setup', null, now);
  await storage.accountTokens.create({ tokenHash: hash, kind: 'setup', userId: null, createdBy: null, createdAt: now, expiresAt: now + LIFETIME_MS });
  return { path: setupPath(token), expiresAt: now + LIFETIME_MS };
}

/**
 * Creates the first administrator from a setup link. Everything that can be refused is
 * checked before the link is used up, so a typo in the form does not cost the link; the whole
 * step holds a lock, so two tabs racing make one administrator, not two.
 */
export async function completeSetup(storage: Storage, input: SetupRequest, now = Date.now(), demo = false): Promise<UserRecord> {
  assertAcceptablePassword(input.password);
  return storage.runExclusive('first-run-setup', async () => {
    if (!(await setupNeeded(storage, demo))) throw alreadySetUp();
    const tokenHash = oneTimeTokenHash(input.token);
    if (!(await storage.accountTokens.isUsable(tokenHash, 'setup', now))) throw linkUnusable();
    const existing = await storage.accounts.findUserByEmail(input.email);
    if (existing) throw new AppError(409, 'email_taken', 'An account with this e-mail address exists; use another address.');
    if (!(await storage.accountTokens.consume(tokenHash, 'setup', now))) throw linkUnusable();
    const user: UserRecord = { id: newId(), email: input.email, name: input.name, passwordHash: await hashPassword(input.password), isDemo: false };
    await storage.accounts.createUser(user);
    await storage.admin.setAdmin(user.id, true);
    await storage.audit.append({ at: now, kind: 'setup.completed', workspaceId: null, planId: null, actorId: user.id, details: { userId: user.id, email: user.email } });
    return user;
  });
}
