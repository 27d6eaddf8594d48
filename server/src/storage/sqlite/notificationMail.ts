import type { EmailPreference, NotificationMailStore, NotificationRecipient } from '../index';
import { NOTIFICATIONS_VISIBLE, NOTIFICATION_COLUMNS, type NotificationRow, VISIBLE_ROLE, toNotification } from '../rows';
import type { SqliteDatabase } from './database';

type RecipientRow = { id: string; email: string; name: string; email_notifications: EmailPreference };
const toRecipient = (r: RecipientRow): NotificationRecipient => ({ id: r.id, email: r.email, name: r.name, emailPreference: r.email_notifications });

export function createSqliteNotificationMailStore(db: SqliteDatabase): NotificationMailStore {
  const q = {
    recipients: db.prepare<[string], RecipientRow>(
      `SELECT id, email, name, email_notifications FROM users
       WHERE id IN (SELECT value FROM json_each(?)) AND deactivated_at IS NULL`,
    ),
    views: db.prepare<[string], NotificationRow>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATIONS_VISIBLE}
       WHERE n.id IN (SELECT value FROM json_each(?)) AND ${VISIBLE_ROLE} ORDER BY n.created_at, n.id`,
    ),
    preference: db.prepare<[string], { email_notifications: EmailPreference }>('SELECT email_notifications FROM users WHERE id = ?'),
    setPreference: db.prepare(
      `UPDATE users SET digest_sent_at = CASE WHEN email_notifications <> 'daily' AND @preference = 'daily' THEN @at ELSE digest_sent_at END,
       email_notifications = @preference WHERE id = @userId`,
    ),
    due: db.prepare<[number, number], RecipientRow>(
      `SELECT u.id, u.email, u.name, u.email_notifications FROM users u
       WHERE u.email_notifications = 'daily' AND u.deactivated_at IS NULL
         AND (u.digest_sent_at IS NULL OR u.digest_sent_at < ?)
         AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.mailed_at IS NULL)
       ORDER BY u.id LIMIT ?`,
    ),
    stamp: db.prepare('UPDATE users SET digest_sent_at = ? WHERE id = ? AND (digest_sent_at IS NULL OR digest_sent_at < ?)'),
    pending: db.prepare<[string], NotificationRow>(
      `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATIONS_VISIBLE}
       WHERE n.user_id = ? AND n.mailed_at IS NULL AND ${VISIBLE_ROLE} ORDER BY n.created_at, n.id`,
    ),
    markMailed: db.prepare('UPDATE notifications SET mailed_at = ? WHERE user_id = ? AND mailed_at IS NULL'),
  };
  const takeDigest = db.transaction((userId: string, boundary: number, at: number) => {
    if (q.stamp.run(at, userId, boundary).changes === 0) return null;
    const rows = q.pending.all(userId);
    // Those no longer visible are settled too: they would never be shown.
    q.markMailed.run(at, userId);
    return rows.map(toNotification);
  });
  return {
    async recipients(userIds) {
      return userIds.length === 0 ? [] : q.recipients.all(JSON.stringify(userIds)).map(toRecipient);
    },
    async views(ids) {
      return ids.length === 0 ? [] : q.views.all(JSON.stringify(ids)).map(toNotification);
    },
    async getPreference(userId) {
      return q.preference.get(userId)?.email_notifications ?? 'immediate';
    },
    async setPreference(userId, preference, at) {
      q.setPreference.run({ preference, at, userId });
    },
    async dueDigests(boundary, limit) {
      return q.due.all(boundary, limit).map(toRecipient);
    },
    async takeDigest(userId, boundary, at) {
      return takeDigest.immediate(userId, boundary, at);
    },
  };
}
