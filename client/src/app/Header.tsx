import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { LanguageSwitch } from './LanguageSwitch';
import { Link, navigate } from './router';
import { useSession } from './session';

function SignOut({ name }: { name: string }) {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  /** Unsent edits signing out would delete from this device, while the person is asked. */
  const [unsentToDelete, setUnsentToDelete] = useState<number | null>(null);

  async function requestSignOut() {
    const userId = state.status === 'signedIn' ? state.me.user.id : null;
    // On demand: offlineStore brings Yjs and y-indexeddb, which the sign-in page and plan list do without.
    const unsent = userId ? await import('../lib/offlineStore').then((m) => m.unsentEditsOf(userId)) : 0;
    if (unsent > 0) setUnsentToDelete(unsent);
    else void handleSignOut();
  }

  async function handleSignOut() {
    setPending(true);
    setFailed(false);
    try {
      await signOut();
      navigate('/sign-in');
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

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
      <button type="button" className="button button--quiet" onClick={() => void requestSignOut()} disabled={pending}>
        {t('header.signOut')}
      </button>
      {unsentToDelete !== null && (
        <ConfirmDialog
          title={t('signOutUnsent.title')}
          confirmLabel={t('signOutUnsent.confirm')}
          danger
          testId="sign-out-unsent"
          onConfirm={() => {
            setUnsentToDelete(null);
            void handleSignOut();
          }}
          onCancel={() => setUnsentToDelete(null)}
        >
          <p>{t('signOutUnsent.body', { count: unsentToDelete })}</p>
        </ConfirmDialog>
      )}
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
