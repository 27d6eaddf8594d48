import { useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { navigate } from './router';
import { useSession } from './session';
import './SessionExpiredDialog.css';

/**
 * Shown over the page when the server stopped accepting the session. Signing in here keeps
 * the page, and with it the plan's unsent edits, which its socket then sends; a redirect to
 * the sign-in page would have unloaded them. It cannot be dismissed: nothing on the page
 * works without a session, and the way out (signing out) is offered in words.
 */
export function SessionExpiredDialog({ email: knownEmail }: { email: string }) {
  const { t } = useI18n();
  const { signIn, signOut } = useSession();
  const [email, setEmail] = useState(knownEmail);
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 401 ? t('signIn.invalidCredentials')
        : failure instanceof ApiError && failure.status === 429 ? t('signIn.rateLimited')
        : t('signIn.failed'),
      );
      setSubmitting(false);
    }
  }

  async function handleSignOut() {
    await signOut().catch(() => undefined);
    navigate('/sign-in');
  }

  return (
    <ModalOverlay isOpen isDismissable={false} isKeyboardDismissDisabled className="session-expired-overlay">
      <Modal className="session-expired">
        <Dialog role="alertdialog" className="session-expired__dialog" data-testid="session-expired">
          <Heading slot="title" className="session-expired__title">
            {t('sessionExpired.title')}
          </Heading>
          <p className="session-expired__body">{t('sessionExpired.body')}</p>
          <form className="session-expired__form" onSubmit={handleSubmit} aria-busy={submitting}>
            <div className="form__field">
              <label htmlFor="session-expired-email">{t('signIn.email')}</label>
              <input
                id="session-expired-email"
                type="email"
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </div>
            <div className="form__field">
              <label htmlFor="session-expired-password">{t('signIn.password')}</label>
              <input
                id="session-expired-password"
                type="password"
                autoComplete="current-password"
                required
                // The email is known: the password is what the person has to type.
                autoFocus
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            {error !== null && (
              <p className="form__error" role="alert" data-testid="session-expired-error">
                {error}
              </p>
            )}
            <div className="session-expired__actions">
              <button type="submit" className="button button--primary" aria-disabled={submitting}>
                {t('sessionExpired.submit')}
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={handleSignOut}
                aria-describedby="session-expired-sign-out-hint"
              >
                {t('sessionExpired.signOut')}
              </button>
            </div>
            <p id="session-expired-sign-out-hint" className="session-expired__hint">
              {t('sessionExpired.signOutHint')}
            </p>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
