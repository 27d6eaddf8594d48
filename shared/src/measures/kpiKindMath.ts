import type { KpiTargetKind } from './kpiKinds';
import type { KpiDirection, KpiRecord, Measured } from './model';

/**
 * The per-kind arithmetic behind `kpiFigures`: which figure a year is judged on (the year's
 * own actual, a cumulative sum, a period aggregate) and which target it is judged against
 * (the printed one, or one worked out from the baseline). Pure, one job each.
 */

/** Picks the number a KPI figure contributes: the whole (sum of parts) or one named part. */
export type Picker = (m: Measured) => number | null;

/** Why a figure has no 達成率 or 進捗率. Stable codes: the screen words them in its own language. */
export const NOT_APPLICABLE_REASONS = [
  'qualitative',
  'keep',
  'targetZero',
  'targetEqualsBaseline',
  'noBaseline',
  'baselineInRange',
  'nonPositive',
  'periodIncomplete',
] as const;
export type NotApplicableReason = (typeof NOT_APPLICABLE_REASONS)[number];

/** The reasons as exports print them. */
export const NOT_APPLICABLE_LABELS: Record<NotApplicableReason, string> = {
  qualitative: '定性目標（事務局が達成・未達成を判定）',
  keep: '維持目標（達成・未達成で判定）',
  targetZero: '目標値0（達成・未達成で判定）',
  targetEqualsBaseline: '目標値が基準値と同じ',
  noBaseline: '基準値がない',
  baselineInRange: '基準値が既に目標の範囲内',
  nonPositive: '0以下の値は幾何平均できない',
  periodIncomplete: '期間の途中（期間の合計は期間の終わりに評価）',
};

export type Period = { years: number[]; counted: number[]; complete: boolean };

export type YearFigure = { value: number | null; period: Period | null; notApplicable?: NotApplicableReason };

function yearsOf(kpi: Pick<KpiRecord, 'actuals'>): number[] {
  return Object.keys(kpi.actuals)
    .filter((key) => /^\d{4}$/.test(key))
    .map(Number)
    .sort((a, b) => a - b);
}

function actualIn(kpi: Pick<KpiRecord, 'actuals'>, year: number, pick: Picker): number | null {
  const value = kpi.actuals[String(year)];
  return value ? pick(value) : null;
}

/**
 * The figure a year is judged on.
 * - cumulative: the baseline plus the sum of the numeric actuals from `fromYear` (else the
 *   year after the baseline's, else the first year on record) through this year; null until
 *   this year has its own figure (a cumulative total is reported with the year, not before it).
 *   The baseline is taken to be a running total itself (基準値 R5 累計 50, the way plans print
 *   it): R6's 12 makes 62. A blank baseline counts as 0. 進捗率 is then Σ ÷ (target − baseline).
 * - aggregate: the mean, geometric mean or total of the named years' actuals up to this year
 *   (a running figure until every named year is in: `period.complete`); null before the first
 *   named year. A geometric mean of a non-positive figure does not exist.
 * - every other kind: the year's own actual.
 */
export function yearFigure(kpi: Pick<KpiRecord, 'actuals' | 'baseline'>, kind: KpiTargetKind, year: number, pick: Picker): YearFigure {
  const own = actualIn(kpi, year, pick);
  if (kind.kind === 'cumulative') {
    const recorded = yearsOf(kpi);
    const from = kind.fromYear ?? (kpi.baseline.fiscalYear !== null ? kpi.baseline.fiscalYear + 1 : (recorded[0] ?? year));
    const years = [];
    for (let y = from; y <= year; y++) years.push(y);
    const counted = years.filter((y) => actualIn(kpi, y, pick) !== null);
    // Not yet reported, or a year before the count starts: nothing to judge.
    if (own === null || years.length === 0) return { value: null, period: { years, counted, complete: false } };
    const sum = counted.reduce((total, y) => total + actualIn(kpi, y, pick)!, pick(kpi.baseline.value) ?? 0);
    return { value: sum, period: { years, counted, complete: counted.length === years.length } };
  }
  if (kind.kind === 'aggregate') {
    const named = [...new Set(kind.years)].sort((a, b) => a - b);
    const years = named.filter((y) => y <= year);
    const counted = years.filter((y) => actualIn(kpi, y, pick) !== null);
    const period = { years: named, counted, complete: counted.length === named.length };
    if (counted.length === 0) return { value: null, period };
    const values = counted.map((y) => actualIn(kpi, y, pick)!);
    const total = values.reduce((sum, v) => sum + v, 0);
    switch (kind.method) {
      case 'total':
        return { value: total, period };
      case 'mean':
        return { value: total / values.length, period };
      case 'geometricMean':
        if (values.some((v) => v <= 0)) return { value: null, period, notApplicable: 'nonPositive' };
        return { value: Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length), period };
    }
  }
  return { value: own, period: null };
}

/**
 * The target a figure is judged against: the printed one; for 維持 without a printed figure
 * the baseline; for a relative target the baseline × factor, + points, or × (1 + percent/100).
 * A range has no single target (null: see `rangeOf`).
 */
export function resolvedTarget(
  kind: KpiTargetKind,
  direction: KpiDirection,
  printed: number | null,
  baseline: number | null,
): { value: number | null; notApplicable?: NotApplicableReason } {
  switch (kind.kind) {
    case 'range':
    case 'qualitative':
      return { value: null };
    case 'relative': {
      if (baseline === null) return { value: null, notApplicable: 'noBaseline' };
      const worked =
        kind.mode === 'factor' ? baseline * kind.amount : kind.mode === 'points' ? baseline + kind.amount : baseline * (1 + kind.amount / 100);
      // 1.1 × 100 is 110.00000000000001 in floating point; a target is never that precise.
      return { value: Math.round(worked * 1e9) / 1e9 };
    }
    default:
      return { value: direction === 'keep' ? (printed ?? baseline) : printed };
  }
}

/** A range's bounds, low first whichever way they were typed. */
export function rangeOf(kind: Extract<KpiTargetKind, { kind: 'range' }>): { low: number; high: number };
export function rangeOf(kind: KpiTargetKind): { low: number; high: number } | null;
export function rangeOf(kind: KpiTargetKind): { low: number; high: number } | null {
  if (kind.kind !== 'range') return null;
  return { low: Math.min(kind.low, kind.high), high: Math.max(kind.low, kind.high) };
}

/** How far a figure lies outside a range (0 inside it): what "better" means for a range target. */
export function distanceToRange(value: number, range: { low: number; high: number }): number {
  return value < range.low ? range.low - value : value > range.high ? value - range.high : 0;
}
