import { deriveTable, measureMaps, readMeasureTable, type DerivedTable, type MeasureTable } from '@sakutei/shared/measures';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

export type MeasureView = { table: MeasureTable; derived: DerivedTable };

function read(doc: Y.Doc): MeasureView {
  const table = readMeasureTable(doc);
  return { table, derived: deriveTable(table) };
}

/**
 * The measure table as plain data, re-read whenever anyone changes it. Reads are batched to
 * one per animation frame: a paste of 200 rows arrives as many small events.
 */
export function useMeasureTable(doc: Y.Doc): MeasureView {
  const [view, setView] = useState(() => read(doc));

  useEffect(() => {
    let frame: number | null = null;
    const schedule = () => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        setView(read(doc));
      });
    };
    const maps = Object.values(measureMaps(doc));
    for (const map of maps) map.observeDeep(schedule);
    setView(read(doc));
    return () => {
      for (const map of maps) map.unobserveDeep(schedule);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [doc]);

  return view;
}
