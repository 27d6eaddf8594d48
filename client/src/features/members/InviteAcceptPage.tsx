import type { InvitationPreview } from '@sakutei/shared';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { SsoJoinButton } from '../../app/SsoButton';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { type MessageKey, useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { useAuthMethods } from '../../lib/authMethodsApi';
import { acceptInvitation, previewInvitation, tokenFromFragment } from '../../lib/membersApi';
import { dayText } from './memberText';
import './members.css';

/** The sentence for a refused invitation link, by the server's code. */
function inviteErrorKey(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'invite.error.failed';
  const byCode: Record<string, MessageKey> = {
    invitation_not_found: 'invite.error.notFound',
    invitation_expired: 'invite.error.expired',
    invitation_revoked: 'invite.error.revoked',
    invitation_used: 'invite.error.used',
    council_archived: 'invite.error.archived',
    wrong_password: 'invite.error.wrongPassword',
    weak_password: 'invite.error.weakPassword',
    common_password: 'invite.error.commonPassword',
    name_required: 'invite.error.name',
    rate_limited: 'invite.error.rateLimited',
    invalid_request: 'invite.error.notFound',
  };
  return byCode[error.code] ?? 'invite.error.failed';
}

type Form = { name: string; password: string };

/**
 * Opened from an invitation link (`/invite#token=…`). The token is in the fragment, which the
 * browser never sends, so it reaches no server log; the page reads it and POSTs it.
 */
export function InviteAcceptPage() {
  const { t, locale } = useI18n();
  const { state, refresh } = useSession();
  useDocumentTitle(t('invite.title'));
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [fatal, setFatal] = useState<MessageKey | null>(token ? null : 'invite.error.missing');
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const { register, handleSubmit, formState } = useForm<Form>({ defaultValues: { name: '', password: '' } });
  const signedInEmail = state.status === 'signedIn' ? state.me.user.email : null;
  const methods = useAuthMethods();
  const sso = methods.data?.sso ?? null;
  const passwordLogin = methods.data?.password ?? true;

  useEffect(() => {
    if (!token) return;
    previewInvitation(token).then(setPreview, (error: unknown) => setFatal(inviteErrorKey(error)));
  }, [token, signedInEmail]);

  const submit = handleSubmit(async ({ name, password }) => {
    if (!token || !preview) return;
    setFailure(null);
    if (!preview.signedInAsInvitee && !preview.accountExists && name.trim() === '') return setFailure('invite.error.name');
    if (!preview.signedInAsInvitee && password.length < (preview.accountExists ? 1 : 10)) {
      return setFailure(preview.accountExists ? 'invite.error.wrongPassword' : 'invite.error.weakPassword');
    }
    try {
      await acceptInvitation({
        token,
        ...(preview.signedInAsInvitee ? {} : { password }),
        ...(preview.signedInAsInvitee || preview.accountExists ? {} : { name: name.trim() }),
      });
      await refresh();
      navigate('/plans', { replace: true });
    } catch (error) {
      const key = inviteErrorKey(error);
      if (['invite.error.used', 'invite.error.expired', 'invite.error.revoked', 'invite.error.notFound'].includes(key)) setFatal(key);
      else setFailure(key);
    }
  });

  const otherAccount = signedInEmail !== null && preview !== null && !preview.signedInAsInvitee;
  return (
    <section className="page page--narrow invite-page" data-testid="invite-page">
      <h1>{t('invite.title')}</h1>
      {fatal ? (
        <>
          <p className="form__error" role="alert" data-testid="invite-fatal">
            {t(fatal)}
          </p>
          <p>
            <Link to={signedInEmail ? '/plans' : '/sign-in'}>{signedInEmail ? t('invite.toPlans') : t('invite.signIn')}</Link>
          </p>
        </>
      ) : !preview ? (
        <p className="page-status" role="status">
          {t('invite.loading')}
        </p>
      ) : (
        <>
          <p className="page__lead" data-testid="invite-lead">
            {t('invite.lead', { council: preview.workspaceName, role: t(`role.${preview.role}`) })}
          </p>
          <ul className="invite-facts">
            <li>{t('invite.email', { email: preview.email })}</li>
            <li>{t('invite.expires', { date: dayText(preview.expiresAt.slice(0, 10), locale) })}</li>
          </ul>
          {otherAccount ? (
            <p className="form__error" role="alert" data-testid="invite-other-account">
              {t('invite.error.signedInAsOther', { email: preview.email })}
            </p>
          ) : (
            <>
              {sso && !preview.signedInAsInvitee && token && (
                <SsoJoinButton
                  provider={sso.name}
                  token={token}
                  primary={!passwordLogin}
                  accountExists={preview.accountExists}
                  orPassword={passwordLogin}
                />
              )}
              {(passwordLogin || preview.signedInAsInvitee) && (
                <form className="form" onSubmit={submit} noValidate aria-busy={formState.isSubmitting}>
                  <p className="members-note">
                    {preview.signedInAsInvitee ? t('invite.signedIn.lead') : preview.accountExists ? t('invite.existing.lead') : t('invite.new.lead')}
                  </p>
                  {!preview.signedInAsInvitee && !preview.accountExists && (
                    <div className="form__field">
                      <label htmlFor="invite-name">{t('invite.name')}</label>
                      <input id="invite-name" type="text" autoComplete="name" autoFocus {...register('name')} />
                    </div>
                  )}
                  {!preview.signedInAsInvitee && (
                    <div className="form__field">
                      <label htmlFor="invite-password">{preview.accountExists ? t('invite.existing.password') : t('invite.password')}</label>
                      <input
                        id="invite-password"
                        type="password"
                        autoComplete={preview.accountExists ? 'current-password' : 'new-password'}
                        autoFocus={preview.accountExists}
                        {...register('password')}
                      />
                    </div>
                  )}
                  {/* The address, for password managers to file the new password under. */}
                  <input type="email" autoComplete="username" value={preview.email} readOnly hidden />
                  {failure && (
                    <p className="form__error" role="alert" data-testid="invite-error">
                      {t(failure)}
                    </p>
                  )}
                  <button type="submit" className="button button--primary" aria-disabled={formState.isSubmitting} data-testid="invite-accept">
                    {t('invite.accept')}
                  </button>
                </form>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
