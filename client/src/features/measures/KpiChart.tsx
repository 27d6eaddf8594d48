import { formatNumber, numericValue, rangeOf, resolvedTarget, type KpiRecord } from '@sakutei/shared/measures';
import { useI18n } from '../../i18n';
import { describeValue, yearShort } from './kpiFormat';

type Props = {
  kpi: KpiRecord;
  mark: string;
  /** The fiscal years with an actual column. */
  years: readonly number[];
};

const WIDTH = 300;
const HEIGHT = 150;
const PAD = { left: 48, right: 14, top: 14, bottom: 24 };

type Point = { year: number; value: number };

/**
 * Baseline → target as a dashed line and the actuals as points joined by a line, per fiscal
 * year. A year with no figure, none, or a withheld one breaks the line: missing is not zero.
 * A KPI with components is drawn as the sum of them.
 */
export function KpiChart({ kpi, mark, years }: Props) {
  const { t } = useI18n();
  const baseline = numericValue(kpi.baseline.value);
  const printedTarget = numericValue(kpi.target.value);
  // 維持 keeps the baseline; a relative target is worked out from it; a range has no one line.
  const target = resolvedTarget(kpi.targetKind ?? { kind: 'value' }, kpi.direction, printedTarget, baseline).value;
  // A range target is a band across the chart, not a point to reach.
  const band = kpi.targetKind ? rangeOf(kpi.targetKind) : null;
  const baselineYear = kpi.baseline.fiscalYear;
  const targetYear = kpi.target.fiscalYear ?? (kpi.direction === 'keep' ? years.at(-1) ?? null : null);

  const actuals: Array<{ year: number; value: number | null; withheld: boolean }> = years.map((year) => {
    const measured = kpi.actuals[String(year)];
    return { year, value: measured ? numericValue(measured) : null, withheld: measured?.kind === 'withheld' };
  });
  const points: Point[] = actuals.flatMap((a) => (a.value === null ? [] : [{ year: a.year, value: a.value }]));

  // The x axis runs from the baseline year to the target year even when one of their figures
  // is missing, so that the actuals sit where they belong in the plan period.
  const hasFigures = points.length > 0 || baseline !== null || target !== null;
  const anchorYears = hasFigures
    ? [...(baselineYear !== null ? [baselineYear] : []), ...(targetYear !== null ? [targetYear] : []), ...points.map((p) => p.year)]
    : [];
  const summary = t('measures.chart.summary', {
    mark,
    name: kpi.name || t('measures.kpi.unnamed'),
    baseline:
      baselineYear !== null
        ? `${describeValue(kpi.baseline.value, kpi, 'baseline', t)} (${yearShort(baselineYear)})`
        : describeValue(kpi.baseline.value, kpi, 'baseline', t),
    target:
      targetYear !== null
        ? `${describeValue(kpi.target.value, kpi, 'target', t)} (${yearShort(targetYear)})`
        : describeValue(kpi.target.value, kpi, 'target', t),
    actuals:
      years.map((year) => `${yearShort(year)} ${describeValue(kpi.actuals[String(year)], kpi, 'actual', t)}`).join(t('measures.list.separator')) ||
      t('measures.value.blank'),
  });

  if (anchorYears.length === 0) {
    return (
      <p className="measures-chart measures-chart--empty" data-testid="kpi-chart">
        {t('measures.chart.empty')}
      </p>
    );
  }

  const firstYear = Math.min(...anchorYears);
  const lastYear = Math.max(...anchorYears);
  const span = Math.max(lastYear - firstYear, 1);
  const values = [
    ...points.map((p) => p.value),
    ...(baseline !== null ? [baseline] : []),
    ...(target !== null ? [target] : []),
    ...(band ? [band.low, band.high] : []),
  ];
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    low -= Math.abs(low) * 0.1 || 1;
    high += Math.abs(high) * 0.1 || 1;
  }
  const margin = (high - low) * 0.08;
  low -= margin;
  high += margin;

  const x = (year: number) => PAD.left + ((year - firstYear) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - (value - low) / (high - low)) * (HEIGHT - PAD.top - PAD.bottom);

  // Runs of consecutive fiscal years that all have a figure; each run is one stretch of line.
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (const actual of actuals) {
    if (actual.value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      run.push({ year: actual.year, value: actual.value });
    }
  }
  if (run.length > 0) runs.push(run);

  const axisYears: number[] = [];
  const step = span > 8 ? 2 : 1;
  for (let year = firstYear; year <= lastYear; year += step) axisYears.push(year);
  const path = (line: Point[]) => line.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const bottom = HEIGHT - PAD.bottom;

  return (
    <svg
      className="measures-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={summary}
      data-testid="kpi-chart"
    >
      {band && (
        <rect
          className="measures-chart__band"
          x={PAD.left}
          width={WIDTH - PAD.left - PAD.right}
          y={y(band.high)}
          height={Math.max(y(band.low) - y(band.high), 1)}
          data-testid="kpi-chart-band"
        />
      )}
      <line className="measures-chart__axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={bottom} y2={bottom} />
      <line className="measures-chart__axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={bottom} />
      <text className="measures-chart__label" x={PAD.left - 4} y={y(high - margin) + 4} textAnchor="end">
        {formatNumber(high - margin)}
      </text>
      <text className="measures-chart__label" x={PAD.left - 4} y={y(low + margin) + 4} textAnchor="end">
        {formatNumber(low + margin)}
      </text>
      {axisYears.map((year) => (
        <text key={year} className="measures-chart__label" x={x(year)} y={HEIGHT - 6} textAnchor="middle">
          {yearShort(year)}
        </text>
      ))}
      {baselineYear !== null && targetYear !== null && baseline !== null && target !== null && (
        <path
          className="measures-chart__plan"
          d={`M${x(baselineYear)},${y(baseline)} L${x(targetYear)},${y(target)}`}
          data-testid="kpi-chart-plan"
        />
      )}
      {baselineYear !== null && baseline !== null && (
        <circle className="measures-chart__baseline" cx={x(baselineYear)} cy={y(baseline)} r={3.5} />
      )}
      {targetYear !== null && target !== null && (
        <g data-testid="kpi-chart-target">
          <path
            className="measures-chart__target"
            d={`M${x(targetYear)},${y(target) - 6} l6,6 l-6,6 l-6,-6 z`}
          />
          <text className="measures-chart__label measures-chart__label--target" x={x(targetYear) - 9} y={y(target) - 8} textAnchor="end">
            {t('measures.chart.target')}
          </text>
        </g>
      )}
      {runs.map((line) => (
        <path key={line[0]!.year} className="measures-chart__actual" d={path(line)} data-testid="kpi-chart-actual-line" />
      ))}
      {points.map((p) => (
        <circle key={p.year} className="measures-chart__point" cx={x(p.year)} cy={y(p.value)} r={3} data-testid="kpi-chart-point" />
      ))}
      {actuals
        .filter((a) => a.withheld && a.year >= firstYear && a.year <= lastYear)
        .map((a) => (
          <text key={a.year} className="measures-chart__label measures-chart__withheld" x={x(a.year)} y={bottom - 4} textAnchor="middle">
            X
          </text>
        ))}
    </svg>
  );
}
