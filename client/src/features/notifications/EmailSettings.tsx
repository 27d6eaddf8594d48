import { EMAIL_PREFERENCES, type EmailPreference, type NotificationSettings } from '@sakutei/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { getNotificationSettings, putNotificationSettings } from '../../lib/notificationSettingsApi';

const QUERY_KEY = ['notification-settings'];

/**
 * How the signed-in user gets notifications by e-mail: at once, in a daily digest, or not.
 * Saved as soon as a choice is made; in-app notifications are not affected.
 */
export function EmailSettings() {
  const { t } = useI18n();
  const { expire } = useSession();
  const queryClient = useQueryClient();
  const name = useId();
  const settings = useQuery({ queryKey: QUERY_KEY, queryFn: ({ signal }) => getNotificationSettings(signal) });
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

  async function choose(email: EmailPreference) {
    const before = settings.data;
    if (!before) return;
    // Shown chosen at once (a radio that springs back until the server answers is confusing);
    // put back if the server refuses.
    queryClient.setQueryData<NotificationSettings>(QUERY_KEY, { ...before, email });
    setStatus('saving');
    try {
      queryClient.setQueryData(QUERY_KEY, await putNotificationSettings({ email }));
      setStatus('saved');
    } catch (error) {
      queryClient.setQueryData(QUERY_KEY, before);
      if (error instanceof ApiError && error.status === 401) expire();
      setStatus('failed');
    }
  }

  if (settings.isError) {
    return (
      <p className="notifications__status" role="alert">
        {t('notifications.settings.loadFailed')}
      </p>
    );
  }
  if (!settings.data) {
    return (
      <p className="notifications__status" role="status">
        {t('app.loading')}
      </p>
    );
  }
  const current = settings.data.email;
  return (
    <div className="notification-settings" data-testid="notification-settings">
      <fieldset className="notification-settings__choices">
        <legend>{t('notifications.settings.legend')}</legend>
        {EMAIL_PREFERENCES.map((value) => (
          <label key={value} className="notification-settings__choice">
            <input
              type="radio"
              name={name}
              value={value}
              checked={current === value}
              data-testid={`notification-email-${value}`}
              onChange={() => void choose(value)}
            />
            {t(`notifications.settings.${value}`)}
          </label>
        ))}
      </fieldset>
      {!settings.data.mailEnabled && <p className="notification-settings__note">{t('notifications.settings.mailDisabled')}</p>}
      <p className="notification-settings__status" role="status" aria-live="polite">
        {status === 'saved' ? t('notifications.settings.saved') : ''}
      </p>
      {status === 'failed' && (
        <p className="notification-settings__status" role="alert">
          {t('notifications.settings.saveFailed')}
        </p>
      )}
    </div>
  );
}
