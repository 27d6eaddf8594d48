import {
  fiscalYearText,
  kpiFigureText,
  ratioDisplay,
  type FigureRole,
  type KpiRecord,
  type KpiValue,
  type Measured,
  type NotApplicableReason,
  type RatioSource,
  type UnitSource,
} from '@sakutei/shared/measures';
import type { Locale, Translate } from '../../i18n';
import { ratioWords } from '../plan/tables/kpiRatioText';

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

/**
 * A figure for screen readers and summaries: the three kinds of missing said in words, the
 * rest printed by the shared unit formatter (so `433 件` here is `433 件` in the export too).
 */
export function describeValue(value: KpiValue | Measured | undefined, kpi: UnitSource, role: FigureRole, t: Translate): string {
  if (!value || value.kind === 'blank') return t('measures.value.blank');
  if (value.kind === 'none') return t('measures.value.none');
  if (value.kind === 'withheld') return t('measures.value.withheld');
  if (value.kind === 'judgement') return value.met ? t('kpiKinds.judgement.met') : t('kpiKinds.judgement.notMet');
  return kpiFigureText(kpi, value, role);
}

/** Why a ratio is not given, in the reader's language. */
export function notApplicableText(reason: NotApplicableReason, t: Translate): string {
  return t(`kpiKinds.na.${reason}`);
}

/**
 * 達成率: a percentage, 達成 / 未達成 for a KPI (or part) judged only as met or not, or why
 * there is none (shared `ratioDisplay`).
 */
export function achievementText(figures: RatioSource, t: Translate): string {
  return ratioWords(ratioDisplay(figures, 'achievement'), t);
}

/** 進捗率, or why there is none once there is a figure to judge. */
export function progressText(figures: RatioSource, t: Translate): string {
  return ratioWords(ratioDisplay(figures, 'progress'), t);
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
