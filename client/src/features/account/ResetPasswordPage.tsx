import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from '../../app/router';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { type MessageKey, useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { checkResetLink, resetPassword, tokenFromFragment } from '../../lib/membersApi';
import './account.css';

function resetErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiError) {
    if (error.code === 'reset_link_invalid' || error.code === 'invalid_request') return 'reset.error.invalid';
    if (error.code === 'weak_password') return 'invite.error.weakPassword';
    if (error.code === 'common_password') return 'invite.error.commonPassword';
    if (error.code === 'rate_limited') return 'invite.error.rateLimited';
  }
  return 'invite.error.failed';
}

/** Opened from a one-time reset link (`/reset-password#token=…`; the fragment never reaches the server's logs). */
export function ResetPasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t('reset.title'));
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [state, setState] = useState<'checking' | 'ready' | 'done'>('checking');
  const [fatal, setFatal] = useState<MessageKey | null>(token ? null : 'reset.error.invalid');
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const { register, handleSubmit, formState } = useForm<{ password: string }>({ defaultValues: { password: '' } });

  useEffect(() => {
    if (!token) return;
    checkResetLink(token).then(
      () => setState('ready'),
      (error: unknown) => setFatal(resetErrorKey(error)),
    );
  }, [token]);

  const submit = handleSubmit(async ({ password }) => {
    if (!token) return;
    setFailure(null);
    if (password.length < 10) return setFailure('invite.error.weakPassword');
    try {
      await resetPassword(token, password);
      setState('done');
    } catch (error) {
      const key = resetErrorKey(error);
      if (key === 'reset.error.invalid') setFatal(key);
      else setFailure(key);
    }
  });

  return (
    <section className="page page--narrow" data-testid="reset-page">
      <h1>{t('reset.title')}</h1>
      {fatal ? (
        <p className="form__error" role="alert" data-testid="reset-fatal">
          {t(fatal)}
        </p>
      ) : state === 'checking' ? (
        <p className="page-status" role="status">
          {t('app.loading')}
        </p>
      ) : state === 'done' ? (
        <>
          <p className="form__success" role="status" data-testid="reset-done">
            {t('reset.done')}
          </p>
          <p>
            <Link to="/sign-in">{t('reset.signIn')}</Link>
          </p>
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-busy={formState.isSubmitting}>
          <p className="account-note">{t('reset.lead')}</p>
          <div className="form__field">
            <label htmlFor="reset-password">{t('reset.password')}</label>
            <input id="reset-password" type="password" autoComplete="new-password" autoFocus {...register('password')} />
          </div>
          {failure && (
            <p className="form__error" role="alert">
              {t(failure)}
            </p>
          )}
          <button type="submit" className="button button--primary" aria-disabled={formState.isSubmitting} data-testid="reset-submit">
            {t('reset.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
