import { NotificationSettings, type UpdateNotificationSettingsRequest } from '@sakutei/shared';
import { request } from './api';

const PATH = '/api/me/notification-settings';

export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return request(PATH, NotificationSettings, { signal });
}

export function putNotificationSettings(body: UpdateNotificationSettingsRequest): Promise<NotificationSettings> {
  return request(PATH, NotificationSettings, { method: 'PUT', body });
}
