import type { Translate } from '../../i18n';
import { ApiError } from '../../lib/api';

/** A sentence for a failed comment request; the form keeps what was typed either way. */
export function commentErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('comments.error.failed');
  if (error.status === 429) return t('comments.error.rateLimited');
  if (error.status === 403) return t('comments.error.forbidden');
  if (error.status === 404) return t('comments.error.notFound');
  if (error.code === 'invalid_mention') return t('comments.error.invalidMention');
  if (error.code === 'invalid_anchor') return t('comments.error.invalidAnchor');
  if (error.status === 400) return t('comments.error.invalid');
  return t('comments.error.failed');
}
