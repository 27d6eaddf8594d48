import type { ProjectStatus } from '../model';
import { buildTree } from './buildTree';
import { findHeader } from './header';
import { contentRows, planColumns, rememberedMapping, withMapping } from './mapping';
import type { Entry, Report } from './entries';
import type { HierarchyPreview, HierarchyPreviewOptions, ImportField, PreviewProblem, UnimportedColumn } from './previewTypes';
import { checkImportSize } from './problems';
import { columnLabel, looksLikeToc, tableReader, tocColumns, tocReader } from './readers';

/**
 * Reads a measure hierarchy from a pasted or uploaded table and says what it made of it:
 * which column it read as what, which rows became which level, which 再掲 it matched, and
 * every row it refused or doubted, with what to do. Nothing is dropped without a word: a
 * column not imported is named, a skipped row is listed, a missing level is reported at the
 * row it affects. The browser and the API both call this, with or without a mapping.
 */

export function previewHierarchyImport(rows: string[][], options: HierarchyPreviewOptions): HierarchyPreview {
  const { scheme } = options;
  const sized = checkImportSize(rows);
  const problems: PreviewProblem[] = [...sized.problems];
  const report: Report = (problem) => problems.push(problem);
  if (sized.rows.length === 0) return emptyPreview(problems);

  const header = findHeader(sized.rows, scheme);
  const content = contentRows(sized.rows, header, scheme);
  const inferred = planColumns(sized.rows, content, header, scheme);
  const plan = options.mapping ? withMapping(inferred, options.mapping) : inferred;
  const changed = plan.columns.some((column, c) => column.field !== inferred.columns[c]?.field);
  const mode = !changed && looksLikeToc(sized.rows, content, header, inferred, scheme) ? 'toc' : 'table';
  const columns = mode === 'toc' ? tocColumns(sized.rows, content, plan) : plan.columns;

  const entries: Entry[] = [];
  const reader = mode === 'table' ? tableReader(plan, scheme, report) : tocReader(scheme, report);
  if (mode === 'table' && !columns.some((column) => column.field === 'name')) {
    report({
      line: header ? header.index + 1 : 1,
      column: null,
      code: 'noNameColumn',
      detail: 'no column holds the names of the measures and projects; set one column to Name and preview again; nothing imported',
    });
  } else {
    for (const r of content) entries.push(...reader(sized.rows[r]!, r + 1));
  }

  const built = buildTree(entries, options, columnLabel(columns, 'number'), report);
  problems.sort((a, b) => a.line - b.line);
  const unimportedColumns: UnimportedColumn[] = columns
    .filter((column) => column.field === 'ignored' && column.nonEmpty > 0)
    .map((column) => ({
      index: column.index,
      header: column.header,
      nonEmpty: column.nonEmpty,
      samples: column.samples,
      reason: plan.pageColumns.has(column.index) && column.source !== 'user' ? 'pageNumbers' : 'ignored',
    }));

  const rowsPerLevel = scheme.levels.map((level, depth) => ({
    depth,
    level: level.name,
    count: built.lines.filter((line) => line.depth === depth).length,
  }));
  const statusCounts = { new: 0, enhanced: 0, continued: 0, none: 0 } as Record<ProjectStatus | 'none', number>;
  for (const node of built.value.nodes) {
    if (node.status) statusCounts[node.status]++;
    else if (node.kind === 'placement') statusCounts.none++;
  }
  const mapping: Record<number, ImportField> = {};
  for (const column of columns) mapping[column.index] = column.field;
  return {
    ...built.value,
    mode,
    columns,
    headerLine: header ? header.index + 1 : null,
    mapping,
    remembered: rememberedMapping(columns),
    lines: built.lines,
    rowsPerLevel,
    projectCount: built.value.projects.length,
    reprints: built.reprints,
    statusCounts,
    problems,
    unimportedColumns,
  };
}

function emptyPreview(problems: PreviewProblem[]): HierarchyPreview {
  return {
    nodes: [],
    projects: [],
    kpiLinks: [],
    mode: 'table',
    columns: [],
    headerLine: null,
    mapping: {},
    remembered: [],
    lines: [],
    rowsPerLevel: [],
    projectCount: 0,
    reprints: [],
    statusCounts: { new: 0, enhanced: 0, continued: 0, none: 0 },
    problems,
    unimportedColumns: [],
  };
}
