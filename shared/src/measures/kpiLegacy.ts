import type { KpiRecord } from './model';
import { numericValue } from './kpiMath';

/**
 * A read-time rule for documents written before directions could be marked as inferred.
 * The old importer guessed 維持 (`keep`) for every target equal to its baseline (4 → 4), and
 * wrote no `directionInferred` flag, so such a KPI showed 「達成」 and was never offered for
 * confirmation. Today's rule reads that target as a level to reach again (higher, 100 %).
 *
 * So a `keep` KPI whose numeric target equals its numeric baseline, and whose record has never
 * carried the flag at all (`stored` undefined), reads as direction `higher`, inferred: the
 * panel asks a person to confirm it. Any person's choice writes the flag (true or false,
 * ydoc.ts `writeKpiFields`), so a deliberately chosen 維持 stays 維持. No migration: the
 * document is unchanged until someone confirms.
 */
export function legacyInferredKeep(kpi: KpiRecord, stored: unknown): KpiRecord {
  if (stored !== undefined || kpi.direction !== 'keep') return kpi;
  const baseline = numericValue(kpi.baseline.value);
  const target = numericValue(kpi.target.value);
  if (baseline === null || target === null || baseline !== target) return kpi;
  return { ...kpi, direction: 'higher', directionInferred: true };
}
