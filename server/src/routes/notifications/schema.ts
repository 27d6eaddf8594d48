import { createRoute } from '@hono/zod-openapi';
import { NotificationSettings, UpdateNotificationSettingsRequest } from '@sakutei/shared';
import { cookieAuth, errorResponses, json } from '../openapi';

export const getNotificationSettingsRoute = createRoute({
  method: 'get',
  path: '/api/me/notification-settings',
  tags: ['notifications'],
  summary: 'How the caller gets notifications by e-mail (at once, a daily digest, or not), and whether this installation sends mail.',
  security: cookieAuth,
  responses: { 200: json(NotificationSettings, 'The settings.'), 401: errorResponses[401] },
});

export const putNotificationSettingsRoute = createRoute({
  method: 'put',
  path: '/api/me/notification-settings',
  tags: ['notifications'],
  summary: "Sets how the caller gets notifications by e-mail. In-app notifications are not affected.",
  security: cookieAuth,
  request: { body: { content: { 'application/json': { schema: UpdateNotificationSettingsRequest } }, required: true } },
  responses: { 200: json(NotificationSettings, 'The settings as stored.'), 400: errorResponses[400], 401: errorResponses[401] },
});
