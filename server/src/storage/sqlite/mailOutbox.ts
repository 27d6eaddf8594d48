import type { MailOutboxStore } from '../index';
import { MAX_ERROR_CHARS, type OutboxRow, toOutboxMessage } from '../outboxRows';
import type { SqliteDatabase } from './database';

const COLUMNS = 'id, to_address, subject, body, created_at, attempts, next_attempt_at, sent_at, last_error';

export function createSqliteMailOutboxStore(db: SqliteDatabase): MailOutboxStore {
  const q = {
    insert: db.prepare(
      `INSERT INTO mail_outbox (id, to_address, subject, body, created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?)`,
    ),
    due: db.prepare<[number, number, number, number], OutboxRow>(
      `SELECT ${COLUMNS} FROM mail_outbox
       WHERE sent_at IS NULL AND attempts < ? AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
       ORDER BY next_attempt_at, created_at LIMIT ?`,
    ),
    claim: db.prepare('UPDATE mail_outbox SET claimed_until = ? WHERE id = ?'),
    sent: db.prepare('UPDATE mail_outbox SET sent_at = ?, claimed_until = NULL WHERE id = ?'),
    failed: db.prepare(
      'UPDATE mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = NULL WHERE id = ? AND sent_at IS NULL',
    ),
    find: db.prepare<[string], OutboxRow>(`SELECT ${COLUMNS} FROM mail_outbox WHERE id = ?`),
    unsent: db.prepare<[number], OutboxRow>(`SELECT ${COLUMNS} FROM mail_outbox WHERE sent_at IS NULL ORDER BY created_at LIMIT ?`),
  };
  const claim = db.transaction((now: number, claimUntil: number, limit: number, maxAttempts: number) => {
    const rows = q.due.all(maxAttempts, now, now, limit);
    for (const row of rows) q.claim.run(claimUntil, row.id);
    return rows.map(toOutboxMessage);
  });
  return {
    async enqueue(m) {
      q.insert.run(m.id, m.to, m.subject, m.text, m.createdAt, m.createdAt);
    },
    async claimDue(now, claimUntil, limit, maxAttempts) {
      // IMMEDIATE: the write lock before the read, so the CLI or a second opener cannot claim
      // the same rows between the SELECT and the UPDATE.
      return claim.immediate(now, claimUntil, limit, maxAttempts);
    },
    async markSent(id, at) {
      q.sent.run(at, id);
    },
    async markFailed(id, error, nextAttemptAt) {
      q.failed.run(error.slice(0, MAX_ERROR_CHARS), nextAttemptAt, id);
    },
    async find(id) {
      const row = q.find.get(id);
      return row ? toOutboxMessage(row) : null;
    },
    async listUnsent(limit) {
      return q.unsent.all(limit).map(toOutboxMessage);
    },
  };
}
