import nodemailer from 'nodemailer';
import { Email } from '@sakutei/shared';
import { newId } from '../auth/ids';
import type { MailConfig } from '../config';
import type { MailOutboxStore, OutboxMessage } from '../storage';
import { retryDelay } from './retry';

/** What a service hands over to be mailed: plain text, one recipient. */
export type OutgoingMail = { to: string; subject: string; text: string };

/** How the rest of the server sends mail (AppDeps.mail). */
export interface MailQueue {
  /** False without SMTP: the UI then offers links to copy instead of saying "sent". */
  enabled: boolean;
  /** Stores the message in the outbox (sent by the loop, retried until it goes); a no-op when disabled. */
  enqueue(message: OutgoingMail): Promise<void>;
}

export interface Mailer extends MailQueue {
  /** Starts draining the outbox: due messages now, then every pollMs and whenever one is enqueued. */
  start(): void;
  /** Stops the loop after the message being sent, if any; unsent messages stay in the outbox. */
  stop(): Promise<void>;
}

/** A sent message is one SMTP transaction; its claim outlasts the transport's own time-outs. */
const CLAIM_MS = 5 * 60 * 1000;
const MAX_SUBJECT_CHARS = 300;
const MAX_TEXT_CHARS = 100_000;

type Send = (message: OutboxMessage) => Promise<void>;

export type MailerOptions = {
  /** Replaces the SMTP transport (unit tests). */
  send?: Send;
  /** Work done on every poll before the outbox is drained: the daily digest queues its mail here. */
  periodic?: () => Promise<unknown>;
};

/** The outbox and its sender loop over `store`; disabled (and sending nothing) without an SMTP URL. */
export function createMailer(store: MailOutboxStore, config: MailConfig, options: MailerOptions = {}): Mailer {
  if (!config.smtpUrl) {
    return { enabled: false, async enqueue() {}, start() {}, async stop() {} };
  }
  const smtpUrl = config.smtpUrl;
  const deliver: Send = options.send ?? smtpSender(smtpUrl, config.from);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(kick, ms);
    timer.unref();
  };

  async function drain(): Promise<void> {
    if (options.periodic) {
      try {
        await options.periodic();
      } catch (err) {
        console.error('mail: periodic work failed', err);
      }
    }
    while (!stopped) {
      const now = Date.now();
      // One at a time: a message claimed is a message being sent, so stopping leaves no claims behind.
      const [message] = await store.claimDue(now, now + CLAIM_MS, 1, config.maxAttempts);
      if (!message) return;
      try {
        await deliver(message);
        await store.markSent(message.id, Date.now());
      } catch (err) {
        const failures = message.attempts + 1;
        const reason = err instanceof Error ? err.message : String(err);
        await store.markFailed(message.id, reason, Date.now() + retryDelay(failures, config.retryBaseMs));
        if (failures >= config.maxAttempts) {
          console.error(`mail ${message.id}: giving up after ${failures} attempts: ${reason}`);
        } else {
          console.warn(`mail ${message.id}: attempt ${failures} failed (${reason}); will retry`);
          // The SMTP server is likely down for the rest too: wait for the next poll.
          return;
        }
      }
    }
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => console.error('mail outbox: sending failed', err))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        } else schedule(config.pollMs);
      });
  }

  return {
    enabled: true,
    async enqueue(message) {
      const to = Email.parse(message.to);
      await store.enqueue({
        id: newId(),
        to,
        // A header: no line breaks in it, whatever the caller passed.
        subject: message.subject.replace(/[\r\n]+/g, ' ').slice(0, MAX_SUBJECT_CHARS),
        text: message.text.slice(0, MAX_TEXT_CHARS),
        createdAt: Date.now(),
      });
      kick();
    },
    start() {
      if (!stopped) return;
      stopped = false;
      kick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

/** Sends through nodemailer's SMTP transport, configured by the URL (smtp:// or smtps://, user and password in it). */
function smtpSender(smtpUrl: string, from: string): Send {
  const transport = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 },
    { from },
  );
  return async (message) => {
    await transport.sendMail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: `<${message.id}@sakutei>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  };
}
