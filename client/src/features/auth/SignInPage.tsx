import { useSession } from '../../app/session';
import { SignInForm } from '../../app/SignInForm';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n';

export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  useDocumentTitle(t('signIn.title'));
  // On success the session changes and the app leaves this page by itself.
  return (
    <section className="page page--narrow sign-in">
      <h1>{t('signIn.title')}</h1>
      <p className="page__lead">{t('signIn.lead')}</p>
      <SignInForm signIn={signIn} submitLabel={t('signIn.submit')} errorTestId="sign-in-error" />
    </section>
  );
}
