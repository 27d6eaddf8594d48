import type { KpiRecord, Measured } from './model';

/**
 * Whether one year's actual fits the KPI it is recorded for. The 一覧 and the report show
 * the plan's fiscal-year columns and the KPI's own components only, yet grading reads every
 * figure it finds: a part the KPI does not have, or a year outside the columns, would be
 * graded on a value nobody can see. Clearing (`blank`) is allowed for any year, so a figure
 * left behind by a removed column can still go.
 */
export type ActualRefusal = { code: 'fiscal_year_not_tracked' | 'unknown_component'; message: string };

export function actualRefusal(
  kpi: Pick<KpiRecord, 'components'>,
  actualYears: readonly number[],
  fiscalYear: number,
  value: Measured,
): ActualRefusal | null {
  if (value.kind === 'blank') return null;
  if (!actualYears.includes(fiscalYear)) {
    const allowed = actualYears.length > 0 ? actualYears.join(', ') : 'none yet';
    return {
      code: 'fiscal_year_not_tracked',
      message: `Fiscal year ${fiscalYear} is not one of the plan's actual years (${allowed}); add it in 計画の設定 first.`,
    };
  }
  if (value.kind !== 'parts') return null;
  const unknown = Object.keys(value.parts).filter((name) => !kpi.components.includes(name));
  if (unknown.length === 0) return null;
  const allowed = kpi.components.length > 0 ? `its components are ${kpi.components.join(', ')}` : 'it has no components: record one figure';
  return { code: 'unknown_component', message: `The KPI has no component ${unknown.join(', ')}; ${allowed}.` };
}
