import * as Y from 'yjs';
import type { UpdateShape } from './updateGuard';

/** List items one update may make us step over in all; an honest update needs a handful. */
const MAX_STEPS = 1_000_000;

/**
 * Whether an update's items name neighbours that could have been neighbours. An item
 * records the item left of it (origin) and right of it (right origin) when it was made, and
 * Yjs trusts the pair: if the right origin is not in fact to the right of the origin in
 * the same list, the item lands in a place that depends on what the replica integrated
 * before, so the room and a client that loads the document later show different text.
 * Checked for pairs that both already exist in `doc` (pairs inside the update itself cannot
 * be checked before it is applied). Returns why, or null when every pair is plausible.
 *
 * Between the two there may be items the sender had not seen yet (concurrent edits, or the
 * rest of a run its origin has since merged with), so the right origin is searched for to
 * the right of the origin rather than expected next to it.
 */
export function misplacedOrigin(shape: UpdateShape, doc: Y.Doc): string | null {
  const store = doc.store;
  let steps = 0;
  for (let s = 0; s < shape.clock.length; s++) {
    const origin = pairAt(shape.originClient, shape.originClock, s);
    const right = pairAt(shape.rightClient, shape.rightClock, s);
    if (!origin || !right) continue;
    if (origin.clock >= Y.getState(store, origin.client) || right.clock >= Y.getState(store, right.client)) continue;
    const left = Y.getItem(store, origin);
    const target = Y.getItem(store, right);
    // An item next to a collected one is collected itself: nothing of it is placed.
    if (!(left instanceof Y.Item) || !(target instanceof Y.Item)) continue;
    const where = `an item between ${origin.client}:${origin.clock} and ${right.client}:${right.clock}`;
    if (left === target) {
      if (right.clock !== origin.clock + 1) return `${where}: right origin is not next to its origin`;
      continue;
    }
    // What precedes the right origin inside its own run was there when the item was made.
    if (right.clock !== target.id.clock) return `${where}: right origin is inside a run`;
    let item = left.right;
    while (item !== target) {
      if (item === null) return `${where}: right origin is not to the right of its origin`;
      if (++steps > MAX_STEPS) return `${where}: origins too far apart`;
      item = item.right;
    }
  }
  return null;
}

function pairAt(clients: number[], clocks: number[], s: number): Y.ID | null {
  const client = clients[s]!;
  return client < 0 ? null : Y.createID(client, clocks[s]!);
}
