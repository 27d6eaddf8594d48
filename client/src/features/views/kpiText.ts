import {
  BLANK,
  formatFiscalYear,
  formatMeasured,
  inferKpiDirection,
  type KpiDirection,
  type KpiRecord,
  type Measured,
} from '@sakutei/shared/measures';

/** What a KPI list row needs; both a stored KPI and an imported row have it. */
export type KpiFiguresSource = Pick<KpiRecord, 'unit' | 'direction' | 'components' | 'baseline' | 'target' | 'actuals'>;

/**
 * `30,926 t (R1)`: the figure and the note printed beside it. A baseline from another year
 * than the column's gets a note made up from its year (`(R1)`), as the export writes it.
 */
export function baselineText(kpi: KpiFiguresSource, columnYear: number | null): string {
  const figure = formatMeasured(kpi.baseline.value, kpi.unit, { components: kpi.components });
  const { label, fiscalYear } = kpi.baseline;
  let note = label;
  if (note === '' && fiscalYear !== null && columnYear !== null && fiscalYear !== columnYear) {
    note = `(${shortYear(fiscalYear)})`;
  }
  return figure === '' || note === '' || note === '()' ? figure : `${figure} ${note}`;
}

function shortYear(fy: number): string {
  try {
    return formatFiscalYear(fy, 'eraShort');
  } catch {
    return String(fy);
  }
}

export type DirectionWords = Record<KpiDirection, string> & { keepLevel: string };

/**
 * The target as the programme prints it: `24,200 t 以下` on a lower-is-better target, but
 * `0 人` for a target of zero, and any other direction only when the figures alone would
 * suggest a different one. `現状維持` when a keep target has no figure of its own. The same
 * rule as the export, so the screen and the file agree.
 */
export function targetText(kpi: KpiFiguresSource, words: DirectionWords): string {
  const { value } = kpi.target;
  const figure = formatMeasured(value, kpi.unit, { components: kpi.components });
  if (figure === '' || figure === '—') return kpi.direction === 'keep' ? words.keepLevel : figure;
  const zero = value.kind === 'number' && value.value === 0;
  const spelt =
    (kpi.direction === 'lower' && !zero) || inferKpiDirection(kpi.baseline.value, value) !== kpi.direction;
  return spelt ? `${figure} ${words[kpi.direction]}` : figure;
}

/**
 * An actual is one year's figure, so the programme prints `433 件` under a target of
 * `480 件/年`: the per-year suffix is dropped.
 */
export function actualUnit(unit: string): string {
  return unit.replace(/\s*\/\s*年$/, '');
}

export function actualOf(kpi: KpiFiguresSource, fiscalYear: number): Measured {
  return kpi.actuals[String(fiscalYear)] ?? BLANK;
}

export function actualText(kpi: KpiFiguresSource, fiscalYear: number): string {
  return formatMeasured(actualOf(kpi, fiscalYear), actualUnit(kpi.unit), { components: kpi.components });
}

/** `96.3%`: one decimal, as evaluation sheets print ratios. */
export function percentText(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}
