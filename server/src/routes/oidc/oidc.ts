import type { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { FLOW_COOKIE, FLOW_COOKIE_PATH, FLOW_TTL_MS, OidcClient, OidcFailure, signFlow, verifyFlow, type Flow } from '../../auth/oidc';
import { startSession } from '../../auth/sessions';
import { WindowCounter } from '../../auth/windowCounter';
import type { AppDeps, AppEnv } from '../../env';
import { AppError, tooManyRequests } from '../../errors';
import { setSessionCookie } from '../../middleware/session';
import { openInvitationByToken } from '../../services/invitationAccept';
import { ssoSignIn } from '../../services/ssoSignIn';
import { authMethodsRoute, oidcCallbackRoute, oidcInvitationStartRoute, oidcStartRoute } from './schema';

const notConfigured = () => new AppError(404, 'sso_not_configured', 'No identity provider is configured on this installation.');

/** Sign-in with the municipality's identity provider (OpenID Connect), and the public list of sign-in methods. */
export function oidcRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const oidc = deps.config.oidc ? new OidcClient(deps.config.oidc, deps.config) : null;
  const secure = deps.config.secureCookies;
  // As the password sign-in: a council meeting signs in from one city-hall address.
  const byAddress = new WindowCounter(100, 60_000);
  const address = (c: Context) => getConnInfo(c).remote.address ?? 'unknown';
  /** Back to the app: the signed-out app shows the sign-in page with the reason. */
  const refused = (c: Context, code: string) => c.redirect(`/sign-in?sso_error=${encodeURIComponent(code)}`, 302);
  const keepFlow = (c: Context, flow: Flow) =>
    setCookie(c, FLOW_COOKIE, signFlow(deps.secret, flow), {
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level navigation from another site.
      sameSite: 'Lax',
      secure,
      path: FLOW_COOKIE_PATH,
      maxAge: Math.floor(FLOW_TTL_MS / 1000),
    });

  return app
    .openapi(authMethodsRoute, (c) =>
      c.json({ password: deps.config.passwordLogin, sso: oidc ? { name: oidc.displayName, startPath: '/api/auth/oidc/start' } : null }, 200),
    )
    .openapi(oidcStartRoute, async (c) => {
      if (!oidc) throw notConfigured();
      if (byAddress.hit(address(c)) > 0) return refused(c, 'sso_rate_limited');
      try {
        const { url, flow } = await oidc.start(null);
        keepFlow(c, flow);
        return c.redirect(url.href, 302);
      } catch (error) {
        console.error(`OIDC: cannot start a sign-in: ${(error as Error).message}`);
        return refused(c, 'sso_failed');
      }
    })
    .openapi(oidcInvitationStartRoute, async (c) => {
      if (!oidc) throw notConfigured();
      const wait = byAddress.hit(address(c));
      if (wait > 0) throw tooManyRequests(wait, `Too many sign-in attempts. Try again in ${wait} seconds.`);
      const invitation = await openInvitationByToken(deps.storage, c.req.valid('json').token, Date.now());
      let started: Awaited<ReturnType<OidcClient['start']>>;
      try {
        started = await oidc.start(invitation.id);
      } catch (error) {
        console.error(`OIDC: cannot start a sign-in: ${(error as Error).message}`);
        throw new AppError(503, 'sso_unavailable', 'The identity provider cannot be reached. Try again later.');
      }
      keepFlow(c, started.flow);
      return c.json({ url: started.url.href }, 200);
    })
    .openapi(oidcCallbackRoute, async (c) => {
      if (!oidc) throw notConfigured();
      const flow = verifyFlow(deps.secret, getCookie(c, FLOW_COOKIE));
      // The flow is used up whatever happens next.
      deleteCookie(c, FLOW_COOKIE, { path: FLOW_COOKIE_PATH, secure });
      if (byAddress.hit(address(c)) > 0) return refused(c, 'sso_rate_limited');
      try {
        const identity = await oidc.finish(new URL(c.req.url), flow);
        const { user } = await ssoSignIn({ storage: deps.storage, events: deps.events, demo: deps.config.demo }, identity, flow!.invitationId);
        const { token, session } = await startSession(deps.storage, user.id);
        setSessionCookie(c, token, session.expiresAt, secure);
        return c.redirect('/', 302);
      } catch (error) {
        if (error instanceof OidcFailure) {
          console.error(`OIDC: sign-in refused (${error.code}): ${error.message}`);
          return refused(c, error.code);
        }
        // Deactivated while signing in (startSession): back to the sign-in page, like the other refusals.
        if (error instanceof AppError && error.code === 'account_deactivated') return refused(c, 'sso_deactivated');
        throw error;
      }
    });
}
