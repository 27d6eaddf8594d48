import { fiscalYearText, formatMeasured, type KpiRecord, type KpiValue, type Measured } from '@sakutei/shared/measures';
import type { Locale, Translate } from '../../i18n';

/** `R4`, as table headers print fiscal years. */
export function yearShort(fiscalYear: number): string {
  return fiscalYearText(fiscalYear, 'eraShort');
}

/** `令和4年度`, or `FY2022 (R4)` in English. */
export function yearLong(fiscalYear: number, locale: Locale): string {
  return fiscalYearText(fiscalYear, 'era', locale);
}

/** The fiscal years a KPI's actual row shows: the plan's columns plus any other year on record. */
export function actualYearsOf(kpi: KpiRecord, planYears: readonly number[]): number[] {
  const years = new Set(planYears);
  for (const key of Object.keys(kpi.actuals)) if (/^\d{4}$/.test(key)) years.add(Number(key));
  return [...years].sort((a, b) => a - b);
}

/** A figure for screen readers and summaries: the three kinds of missing said in words. */
export function describeValue(value: KpiValue | Measured | undefined, unit: string, components: readonly string[], t: Translate): string {
  if (!value || value.kind === 'blank') return t('measures.value.blank');
  if (value.kind === 'none') return t('measures.value.none');
  if (value.kind === 'withheld') return t('measures.value.withheld');
  return formatMeasured(value, unit, { components });
}

/** A comma / 、 / newline separated list, as typed into 旧指標名 or 内訳. */
export function parseList(text: string, separators: RegExp, maxLength: number): string[] {
  return [
    ...new Set(
      text
        .split(separators)
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map((item) => item.slice(0, maxLength)),
    ),
  ].slice(0, 50);
}
