import type { EmailPreference, NotificationMailStore, NotificationRecipient } from '../index';
import { NOTIFICATIONS_VISIBLE, NOTIFICATION_COLUMNS, type NotificationRow, VISIBLE_ROLE, toNotification } from '../rows';
import { type Pool, inTransaction } from './database';

type RecipientRow = { id: string; email: string; name: string; email_notifications: EmailPreference };
const toRecipient = (r: RecipientRow): NotificationRecipient => ({ id: r.id, email: r.email, name: r.name, emailPreference: r.email_notifications });

export function createPostgresNotificationMailStore(pool: Pool): NotificationMailStore {
  return {
    async recipients(userIds) {
      if (userIds.length === 0) return [];
      const { rows } = await pool.query<RecipientRow>(
        'SELECT id, email, name, email_notifications FROM users WHERE id = ANY($1::text[]) AND deactivated_at IS NULL',
        [userIds],
      );
      return rows.map(toRecipient);
    },
    async views(ids) {
      if (ids.length === 0) return [];
      const { rows } = await pool.query<NotificationRow>(
        `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATIONS_VISIBLE}
         WHERE n.id = ANY($1::text[]) AND ${VISIBLE_ROLE} ORDER BY n.created_at, n.id COLLATE "C"`,
        [ids],
      );
      return rows.map(toNotification);
    },
    async getPreference(userId) {
      const { rows } = await pool.query<{ email_notifications: EmailPreference }>('SELECT email_notifications FROM users WHERE id = $1', [userId]);
      return rows[0]?.email_notifications ?? 'immediate';
    },
    async setPreference(userId, preference, at) {
      await pool.query(
        `UPDATE users SET digest_sent_at = CASE WHEN email_notifications <> 'daily' AND $1 = 'daily' THEN $2 ELSE digest_sent_at END,
         email_notifications = $1 WHERE id = $3`,
        [preference, at, userId],
      );
    },
    async dueDigests(boundary, limit) {
      const { rows } = await pool.query<RecipientRow>(
        `SELECT u.id, u.email, u.name, u.email_notifications FROM users u
         WHERE u.email_notifications = 'daily' AND u.deactivated_at IS NULL
           AND (u.digest_sent_at IS NULL OR u.digest_sent_at < $1)
           AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.mailed_at IS NULL)
         ORDER BY u.id COLLATE "C" LIMIT $2`,
        [boundary, limit],
      );
      return rows.map(toRecipient);
    },
    async takeDigest(userId, boundary, at) {
      return inTransaction(pool, async (client) => {
        // The conditional UPDATE is the claim: of two processes, the second finds it done.
        const stamped = await client.query('UPDATE users SET digest_sent_at = $1 WHERE id = $2 AND (digest_sent_at IS NULL OR digest_sent_at < $3)', [
          at,
          userId,
          boundary,
        ]);
        if (stamped.rowCount === 0) return null;
        const { rows } = await client.query<NotificationRow>(
          `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATIONS_VISIBLE}
           WHERE n.user_id = $1 AND n.mailed_at IS NULL AND ${VISIBLE_ROLE} ORDER BY n.created_at, n.id COLLATE "C"`,
          [userId],
        );
        await client.query('UPDATE notifications SET mailed_at = $1 WHERE user_id = $2 AND mailed_at IS NULL', [at, userId]);
        return rows.map(toNotification);
      });
    },
  };
}
