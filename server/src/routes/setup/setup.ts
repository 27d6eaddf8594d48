import type { OpenAPIHono } from '@hono/zod-openapi';
import { createSession } from '../../auth/sessions';
import type { AppDeps, AppEnv } from '../../env';
import { setSessionCookie } from '../../middleware/session';
import { presentUser } from '../../presenters/user';
import { completeSetup, setupNeeded } from '../../services/admin/setup';
import { completeSetupRoute, setupStatusRoute } from './schema';

/** The first run: a fresh installation makes its first administrator in the browser. */
export function setupRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  return app
    .openapi(setupStatusRoute, async (c) => c.json({ needed: await setupNeeded(deps.storage, deps.config.demo) }, 200))
    .openapi(completeSetupRoute, async (c) => {
      const user = await completeSetup(deps.storage, c.req.valid('json'), Date.now(), deps.config.demo);
      const { token, session } = await createSession(deps.storage.accounts, user.id);
      setSessionCookie(c, token, session.expiresAt, deps.config.secureCookies);
      return c.json({ user: presentUser(user) }, 201);
    });
}
