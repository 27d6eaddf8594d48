import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who a connection is, as the server knows it; stamped onto every awareness state it sends. */
export type PresenceIdentity = { id: string; name: string; color: string };

export type StampResult = {
  /** The awareness update to apply, or null when nothing in it was acceptable. */
  update: Uint8Array | null;
  /** Client ids the connection now speaks for. */
  clientIds: number[];
};

/**
 * Rewrites an awareness update so each state's `user` is the authenticated identity: names
 * on carets cannot be spoofed. Entries for client ids another connection owns are dropped,
 * so nobody can overwrite or remove someone else's presence.
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  identity: PresenceIdentity,
  isOwnedByOther: (clientId: number) => boolean,
): StampResult {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const entries: Array<[number, number, string]> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (isOwnedByOther(clientId)) continue;
    const state: unknown = JSON.parse(json);
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
