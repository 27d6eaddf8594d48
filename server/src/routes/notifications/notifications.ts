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
      const before = await store.getPreference(user.id);
      const now = Date.now();
      await store.setPreference(user.id, email, now);
      // On the record like the account's other settings: "I never got the mail" can be checked.
      if (before !== email) {
        await deps.storage.audit.append({ at: now, kind: 'account.mailChoiceChanged', workspaceId: null, planId: null, actorId: user.id, details: { from: before, to: email } });
      }
      return c.json({ email: await store.getPreference(user.id), mailEnabled: deps.mail.enabled }, 200);
    });
}
