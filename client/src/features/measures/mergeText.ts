import { changedSpan } from '@sakutei/shared/measures';

/** The single span by which `next` differs from `base`: base[start, end) became `insert`. */
function spliceBetween(base: string, next: string): { start: number; end: number; insert: string } {
  const span = changedSpan(base, next) ?? { start: base.length, removed: 0, inserted: '' };
  return { start: span.start, end: span.start + span.removed, insert: span.inserted };
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
