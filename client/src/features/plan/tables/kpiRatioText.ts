import { formatPercent, type RatioDisplay } from '@sakutei/shared/measures';
import type { Translate } from '../../../i18n';

/**
 * The words for a 達成率 / 進捗率 on screen, in the reader's language. What to show is decided
 * once in shared (`ratioDisplay`); the KPI panel, 成果指標一覧 and the report's screen table
 * all word it here (the DOCX/HTML report words it in Japanese in the shared report model).
 */
export function ratioWords(display: RatioDisplay, t: Translate): string {
  switch (display.kind) {
    case 'percent':
      return formatPercent(display.value);
    case 'met':
      return t(display.met ? 'measures.kpi.met' : 'measures.kpi.notMet');
    case 'na':
      return t(`kpiKinds.na.${display.reason}`);
    case 'none':
      return '—';
  }
}
