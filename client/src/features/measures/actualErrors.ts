import type { MessageKey } from '../../i18n';
import { ApiError, isBusy } from '../../lib/api';

/**
 * What to say when an actual did not save. The server's refusals of the figure itself
 * (measures/actualCheck.ts) are worded here in the reader's language, not shown in its English.
 */
export function actualSaveErrorKey(error: unknown): MessageKey {
  if (isBusy(error)) return 'measures.kpi.saveBusy';
  if (error instanceof ApiError && error.code === 'fiscal_year_not_tracked') return 'measures.kpi.yearNotTracked';
  if (error instanceof ApiError && error.code === 'unknown_component') return 'measures.kpi.unknownComponent';
  return 'measures.kpi.saveFailed';
}
