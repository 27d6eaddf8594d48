import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useI18n } from '../i18n';
import { useSession } from './session';
import { SignInForm } from './SignInForm';
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

  return (
    <ModalOverlay isOpen isDismissable={false} isKeyboardDismissDisabled className="session-expired-overlay">
      <Modal className="session-expired">
        <Dialog role="alertdialog" className="session-expired__dialog" data-testid="session-expired">
          <Heading slot="title" className="session-expired__title">
            {t('sessionExpired.title')}
          </Heading>
          <p className="session-expired__body">{t('sessionExpired.body')}</p>
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
            <button
              type="button"
              className="button button--quiet"
              data-testid="session-expired-sign-out"
              onClick={requestSignOut}
              aria-describedby="session-expired-sign-out-hint"
            >
              {t('sessionExpired.signOut')}
            </button>
          </SignInForm>
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
