import type { DerivedTable } from '@sakutei/shared/measures';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { usePlan } from '../plan/PlanContext';
import type { KpiFocus } from './KpiCard';
import { landingOf, type MeasureJump } from './measureJump';
import { ancestorsOf } from './treeSets';
import type { GridFocusState } from './useGridFocus';

type Options = {
  derived: DerivedTable;
  /** Whether the document has synced: before, a missing target may just not be here yet. */
  synced: () => boolean;
  grid: Pick<GridFocusState, 'setFocus' | 'expand' | 'requestGridFocus'>;
  focusKpi: (focus: KpiFocus) => void;
  announce: (text: string) => void;
};

/**
 * "Show this row / cell / KPI", from the sidebar's jump button or the 目次. The row is opened
 * and focused (the grid scrolls it into view, rendered or not), a KPI's field is focused in
 * the KPI panel. A jump made before the first sync waits for the table.
 */
export function useMeasureJumps({ derived, synced, grid, focusKpi, announce }: Options): void {
  const { t } = useI18n();
  const { jumps } = usePlan();
  const [jump, setJump] = useState<MeasureJump | null>(null);
  useEffect(() => jumps.subscribe((request) => setJump(landingOf(request))), [jumps]);

  const { setFocus, expand, requestGridFocus } = grid;
  useEffect(() => {
    if (!jump) return;
    const rowId = jump.kind === 'row' ? jump.rowId : (derived.kpiById.get(jump.kpiId)?.rowId ?? null);
    const known = jump.kind === 'row' ? derived.rowById.has(jump.rowId) : derived.kpiById.has(jump.kpiId);
    if (!known) {
      // Until the document has synced the table may just not be here yet; after, it is gone.
      if (synced()) {
        setJump(null);
        announce(t('measures.comments.targetGone'));
      }
      return;
    }
    setJump(null);
    if (rowId !== null) {
      // Opened for good, not just while the focus is below them, so the reader sees where they are.
      expand(ancestorsOf(rowId, derived.rowById));
      setFocus({ rowId, field: jump.kind === 'row' ? jump.field : 'kpis' });
    }
    if (jump.kind === 'row') requestGridFocus();
    else focusKpi({ kpiId: jump.kpiId, field: jump.field, fiscalYear: jump.fiscalYear });
    // Re-run when the table changes: a jump made before the first sync waits for it.
  }, [jump, derived, synced, setFocus, expand, requestGridFocus, focusKpi, announce, t]);
}
