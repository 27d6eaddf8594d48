import type * as Y from 'yjs';

/**
 * The new item of one client that holds `clock`, found by bisection: an update lists a
 * client's structs in clock order. Both guards that judge an update before it is applied
 * (shapeGuard, suggestionGuard) look up origins among the update's own items this way.
 */
export function newItemHolding(list: readonly Y.Item[] | undefined, clock: number): Y.Item | null {
  if (!list) return null;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = list[mid]!;
    if (clock < item.id.clock) hi = mid - 1;
    else if (clock >= item.id.clock + item.length) lo = mid + 1;
    else return item;
  }
  return null;
}
