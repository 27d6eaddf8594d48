import { formatFiscalYearIn } from '../../format/dates';
import { formatFiscalYear, parseFiscalYear } from '../fiscalYear';
import { inferKpiDirection } from '../import/kpiList';
import { BLANK, type KpiDirection, type KpiRecord, type Measured } from '../model';
import { formatNumber, formatWithUnit } from '../valueText';
import { kpiFigureText, unitFor } from '../format/units';
import type { KpiTargetKind } from '../kpiKinds';
import { relativeAmountText, TARGET_KIND_WORDS } from '../kpiFields';
import { rangeOf } from '../kpiKindMath';

/*
 * How a KPI's figures are printed, once for the screen, the exports and the 新旧対照表, so
 * that they cannot disagree.
 */

/** What a KPI list row needs; a stored KPI and an imported row both have it. */
export type KpiFiguresSource = Pick<KpiRecord, 'unit' | 'direction' | 'components' | 'baseline' | 'target' | 'actuals'> &
  Partial<Pick<KpiRecord, 'targetKind' | 'subFigure'>>;

/** The words a target is printed with; Japanese unless the reader's language says otherwise. */
export type DirectionWords = Record<KpiDirection, string> & { keepLevel: string };

export const JAPANESE_DIRECTION_WORDS: DirectionWords = { higher: '以上', lower: '以下', keep: '維持', keepLevel: '現状維持' };

function shortYear(fiscalYear: number): string {
  try {
    return formatFiscalYear(fiscalYear, 'eraShort');
  } catch {
    // A year before 明治 has no era; an imported oddity must not take a whole view down.
    return String(fiscalYear);
  }
}

/**
 * The note printed beside a figure whose year matters: its own label (`R3.8月現在`) unless
 * that label names another year than the record, else, when the figure's year is not the
 * column's, one made up from it (`(R1)`), so the year survives a round trip through a file.
 */
export function yearNote(label: string, fiscalYear: number | null, columnYear: number | null): string {
  if (label !== '') {
    const named = parseFiscalYear(label);
    if (named === null || named === fiscalYear || fiscalYear === null) return label;
  }
  if (fiscalYear === null || fiscalYear === columnYear) return '';
  return `(${shortYear(fiscalYear)})`;
}

function withNote(figure: string, note: string): string {
  // A note on an empty cell would read back as a figure that is missing its number.
  return figure === '' || note === '' || note === '()' ? figure : `${figure} ${note}`;
}

/** `30,926 t (R1)`: the baseline and the note printed beside it. */
export function baselineText(kpi: KpiFiguresSource, columnYear: number | null): string {
  const figure = kpiFigureText(kpi, kpi.baseline.value, 'baseline');
  return withNote(figure, yearNote(kpi.baseline.label, kpi.baseline.fiscalYear, columnYear));
}

/**
 * The target as the programme prints it: `24,200 t 以下` on a lower-is-better target, but
 * `0 人` for a target of zero, and any other direction only when the figures alone would
 * suggest a different one. `現状維持` when a keep target has no figure of its own. A target
 * year other than the column's gets its note, as the baseline does.
 */
export function targetText(
  kpi: KpiFiguresSource & { target: { fiscalYear: number | null } },
  columnYear: number | null,
  words: DirectionWords = JAPANESE_DIRECTION_WORDS,
): string {
  const { value } = kpi.target;
  const kind = kpi.targetKind;
  const note = yearNote('', kpi.target.fiscalYear, columnYear);
  if (kind && (kind.kind === 'range' || kind.kind === 'relative' || kind.kind === 'qualitative')) {
    return withNote(ownFigureTarget(kind, kpi.unit), note);
  }
  const plain = kpiFigureText(kpi, value, 'target');
  // 累計 100 件, 年平均 3%: the word the importer proposes the kind from, before the figure.
  const figure = kind && plain !== '' && plain !== '—' ? `${TARGET_KIND_WORDS[kind.kind === 'aggregate' ? kind.method : 'cumulative']} ${plain}` : plain;
  if (figure === '' || figure === '—') return kpi.direction === 'keep' && figure === '' ? words.keepLevel : figure;
  const zero = value.kind === 'number' && value.value === 0;
  const spelt = (kpi.direction === 'lower' && !zero) || inferKpiDirection(kpi.baseline.value, value) !== kpi.direction;
  return withNote(spelt ? `${figure} ${words[kpi.direction]}` : figure, note);
}

/** `25〜50%`, `2.5倍`, `+10ポイント`, `+10%`, `均衡`: targets whose figures are their kind's own. */
function ownFigureTarget(kind: Extract<KpiTargetKind, { kind: 'range' | 'relative' | 'qualitative' }>, unit: string): string {
  switch (kind.kind) {
    case 'range': {
      const { low, high } = rangeOf(kind);
      return `${formatNumber(low)}〜${formatWithUnit(high, unit)}`;
    }
    case 'relative':
      return relativeAmountText(kind);
    case 'qualitative':
      return kind.wording;
  }
}

/**
 * An actual is one year's figure, so the programme prints `433 件` under a target of
 * `480 件/年`: the per-year suffix is dropped.
 */
export function actualUnit(unit: string): string {
  return unitFor(unit, 'actual');
}

export function actualOf(kpi: Pick<KpiRecord, 'actuals'>, fiscalYear: number): Measured {
  return kpi.actuals[String(fiscalYear)] ?? BLANK;
}

/** One year's actual, as the 成果指標一覧 prints it. */
export function actualText(kpi: KpiFiguresSource, fiscalYear: number): string {
  return kpiFigureText(kpi, actualOf(kpi, fiscalYear), 'actual');
}

/** A ratio as a percentage with one decimal, as evaluation sheets print it: 0.2667 → `26.7%`. */
export function formatPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  const percent = ratio * 100;
  // -0.0% reads as a regression that is not there.
  return `${(Math.abs(percent) < 0.05 ? 0 : percent).toFixed(1)}%`;
}

export type FiscalYearStyle = 'era' | 'eraShort' | 'eraYearOnly';

/**
 * A fiscal year as the plan prints it (令和2年度, 4年度, R5). English readers do not know
 * the era, so they get the western fiscal year (`FY2022`), with the era in `long` style
 * (`FY2022 (R4)`).
 */
export function fiscalYearText(fiscalYear: number, style: FiscalYearStyle, locale: 'ja' | 'en' = 'ja'): string {
  if (locale === 'en') return style === 'era' ? `FY${fiscalYear} (${shortYear(fiscalYear)})` : `FY${fiscalYear}`;
  // The long forms are the exports' (令和7年度, 7年度): one formatter for screen and paper.
  if (style !== 'eraShort') return formatFiscalYearIn(fiscalYear, 'wareki', style === 'era' ? 'full' : 'short');
  return shortYear(fiscalYear);
}
