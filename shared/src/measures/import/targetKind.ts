import type { KpiTargetKind } from '../kpiKinds';
import { foldWidth } from '../numbering';
import { BARE_DIRECTION_WORDS, parseNumberText } from '../valueText';

/**
 * What a printed target says about its kind, read before the figure itself: `25〜50%` is a
 * range, `2.5倍` / `+10ポイント` / `+10%` are relative to the baseline, `累計 100社` and
 * `100社 (累計)` cumulative, `年平均 3%` / `幾何平均` / `合計` period aggregates over the
 * actual columns' years, and a target with no figure at all (`均衡`, `実施`) qualitative.
 * The importer proposes the kind; the user confirms it in the KPI panel.
 */

export type TargetKindProposal = {
  kind: KpiTargetKind;
  /** The text left for the ordinary figure reader ('' when the kind carries its own figures). */
  figureText: string;
  /** The unit printed with a range (`%`), when the figure reader will not see it. */
  unit: string;
};

const NUMBER = '[-−△▲+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const RANGE = new RegExp(`^(${NUMBER})\\s*([^\\d〜~～－\\-]*?)\\s*[〜~～]\\s*(${NUMBER})\\s*(.*)$`);
const FACTOR = new RegExp(`^(?:基準値?の)?\\s*(${NUMBER})\\s*倍(?:以上)?$`);
const POINTS = new RegExp(`^(?:基準値?(?:から|より)?)?\\s*([+＋]?${NUMBER})\\s*(?:ポイント|pt|ﾎﾟｲﾝﾄ)\\s*(?:増|増加|上昇|以上)?$`, 'i');
const PERCENT_UP = new RegExp(`^(?:基準値?(?:から|より)?)?\\s*(?:([+]${NUMBER})\\s*%|(${NUMBER})\\s*%\\s*(?:増|増加|上昇|アップ))$`);
const CUMULATIVE = /(?:^累計\s*|\s*\(累計\)\s*$|\s*累計\s*$)/;
const AGGREGATE: Array<[RegExp, 'mean' | 'geometricMean' | 'total']> = [
  [/^(?:\d+\s*年間?の?)?幾何平均\s*/, 'geometricMean'],
  [/^(?:\d+\s*年間?の?)?年平均\s*|^(?:\d+\s*年間?の?)?平均\s*/, 'mean'],
  [/^(?:\d+\s*年間?の?)?(?:合計|総計)\s*/, 'total'],
];
/**
 * Cells that say nothing (blank, —, X) or only a direction (以上, 「増加」「減少」: the figure
 * reader takes the direction, valueText `BARE_DIRECTION_WORDS`): not a qualitative target.
 */
const NOT_QUALITATIVE = /^(?:|[-—―‐‑–−ー]+|[Xx]|現状維持|維持|以上|以下)$/;
/** A target not yet set is no qualitative target: the cell stays unreadable, and says so. */
const NOT_SET = /^(?:未定|未設定|検討中|調査中|設定なし|なし)$/;

/** A token the patterns above matched as NUMBER: always one number. */
function readNumber(token: string): number {
  return parseNumberText(token) ?? Number.NaN;
}

/** The kind a target cell proposes, or null when it is a plain figure. */
export function proposeTargetKind(text: string, actualYears: readonly number[]): TargetKindProposal | null {
  const t = foldWidth(text).replace(/\s+/g, ' ').trim();
  const range = RANGE.exec(t);
  if (range) {
    const unit = (range[4] ?? '').trim() || (range[2] ?? '').trim();
    return { kind: { kind: 'range', low: readNumber(range[1]!), high: readNumber(range[3]!) }, figureText: '', unit };
  }
  const factor = FACTOR.exec(t);
  if (factor) return { kind: { kind: 'relative', mode: 'factor', amount: readNumber(factor[1]!) }, figureText: '', unit: '' };
  const points = POINTS.exec(t);
  if (points) return { kind: { kind: 'relative', mode: 'points', amount: readNumber(points[1]!) }, figureText: '', unit: '' };
  const percent = PERCENT_UP.exec(t);
  if (percent) return { kind: { kind: 'relative', mode: 'percent', amount: readNumber((percent[1] ?? percent[2])!) }, figureText: '', unit: '' };
  if (CUMULATIVE.test(t)) return { kind: { kind: 'cumulative', fromYear: null }, figureText: t.replace(CUMULATIVE, '').trim(), unit: '' };
  for (const [pattern, method] of AGGREGATE) {
    if (pattern.test(t) && actualYears.length > 0) {
      return { kind: { kind: 'aggregate', method, years: [...actualYears] }, figureText: t.replace(pattern, '').trim(), unit: '' };
    }
  }
  if (!/\d/.test(t) && !NOT_QUALITATIVE.test(t) && !Object.hasOwn(BARE_DIRECTION_WORDS, t) && !NOT_SET.test(t) && !/^(達成|未達成)/.test(t)) {
    return { kind: { kind: 'qualitative', wording: t.slice(0, 100) }, figureText: '', unit: '' };
  }
  return null;
}
