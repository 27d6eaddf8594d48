/**
 * Every row's depth (0 at the top level) in a map of row → parent, free of yjs so that both
 * the shape check (collab/shape.ts) and the measure tree (measures/tree.ts) use this one walk.
 * Linear in the rows: each row's depth is set once, by walking up only to the first row whose
 * depth is known. A parent missing from the map counts as the top. A chain that comes back on
 * itself ends where it repeats (tree.ts lifts such rows to the top level before it asks).
 */
export function rowDepths(parents: ReadonlyMap<string, string | null>): Map<string, number> {
  const depthOf = new Map<string, number>();
  for (const id of parents.keys()) {
    if (depthOf.has(id)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = id;
    let base = -1;
    while (current != null && parents.has(current) && !onPath.has(current)) {
      const known = depthOf.get(current);
      if (known !== undefined) {
        base = known;
        break;
      }
      path.push(current);
      onPath.add(current);
      current = parents.get(current);
    }
    // Numbered top-down along the path, so depths along any chain are consecutive.
    for (let i = path.length - 1, depth = base + 1; i >= 0; i--, depth++) depthOf.set(path[i]!, depth);
  }
  return depthOf;
}
