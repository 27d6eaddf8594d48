import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { unsentEditsOf } from '../lib/offlineCopies';
import { ConfirmDialog } from './ConfirmDialog';
import { navigate } from './router';
import { useSession } from './session';

/**
 * Signing out, for every button that offers it. Signing out deletes this person's offline
 * copies, so when they hold edits the server has not confirmed, the person is asked first
 * (`confirmation` renders that question); then the session ends and the sign-in page shows.
 */
export function useSignOut() {
  const { t } = useI18n();
  const { state, signOut } = useSession();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  /** Unsent edits signing out would delete from this device, while the person is asked. */
  const [unsentToDelete, setUnsentToDelete] = useState<number | null>(null);

  async function signOutNow() {
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

  function requestSignOut() {
    const unsent = state.status === 'signedIn' ? unsentEditsOf(state.me.user.id) : 0;
    if (unsent > 0) setUnsentToDelete(unsent);
    else void signOutNow();
  }

  const confirmation: ReactNode =
    unsentToDelete === null ? null : (
      <ConfirmDialog
        title={t('signOutUnsent.title')}
        confirmLabel={t('signOutUnsent.confirm')}
        danger
        testId="sign-out-unsent"
        onConfirm={() => {
          setUnsentToDelete(null);
          void signOutNow();
        }}
        onCancel={() => setUnsentToDelete(null)}
      >
        <p>{t('signOutUnsent.body', { count: unsentToDelete })}</p>
      </ConfirmDialog>
    );

  return { requestSignOut, pending, failed, confirmation };
}
