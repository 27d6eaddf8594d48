import { formatFiscalYear } from './fiscalYear';
import type { KpiTargetKind, PartsJudged, SubFigure } from './kpiKinds';

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

const RELATIVE_WORDS = { factor: '倍', points: 'ポイント', percent: '%' } as const;
const AGGREGATE_WORDS = { mean: '年平均', geometricMean: '幾何平均', total: '合計' } as const;

/** A target kind in words, for the 新旧対照表: `範囲 25〜50`, `基準値の2.5倍`, `累計（R4から）`. */
export function targetKindWords(kind: KpiTargetKind | undefined): string {
  const short = (year: number) => formatFiscalYear(year, 'eraShort');
  switch (kind?.kind ?? 'value') {
    case 'value':
      return '目標値';
    case 'range':
      return kind?.kind === 'range' ? `範囲 ${Math.min(kind.low, kind.high)}〜${Math.max(kind.low, kind.high)}` : '';
    case 'relative':
      if (kind?.kind !== 'relative') return '';
      return kind.mode === 'factor' ? `基準値の${kind.amount}倍` : `基準値から${kind.amount >= 0 ? '+' : ''}${kind.amount}${RELATIVE_WORDS[kind.mode]}`;
    case 'cumulative':
      return kind?.kind === 'cumulative' && kind.fromYear !== null ? `累計（${short(kind.fromYear)}から）` : '累計';
    case 'aggregate':
      return kind?.kind === 'aggregate' ? `${AGGREGATE_WORDS[kind.method]}（${kind.years.map(short).join('・')}）` : '';
    case 'qualitative':
      return kind?.kind === 'qualitative' ? `定性: ${kind.wording}` : '';
  }
  return '';
}

/** `合計で判定` / `内訳ごとに判定`. */
export function partsJudgedWords(judged: PartsJudged | undefined): string {
  return judged === 'each' ? '内訳ごとに判定' : '合計で判定';
}

/** `雇用者数（人）`, or '' when the KPI keeps no sub-figure. */
export function subFigureWords(sub: SubFigure | undefined): string {
  return sub ? `${sub.label}（${sub.unit}）` : '';
}
