import type * as Y from 'yjs';
import type { KpiRecord, MeasureTable, NodeRecord } from '../model';
import { VALUE_KIND } from '../kpiKinds';
import { keysBetween } from '../orderKey';
import { deriveTable, type DerivedTable } from '../tree';
import {
  MEASURE_EDIT,
  addKpi,
  insertNodeRecord,
  insertProjectRecord,
  measureMaps,
  readMeasureTable,
  setActual,
  siblingKeyRange,
  updateKpi,
  type IdSource,
  type KpiFields,
  type Placement,
} from '../ydoc';
import type { HierarchyImport } from './previewTypes';
import { IMPORT_EDIT, ImportRefusedError, importRefusal, recordImport, rememberMapping, type ImportRecord } from './importLog';
import type { HierarchyPreview, RememberedMapping } from './previewTypes';
import type { KpiImportRow } from './kpiList';

/**
 * Writes an import the user has confirmed into the document, as one transaction: it arrives
 * at everyone's screen at once and one undo takes it back. Imports go through here whether
 * they come from a paste, a file, or the demo seed.
 */

/**
 * The imported rows as they will be written: the fragment's top rows get order keys under
 * `at.parent` after `at.after` among `table`'s rows, the inner rows keep their own structure.
 * Pure, so the preview shows exactly what `applyHierarchyImport` writes.
 */
export function placeFragment(table: MeasureTable, fragment: HierarchyImport, at: Placement): NodeRecord[] {
  const tops = fragment.nodes.filter((node) => node.position.parent === null);
  const { before, after } = siblingKeyRange(table.nodes, at);
  const keys = keysBetween(before, after, tops.length);
  const topKeys = new Map(tops.map((node, index) => [node.id, keys[index]!]));
  return fragment.nodes.map((node) => {
    const key = topKeys.get(node.id);
    return key === undefined ? node : { ...node, position: { parent: at.parent, key } };
  });
}

/**
 * Puts imported rows under `at.parent` after `at.after`, keeping their own inner structure.
 * `table` is the document's, when the caller has already read it.
 */
export function applyHierarchyImport(
  doc: Y.Doc,
  fragment: HierarchyImport,
  at: Placement,
  table: MeasureTable = readMeasureTable(doc),
): { nodeIds: string[] } {
  const placed = placeFragment(table, fragment, at);
  doc.transact(() => {
    // A 再掲 of a project already in the plan places it again; its record is not rewritten.
    const known = measureMaps(doc).projects;
    for (const project of fragment.projects) if (!known.has(project.id)) insertProjectRecord(doc, project);
    for (const node of placed) insertNodeRecord(doc, node);
  }, MEASURE_EDIT);
  return { nodeIds: placed.map((node) => node.id) };
}

export type MeasureImportOptions = {
  at: Placement;
  /** Names the import in the plan's record of imports (for undoing it through the API). */
  importId: string;
  now: Date;
  /** The user importing, when known. */
  by: string | null;
  /** The mapping to remember for the plan's next import (the preview's `remembered`). */
  remember: RememberedMapping;
  /** The document's table as the caller read it for the preview, so it is not read again. */
  table?: MeasureTable;
};

/**
 * Applies a confirmed measure-table import: the rows, the record of what was added and the
 * mapping to remember, in ONE transaction, so everyone sees it at once. Its origin is
 * `IMPORT_EDIT`, which the measure undo manager does not track: a Yjs undo of the whole
 * transaction would also delete what others wrote inside the new rows since, so the import is
 * taken back only by `undoImport`, which refuses when anyone built on it. A preview the
 * importer cut short (`importRefusal`) is refused here too, for the browser and the API alike.
 */
export function applyMeasureImport(
  doc: Y.Doc,
  fragment: HierarchyImport & Pick<HierarchyPreview, 'problems'>,
  options: MeasureImportOptions,
): ImportRecord {
  const refusal = importRefusal(fragment);
  if (refusal !== null) throw new ImportRefusedError(refusal);
  let record!: ImportRecord;
  doc.transact(() => {
    const knownProjects = new Set(measureMaps(doc).projects.keys());
    const { nodeIds } = applyHierarchyImport(doc, fragment, options.at, options.table);
    const added = new Set(nodeIds);
    record = recordImport(doc, {
      id: options.importId,
      at: options.now.toISOString(),
      by: options.by,
      nodeIds,
      projectIds: fragment.projects.filter((project) => !knownProjects.has(project.id)).map((project) => project.id),
      kpiLinks: fragment.kpiLinks.filter((link) => added.has(link.nodeId)),
    });
    if (options.remember.length > 0) rememberMapping(doc, options.remember);
  }, IMPORT_EDIT);
  return record;
}

export type KpiImportAction = { row: KpiImportRow; action: 'update' | 'add' | 'skip'; kpiId: string | null };

