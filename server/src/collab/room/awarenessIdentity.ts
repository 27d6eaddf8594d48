import * as encoding from 'lib0/encoding';
import type { AwarenessEntry } from './awarenessGuard';

/** Who a connection is, as the server knows it; stamped onto every awareness state it sends. */
export type PresenceIdentity = { id: string; name: string; color: string };

export type StampResult = {
  /** The awareness update to apply, or null when nothing in it was acceptable. */
  update: Uint8Array | null;
  /** Client ids the connection now speaks for. */
  clientIds: number[];
};

/**
 * Re-encodes a decoded awareness update so each state's `user` is the authenticated identity:
 * names on carets cannot be spoofed. Entries for client ids the connection `mayNotSpeakFor`
 * (another connection's, say) are dropped, so nobody can overwrite or remove someone else's
 * presence.
 */
export function stampAwarenessUpdate(
  decoded: AwarenessEntry[],
  identity: PresenceIdentity,
  mayNotSpeakFor: (clientId: number) => boolean,
): StampResult {
  const encoder = encoding.createEncoder();
  const entries: Array<[number, number, string]> = [];
  for (const { clientId, clock, state } of decoded) {
    if (mayNotSpeakFor(clientId)) continue;
    if (state === null) {
      entries.push([clientId, clock, 'null']);
    } else if (typeof state === 'object' && !Array.isArray(state)) {
      entries.push([clientId, clock, JSON.stringify({ ...state, user: identity })]);
    }
  }
  if (entries.length === 0) return { update: null, clientIds: [] };
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return { update: encoding.toUint8Array(encoder), clientIds: entries.map(([id]) => id) };
}
