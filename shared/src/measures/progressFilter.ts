import type { Contact, ProjectStatus } from './model';
import { progressOf, type ProgressStatus, type ProgressTable } from './progress';
import type { DerivedRow, DerivedTable } from './tree';

/**
 * Narrowing the measure table to some projects: by 新規 / 充実 / 継続, by the year's
 * 実施状況 and by 担当課. A null criterion lets everything through.
 */
export type ProgressFilter = {
  projectStatuses: ReadonlySet<ProjectStatus | 'unmarked'> | null;
  progressStatuses: ReadonlySet<ProgressStatus | 'unrecorded'> | null;
  /** A department as `departmentOf` names it. */
  department: string | null;
  /** The year whose 実施状況 `progressStatuses` looks at. */
  fiscalYear: number | null;
};

export const NO_PROGRESS_FILTER: ProgressFilter = { projectStatuses: null, progressStatuses: null, department: null, fiscalYear: null };

/**
 * The 担当課 a contact stands for: its section (産業雇用政策課), or the organisation when it
 * has none (a partner such as 福島商工会議所). Spaces inside are kept as typed.
 */
export function departmentOf(contact: Contact): string {
  return (contact.section.trim() || contact.organisation.trim()).normalize('NFKC');
}

/** Every department named by a placed project's contacts, once each, in Japanese reading order. */
export function departmentsIn(derived: DerivedTable): string[] {
  const names = new Set<string>();
  for (const row of derived.rows) {
    if (row.node.kind !== 'placement') continue;
    for (const contact of row.project?.contacts ?? []) {
      const name = departmentOf(contact);
      if (name !== '') names.add(name);
    }
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'ja'));
}

export function isProgressFilterActive(filter: ProgressFilter): boolean {
  return filter.projectStatuses !== null || filter.progressStatuses !== null || filter.department !== null;
}

/** Whether a placement passes the filter (measures never pass by themselves). */
export function placementMatches(row: DerivedRow, progress: ProgressTable | undefined, filter: ProgressFilter): boolean {
  if (row.node.kind !== 'placement') return false;
  if (filter.projectStatuses && !filter.projectStatuses.has(row.node.status ?? 'unmarked')) return false;
  if (filter.progressStatuses) {
    const entry = filter.fiscalYear === null ? null : progressOf(progress, row.node.id, filter.fiscalYear);
    if (!filter.progressStatuses.has(entry?.status ?? 'unrecorded')) return false;
  }
  if (filter.department !== null) {
    const departments = (row.project?.contacts ?? []).map(departmentOf);
    if (!departments.includes(filter.department)) return false;
  }
  return true;
}

/**
 * The rows a filtered table shows: the matching placements, the rows under them, and the
 * measures above them, so every project keeps its place in the hierarchy. Null when no
 * filter is active (every row shows).
 */
export function filteredRowIds(derived: DerivedTable, progress: ProgressTable | undefined, filter: ProgressFilter): Set<string> | null {
  if (!isProgressFilterActive(filter)) return null;
  const shown = new Set<string>();
  let insideDepth: number | null = null;
  for (const row of derived.rows) {
    if (insideDepth !== null && row.depth > insideDepth) {
      shown.add(row.node.id);
      continue;
    }
    insideDepth = null;
    if (!placementMatches(row, progress, filter)) continue;
    insideDepth = row.depth;
    shown.add(row.node.id);
    for (let parent = row.parentId; parent !== null && !shown.has(parent); parent = derived.rowById.get(parent)?.parentId ?? null) {
      shown.add(parent);
    }
  }
  return shown;
}
