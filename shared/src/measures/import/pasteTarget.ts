import type { HierarchyScheme } from '../model';
import { parseNumberLabel } from '../numbering';
import type { DerivedTable } from '../tree';
import { parseDelimited } from './delimited';

/**
 * Where a block pasted into the grid belongs. Its first numbered row says its level (`(3)`
 * is a 施策, so the block goes under the 施策体系 above the focused row); without a number
 * it goes beside the focused row.
 */
export function parentForPaste(
  text: string,
  scheme: HierarchyScheme,
  derived: DerivedTable,
  focusedRowId: string | null,
): string | null {
  const focused = focusedRowId !== null ? derived.rowById.get(focusedRowId) : undefined;
  if (!focused) return null;
  let depth: number | null = null;
  for (const row of parseDelimited(text)) {
    const first = row.find((cell) => cell.trim() !== '');
    const label = first !== undefined ? parseNumberLabel(first.trim(), scheme) : null;
    if (label) {
      depth = label.depth;
      break;
    }
  }
  if (depth === null) return focused.parentId;
  let ancestor: string | null = focused.node.id;
  let ancestorDepth = focused.depth;
  while (ancestor !== null && ancestorDepth >= depth) {
    ancestor = derived.rowById.get(ancestor)?.parentId ?? null;
    ancestorDepth--;
  }
  return ancestor;
}
