import { fiscalYearText } from '../text/kpiText';
import { formatNumber } from '../valueText';

/**
 * The small chart of a KPI in the annual report: one bar for the baseline, one per fiscal
 * year up to the report's, and the target as a line across (and a last, outlined bar when it
 * has a year). The model is plain numbers so that the print page (SVG), the Word file (a
 * table of shaded cells, which Word and LibreOffice both draw) and the screen agree.
 */

export type ChartBarKind = 'baseline' | 'actual' | 'target';

export type ChartBar = {
  kind: ChartBarKind;
  fiscalYear: number | null;
  /** `R2`, or `基準` / `目標` when the figure has no year. */
  label: string;
  /** Null: no figure (missing is not zero, so no bar is drawn). */
  value: number | null;
  /** The report's own year. */
  current: boolean;
};

export type ReportChart = {
  bars: ChartBar[];
  target: number | null;
  /** The value range the bars are drawn over; 0 is always inside it. */
  low: number;
  high: number;
};

/** What the chart needs of a KPI for one year (`KpiFigures` has it). */
export type ChartFigures = { actual: number | null; baseline: number | null; target: number | null };

/**
 * Builds the chart from the report year's figures and those of the years before it
 * (`actualYears` up to `fiscalYear`; `figuresOf` gives each year's judged actual, so a
 * cumulative KPI is drawn as it is graded).
 */
export function reportChart(
  fiscalYear: number,
  actualYears: readonly number[],
  current: ChartFigures,
  baselineYear: number | null,
  targetYear: number | null,
  actualOf: (year: number) => number | null,
): ReportChart {
  const bars: ChartBar[] = [];
  const label = (year: number | null, fallback: string) => (year === null ? fallback : fiscalYearText(year, 'eraShort'));
  bars.push({ kind: 'baseline', fiscalYear: baselineYear, label: label(baselineYear, '基準'), value: current.baseline, current: false });
  const years = [...new Set([...actualYears.filter((year) => year <= fiscalYear), fiscalYear])]
    .filter((year) => baselineYear === null || year > baselineYear)
    .sort((a, b) => a - b);
  for (const year of years) {
    const value = year === fiscalYear ? current.actual : actualOf(year);
    bars.push({ kind: 'actual', fiscalYear: year, label: label(year, ''), value, current: year === fiscalYear });
  }
  if (targetYear === null || targetYear > fiscalYear) {
    bars.push({ kind: 'target', fiscalYear: targetYear, label: label(targetYear, '目標'), value: current.target, current: false });
  }
  const values = [0, ...bars.map((bar) => bar.value).filter((value): value is number => value !== null)];
  if (current.target !== null) values.push(current.target);
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) high = low + 1;
  return { bars, target: current.target, low, high };
}

/** Where a value falls between the chart's low and high, 0 to 1. */
export function chartShare(chart: ReportChart, value: number): number {
  return Math.min(1, Math.max(0, (value - chart.low) / (chart.high - chart.low)));
}

const SVG = { width: 260, height: 84, top: 12, bottom: 16, gap: 6, side: 4 };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The chart as inline SVG for the print page: bars, year labels, the target as a dashed line. */
export function reportChartSvg(chart: ReportChart, description: string): string {
  const { width, height, top, bottom, gap, side } = SVG;
  const plot = height - top - bottom;
  const y = (value: number) => top + (1 - chartShare(chart, value)) * plot;
  const slot = (width - 2 * side) / Math.max(chart.bars.length, 1);
  const barWidth = Math.max(slot - gap, 4);
  const zero = y(0);
  const parts: string[] = [`<line x1="${side}" x2="${width - side}" y1="${zero.toFixed(1)}" y2="${zero.toFixed(1)}" stroke="#666" stroke-width="0.8"/>`];
  if (chart.target !== null) {
    const ty = y(chart.target).toFixed(1);
    parts.push(`<line x1="${side}" x2="${width - side}" y1="${ty}" y2="${ty}" stroke="#b42318" stroke-width="1" stroke-dasharray="4 3"/>`);
  }
  chart.bars.forEach((bar, index) => {
    const x = side + index * slot + (slot - barWidth) / 2;
    const centre = (x + barWidth / 2).toFixed(1);
    parts.push(`<text x="${centre}" y="${height - 4}" font-size="9" text-anchor="middle" fill="#333">${escapeXml(bar.label)}</text>`);
    if (bar.value === null) {
      parts.push(`<text x="${centre}" y="${(zero - 3).toFixed(1)}" font-size="9" text-anchor="middle" fill="#666">—</text>`);
      return;
    }
    const yTop = Math.min(y(bar.value), zero);
    const h = Math.max(Math.abs(y(bar.value) - zero), 0.8);
    const style =
      bar.kind === 'target'
        ? 'fill="none" stroke="#b42318" stroke-width="1.2" stroke-dasharray="3 2"'
        : bar.kind === 'baseline'
          ? 'fill="#9aa4b2"'
          : bar.current
            ? 'fill="#1d4ed8"'
            : 'fill="#7aa0e6"';
    parts.push(`<rect x="${x.toFixed(1)}" y="${yTop.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" ${style}/>`);
    // A white halo keeps the figure readable where it crosses the target line.
    parts.push(
      `<text x="${centre}" y="${(yTop - 2).toFixed(1)}" font-size="8" text-anchor="middle" fill="#222" stroke="#fff" stroke-width="2.5" paint-order="stroke">${escapeXml(formatNumber(bar.value))}</text>`,
    );
  });
  const label = escapeXml(description);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${label}"><title>${label}</title>${parts.join('')}</svg>`;
}
