import type { DerivedTable, Placement } from '@sakutei/shared/measures';
import { useEffect, useState } from 'react';

/** The one dialog the measure table may have open. */
export type MeasureDialog =
  | { kind: 'delete'; rowId: string }
  | { kind: 'reprint'; rowId: string }
  | { kind: 'import'; text: string; at: Placement };

/** Which dialog is open; closing one hands the keyboard back to the grid. */
export function useMeasureDialog(derived: DerivedTable, requestGridFocus: () => void) {
  const [dialog, setDialog] = useState<MeasureDialog | null>(null);
  // A dialog about a row someone else just deleted has nothing left to act on.
  useEffect(() => {
    if (dialog && dialog.kind !== 'import' && !derived.rowById.has(dialog.rowId)) setDialog(null);
  }, [dialog, derived]);
  const close = () => {
    setDialog(null);
    requestGridFocus();
  };
  return { dialog, open: setDialog, close, dismiss: () => setDialog(null) };
}
