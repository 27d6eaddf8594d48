import type { HierarchyScheme } from '../model';
import type { RandomSource } from '../orderKey';
import { previewHierarchyImport } from './preview';
import { HIERARCHY_PROBLEM_CODES, type HierarchyImport } from './previewTypes';
import type { ImportProblem, ImportProblemCode, ImportResult } from './problems';

export type { HierarchyImport } from './previewTypes';
export { projectName } from './reprints';

/**
 * Reads a measure hierarchy from a paste: a table with a header in any council's words (or
 * none), the measure-table format that export writes, or a 目次 (table of contents). Printed
 * numbers only say how deep a row sits; the real numbers are derived from position once the
 * rows are in the plan. The work is done by `previewHierarchyImport`, which also reports the
 * column mapping, 再掲 matches and level counts; this is its result in the older shape.
 */


export type HierarchyOptions = {
  scheme: HierarchyScheme;
  newId: () => string;
  /** For the order keys' random tails; tests pass a fixed one. */
  random?: RandomSource;
};

const NEW_CODES: ReadonlySet<string> = new Set(HIERARCHY_PROBLEM_CODES);

/**
 * The preview's rows and problems. Problems with codes the older callers cannot word (再掲
 * suggestions, merged levels) are left out here; `previewHierarchyImport` has them all.
 */
export function importHierarchy(rows: string[][], options: HierarchyOptions): ImportResult<HierarchyImport> {
  const preview = previewHierarchyImport(rows, options);
  const problems = preview.problems.filter((problem): problem is ImportProblem & { code: ImportProblemCode } => !NEW_CODES.has(problem.code));
  return { value: { nodes: preview.nodes, projects: preview.projects, kpiLinks: preview.kpiLinks }, problems };
}
