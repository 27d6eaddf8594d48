import { newId } from '../auth/ids';
import type { AppDeps } from '../env';
import { notificationMail } from '../mail/notificationMail';
import type { NotificationRecord } from '../storage';

/**
 * A notification to make: who hears of what; the id, the time and the mail state are filled in.
 * A plan's names no meeting: its council, meeting and label may be left out.
 */
export type NewNotification = Omit<NotificationRecord, 'id' | 'createdAt' | 'mailedAt' | 'workspaceId' | 'meetingId' | 'label'> &
  Partial<Pick<NotificationRecord, 'workspaceId' | 'meetingId' | 'label'>>;

/**
 * Stores notifications, tells their owners' open pages at once, and mails them to those who
 * chose e-mail at once (when SMTP is configured). Those who chose the daily digest get theirs
 * from the mail loop (mail/digest.ts). Deactivated accounts hear nothing. The caller has already
 * made sure each owner may see what the notification is about.
 */
export async function publishNotifications(deps: Pick<AppDeps, 'storage' | 'mail' | 'events' | 'config'>, items: NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  const { notificationMail: mailStore, comments } = deps.storage;
  const recipients = new Map((await mailStore.recipients([...new Set(items.map((i) => i.userId))])).map((r) => [r.id, r]));
  const now = Date.now();
  const records: NotificationRecord[] = items
    .filter((i) => recipients.has(i.userId))
    .map((i) => ({
      workspaceId: null,
      meetingId: null,
      label: '',
      ...i,
      id: newId(),
      createdAt: now,
      // Only a digest still to come leaves it unmailed; at once, or never, is settled now.
      mailedAt: deps.mail.enabled && recipients.get(i.userId)!.emailPreference === 'daily' ? null : now,
    }));
  if (records.length === 0) return;
  await comments.addNotifications(records);
  for (const userId of new Set(records.map((r) => r.userId))) deps.events.emit('notified', { userId });
  if (!deps.mail.enabled) return;
  const immediate = records.filter((r) => recipients.get(r.userId)!.emailPreference === 'immediate').map((r) => r.id);
  try {
    for (const view of await mailStore.views(immediate)) {
      await deps.mail.enqueue(notificationMail(view, recipients.get(view.userId)!.email, deps.config.publicUrl));
    }
  } catch (err) {
    // The notification is stored and shown in the app; a mail that could not be queued is not
    // worth failing the change that caused it.
    console.error('queueing notification mail failed', err);
  }
}
