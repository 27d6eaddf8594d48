import * as Y from 'yjs';
import { z } from 'zod';
import type { MeasureTable, NodeRecord, ProjectRecord } from '../model';
import { evaluatedScopes } from '../report/evaluations';
import { measureMaps, readMeasureTable } from '../ydoc';
import type { PreviewProblem } from './previewTypes';

/**
 * What the plan remembers about its imports, in one small Y.Map of its own beside the measure
 * table: the column mapping last confirmed (so the next paste of the same council's table
 * maps itself), and a record of each recent import (the ids it added), so that an import made
 * through the API can be undone exactly.
 *
 * Why the Y.Doc and not the database: the browser applies an import to its own copy of the
 * document and the server applies one to the live room; both then write the memory in the same
 * transaction as the rows, with the same code, and it travels with the plan (next editions,
 * backups, the cluster's update log) with no migration on SQLite and PostgreSQL alike. The map
 * is not among the ones the undo manager tracks, so Ctrl+Z takes the rows back but the plan
 * still remembers how its table's columns read.
 *
 * Anyone with edit access can write anything here, so every read validates and falls back.
 */

export const IMPORT_MEMORY_MAP = 'measureImports';

/**
 * The origin of an import and of its undo. Not `MEASURE_EDIT`: the measure undo manager must
 * not revert an import as a Yjs transaction, since that deletes the new row maps together with
 * whatever others have written in them since. `undoImport` takes an import back, or refuses.
 */
export const IMPORT_EDIT = 'sakutei.measureImport';

export type ImportRefusal = 'nothing' | 'tooManyRows' | 'tooManyColumns';

/**
 * Why a preview may not be applied: nothing to write, or a source the importer cut short (the
 * rows or columns beyond the limits would be lost without being written). The browser disables
 * its apply button on it; the API answers 400/413; `applyMeasureImport` throws.
 */
export function importRefusal(preview: { nodes: readonly unknown[]; problems: readonly Pick<PreviewProblem, 'code'>[] }): ImportRefusal | null {
  if (preview.problems.some((problem) => problem.code === 'tooManyRows')) return 'tooManyRows';
  if (preview.problems.some((problem) => problem.code === 'tooManyColumns')) return 'tooManyColumns';
  return preview.nodes.length === 0 ? 'nothing' : null;
}

export class ImportRefusedError extends Error {
  constructor(readonly refusal: ImportRefusal) {
    super(`import refused: ${refusal}`);
    this.name = 'ImportRefusedError';
  }
}

/** The key of the remembered mapping; import records are keyed `import:<id>`. */
const MAPPING_KEY = 'mapping';
const RECORD_PREFIX = 'import:';
/** Older imports can no longer be undone through the API (Ctrl+Z or the grid still can). */
export const KEPT_IMPORT_RECORDS = 10;

const idSchema = z.string().min(1).max(64);

