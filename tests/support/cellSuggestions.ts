import { type KpiRecord, listFieldSuggestions, measureMaps, readKpiRecord } from '@sakutei/shared/measures';
import type * as Y from 'yjs';
import { waitFor } from './collab';
import type { DemoPlan, Signed } from './demoPlan';

/** A KPI of the demo plan with a numeric target and a unit: the cell the tests propose for. */
export function kpiWithTarget(doc: Y.Doc): KpiRecord & { target: { value: { kind: 'number'; value: number } } } {
  for (const id of measureMaps(doc).kpis.keys()) {
    const kpi = readKpiRecord(doc, id);
    if (kpi && kpi.unit !== '' && kpi.target.value.kind === 'number') return kpi as ReturnType<typeof kpiWithTarget>;
  }
  throw new Error('the demo plan has no KPI with a numeric target');
}

/** Waits until a fresh connection as `who` (the server's copy) has exactly these cell suggestions. */
export async function storedCellSuggestions(demo: DemoPlan<readonly string[]>, who: Signed, ids: string[]): Promise<void> {
  await waitFor(async () => {
    const found = await demo.probe(who, (doc) => listFieldSuggestions(doc).map((s) => s.id));
    return found.length === ids.length && ids.every((id) => found.includes(id));
  }, `cell suggestions [${ids.join(', ')}] on the server`);
}
