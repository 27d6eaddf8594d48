import { useState, type FormEvent } from 'react';
import { useSession } from '../../app/session';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n, type Translate } from '../../i18n';
import { ApiError } from '../../lib/api';

/** What to tell the user when sign-in fails, in their language (the server's sentences are English). */
function signInErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('signIn.invalidCredentials');
    if (error.status === 429) return t('signIn.rateLimited');
  }
  return t('signIn.failed');
}

export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t('signIn.title'));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      // On success the session changes and the app leaves this page by itself.
      await signIn(email, password);
    } catch (failure) {
      setError(signInErrorMessage(failure, t));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="page page--narrow sign-in">
      <h1>{t('signIn.title')}</h1>
      <p className="page__lead">{t('signIn.lead')}</p>
      <form className="form" onSubmit={handleSubmit} aria-busy={submitting}>
        <div className="form__field">
          <label htmlFor="email">{t('signIn.email')}</label>
          <input
            id="email"
            name="email"
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
          <label htmlFor="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {error !== null && (
          <p className="form__error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        {/* aria-disabled rather than disabled: a disabled button would drop keyboard focus. */}
        <button type="submit" className="button button--primary" aria-disabled={submitting}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
