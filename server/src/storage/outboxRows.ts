import type { OutboxMessage } from './index';

/** A mail_outbox row as both adapters select it. */
export type OutboxRow = {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  sent_at: number | null;
  last_error: string | null;
};

export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.body,
    createdAt: row.created_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    lastError: row.last_error,
  };
}

/** Longest error text kept with a message: enough to tell the cause, never a whole transcript. */
export const MAX_ERROR_CHARS = 1000;
