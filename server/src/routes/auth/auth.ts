import { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { decoyPasswordHash, verifyPassword } from '../../auth/password';
import { startSession } from '../../auth/sessions';
import type { AppDeps, AppEnv } from '../../env';
import { AppError, tooManyRequests } from '../../errors';
import { clearSessionCookie, setSessionCookie } from '../../middleware/session';
import { knownDevice, rememberDevice } from '../../auth/knownDevice';
import { SignInThrottle } from '../../auth/signInThrottle';
import { presentMe, presentUser } from '../../presenters/user';
import { requireUser } from '../guards';
import { meRoute, signInRoute, signOutEverywhereRoute, signOutRoute } from './schema';

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The email address or password is incorrect.');

/** SAKUTEI_PASSWORD_LOGIN=0: local passwords are off; people sign in with the identity provider. */
export const passwordLoginOff = () =>
  new AppError(403, 'password_login_disabled', 'Password sign-in is turned off on this installation. Sign in with the identity provider.');

export function authRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const { accounts, workspaces } = deps.storage;
  const secure = deps.config.secureCookies;
  // Back-off per (account, source), caps per address, and a per-account cap that sources the
  // account signed in from before are exempt from: guessing stays slow, lock-out impossible.
  const throttle = new SignInThrottle();

  return app
    .openapi(signInRoute, async (c) => {
      if (!deps.config.passwordLogin) throw passwordLoginOff();
      const { email, password } = c.req.valid('json');
      const address = getConnInfo(c).remote.address ?? 'unknown';
      const account = email.toLowerCase();
      const source = { account, address, device: knownDevice(c, deps.secret, account) };
      const wait = throttle.attempt(source);
      if (wait > 0) throw tooManyRequests(wait, `Too many sign-in attempts. Try again in ${wait} seconds.`);
      const user = await accounts.findUserByEmail(email);
      const usable = user && (!user.isDemo || deps.config.demo);
      const ok = await verifyPassword(usable ? user.passwordHash : await decoyPasswordHash(), password);
      if (!usable || !ok) {
        throttle.failed(source);
        throw invalidCredentials();
      }
      // Refused (account_deactivated) only after the password matched, so the answer reveals nothing to a guesser.
      const { token, session } = await startSession(deps.storage, user.id);
      throttle.succeeded(source);
      setSessionCookie(c, token, session.expiresAt, secure);
      rememberDevice(c, deps.secret, account, source.device, secure);
      return c.json({ user: presentUser(user) }, 200);
    })
    .openapi(signOutRoute, async (c) => {
      const session = c.get('session');
      if (session) {
        await accounts.deleteSession(session.id);
        deps.events.emit('sessionsEnded', { userId: session.userId, sessionId: session.id });
      }
      clearSessionCookie(c, secure);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(signOutEverywhereRoute, async (c) => {
      const user = requireUser(c);
      await accounts.deleteUserSessions(user.id);
      deps.events.emit('sessionsEnded', { userId: user.id });
      clearSessionCookie(c, secure);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(meRoute, async (c) => {
      const user = requireUser(c);
      const isAdmin = (await deps.storage.admin.userStatus(user.id))?.isAdmin ?? false;
      return c.json(presentMe(user, await workspaces.listMembershipsOf(user.id), isAdmin), 200);
    });
}
