import type { NotificationMailStore, NotificationView } from '../storage';
import type { MailQueue } from './mailer';
import { digestMail } from './notificationMail';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** Japan has one time zone and no summer time: 日本時間 is UTC+9 all year. */
const JST_OFFSET = 9 * HOUR;
/** Users whose digest is made in one pass; the next poll takes the rest. */
const DIGESTS_PER_PASS = 20;

/** The latest digest time at or before `now`: today's `hour` o'clock 日本時間, or yesterday's if that is still to come. */
export function digestBoundary(now: number, hour: number): number {
  const local = now + JST_OFFSET;
  let boundary = Math.floor(local / DAY) * DAY + hour * HOUR;
  if (boundary > local) boundary -= DAY;
  return boundary - JST_OFFSET;
}

/**
 * Mails the daily digest to everyone who chose it and has not had one since the last digest
 * time. Each digest is taken once (also with several processes); its mail goes into the
 * outbox, and from there it is sent like any other.
 */
export async function sendDigests(
  store: NotificationMailStore,
  mail: MailQueue,
  publicUrl: string,
  now: number,
  hour: number,
  /**
   * Keeps what each owner may still read now (services/notificationAccess.ts). Required, with no
   * allow-all default: a caller that forgot it would mail threads their owner can no longer read.
   */
  visible: (views: NotificationView[]) => Promise<NotificationView[]>,
): Promise<number> {
  if (!mail.enabled) return 0;
  const boundary = digestBoundary(now, hour);
  let sent = 0;
  for (const recipient of await store.dueDigests(boundary, DIGESTS_PER_PASS)) {
    const taken = await store.takeDigest(recipient.id, boundary, now);
    // Settled either way: what they may no longer read is never mailed, now or later.
    const items = taken && (await visible(taken));
    if (!items || items.length === 0) continue;
    await mail.enqueue(digestMail(items, recipient.email, publicUrl));
    sent++;
  }
  return sent;
}
