import type { Translate } from '../../i18n';
import { ApiError, isBusy } from '../../lib/api';

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
    case 'unreadable_revision':
      return t('revisions.error.unreadableRevision');
    case 'unreadable_document':
      return t('revisions.error.unreadableDocument');
  }
  if (error.status === 403) return t('revisions.error.forbidden');
  if (error.status === 404) return t('revisions.error.notFound');
  if (error.status === 400) return t('revisions.error.invalid');
  return t('revisions.error.failed');
}

/**
 * Whether the review moved on elsewhere, so the list on screen is out of date. A revision that
 * cannot be read back (409 unreadable_revision) is not that: reloading would change nothing.
 */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code !== 'unreadable_revision';
}
