import { BoundedReader } from './boundedReader';

export type AwarenessLimits = {
  /** Bytes of JSON one client's presence may take (a caret, a selection and a name need far less). */
  maxStateBytes: number;
};

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = { maxStateBytes: 8 * 1024 };

/** More entries than any one client sends (its own state, at most a few stale ids of its own). */
const MAX_ENTRIES = 32;

/** One client's presence as sent: `state` is parsed JSON, null when the client left. */
export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

/**
 * Decodes a y-protocols awareness update (count, then per client its id, clock and state as
 * JSON), checking every read and refusing oversized or unparsable states with `MalformedUpdate`.
 * Everything is checked before anything is applied, so a bad entry cannot leave half a
 * message applied.
 */
export function decodeAwarenessUpdate(update: Uint8Array, limits: AwarenessLimits = DEFAULT_AWARENESS_LIMITS): AwarenessEntry[] {
  const r = new BoundedReader(update);
  const count = r.readCount('awareness entry count', 3);
  if (count > MAX_ENTRIES) r.fail(`${count} awareness entries`);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = r.readVarUint();
    const clock = r.readVarUint();
    entries.push({ clientId, clock, state: r.readJson(limits.maxStateBytes) });
  }
  if (r.remaining > 0) r.fail(`${r.remaining} trailing bytes`);
  return entries;
}
