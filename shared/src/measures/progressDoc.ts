import type * as Y from 'yjs';
import { progressEntrySchema, progressKey, type ProgressEntry, type ProgressTable } from './progress';
import { MEASURE_EDIT, measureMaps, readMeasureTable } from './ydoc';

/**
 * 実施状況 in the live Y.Doc: one plain value per placement and fiscal year in the
 * `measureProgress` map (see `progressKey`), last writer wins per year. Editors write it
 * from the grid under the measure-edit origin (so their undo covers it); the server writes
 * staff's entries through the API with its own origin, as it does KPI actuals.
 */

/**
 * The document's project placements, as the measure table reads them: a row counts as a
 * placement only when readMeasureTable keeps it as one (valid kind, position and order key).
 * This is the one definition of "a placement" that 実施状況 reads and writes go by, so an
 * entry is never recorded for a row the table (and so the grid and the report) leaves out.
 */
export function placementIds(doc: Y.Doc): Set<string> {
  return new Set(readMeasureTable(doc).nodes.filter((node) => node.kind === 'placement').map((node) => node.id));
}

/** Every placement's 実施状況, validated; entries of rows that are gone or are not placements are left out. */
export function readProgress(doc: Y.Doc): ProgressTable {
  return readMeasureTable(doc).progress ?? {};
}

/** Whether `nodeId` is a project placement of this document (the only rows with a 実施状況). */
export function isPlacement(doc: Y.Doc, nodeId: string): boolean {
  return placementIds(doc).has(nodeId);
}

/**
 * Records (or, with null, clears) one placement's 実施状況 for one fiscal year. Returns false
 * and changes nothing when the row is not a placement or the entry is not valid.
 */
export function setProgress(
  doc: Y.Doc,
  nodeId: string,
  fiscalYear: number,
  entry: ProgressEntry | null,
  origin: unknown = MEASURE_EDIT,
): boolean {
  if (!isPlacement(doc, nodeId) || !Number.isInteger(fiscalYear) || fiscalYear < 1000 || fiscalYear > 9999) return false;
  if (entry !== null && !progressEntrySchema.safeParse(entry).success) return false;
  doc.transact(() => {
    const map = measureMaps(doc).progress;
    const key = progressKey(nodeId, fiscalYear);
    if (entry === null) map.delete(key);
    // A fresh object: Yjs stores the value as given, and a caller's later mutation must not leak in.
    else map.set(key, { status: entry.status, note: entry.note, figure: entry.figure ? { ...entry.figure } : null });
  }, origin);
  return true;
}
