import type { DerivedRow } from '@sakutei/shared/measures';

/*
 * The set of collapsed rows is state React compares by identity: these helpers return the
 * same set when nothing changes, so opening an already open row does not re-render the grid.
 */

export function withoutId(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  return withoutIds(set, [id]);
}

export function withoutIds(set: ReadonlySet<string>, ids: readonly string[]): ReadonlySet<string> {
  if (!ids.some((id) => set.has(id))) return set;
  const next = new Set(set);
  for (const id of ids) next.delete(id);
  return next;
}

export function withId(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  return set.has(id) ? set : new Set([...set, id]);
}

/** The rows above `rowId`, nearest first. */
export function ancestorsOf(rowId: string, rowById: ReadonlyMap<string, DerivedRow>): string[] {
  const ancestors: string[] = [];
  for (let id = rowById.get(rowId)?.parentId ?? null; id !== null; id = rowById.get(id)?.parentId ?? null) {
    ancestors.push(id);
  }
  return ancestors;
}
