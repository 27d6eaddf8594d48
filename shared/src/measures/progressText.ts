import { foldWidth } from './numbering';
import type { ProgressFigure } from './progress';
import { formatWithUnit } from './valueText';

/**
 * A 実施状況 figure as every screen, export and report prints it: `1,200 件`, `63.2%`
 * (a percentage closed up, as KPI figures are).
 */
export function formatProgressFigure(figure: ProgressFigure): string {
  return formatWithUnit(figure.value, figure.unit);
}

/**
 * The number typed as a figure: full- or half-width digits, thousands separators, a sign
 * and decimals (`１，２００`, `-3.5`). Empty input is `null` (no figure); anything else that
 * is not a number is `undefined`, for the form to say so.
 */
export function parseProgressFigureValue(text: string): number | null | undefined {
  const folded = foldWidth(text).replace(/[\s,，]/g, '').replace(/^[−ー－]/, '-');
  if (folded === '') return null;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(folded)) return undefined;
  const value = Number(folded);
  return Number.isFinite(value) ? value : undefined;
}
