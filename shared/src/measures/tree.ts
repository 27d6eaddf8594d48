import type { KpiRecord, MeasureTable, NodeRecord, ProjectRecord } from './model';
import { circled, formatCounter, formatNumberLabel } from './numbering';
import { compareByKey } from './orderKey';
import { rowDepths } from '../collab/rowDepth';
import { SHAPE_LIMITS } from '../collab/shapeLimits';

/** A row of the measure table as readers see it: placed, numbered and labelled. */
export type DerivedRow = {
  node: NodeRecord;
  depth: number;
  levelName: string;
  /** The printed number, derived from position: `(1)`, `①`, `Ⅱ-3`; '' when unnumbered. */
  number: string;
  /** Numbers from the top down to this row, for references: `1(1)①`. */
  path: string;
  /** The measure's title, or the project's name for a placement. */
  title: string;
  project: ProjectRecord | null;
  /** For the second and later placements of a project: the first placement's id (再掲). */
  reprintOf: string | null;
  parentId: string | null;
  kpiIds: string[];
};

export type DerivedKpi = {
  kpi: KpiRecord;
  /** Plan-wide number, in plan order: KPIs follow the rows they attach to. */
  number: number;
  mark: string;
  /** The row it is shown under, or null when that row no longer exists. */
  rowId: string | null;
};

export type DerivedTable = {
  rows: DerivedRow[];
  kpis: DerivedKpi[];
  rowById: Map<string, DerivedRow>;
  kpiById: Map<string, DerivedKpi>;
};

/**
 * Decides where every node really sits. Concurrent edits can leave a node under a parent
 * that was deleted, or two nodes each moved under the other; such nodes are lifted to the
 * top level rather than lost, and every replica lifts the same ones.
 */
function effectiveParents(nodes: readonly NodeRecord[]): Map<string, string | null> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parents = new Map<string, string | null>();
  for (const node of nodes) {
    const parent = node.position.parent;
    parents.set(node.id, parent !== null && byId.has(parent) && parent !== node.id ? parent : null);
  }
  const settled = new Set<string>();
  for (const node of [...nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null = node.id;
    while (current !== null && !settled.has(current)) {
      if (onPath.has(current)) {
        const cycle = path.slice(path.indexOf(current));
        const lifted = cycle.reduce((min, id) => (id < min ? id : min));
        parents.set(lifted, null);
        break;
      }
      onPath.add(current);
      path.push(current);
      current = parents.get(current) ?? null;
    }
    for (const id of path) settled.add(id);
  }
  return capDepth(parents);
}

/**
 * Rows chained deeper than the shape allows (a document stored before the server checked
 * shapes, collab/shape.ts) are put under their ancestor one level above the bound, so every
 * reader after this (the grid, the exports, the annual report, which walk the tree by depth)
 * sees at most SHAPE_LIMITS.maxRowDepth levels. Nothing is dropped; the rows just stop
 * indenting. `parents` is acyclic here.
 */
function capDepth(parents: Map<string, string | null>): Map<string, string | null> {
  const max = SHAPE_LIMITS.maxRowDepth;
  const depthOf = rowDepths(parents);
  // A row past the bound goes under its ancestor at depth max - 1. That ancestor is found
  // once per row, by walking up only to a row whose answer is known: linear, where a walk of
  // `depth - max` steps from every deep row is quadratic in a long legacy chain.
  const anchorOf = new Map<string, string>();
  const capped = new Map(parents);
  for (const [id, depth] of depthOf) {
    if (depth <= max) continue;
    const path: string[] = [];
    let current = parents.get(id)!;
    while (depthOf.get(current)! > max - 1 && !anchorOf.has(current)) {
      path.push(current);
      current = parents.get(current)!;
    }
    const anchor = anchorOf.get(current) ?? current;
    for (const step of path) anchorOf.set(step, anchor);
    capped.set(id, anchor);
  }
  return capped;
}

export function deriveTable(table: MeasureTable): DerivedTable {
  const { scheme } = table.settings;
  const parents = effectiveParents(table.nodes);
  const children = new Map<string | null, NodeRecord[]>();
  for (const node of table.nodes) {
    const parent = parents.get(node.id) ?? null;
    const siblings = children.get(parent) ?? [];
    siblings.push(node);
    children.set(parent, siblings);
  }
  for (const siblings of children.values()) {
    siblings.sort((a, b) => compareByKey({ key: a.position.key, id: a.id }, { key: b.position.key, id: b.id }));
  }

  const projects = new Map(table.projects.map((project) => [project.id, project]));
  const kpisByNode = new Map<string, KpiRecord[]>();
  for (const kpi of table.kpis) {
    const list = kpisByNode.get(kpi.attachTo) ?? [];
    list.push(kpi);
    kpisByNode.set(kpi.attachTo, list);
  }
  for (const list of kpisByNode.values()) list.sort(compareByKey);

  const rows: DerivedRow[] = [];
  const firstPlacement = new Map<string, string>();
  // Depth first, in sibling order, with an explicit stack: a chain of thousands of rows (a
  // document stored before the shape check, collab/shape.ts) must not overflow the stack.
  type Frame = { parentId: string | null; depth: number; parentCounter: string; parentPath: string };
  const stack: Array<{ frame: Frame; index: number }> = [{ frame: { parentId: null, depth: 0, parentCounter: '', parentPath: '' }, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const { parentId, depth, parentCounter, parentPath } = top.frame;
    const siblings = children.get(parentId) ?? [];
    if (top.index >= siblings.length) {
      stack.pop();
      continue;
    }
    const index = top.index++;
    const node = siblings[index]!;
    const level = scheme.levels[Math.min(depth, scheme.levels.length - 1)]!;
    const number = formatNumberLabel(level.numbering, index + 1, parentCounter);
    const project = node.projectId !== null ? (projects.get(node.projectId) ?? null) : null;
    let reprintOf: string | null = null;
    if (node.kind === 'placement' && node.projectId !== null) {
      const first = firstPlacement.get(node.projectId);
      if (first === undefined) firstPlacement.set(node.projectId, node.id);
      else reprintOf = first;
    }
    // capDepth bounds the depth, so the reference path stays short.
    const path = parentPath + number;
    rows.push({
      node,
      depth,
      levelName: level.name,
      number,
      path,
      title: node.kind === 'placement' ? (project?.name ?? node.title) : node.title,
      project,
      reprintOf,
      parentId,
      kpiIds: (kpisByNode.get(node.id) ?? []).map((kpi) => kpi.id),
    });
    stack.push({ frame: { parentId: node.id, depth: depth + 1, parentCounter: formatCounter(level.numbering, index + 1), parentPath: path }, index: 0 });
  }

  const kpis: DerivedKpi[] = [];
  const placed = new Set<string>();
  for (const row of rows) {
    for (const kpi of kpisByNode.get(row.node.id) ?? []) {
      kpis.push({ kpi, number: kpis.length + 1, mark: circled(kpis.length + 1), rowId: row.node.id });
      placed.add(kpi.id);
    }
  }
  // A KPI whose row was deleted by someone else stays visible at the end, to be re-attached.
  for (const kpi of [...table.kpis].filter((kpi) => !placed.has(kpi.id)).sort(compareByKey)) {
    kpis.push({ kpi, number: kpis.length + 1, mark: circled(kpis.length + 1), rowId: null });
  }

  return {
    rows,
    kpis,
    rowById: new Map(rows.map((row) => [row.node.id, row])),
    kpiById: new Map(kpis.map((entry) => [entry.kpi.id, entry])),
  };
}
