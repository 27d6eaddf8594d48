import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './router';
import { useSignOut } from './useSignOut';

function SignOut({ name }: { name: string }) {
  const { t } = useI18n();
  const { requestSignOut, pending, failed, confirmation } = useSignOut();

  return (
    <div className="header-user">
      {/* The name opens the person's own account settings (name, address, password). */}
      <Link
        to="/account"
        className="header-user__name"
        data-testid="current-user-name"
        aria-label={`${t('header.account')}: ${t('header.signedInAs', { name })}`}
      >
        {t('header.signedInAs', { name })}
      </Link>
      <button type="button" className="button button--quiet" onClick={requestSignOut} disabled={pending}>
        {t('header.signOut')}
      </button>
      {confirmation}
      {failed && (
        <p className="header-user__error" role="alert">
          {t('header.signOutFailed')}
        </p>
      )}
    </div>
  );
}

/**
 * The top bar; `userName` is absent on pages shown before sign-in. `tools` are what the page
 * composing the shell adds for a signed-in person (the notifications bell).
 */
export function Header({ userName, tools }: { userName?: string; tools?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Link to={userName ? '/plans' : '/sign-in'} className="app-header__brand">
        {t('app.name')}
      </Link>
      <div className="app-header__tools">
        {userName && tools}
        {userName && <SignOut name={userName} />}
        <LanguageSwitch />
      </div>
    </header>
  );
}
