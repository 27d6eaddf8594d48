import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useI18n } from '../i18n';
import { useSession } from './session';
import { SignInForm } from './SignInForm';
import { SsoResume } from './SsoButton';
import { useAuthMethods } from '../lib/authMethodsApi';
import { useSignOut } from './useSignOut';
import './SessionExpiredDialog.css';

/**
 * Shown over the page when the server stopped accepting the session. Signing in here keeps
 * the page, and with it the plan's unsent edits, which its socket then sends; a redirect to
 * the sign-in page would have unloaded them. It cannot be dismissed: nothing on the page
 * works without a session, and the way out (signing out) is offered in words.
 */
export function SessionExpiredDialog({ email }: { email: string }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  // Signing out here deletes the unsent edits this dialog exists to keep: asked first, as anywhere.
  const { requestSignOut, failed, confirmation } = useSignOut();
  const methods = useAuthMethods();
  const sso = methods.data?.sso ?? null;
  const password = methods.data?.password ?? true;
  const signOutButton = (
    <button
      type="button"
      className="button button--quiet"
      data-testid="session-expired-sign-out"
      onClick={requestSignOut}
      aria-describedby="session-expired-sign-out-hint"
    >
      {t('sessionExpired.signOut')}
    </button>
  );

  return (
    <ModalOverlay isOpen isDismissable={false} isKeyboardDismissDisabled className="session-expired-overlay">
      <Modal className="session-expired">
        <Dialog role="alertdialog" className="session-expired__dialog" data-testid="session-expired">
          <Heading slot="title" className="session-expired__title">
            {t('sessionExpired.title')}
          </Heading>
          <p className="session-expired__body">{t('sessionExpired.body')}</p>
          {sso && <SsoResume provider={sso.name} startPath={sso.startPath} />}
          {password ? (
            <SignInForm
              signIn={signIn}
              idPrefix="session-expired-"
              initialEmail={email}
              focusPassword
              submitLabel={t('sessionExpired.submit')}
              errorTestId="session-expired-error"
              className="session-expired__form"
              actionsClassName="session-expired__actions"
            >
              {signOutButton}
            </SignInForm>
          ) : (
            <div className="session-expired__actions">{signOutButton}</div>
          )}
          <p id="session-expired-sign-out-hint" className="session-expired__hint">
            {t('sessionExpired.signOutHint')}
          </p>
          {failed && <p role="alert">{t('header.signOutFailed')}</p>}
          {confirmation}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
