import { zodResolver } from '@hookform/resolvers/zod';
import { ChangeEmailRequest, ChangePasswordRequest, UpdateProfileRequest } from '@sakutei/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from '../../app/router';
import { useMe, useSession } from '../../app/session';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { type MessageKey, useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { changeEmail, changePassword, updateProfile } from '../../lib/membersApi';
import './account.css';

function accountErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiError) {
    if (error.code === 'wrong_password') return 'account.error.wrongPassword';
    if (error.code === 'weak_password') return 'invite.error.weakPassword';
    if (error.code === 'common_password') return 'invite.error.commonPassword';
    if (error.code === 'email_taken') return 'account.email.taken';
    if (error.code === 'rate_limited') return 'invite.error.rateLimited';
  }
  return 'account.error.failed';
}

type Outcome = { ok: MessageKey } | { error: MessageKey } | null;

function OutcomeLine({ outcome, testId }: { outcome: Outcome; testId: string }) {
  const { t } = useI18n();
  if (!outcome) return null;
  return 'ok' in outcome ? (
    <p className="form__success" role="status" data-testid={testId}>
      {t(outcome.ok)}
    </p>
  ) : (
    <p className="form__error" role="alert" data-testid={testId}>
      {t(outcome.error)}
    </p>
  );
}

function NameForm() {
  const { t } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { register, handleSubmit, formState } = useForm<UpdateProfileRequest>({
    resolver: zodResolver(UpdateProfileRequest),
    defaultValues: { name: me.user.name },
  });
  const submit = handleSubmit(async ({ name }) => {
    try {
      await updateProfile(name);
      await refresh();
      setOutcome({ ok: 'account.name.saved' });
    } catch (error) {
      setOutcome({ error: accountErrorKey(error) });
    }
  });
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="account-name-heading">
      <h2 id="account-name-heading">{t('account.name.title')}</h2>
      <div className="form__field">
        <label htmlFor="account-name">{t('account.name.label')}</label>
        <input id="account-name" type="text" autoComplete="name" aria-invalid={formState.errors.name ? true : undefined} {...register('name')} />
        {formState.errors.name && <p className="form__error">{t('account.error.required')}</p>}
      </div>
      <OutcomeLine outcome={outcome} testId="account-name-outcome" />
      <button type="submit" className="button button--primary" aria-disabled={formState.isSubmitting}>
        {t('account.name.submit')}
      </button>
    </form>
  );
}

function EmailForm() {
  const { t } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { register, handleSubmit, formState, reset } = useForm<ChangeEmailRequest>({
    resolver: zodResolver(ChangeEmailRequest),
    defaultValues: { email: '', currentPassword: '' },
  });
  const submit = handleSubmit(async ({ email, currentPassword }) => {
    try {
      await changeEmail(currentPassword, email);
      await refresh();
      reset();
      setOutcome({ ok: 'account.email.saved' });
    } catch (error) {
      setOutcome({ error: accountErrorKey(error) });
    }
  });
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="account-email-heading">
      <h2 id="account-email-heading">{t('account.email.title')}</h2>
      <p className="account-note">{t('account.email.current', { email: me.user.email })}</p>
      <div className="form__field">
        <label htmlFor="account-email">{t('account.email.label')}</label>
        <input id="account-email" type="email" inputMode="email" autoComplete="email" spellCheck={false} aria-invalid={formState.errors.email ? true : undefined} {...register('email')} />
        {formState.errors.email && <p className="form__error">{t('members.error.email')}</p>}
      </div>
      <div className="form__field">
        <label htmlFor="account-email-password">{t('account.password.current')}</label>
        <input id="account-email-password" type="password" autoComplete="current-password" {...register('currentPassword')} />
        {formState.errors.currentPassword && <p className="form__error">{t('account.error.required')}</p>}
      </div>
      <OutcomeLine outcome={outcome} testId="account-email-outcome" />
      <button type="submit" className="button button--primary" aria-disabled={formState.isSubmitting}>
        {t('account.email.submit')}
      </button>
    </form>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const me = useMe();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { register, handleSubmit, formState, reset } = useForm<ChangePasswordRequest>({
    resolver: zodResolver(ChangePasswordRequest),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const submit = handleSubmit(async ({ currentPassword, newPassword }) => {
    if (newPassword.length < 10) return setOutcome({ error: 'invite.error.weakPassword' });
    try {
      await changePassword(currentPassword, newPassword);
      reset();
      setOutcome({ ok: 'account.password.saved' });
    } catch (error) {
      setOutcome({ error: accountErrorKey(error) });
    }
  });
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="account-password-heading">
      <h2 id="account-password-heading">{t('account.password.title')}</h2>
      <input type="email" autoComplete="username" value={me.user.email} readOnly hidden />
      <div className="form__field">
        <label htmlFor="account-current-password">{t('account.password.current')}</label>
        <input id="account-current-password" type="password" autoComplete="current-password" {...register('currentPassword')} />
        {formState.errors.currentPassword && <p className="form__error">{t('account.error.required')}</p>}
      </div>
      <div className="form__field">
        <label htmlFor="account-new-password">{t('account.password.new')}</label>
        <input id="account-new-password" type="password" autoComplete="new-password" {...register('newPassword')} />
        {formState.errors.newPassword && <p className="form__error">{t('account.error.required')}</p>}
      </div>
      <OutcomeLine outcome={outcome} testId="account-password-outcome" />
      <button type="submit" className="button button--primary" aria-disabled={formState.isSubmitting}>
        {t('account.password.submit')}
      </button>
    </form>
  );
}

/** The signed-in person's own account: name, address, password, and the councils they are on. */
export function AccountPage() {
  const { t } = useI18n();
  const me = useMe();
  useDocumentTitle(t('account.title'));
  return (
    <section className="page page--narrow account-page" data-testid="account-page">
      <h1>{t('account.title')}</h1>
      <p className="page__lead">{t('account.lead')}</p>
      <section className="account-section" aria-labelledby="account-councils-heading">
        <h2 id="account-councils-heading">{t('account.councils')}</h2>
        {me.memberships.length === 0 ? (
          <p className="account-note">{t('account.councils.none')}</p>
        ) : (
          <ul className="account-councils">
            {me.memberships.map((m) => (
              <li key={m.workspaceId}>
                {m.workspaceName}（{t(`role.${m.role}`)}）{' '}
                <Link to={`/councils/${encodeURIComponent(m.workspaceId)}/members`} data-testid="account-members-link">
                  {t('account.membersLink')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="account-section">
        <NameForm />
      </div>
      <div className="account-section">
        <EmailForm />
      </div>
      <div className="account-section">
        <PasswordForm />
      </div>
    </section>
  );
}
