import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../env';
import { requireUser } from '../guards';
import { getNotificationSettingsRoute, putNotificationSettingsRoute } from './schema';

/** The caller's own notification settings; anyone signed in, for themselves only. */
export function notificationSettingsRoutes(deps: AppDeps, app: OpenAPIHono<AppEnv>) {
  const store = deps.storage.notificationMail;
  return app
    .openapi(getNotificationSettingsRoute, async (c) => {
      const user = requireUser(c);
      return c.json({ email: await store.getPreference(user.id), mailEnabled: deps.mail.enabled }, 200);
    })
    .openapi(putNotificationSettingsRoute, async (c) => {
      const user = requireUser(c);
      const { email } = c.req.valid('json');
      await store.setPreference(user.id, email, Date.now());
      return c.json({ email: await store.getPreference(user.id), mailEnabled: deps.mail.enabled }, 200);
    });
}
