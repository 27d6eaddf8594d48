import type { MeasureJump as KernelJump } from '../plan/jumps';
import type { KpiCommentField } from './commentTargets';
import type { GridField } from './gridModel';

/** A place in the measure table, as the grid and the KPI panel land on it. */
export type MeasureJump =
  | { kind: 'row'; rowId: string; field: GridField }
  | { kind: 'kpi'; kpiId: string; field: KpiCommentField | null; fiscalYear: number | null };

/** Where a jump from elsewhere on the page lands: a row's field, or a KPI's. */
export function landingOf({ target, landOn }: KernelJump): MeasureJump {
  return target.kind === 'node'
    ? { kind: 'row', rowId: target.id, field: target.field ?? landOn }
    : { kind: 'kpi', kpiId: target.id, field: target.field, fiscalYear: target.fiscalYear };
}
