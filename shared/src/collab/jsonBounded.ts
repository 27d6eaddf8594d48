/** Bounds of a free JSON value in a plan document (an attribute, a lenient map's value). */
export type JsonBounds = { depth: number; nodes: number };

export const JSON_VALUE_BOUNDS: JsonBounds = { depth: 16, nodes: 10_000 };

/**
 * Whether `value` is plain JSON (null, booleans, numbers, strings, arrays, plain objects)
 * nested at most `depth` deep with at most `nodes` values in all. Iterative, so a hostile value
 * nested a million deep is refused without a stack; every reader after the shape check
 * (JSON.stringify for the canonical text, zod, the exports) recurses over these values.
 */
export function jsonBounded(value: unknown, bounds: JsonBounds = JSON_VALUE_BOUNDS): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (++nodes > bounds.nodes) return false;
    if (current === null || current === undefined) continue;
    const type = typeof current;
    if (type === 'string' || type === 'boolean') continue;
    if (type === 'number') {
      if (!Number.isFinite(current)) return false;
      continue;
    }
    if (type !== 'object') return false;
    if (depth >= bounds.depth) return false;
    if (Array.isArray(current)) {
      if (nodes + stack.length + current.length > bounds.nodes) return false;
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(current);
    if (proto !== Object.prototype && proto !== null) return false;
    const items = Object.values(current as Record<string, unknown>);
    if (nodes + stack.length + items.length > bounds.nodes) return false;
    for (const item of items) stack.push({ value: item, depth: depth + 1 });
  }
  return true;
}
