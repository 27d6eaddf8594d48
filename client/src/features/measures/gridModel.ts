import type { DerivedRow, ProjectStatus } from '@sakutei/shared/measures';
import { formatContacts } from '@sakutei/shared/measures';

/** The grid's columns, left to right; also the `data-field` of each cell. */
/** `progress` (実施状況 of the chosen year) comes last, so existing columns keep their places. */
export const GRID_FIELDS = ['number', 'title', 'status', 'description', 'contacts', 'kpis', 'progress'] as const;
export type GridField = (typeof GRID_FIELDS)[number];

/**
 * The columns on screen: every column, or all but 実施状況 when it is hidden (beside the KPI
 * panel there is no room for it and 内容 both, so it is shown on request there).
 */
export function gridFieldsFor(showProgress: boolean): readonly GridField[] {
  return showProgress ? GRID_FIELDS : GRID_FIELDS.filter((field) => field !== 'progress');
}

export function isGridField(value: string | undefined): value is GridField {
  return value !== undefined && (GRID_FIELDS as readonly string[]).includes(value);
}

/**
 * How a cell is edited; null when it is derived (number, KPI marks, a measure's roll-up) or
 * not applicable. `progress` opens the 実施状況 dialog instead of an editor in the cell.
 */
export type CellEditKind = 'text' | 'multiline' | 'status' | 'progress';

export function editKindOf(row: DerivedRow, field: GridField): CellEditKind | null {
  switch (field) {
    case 'title':
      return 'text';
    case 'description':
      return 'multiline';
    // Status and contacts belong to a project, so only placements have them.
    case 'status':
      return row.node.kind === 'placement' ? 'status' : null;
    case 'contacts':
      return row.project ? 'multiline' : null;
    case 'progress':
      return row.node.kind === 'placement' ? 'progress' : null;
    default:
      return null;
  }
}

/** The text an editor of this cell starts from (and what a copy puts on the clipboard). */
export function cellValue(row: DerivedRow, field: GridField): string {
  switch (field) {
    case 'number':
      return row.number;
    case 'title':
      return row.title;
    case 'status':
      return row.node.status ?? '';
    case 'description':
      return row.node.description;
    case 'contacts':
      return formatContacts(row.project?.contacts ?? []);
    case 'kpis':
    // The year's 実施状況 depends on the chosen year, which a row does not know; copied as nothing.
    case 'progress':
      return '';
  }
}

export const STATUS_OPTIONS: readonly ProjectStatus[] = ['new', 'enhanced', 'continued'];

export function isProjectStatus(value: string): value is ProjectStatus {
  return (STATUS_OPTIONS as readonly string[]).includes(value);
}

export type GridFocus = { rowId: string; field: GridField };

export type GridEditing = {
  rowId: string;
  field: GridField;
  /** The cell's value when editing began: the base of the three-way merge on commit. */
  base: string;
  /** What the editor starts with when the edit began by typing; null keeps the value. */
  seed: string | null;
};

/** Where the focus goes after a commit. */
export type CommitMove = 'down' | 'right' | 'left' | 'stay';

export type VisibleRows = { rows: DerivedRow[]; hasChildren: ReadonlySet<string> };

/**
 * The rows on screen with `collapsed` subtrees hidden. The ancestors of `keep` (the focused
 * row) are never hidden: when someone moves that row under a collapsed parent, the focus
 * follows it instead of vanishing.
 */
export function visibleRows(
  rows: readonly DerivedRow[],
  rowById: ReadonlyMap<string, DerivedRow>,
  collapsed: ReadonlySet<string>,
  keep: string | null,
): VisibleRows {
  const hasChildren = new Set<string>();
  rows.forEach((row, index) => {
    const next = rows[index + 1];
    if (next && next.depth > row.depth) hasChildren.add(row.node.id);
  });
  const open = new Set<string>();
  for (let id = keep !== null ? (rowById.get(keep)?.parentId ?? null) : null; id !== null; ) {
    open.add(id);
    id = rowById.get(id)?.parentId ?? null;
  }
  const shown: DerivedRow[] = [];
  let hideDeeperThan: number | null = null;
  for (const row of rows) {
    if (hideDeeperThan !== null && row.depth > hideDeeperThan) continue;
    hideDeeperThan = null;
    shown.push(row);
    const id = row.node.id;
    if (collapsed.has(id) && hasChildren.has(id) && !open.has(id)) hideDeeperThan = row.depth;
  }
  return { rows: shown, hasChildren };
}

/** A row and everything under it (rows are in pre-order, so they follow it contiguously). */
export function subtreeOf(rows: readonly DerivedRow[], id: string): DerivedRow[] {
  const start = rows.findIndex((row) => row.node.id === id);
  const root = rows[start];
  if (!root) return [];
  const subtree = [root];
  for (const row of rows.slice(start + 1)) {
    if (row.depth <= root.depth) break;
    subtree.push(row);
  }
  return subtree;
}