/**
 * What importing KPI rows would do: a row whose number is an existing KPI's plan-wide number
 * updates it; any other row is added where the caller says (or skipped when nowhere).
 */
export function planKpiImport(
  derived: DerivedTable,
  rows: readonly KpiImportRow[],
  canAdd = true,
): KpiImportAction[] {
  const byNumber = new Map(derived.kpis.map((entry) => [entry.number, entry.kpi.id]));
  return rows.map((row) => {
    const kpiId = row.number !== null ? byNumber.get(row.number) : undefined;
    if (kpiId !== undefined) return { row, action: 'update', kpiId };
    return { row, action: canAdd ? 'add' : 'skip', kpiId: null };
  });
}

function fieldsOf(row: KpiImportRow): Partial<KpiFields> {
  return {
    name: row.name,
    formerNames: row.formerNames,
    unit: row.unit,
    direction: row.direction,
    components: row.components,
    baselineValue: row.baseline.value,
    baselineYear: row.baseline.fiscalYear,
    baselineLabel: row.baseline.label,
    targetValue: row.target.value,
    targetYear: row.target.fiscalYear,
    ...(row.source ? { source: row.source } : {}),
    // What the printed target proposed (range, 累計, 均衡…) and a 7社（11人） cell's sub-figure.
    ...(row.targetKind ? { targetKind: row.targetKind } : {}),
    ...(row.subFigure ? { subFigure: row.subFigure } : {}),
    // An inferred direction waits for a person to confirm it in the KPI panel.
    ...(row.directionFrom === 'inferred' ? { directionInferred: true } : {}),
  };
}

/**
 * The fields an import writes over an existing KPI. A person's choices survive a re-import
 * (the yearly paste of next year's actuals): the direction is written only when the list
 * prints it, or when nobody has confirmed the stored one yet; the target kind only when the
 * printed figure changed, the proposal is of the kind already stored (its figures are taken),
 * or nobody has confirmed the KPI yet: a kind the user changed (a proposed 2.5倍 turned into a
 * plain value) stays while the target cell proposes the same thing again.
 */
function updateFieldsOf(row: KpiImportRow, stored: KpiRecord | undefined): Partial<KpiFields> {
  const fields = fieldsOf(row);
  if (!stored) return fields;
  const unconfirmed = stored.directionInferred === true;
  if (row.directionFrom === 'inferred' && !unconfirmed) {
    delete fields.direction;
    delete fields.directionInferred;
  }
  const targetChanged = JSON.stringify(stored.target.value) !== JSON.stringify(row.target.value);
  // A proposal of the kind already stored only brings its new figures (25〜30 → 25〜35).
  const sameKind = (stored.targetKind ?? VALUE_KIND).kind === (row.targetKind ?? VALUE_KIND).kind;
  if (targetChanged || unconfirmed || sameKind) fields.targetKind = row.targetKind ?? VALUE_KIND;
  else delete fields.targetKind;
  return fields;
}

export type KpiImportOptions = {
  /** The row new KPIs are shown under, unless `links` names one for their number. */
  attachNewTo: string | null;
  /** From a measure-table import: which rows list which KPI numbers (成果指標 column). */
  links?: ReadonlyArray<{ nodeId: string; kpiNumbers: readonly number[] }>;
  newId: IdSource;
};

/**
 * Applies KPI rows. A blank actual in the import leaves the recorded one alone: a pasted
 * 一覧 whose 6年度 column is still empty must not wipe what staff recorded since.
 */
export function applyKpiImport(
  doc: Y.Doc,
  rows: readonly KpiImportRow[],
  options: KpiImportOptions,
): { updated: number; added: number; skipped: number } {
  const counts = { updated: 0, added: 0, skipped: 0 };
  const linked = new Map<number, string>();
  for (const link of options.links ?? []) for (const n of link.kpiNumbers) linked.set(n, link.nodeId);
  doc.transact(() => {
    const table = readMeasureTable(doc);
    const stored = new Map(table.kpis.map((kpi) => [kpi.id, kpi]));
    const plan = planKpiImport(deriveTable(table), rows);
    for (const { row, action, kpiId } of plan) {
      let id = kpiId;
      if (action === 'update' && id !== null) {
        updateKpi(doc, id, updateFieldsOf(row, stored.get(id)));
        counts.updated++;
      } else {
        const attachTo = (row.number !== null ? linked.get(row.number) : undefined) ?? options.attachNewTo;
        if (attachTo === null) {
          counts.skipped++;
          continue;
        }
        id = addKpi(doc, attachTo, fieldsOf(row), options.newId);
        counts.added++;
      }
      for (const [year, value] of Object.entries(row.actuals)) {
        if (value.kind !== 'blank') setActual(doc, id, Number(year), value);
      }
    }
  }, MEASURE_EDIT);
  return counts;
}
