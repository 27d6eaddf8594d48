import type { AppDeps } from '../env';
import type { OutgoingMail } from '../mail/mailer';

/**
 * Queues a message in the durable outbox when the installation sends mail; says whether it did.
 * Without SMTP the link is only shown to whoever made it, to hand over themselves.
 */
export async function mailIfEnabled(deps: Pick<AppDeps, 'mail'>, message: OutgoingMail): Promise<boolean> {
  if (!deps.mail.enabled) return false;
  await deps.mail.enqueue(message);
  return true;
}

/** The absolute address of an app path, for mail. */
export const absoluteLink = (deps: Pick<AppDeps, 'config'>, path: string) => `${deps.config.publicUrl}${path}`;
