import type * as Y from 'yjs';
import { z } from 'zod';
import type { MeasureTable, NodeKind, ProjectRecord, ProjectStatus } from '../model';
import type { RandomSource } from '../orderKey';
import { formatContacts } from '../text/contacts';
import { deriveTable } from '../tree';
import { readMeasureTable, type Placement } from '../ydoc';
import { placeFragment } from './apply';
import type { HierarchyImport } from './previewTypes';
import { readRememberedMapping, shortHash } from './importLog';
import { previewHierarchyImport } from './preview';
import { MAX_IMPORT_COLUMNS } from './problems';
import {
  IMPORT_FIELDS,
  type ColumnMapping,
  type HierarchyPreview,
  type ReprintDecision,
  type RememberedMapping,
} from './previewTypes';

/**
 * A measure-table import as one plan sees it: the plan's own levels, its projects (so a 再掲
 * of one of them places it again) and, when the caller names no mapping, the mapping the
 * plan remembers from its last import. The browser's dialog and the API's preview and apply
 * all call this, so they read a table the same way.
 */

const rememberedSchema = z
  .array(
    z.object({
      header: z.string().max(400),
      field: z.enum(IMPORT_FIELDS),
      index: z.number().int().min(0).max(MAX_IMPORT_COLUMNS - 1).optional(),
    }),
  )
  .max(MAX_IMPORT_COLUMNS);

/** The plan's remembered mapping, when there is one and it reads. */
export function rememberedMappingOf(doc: Y.Doc): RememberedMapping | null {
  const parsed = rememberedSchema.safeParse(readRememberedMapping(doc));
  return parsed.success && parsed.data.length > 0 ? parsed.data : null;
}

export type PlanImportChoices = {
  /** The user's mapping by column index; null or absent to use the remembered one. */
  mapping?: ColumnMapping | null;
  reprints?: readonly ReprintDecision[];
  newId: () => string;
  random?: RandomSource;
};

export type PlanImportPreview = {
  preview: HierarchyPreview;
  mappingFrom: 'request' | 'remembered' | 'detected';
};

/**
 * Reads `rows` as a measure table for the plan in `doc`. Nothing is written. `table` is the
 * document's, when the caller has already read it.
 */
export function previewPlanImport(
  doc: Y.Doc,
  rows: string[][],
  choices: PlanImportChoices,
  table: MeasureTable = readMeasureTable(doc),
): PlanImportPreview {
  const given = choices.mapping && Object.keys(choices.mapping).length > 0 ? choices.mapping : null;
  const remembered = given ? null : rememberedMappingOf(doc);
  const preview = previewHierarchyImport(rows, {
    scheme: table.settings.scheme,
    newId: choices.newId,
    random: choices.random,
    mapping: given ?? remembered ?? undefined,
    confirmedReprints: choices.reprints ? [...choices.reprints] : undefined,
    existingProjects: table.projects.map((project) => ({ id: project.id, name: project.name })),
  });
  return { preview, mappingFrom: given ? 'request' : remembered ? 'remembered' : 'detected' };
}

export type ImportPreviewRow = {
  id: string;
  line: number | null;
  /** Below the shallowest imported row, for indenting the preview. */
  indent: number;
  number: string;
  levelName: string;
  title: string;
  kind: NodeKind;
  status: ProjectStatus | null;
  /** 内容 and 担当・連絡先 as imported, so the user sees that the columns landed where meant. */
  description: string;
  contacts: string;
  reprint: boolean;
  kpiNumbers: number[];
};

/**
 * The imported rows exactly as they will appear: the rows `applyHierarchyImport` would write
 * are placed among `table`'s and the whole is numbered, so numbering continues from the rows
 * already there and 再掲 is decided against the whole plan. Nothing is written.
 */
export function previewRowsIn(
  table: MeasureTable,
  fragment: HierarchyImport & { lines?: ReadonlyArray<{ line: number; nodeId: string }> },
  at: Placement,
): ImportPreviewRow[] {
  if (fragment.nodes.length === 0) return [];
  const placed = placeFragment(table, fragment, at);
  const imported = new Set(placed.map((node) => node.id));
  // A 再掲 of a project already in the plan brings no record; the plan's own stays.
  const known = new Set(table.projects.map((project) => project.id));
  const derived = deriveTable({
    ...table,
    nodes: [...table.nodes, ...placed],
    projects: [...table.projects, ...fragment.projects.filter((project) => !known.has(project.id))],
  });
  const links = new Map(fragment.kpiLinks.map((link) => [link.nodeId, link.kpiNumbers]));
  const lines = new Map((fragment.lines ?? []).map((entry) => [entry.nodeId, entry.line]));
  const rows = derived.rows.filter((row) => imported.has(row.node.id));
  const top = Math.min(...rows.map((row) => row.depth));
  return rows.map((row) => ({
    id: row.node.id,
    line: lines.get(row.node.id) ?? null,
    indent: row.depth - top,
    number: row.number,
    levelName: row.levelName,
    title: row.title,
    kind: row.node.kind,
    status: row.node.status,
    description: row.node.description,
    contacts: formatContacts(row.project?.contacts ?? []),
    reprint: row.reprintOf !== null,
    kpiNumbers: links.get(row.node.id) ?? [],
  }));
}

/**
 * Names what a preview would write, so an apply can tell that it writes the preview the user
 * confirmed: the mapping, each row's line, level, kind, text and project, the new projects and
 * the 再掲 findings, and where the rows go. Ids are left out (each preview draws new ones);
 * the numbering is left out (it follows from the rest). Applying against a document that
 * changed since (new projects change 再掲 matches) or a source that changed gives another hash.
 */
export function previewHash(preview: HierarchyPreview, parent: string | null): string {
  const names = new Map(preview.projects.map((project) => [project.id, project.name]));
  const lines = new Map(preview.lines.map((entry) => [entry.nodeId, [entry.line, entry.depth]]));
  const text = JSON.stringify([
    parent,
    preview.mode,
    preview.mapping,
    preview.nodes.map((node) => [
      lines.get(node.id) ?? null,
      node.kind,
      node.title,
      node.description,
      node.status,
      node.projectId === null ? null : (names.get(node.projectId) ?? `plan:${node.projectId}`),
    ]),
    preview.projects.map((project) => [project.name, project.contacts]),
    preview.reprints,
  ]);
  return `${shortHash(text)}${shortHash(`${text.length}:${text}`)}`;
}

export type ImportedProject = {
  name: string;
  /** The input lines that place it: its first listing, then each 再掲. */
  lines: number[];
  /** A project already in the plan that a 再掲 places again, rather than a new one. */
  inPlan: boolean;
};

/** The projects an import would place, each with the lines that place it, in input order. */
export function importedProjects(
  planProjects: readonly ProjectRecord[],
  preview: HierarchyPreview,
): ImportedProject[] {
  const existing = new Map(planProjects.map((project) => [project.id, project.name]));
  const created = new Map(preview.projects.map((project) => [project.id, project.name]));
  const lineOf = new Map(preview.lines.map((entry) => [entry.nodeId, entry.line]));
  const byProject = new Map<string, ImportedProject>();
  for (const node of preview.nodes) {
    if (node.kind !== 'placement' || node.projectId === null) continue;
    const name = created.get(node.projectId) ?? existing.get(node.projectId);
    if (name === undefined) continue;
    const entry = byProject.get(node.projectId) ?? { name, lines: [], inPlan: !created.has(node.projectId) };
    const line = lineOf.get(node.id);
    if (line !== undefined) entry.lines.push(line);
    byProject.set(node.projectId, entry);
  }
  return [...byProject.values()];
}
