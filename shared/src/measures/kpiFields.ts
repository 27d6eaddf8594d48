import { formatFiscalYear } from './fiscalYear';
import type { AggregateMethod, KpiTargetKind, PartsJudged, RelativeMode, SubFigure } from './kpiKinds';
import { rangeOf } from './kpiKindMath';
import { formatNumber } from './valueText';

/**
 * Every field of a KPI, listed once: whether the Y.Doc keeps it as collaborative text, and
 * what the 新旧対照表 and the exports call it. The Y.Doc writer (`ydoc.ts`), the revision diff
 * (`KPI_DIFF_FIELDS`) and the field labels (`KPI_FIELD_LABELS`) are all read off this list, so
 * a new field is added here and nowhere else can forget it. `actual` is the per-year figure
 * (not a definition field), listed where the 新旧対照表 shows it.
 */
export const KPI_FIELD_LIST = [
  { field: 'name', text: true, ja: '指標名', en: 'KPI name' },
  { field: 'formerNames', text: false, ja: '旧指標名', en: 'Former names' },
  { field: 'unit', text: true, ja: '単位', en: 'Unit' },
  { field: 'direction', text: false, ja: '目標の方向', en: 'Direction' },
  { field: 'components', text: false, ja: '内訳', en: 'Components' },
  { field: 'partsJudged', text: false, ja: '内訳の判定', en: 'Parts judged' },
  { field: 'subFigure', text: false, ja: '副数値', en: 'Sub-figure' },
  { field: 'baselineValue', text: false, ja: '基準値', en: 'Baseline' },
  { field: 'baselineYear', text: false, ja: '基準値の年度', en: 'Baseline year' },
  { field: 'baselineLabel', text: false, ja: '基準値の注記', en: 'Baseline note' },
  { field: 'targetKind', text: false, ja: '目標の種類', en: 'Target kind' },
  { field: 'targetValue', text: false, ja: '目標値', en: 'Target' },
  { field: 'targetYear', text: false, ja: '目標年度', en: 'Target year' },
  { field: 'actual', text: false, ja: '実績値', en: 'Actual' },
  { field: 'source', text: true, ja: '出典', en: 'Source' },
] as const;

export type KpiListedField = (typeof KPI_FIELD_LIST)[number]['field'];

/** The fields the Y.Doc keeps as Y.Text, so two people typing in one merge. */
export const KPI_TEXT_FIELD_NAMES: readonly KpiListedField[] = KPI_FIELD_LIST.filter((spec) => spec.text).map((spec) => spec.field);

/**
 * The words the plans print a target kind with (累計, 年平均, 2.5倍, +10ポイント), once: the
 * 新旧対照表's kind words and the printed target (`text/kpiText.ts`) are both built from it.
 */
export const TARGET_KIND_WORDS = {
  cumulative: '累計',
  mean: '年平均',
  geometricMean: '幾何平均',
  total: '合計',
  factor: '倍',
  points: 'ポイント',
  percent: '%',
} as const satisfies Record<'cumulative' | AggregateMethod | RelativeMode, string>;

/** A relative target's own figure: `2.5倍`, `+10ポイント`, `-5%`. */
export function relativeAmountText(kind: Extract<KpiTargetKind, { kind: 'relative' }>): string {
  const amount = kind.mode === 'factor' || kind.amount < 0 ? formatNumber(kind.amount) : `+${formatNumber(kind.amount)}`;
  return `${amount}${TARGET_KIND_WORDS[kind.mode]}`;
}

/** A target kind in words, for the 新旧対照表: `範囲 25〜50`, `基準値の2.5倍`, `累計（R4から）`. */
export function targetKindWords(kind: KpiTargetKind | undefined): string {
  if (!kind) return '目標値';
  const short = (year: number) => formatFiscalYear(year, 'eraShort');
  switch (kind.kind) {
    case 'value':
      return '目標値';
    case 'range': {
      const { low, high } = rangeOf(kind);
      return `範囲 ${formatNumber(low)}〜${formatNumber(high)}`;
    }
    case 'relative':
      return kind.mode === 'factor' ? `基準値の${relativeAmountText(kind)}` : `基準値から${relativeAmountText(kind)}`;
    case 'cumulative':
      return kind.fromYear !== null ? `${TARGET_KIND_WORDS.cumulative}（${short(kind.fromYear)}から）` : TARGET_KIND_WORDS.cumulative;
    case 'aggregate':
      return `${TARGET_KIND_WORDS[kind.method]}（${kind.years.map(short).join('・')}）`;
    case 'qualitative':
      return `定性: ${kind.wording}`;
  }
}

/** `合計で判定` / `内訳ごとに判定`. */
export function partsJudgedWords(judged: PartsJudged | undefined): string {
  return judged === 'each' ? '内訳ごとに判定' : '合計で判定';
}

/** `雇用者数（人）`, or '' when the KPI keeps no sub-figure. */
export function subFigureWords(sub: SubFigure | undefined): string {
  return sub ? `${sub.label}（${sub.unit}）` : '';
}
