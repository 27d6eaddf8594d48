import { deriveTable, measureMaps, readMeasureTable, type DerivedTable, type MeasureTable } from '@sakutei/shared/measures';
import type * as Y from 'yjs';
import { useDocRead } from './useDocRead';

export type MeasureView = { table: MeasureTable; derived: DerivedTable };

function read(doc: Y.Doc): MeasureView {
  const table = readMeasureTable(doc);
  return { table, derived: deriveTable(table) };
}

const measureTypes = (doc: Y.Doc) => Object.values(measureMaps(doc));

/** The measure table as plain data, re-read whenever anyone changes it (once per frame). */
export function useMeasureTable(doc: Y.Doc): MeasureView {
  return useDocRead(doc, measureTypes, read);
}
