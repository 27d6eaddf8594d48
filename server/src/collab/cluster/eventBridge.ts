import type { ServerEvents } from '../../events';
import type { RedisLink } from './redisLink';

const CHANNEL = 'sakutei:events';
/** The events other processes must hear: access changes close their sockets, thread changes refresh their viewers. */
const BRIDGED = ['membershipChanged', 'sessionsEnded', 'threadChanged', 'notified', 'planArchived', 'draftAccessChanged'] as const;

/**
 * Carries server events between processes: a role changed through one process closes the
 * sockets another holds at once, and a comment posted through one reaches the event streams
 * of viewers connected to another.
 */
export async function bridgeServerEvents(events: ServerEvents, link: RedisLink): Promise<() => void> {
  let relaying = false;
  const forwarders = BRIDGED.map((name) => {
    const forward = (payload: unknown) => {
      if (!relaying) link.publish(CHANNEL, Buffer.from(JSON.stringify({ name, payload })));
    };
    events.on(name, forward as never);
    return () => events.off(name, forward as never);
  });
  await link.subscribe(CHANNEL, (message) => {
    const parsed = parseBridged(message);
    if (!parsed) return;
    // Emitting is synchronous, so the flag covers exactly our own listeners' re-publication.
    relaying = true;
    try {
      events.emit(parsed.name, parsed.payload);
    } finally {
      relaying = false;
    }
  });
  return () => {
    for (const off of forwarders) off();
  };
}

/** A bridged event as another process sent it, or null for anything else (another version, say). */
function parseBridged(message: Buffer): { name: (typeof BRIDGED)[number]; payload: never } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { name, payload } = parsed as { name?: unknown; payload?: unknown };
  if (!BRIDGED.includes(name as (typeof BRIDGED)[number])) return null;
  if (typeof payload !== 'object' || payload === null) return null;
  return { name: name as (typeof BRIDGED)[number], payload: payload as never };
}
