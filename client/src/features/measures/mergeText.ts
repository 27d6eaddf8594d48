/** The single span by which `next` differs from `base`: base[start, end) became `insert`. */
type Splice = { start: number; end: number; insert: string };

function spliceBetween(base: string, next: string): Splice {
  let start = 0;
  const limit = Math.min(base.length, next.length);
  while (start < limit && base.charCodeAt(start) === next.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < limit - start &&
    base.charCodeAt(base.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)
  ) {
    tail++;
  }
  return { start, end: base.length - tail, insert: next.slice(start, next.length - tail) };
}

/**
 * Three-way merge of a cell edited locally (`mine`) while someone else changed it
 * (`theirs`), both starting from `base`. A cell editor holds a plain draft, so without this
 * committing it would silently undo the other person's typing. Edits to separate parts of
 * the text both survive; overlapping ones resolve to this user's draft, as the last writer.
 */
export function mergeText(base: string, mine: string, theirs: string): string {
  if (theirs === base || theirs === mine) return mine;
  if (mine === base) return theirs;
  const a = spliceBetween(base, mine);
  const b = spliceBetween(base, theirs);
  if (a.end <= b.start) {
    return base.slice(0, a.start) + a.insert + base.slice(a.end, b.start) + b.insert + base.slice(b.end);
  }
  if (b.end <= a.start) {
    return base.slice(0, b.start) + b.insert + base.slice(b.end, a.start) + a.insert + base.slice(a.end);
  }
  return mine;
}
