import { useI18n } from '../../../i18n';
import type { ConnectionStatus as Status } from '../useConnectionStatus';

interface Props {
  status: Status;
  synced: boolean;
  /** Whether local edits can still reach the server later; false once the server refused us. */
  willResync: boolean;
}

export function ConnectionStatus({ status, synced, willResync }: Props) {
  const { t } = useI18n();
  return (
    <div className="connection">
      <p className="connection__line">
        <span className="visually-hidden">{t('connection.label')}: </span>
        <span
          className={`connection__status connection__status--${status}`}
          data-testid="connection-status"
          data-status={status}
          data-synced={String(synced)}
          role="status"
        >
          <span className="connection__dot" aria-hidden="true" />
          {t(`connection.${status}`)}
        </span>
      </p>
      {status !== 'connected' && willResync && (
        <p className="connection__note" data-testid="offline-note">
          {t('connection.offlineNote')}
        </p>
      )}
    </div>
  );
}
