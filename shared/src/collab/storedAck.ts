/**
 * Sakutei's one addition to the y-websocket protocol: "have you stored what I sent?".
 *
 * A client that wants to tell its user the truth about saving sends a query after its edits;
 * the room answers once every update that connection sent before the query is stored (or was
 * refused), with how many of that connection's document frames it has refused or dropped so
 * far. A reply whose count did not grow since the previous reply means every edit sent before
 * the query is on disk. The room only ever sends a reply in answer to a query, so stock
 * y-websocket clients, which never ask, never see one.
 *
 * Frames: query `[STORED_ACK_MESSAGE, QUERY, id]`, reply `[STORED_ACK_MESSAGE, REPLY, id, lost]`,
 * each number a lib0 varUint (the encoding of every y-websocket frame).
 */

/** Top-level message kind, beside y-websocket's sync 0, awareness 1, auth 2 and queryAwareness 3. */
export const STORED_ACK_MESSAGE = 100;
const QUERY = 0;
const REPLY = 1;

/** Largest id or count carried: keeps every number within a safe integer and four varUint bytes. */
const MAX_VALUE = 2 ** 28 - 1;

function writeVarUint(out: number[], value: number): void {
  let rest = value;
  while (rest > 0x7f) {
    out.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

/** Reads varUints from `bytes`; null when the bytes end early or a number is too long. */
function readVarUints(bytes: Uint8Array, count: number): number[] | null {
  const values: number[] = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let shift = 1;
    for (let b = 0; ; b++) {
      if (pos >= bytes.length || b >= 4) return null;
      const byte = bytes[pos++]!;
      value += (byte & 0x7f) * shift;
      shift *= 128;
      if (byte < 0x80) break;
    }
    values.push(value);
  }
  return pos === bytes.length ? values : null;
}

function frame(...values: number[]): Uint8Array {
  const out: number[] = [];
  for (const value of values) writeVarUint(out, Math.min(value, MAX_VALUE));
  return Uint8Array.from(out);
}

/** The client's question: "tell me once what I sent before this is stored". */
export function encodeStoredQuery(id: number): Uint8Array {
  return frame(STORED_ACK_MESSAGE, QUERY, id % (MAX_VALUE + 1));
}

/** The room's answer to query `id`; `lost` counts the connection's refused or dropped document frames. */
export function encodeStoredReply(id: number, lost: number): Uint8Array {
  return frame(STORED_ACK_MESSAGE, REPLY, id, lost);
}

/** A query's id, from the bytes after the message kind; null when they are not a query. */
export function decodeStoredQuery(body: Uint8Array): number | null {
  if (body[0] !== QUERY) return null;
  const values = readVarUints(body.subarray(1), 1);
  return values ? values[0]! : null;
}

/** A reply, from the bytes after the message kind; null when they are not one. */
export function decodeStoredReply(body: Uint8Array): { id: number; lost: number } | null {
  if (body[0] !== REPLY) return null;
  const values = readVarUints(body.subarray(1), 2);
  return values ? { id: values[0]!, lost: values[1]! } : null;
}
