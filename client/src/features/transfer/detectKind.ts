import { fromCircled } from '@sakutei/shared/measures';

export type ImportKind = 'hierarchy' | 'kpis';

/**
 * A KPI list announces itself by its header (成果指標 beside 基準値 or 目標値) or by KPI marks
 * (①) in its first column; anything else is taken for the measure table or a 目次.
 */
export function detectImportKind(rows: readonly string[][]): ImportKind {
  const filled = rows.filter((row) => row.some((cell) => cell.trim() !== '')).slice(0, 3);
  for (const row of filled) {
    const text = row.join(' ');
    if (text.includes('成果指標') && /基準値|目標値/.test(text)) return 'kpis';
  }
  const firstCell = filled[0]?.find((cell) => cell.trim() !== '')?.trim() ?? '';
  return [...firstCell].length === 1 && fromCircled(firstCell) !== null ? 'kpis' : 'hierarchy';
}
