import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { getMe } from '../lib/api';
import { startSsoForInvitation } from '../lib/authMethodsApi';
import { useMe, useSession } from './session';

/**
 * 「○○でログイン」: a plain link, so the browser navigates to the server, which redirects to
 * the identity provider (the flow's checks go into an HttpOnly cookie there).
 */
export function SsoSignInLink({ provider, startPath, primary }: { provider: string; startPath: string; primary: boolean }) {
  const { t } = useI18n();
  return (
    <a className={`button sso-button${primary ? ' button--primary' : ''}`} href={startPath} data-testid="sso-sign-in">
      {t('sso.signIn', { provider })}
    </a>
  );
}

/** 「○○でログインして参加」 on the invitation page: the token goes in a POST body, never a URL. */
export function SsoJoinButton(props: { provider: string; token: string; primary: boolean; accountExists: boolean; orPassword: boolean }) {
  const { provider, token, primary, accountExists, orPassword } = props;
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const go = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const { url } = await startSsoForInvitation(token);
      window.location.assign(url);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };
  return (
    <div className="sso-join">
      <p className="members-note">{t(accountExists ? 'sso.joinLeadExisting' : 'sso.joinLead', { provider })}</p>
      <button type="button" className={`button sso-button${primary ? ' button--primary' : ''}`} aria-disabled={busy} onClick={go} data-testid="sso-join">
        {t('sso.join', { provider })}
      </button>
      {failed && (
        <p className="form__error" role="alert">
          {t('sso.joinFailed', { provider })}
        </p>
      )}
      {orPassword && <p className="sso-choice__or">{t('sso.or')}</p>}
    </div>
  );
}

/**
 * In the expired-session dialog: the provider's sign-in opens in a new tab (leaving this page
 * would lose its unsent edits); back here, 「続ける」 picks up the new session if it is the
 * same person's.
 */
export function SsoResume({ provider, startPath }: { provider: string; startPath: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<'notYet' | 'other' | null>(null);
  const resume = async () => {
    setProblem(null);
    try {
      const next = await getMe();
      if (next.user.id !== me.user.id) return setProblem('other');
      await refresh();
      void queryClient.invalidateQueries();
    } catch {
      setProblem('notYet');
    }
  };
  return (
    <div className="sso-join">
      <a className="button sso-button" href={startPath} target="_blank" rel="noopener" data-testid="sso-resume-sign-in">
        {t('sso.signInNewTab', { provider })}
      </a>
      <button type="button" className="button" onClick={resume} data-testid="sso-resume">
        {t('sso.resume')}
      </button>
      {problem && (
        <p className="form__error" role="alert">
          {t(problem === 'other' ? 'sso.resumeOther' : 'sso.resumeNotYet')}
        </p>
      )}
    </div>
  );
}
