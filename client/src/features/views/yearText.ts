import { formatFiscalYear } from '@sakutei/shared/measures';
import type { Locale } from '../../i18n';

export type YearStyle = 'era' | 'eraShort' | 'eraYearOnly';

/**
 * A fiscal year as the plan prints it (令和2年度, 4年度, R5). English readers do not know the
 * era, so they get the western fiscal year instead.
 */
export function fiscalYearText(fy: number, style: YearStyle, locale: Locale): string {
  if (locale === 'en') return `FY${fy}`;
  try {
    return formatFiscalYear(fy, style);
  } catch {
    // A year before 明治 has no era; an imported oddity must not take the whole view down.
    return `${fy}年度`;
  }
}
