import type { DerivedRow, DerivedTable, Placement } from '@sakutei/shared/measures';

/**
 * Where 施策を追加 puts a new measure: after the focused measure, or after the measure that
 * holds the focused project (a measure never goes under a project's row); at the end when
 * nothing is focused.
 */
export function newMeasurePlacement(row: DerivedRow | null, derived: DerivedTable): Placement {
  if (!row) return { parent: null };
  if (row.node.kind === 'measure') return { parent: row.parentId, after: row.node.id };
  const parent = row.parentId !== null ? derived.rowById.get(row.parentId) : undefined;
  return parent ? { parent: parent.parentId, after: parent.node.id } : { parent: null, after: row.node.id };
}

/** Where 事業を追加 puts a new project: as the last child of a focused measure, or after a focused project. */
export function newProjectPlacement(row: DerivedRow | null): Placement {
  if (!row) return { parent: null };
  if (row.node.kind === 'measure') return { parent: row.node.id };
  return { parent: row.parentId, after: row.node.id };
}

/** The focused row's place among its siblings, for enabling move / indent / outdent. */
export function siblingPosition(row: DerivedRow | null, rows: readonly DerivedRow[]): { index: number; count: number } {
  if (!row) return { index: -1, count: 0 };
  const siblings = rows.filter((other) => other.parentId === row.parentId);
  return { index: siblings.findIndex((other) => other.node.id === row.node.id), count: siblings.length };
}
