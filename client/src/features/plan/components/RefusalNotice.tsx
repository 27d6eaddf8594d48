import { CLOSE_CODES } from '@sakutei/shared';
import { Link } from '../../../app/router';
import { useSession } from '../../../app/session';
import { useI18n, type MessageKey } from '../../../i18n';

function messageFor(code: number): MessageKey {
  switch (code) {
    case CLOSE_CODES.unauthenticated:
      return 'plan.sessionEnded';
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

/** Why the server will not let this document sync any more; shown instead of silently retrying. */
export function RefusalNotice({ code }: { code: number }) {
  const { t } = useI18n();
  const { expire } = useSession();
  return (
    <div className="banner banner--error" role="alert" data-testid="collab-refused" data-close-code={code}>
      <p>{t(messageFor(code))}</p>
      {code === CLOSE_CODES.unauthenticated ? (
        // Ending the local session sends the app to sign-in, which brings the user back here.
        <button type="button" className="button" onClick={expire}>
          {t('plan.signInAgain')}
        </button>
      ) : (
        <Link to="/plans">{t('plan.backToList')}</Link>
      )}
    </div>
  );
}
