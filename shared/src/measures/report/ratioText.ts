import { NOT_APPLICABLE_LABELS, type RatioDisplay } from '../kpiMath';
import { formatPercent } from '../text/kpiText';

/**
 * A ratio in the DOCX / HTML report's Japanese: a percentage, 達成 / 未達成, or `—` with the
 * reason it is not given (`—（基準値がない）`). What to show is shared `ratioDisplay`'s rule;
 * a KPI's line and each of its parts' lines both word it here.
 */
export function ratioText(display: RatioDisplay): string {
  switch (display.kind) {
    case 'percent':
      return formatPercent(display.value);
    case 'met':
      return display.met ? '達成' : '未達成';
    case 'na':
      return `—（${NOT_APPLICABLE_LABELS[display.reason]}）`;
    case 'none':
      return '—';
  }
}
