import { CLOSE_CODES } from '@sakutei/shared';
import { Link } from '../../../app/router';
import { useI18n, type MessageKey } from '../../../i18n';

function messageFor(code: number): MessageKey {
  switch (code) {
    case CLOSE_CODES.unknownDocument:
      return 'plan.documentMissing';
    case CLOSE_CODES.originRejected:
      return 'plan.originRejected';
    case CLOSE_CODES.abuse:
    case CLOSE_CODES.rateLimited:
      return 'plan.tooManyMessages';
    default:
      return 'plan.accessRefused';
  }
}

/**
 * Why the server will not let this document sync any more; shown instead of silently retrying.
 * An ended sign-in never arrives here: useCollabDoc hands it to the session, whose dialog asks
 * the user to sign in again over the page.
 */
export function RefusalNotice({ code }: { code: number }) {
  const { t } = useI18n();
  return (
    <div className="banner banner--error" role="alert" data-testid="collab-refused" data-close-code={code}>
      <p>{t(messageFor(code))}</p>
      <Link to="/plans">{t('plan.backToList')}</Link>
    </div>
  );
}
