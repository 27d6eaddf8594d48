import { useEffect, type RefObject } from 'react';
import type { KpiCommentField } from './commentTargets';

/** A KPI, or one of its fields, to bring into view and focus (a KPI just added, a comment's target). */
export type KpiFocus = { kpiId: string; field: KpiCommentField | null; fiscalYear: number | null };

/** The element that stands for a KPI field: its first control, else the card's heading. */
export function focusTargetIn(card: HTMLElement, focus: KpiFocus): HTMLElement | null {
  const heading = card.querySelector<HTMLElement>('[data-kpi-heading]');
  if (focus.field === null) return heading;
  const place = card.querySelector<HTMLElement>(
    focus.field === 'actual' ? `[data-kpi-field="actual:${focus.fiscalYear ?? ''}"]` : `[data-comment-field="${focus.field}"]`,
  );
  // A disabled select cannot take the focus; its comment controls can.
  return (
    place?.querySelector<HTMLElement>('input, textarea, select:not(:disabled)') ??
    place?.querySelector<HTMLElement>('button') ??
    heading
  );
}

/** Brings the requested field of this card into view and focuses it, then says it is done. */
export function useKpiCardFocus(cardRef: RefObject<HTMLElement | null>, request: KpiFocus | null, onDone: () => void): void {
  useEffect(() => {
    if (!request) return;
    const card = cardRef.current;
    const place = card && focusTargetIn(card, request);
    // Centred: the reader came from elsewhere (the sidebar, the grid) and needs the context.
    place?.scrollIntoView({ block: 'center' });
    place?.focus({ preventScroll: true });
    onDone();
  }, [cardRef, request, onDone]);
}
