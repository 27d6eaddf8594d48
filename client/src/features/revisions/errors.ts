import type { Translate } from '../../i18n';
import { ApiError } from '../../lib/api';

/** A sentence for a failed revision or review request. */
export function revisionErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('revisions.error.failed');
  if (isBusy(error)) return t('revisions.error.busy');
  switch (error.code) {
    case 'stale_hash':
      return t('revisions.error.staleHash');
    case 'review_changed':
    case 'invalid_transition':
      return t('revisions.error.changed');
    case 'invalid_delegate':
      return t('revisions.error.invalidDelegate');
    case 'invalid_invite':
      return t('revisions.error.invalidInvite');
    case 'invalid_reason':
      return t('revisions.reason.required');
  }
  if (error.status === 403) return t('revisions.error.forbidden');
  if (error.status === 404) return t('revisions.error.notFound');
  if (error.status === 400) return t('revisions.error.invalid');
  return t('revisions.error.failed');
}

/** Whether the server turned the request away for load (429 rate_limited, 503 server_busy): a retry soon will do. */
export function isBusy(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'rate_limited' || error.code === 'server_busy');
}

/** Whether the review moved on elsewhere, so the list on screen is out of date. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
