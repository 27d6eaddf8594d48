import type { ProseDiffRow } from '@sakutei/shared';

/** Unchanged blocks shown on each side of a change, as a diff tool would. */
export const CONTEXT_ROWS = 3;

export type ProseLine =
  | { kind: 'row'; row: ProseDiffRow; index: number }
  /** Unchanged blocks folded away; `start` (the first one's index) identifies the fold. */
  | { kind: 'fold'; start: number; count: number };

/**
 * The rows to show: every change with up to `context` unchanged blocks around it, the rest
 * folded. A fold of a single block would hide nothing worth hiding, so it is shown instead.
 */
export function foldUnchanged(rows: readonly ProseDiffRow[], expanded: ReadonlySet<number>, context = CONTEXT_ROWS): ProseLine[] {
  const near = new Array<boolean>(rows.length).fill(false);
  rows.forEach((row, index) => {
    if (row.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(rows.length - 1, index + context); k++) near[k] = true;
  });
  const lines: ProseLine[] = [];
  let index = 0;
  while (index < rows.length) {
    if (near[index]) {
      lines.push({ kind: 'row', row: rows[index]!, index });
      index++;
      continue;
    }
    const start = index;
    while (index < rows.length && !near[index]) index++;
    const count = index - start;
    if (count > 1 && !expanded.has(start)) lines.push({ kind: 'fold', start, count });
    else for (let k = start; k < index; k++) lines.push({ kind: 'row', row: rows[k]!, index: k });
  }
  return lines;
}
