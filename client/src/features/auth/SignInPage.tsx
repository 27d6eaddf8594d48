import { useState } from 'react';
import { useSession } from '../../app/session';
import { SignInForm } from '../../app/SignInForm';
import { SsoSignInLink } from '../../app/SsoButton';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n';
import { ssoErrorFromSearch, useAuthMethods } from '../../lib/authMethodsApi';

export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const methods = useAuthMethods();
  // The identity provider's refusal, sent back by the server as ?sso_error=<code>.
  const [ssoError] = useState(() => ssoErrorFromSearch(window.location.search));
  useDocumentTitle(t('signIn.title'));
  const sso = methods.data?.sso ?? null;
  // Until the methods are known the password form shows (the usual case), so the page does not jump.
  const password = methods.data?.password ?? true;
  // On success the session changes and the app leaves this page by itself.
  return (
    <section className="page page--narrow sign-in">
      <h1>{t('signIn.title')}</h1>
      <p className="page__lead">{password || !sso ? t('signIn.lead') : t('sso.passwordOff', { provider: sso.name })}</p>
      {ssoError && (
        <div className="form__error sso-error" role="alert" data-testid="sso-error">
          <strong>{t('sso.error.title')}</strong>
          <p>{t(`sso.error.${ssoError}`)}</p>
        </div>
      )}
      {sso && (
        <div className="sso-choice">
          <SsoSignInLink provider={sso.name} startPath={sso.startPath} primary={!password} />
          {password && <p className="sso-choice__or">{t('sso.or')}</p>}
        </div>
      )}
      {password && <SignInForm signIn={signIn} submitLabel={t('signIn.submit')} errorTestId="sign-in-error" />}
    </section>
  );
}
