import { useI18n } from '../i18n';
import type { Resource } from './useApiResource';

/** "Loading…", or what failed with a retry button; nothing once the resource has loaded. */
export function ResourceStatus({
  resource,
  failedMessage,
  loadingMessage,
  onRetry,
  quiet = false,
}: {
  resource: Resource<unknown>;
  failedMessage: string;
  /** Instead of the generic 読み込み中…, when the wait deserves a word (a long comparison). */
  loadingMessage?: string;
  onRetry: () => void;
  /** A small retry button, for a section inside a page rather than a whole page. */
  quiet?: boolean;
}) {
  const { t } = useI18n();
  if (resource.status === 'loading') {
    return (
      <p className="page-status" role="status">
        {loadingMessage ?? t('app.loading')}
      </p>
    );
  }
  if (resource.status === 'failed') {
    return (
      <div className="page-status">
        <p role="alert">{failedMessage}</p>
        <button type="button" className={quiet ? 'button button--quiet' : 'button'} onClick={onRetry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return null;
}
