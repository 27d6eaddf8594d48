import { MeasureTarget } from '@sakutei/shared';
import { FOCUS_MEASURE_EVENT } from '../comments/CommentsProvider';
import type { GridField } from '../measures/gridModel';
import type { KpiCommentField } from '../measures/commentTargets';

/** Fired by the 目次 with `detail: { rowId }`: show that row in the measure table. */
export const FOCUS_ROW_EVENT = 'sakutei:focus-row';

/** A place in the measure table some other part of the page asked to show. */
export type MeasureJump =
  | { kind: 'row'; rowId: string; field: GridField }
  | { kind: 'kpi'; kpiId: string; field: KpiCommentField | null; fiscalYear: number | null };

/*
 * Requests arrive as window events, usually just as the page switches to the measure tab:
 * before the table has mounted or after, depending on timing nobody controls. So they are
 * received here, from module load on, and one that finds no table waiting is kept for the
 * table about to mount. Kept only briefly: a request the tab never opened for is stale.
 */
const PENDING_MS = 5_000;
let pending: { jump: MeasureJump; at: number } | null = null;
const listeners = new Set<(jump: MeasureJump) => void>();

function deliver(jump: MeasureJump) {
  if (listeners.size === 0) pending = { jump, at: performance.now() };
  else for (const listener of listeners) listener(jump);
}

function fromCommentTarget(detail: unknown): MeasureJump | null {
  const parsed = MeasureTarget.safeParse(detail);
  if (!parsed.success) return null;
  const target = parsed.data;
  // A whole-row thread's badge is on the 番号 cell.
  return target.kind === 'node'
    ? { kind: 'row', rowId: target.id, field: target.field ?? 'number' }
    : { kind: 'kpi', kpiId: target.id, field: target.field, fiscalYear: target.fiscalYear };
}

function fromRowRequest(detail: unknown): MeasureJump | null {
  const rowId = typeof detail === 'object' && detail !== null ? (detail as { rowId?: unknown }).rowId : undefined;
  // The 目次 links the row's name, so the name cell is where the reader lands.
  return typeof rowId === 'string' && rowId !== '' ? { kind: 'row', rowId, field: 'title' } : null;
}

function listen(type: string, read: (detail: unknown) => MeasureJump | null) {
  window.addEventListener(type, (event) => {
    const jump = read((event as CustomEvent<unknown>).detail);
    if (jump) deliver(jump);
  });
}

if (typeof window !== 'undefined') {
  listen(FOCUS_MEASURE_EVENT, fromCommentTarget);
  listen(FOCUS_ROW_EVENT, fromRowRequest);
}

/** Receives every jump from now on, and the one that just arrived before the table mounted. */
export function subscribeToMeasureJumps(listener: (jump: MeasureJump) => void): () => void {
  listeners.add(listener);
  const waiting = pending;
  pending = null;
  if (waiting && performance.now() - waiting.at < PENDING_MS) listener(waiting.jump);
  return () => {
    listeners.delete(listener);
  };
}
