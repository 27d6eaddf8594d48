import type { KpiRecord, Measured } from '../model';
import { formatMeasured } from '../valueText';

/**
 * The one place a KPI figure gets its unit, for the screen, the exports, the report and the
 * 新旧対照表 alike. The rule is the programmes': a baseline or target is printed in the KPI's
 * unit (`480 件/年`), one year's actual without the per-year suffix (`433 件`), because it is
 * one year's figure already; `%` closes up to the number (`63.2%`), any other unit follows a
 * space; a sub-figure follows in brackets in its own unit (`7 社 (11 人)`).
 */

/** Which figure of a KPI is being printed. */
export type FigureRole = 'baseline' | 'target' | 'actual';

/** The unit as printed for a figure in `role`: an actual drops `/年`. */
export function unitFor(unit: string, role: FigureRole): string {
  return role === 'actual' ? unit.replace(/\s*\/\s*年$/, '') : unit;
}

/** What printing needs of a KPI. */
export type UnitSource = Pick<KpiRecord, 'unit' | 'components'> & Partial<Pick<KpiRecord, 'subFigure'>>;

/** A recorded figure (a number, parts, —, X, a judgement) with its unit, as `role` prints it. */
export function kpiFigureText(kpi: UnitSource, value: Measured, role: FigureRole): string {
  return formatMeasured(value, unitFor(kpi.unit, role), {
    components: kpi.components,
    ...(kpi.subFigure ? { subUnit: kpi.subFigure.unit } : {}),
  });
}

/** A worked-out number (a cumulative sum, a mean, a relative target) with the KPI's unit. */
export function kpiNumberText(kpi: Pick<KpiRecord, 'unit'>, n: number, role: FigureRole): string {
  return formatMeasured({ kind: 'number', value: n }, unitFor(kpi.unit, role));
}

