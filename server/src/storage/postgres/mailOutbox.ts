import type { MailOutboxStore } from '../index';
import { MAX_ERROR_CHARS, type OutboxRow, toOutboxMessage } from '../outboxRows';
import type { Pool } from './database';

const COLUMNS = 'id, to_address, subject, body, created_at, attempts, next_attempt_at, sent_at, last_error';

export function createPostgresMailOutboxStore(pool: Pool): MailOutboxStore {
  return {
    async enqueue(m) {
      await pool.query(
        `INSERT INTO mail_outbox (id, to_address, subject, body, created_at, attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 0, $5)`,
        [m.id, m.to, m.subject, m.text, m.createdAt],
      );
    },
    async claimDue(now, claimUntil, limit, maxAttempts) {
      // SKIP LOCKED: two processes claiming at once each take rows the other has not locked,
      // instead of waiting for them and then claiming them a second time.
      const { rows } = await pool.query<OutboxRow>(
        `UPDATE mail_outbox SET claimed_until = $2
         WHERE id IN (
           SELECT id FROM mail_outbox
           WHERE sent_at IS NULL AND attempts < $4 AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
           ORDER BY next_attempt_at, created_at LIMIT $3
           FOR UPDATE SKIP LOCKED)
         RETURNING ${COLUMNS}`,
        [now, claimUntil, limit, maxAttempts],
      );
      return rows.map(toOutboxMessage).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt);
    },
    async markSent(id, at) {
      await pool.query('UPDATE mail_outbox SET sent_at = $1, claimed_until = NULL WHERE id = $2', [at, id]);
    },
    async markFailed(id, error, nextAttemptAt) {
      await pool.query(
        'UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, claimed_until = NULL WHERE id = $3 AND sent_at IS NULL',
        [error.slice(0, MAX_ERROR_CHARS), nextAttemptAt, id],
      );
    },
    async find(id) {
      const { rows } = await pool.query<OutboxRow>(`SELECT ${COLUMNS} FROM mail_outbox WHERE id = $1`, [id]);
      return rows[0] ? toOutboxMessage(rows[0]) : null;
    },
    async listUnsent(limit) {
      const { rows } = await pool.query<OutboxRow>(`SELECT ${COLUMNS} FROM mail_outbox WHERE sent_at IS NULL ORDER BY created_at LIMIT $1`, [limit]);
      return rows.map(toOutboxMessage);
    },
  };
}