export const importRecordSchema = z.object({
  id: idSchema,
  /** ISO time of the import. */
  at: z.string().max(40),
  /** The user who imported, when known. */
  by: z.string().max(64).nullable(),
  nodeIds: z.array(idSchema).max(5000),
  projectIds: z.array(idSchema).max(5000),
  /** A fingerprint of each added row as the import wrote it, to tell whether it was edited since. */
  fingerprints: z.record(idSchema, z.string().max(16)),
  /** The 成果指標 column of the import: which new rows list which KPI numbers. */
  kpiLinks: z.array(z.object({ nodeId: idSchema, kpiNumbers: z.array(z.number().int().min(1).max(9999)).max(100) })).max(5000),
  undoneAt: z.string().max(40).nullable(),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

function memoryMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(IMPORT_MEMORY_MAP);
}

/** FNV-1a, 32 bits: enough to notice an edit; nobody forges these against themselves. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A row's content as it matters to an undo: where it is, what it says and, for a placement, its project. */
export function rowFingerprint(node: NodeRecord, project: ProjectRecord | undefined): string {
  return shortHash(
    JSON.stringify([
      node.kind,
      node.position.parent,
      node.position.key,
      node.title,
      node.description,
      node.status,
      node.projectId,
      project ? [project.name, project.contacts] : null,
    ]),
  );
}

/** The remembered column mapping, unchecked: the importer validates it against the table it is used on. */
export function readRememberedMapping(doc: Y.Doc): unknown {
  return memoryMap(doc).get(MAPPING_KEY) ?? null;
}

/** Remembers a mapping for the plan's next import; null forgets it. */
export function rememberMapping(doc: Y.Doc, mapping: unknown): void {
  const map = memoryMap(doc);
  if (mapping === null) map.delete(MAPPING_KEY);
  else map.set(MAPPING_KEY, mapping);
}

/** One import's record, when it is kept and readable. */
export function readImportRecord(doc: Y.Doc, importId: string): ImportRecord | null {
  const parsed = importRecordSchema.safeParse(memoryMap(doc).get(RECORD_PREFIX + importId));
  return parsed.success ? parsed.data : null;
}

/** The kept import records, newest first. */
export function importRecords(doc: Y.Doc): ImportRecord[] {
  const records: ImportRecord[] = [];
  for (const [key, value] of memoryMap(doc).entries()) {
    if (!key.startsWith(RECORD_PREFIX)) continue;
    const parsed = importRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
  }
  return records.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/**
 * Records an import that has just written `nodeIds` and `projectIds` (call inside the same
 * transaction), and forgets the oldest records beyond the kept number.
 */
export function recordImport(
  doc: Y.Doc,
  entry: Pick<ImportRecord, 'id' | 'at' | 'by' | 'nodeIds' | 'projectIds' | 'kpiLinks'>,
): ImportRecord {
  const table = readMeasureTable(doc);
  const projects = new Map(table.projects.map((project) => [project.id, project]));
  const added = new Set(entry.nodeIds);
  const fingerprints: Record<string, string> = {};
  for (const node of table.nodes) {
    if (!added.has(node.id)) continue;
    fingerprints[node.id] = rowFingerprint(node, node.projectId !== null ? projects.get(node.projectId) : undefined);
  }
  const record: ImportRecord = { ...entry, fingerprints, undoneAt: null };
  const map = memoryMap(doc);
  map.set(RECORD_PREFIX + record.id, record);
  for (const old of importRecords(doc).slice(KEPT_IMPORT_RECORDS)) map.delete(RECORD_PREFIX + old.id);
  return record;
}

export type ImportUndoOutcome =
  | { ok: true; removedRows: number; removedProjects: number }
  | { ok: false; reason: 'unknown' | 'alreadyUndone' }
  /** Rows the import added that someone changed, or built on, since: named so the user can look. */
  | { ok: false; reason: 'edited'; rows: string[] };

/** The rows of the import that were changed or built on since it was written (their titles). */
function editedSince(doc: Y.Doc, table: MeasureTable, record: ImportRecord): string[] {
  const added = new Set(record.nodeIds);
  const addedProjects = new Set(record.projectIds);
  const projects = new Map(table.projects.map((project) => [project.id, project]));
  const nodes = new Map(table.nodes.map((node) => [node.id, node]));
  const titleOf = (node: NodeRecord) =>
    (node.kind === 'placement' ? projects.get(node.projectId ?? '')?.name : node.title) || node.id;
  const edited = new Set<string>();
  const flag = (nodeId: string) => {
    const node = nodes.get(nodeId);
    if (node) edited.add(titleOf(node));
  };

  for (const id of record.nodeIds) {
    const node = nodes.get(id);
    // A row deleted since is not in the way: undoing would have removed it anyway.
    if (!node) continue;
    const project = node.projectId !== null ? projects.get(node.projectId) : undefined;
    if (record.fingerprints[id] !== rowFingerprint(node, project)) flag(id);
  }
  // Each imported project's first imported placement, the row a 再掲 elsewhere is named by.
  const placementOf = new Map<string, string>();
  for (const id of record.nodeIds) {
    const projectId = nodes.get(id)?.projectId;
    if (projectId != null && !placementOf.has(projectId)) placementOf.set(projectId, id);
  }
  for (const node of table.nodes) {
    if (added.has(node.id)) continue;
    // A row someone added under an imported one, or a 再掲 of an imported project elsewhere.
    if (node.position.parent !== null && added.has(node.position.parent)) flag(node.position.parent);
    if (node.projectId !== null && addedProjects.has(node.projectId)) {
      const placement = placementOf.get(node.projectId);
      if (placement) flag(placement);
    }
  }
  for (const kpi of table.kpis) if (added.has(kpi.attachTo)) flag(kpi.attachTo);
  for (const key of Object.keys(table.roleCells)) {
    const nodeId = key.split('|')[0]!;
    if (added.has(nodeId)) flag(nodeId);
  }
  for (const nodeId of Object.keys(table.progress ?? {})) if (added.has(nodeId)) flag(nodeId);
  // A 評価・課題 written for an imported measure would be left without its row.
  const evaluated = evaluatedScopes(doc);
  for (const id of record.nodeIds) if (evaluated.has(id)) flag(id);
  return [...edited];
}

/**
 * Takes back exactly what one import added, as one change. When any of its rows was edited,
 * moved, given rows, KPIs, role marks, 実施状況 or 評価・課題 since, nothing is removed and those rows are
 * named: someone's later work is never thrown away by an undo (they can delete rows in the grid).
 * Rows already deleted are simply gone.
 */
export function undoImport(doc: Y.Doc, importId: string, now: Date): ImportUndoOutcome {
  let outcome!: ImportUndoOutcome;
  doc.transact(() => {
    const record = readImportRecord(doc, importId);
    if (!record) {
      outcome = { ok: false, reason: 'unknown' };
      return;
    }
    if (record.undoneAt !== null) {
      outcome = { ok: false, reason: 'alreadyUndone' };
      return;
    }
    const edited = editedSince(doc, readMeasureTable(doc), record);
    if (edited.length > 0) {
      outcome = { ok: false, reason: 'edited', rows: edited };
      return;
    }
    const maps = measureMaps(doc);
    let removedRows = 0;
    let removedProjects = 0;
    for (const id of record.nodeIds) {
      if (maps.nodes.has(id)) {
        maps.nodes.delete(id);
        removedRows++;
      }
    }
    for (const id of record.projectIds) {
      if (maps.projects.has(id)) {
        maps.projects.delete(id);
        removedProjects++;
      }
    }
    memoryMap(doc).set(RECORD_PREFIX + record.id, { ...record, undoneAt: now.toISOString() });
    outcome = { ok: true, removedRows, removedProjects };
  }, IMPORT_EDIT);
  return outcome;
}
