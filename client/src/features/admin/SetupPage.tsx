import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { type MessageKey, useI18n } from '../../i18n';
import { completeSetup, getSetupStatus } from '../../lib/adminApi';
import { ApiError } from '../../lib/api';
import './admin.css';

/** The server's rule (auth/password.ts), checked here too so the person hears it before sending. */
const PASSWORD_MIN_LENGTH = 10;

const SetupForm = z.object({
  name: z.string().trim().min(1, 'setup.nameRequired').max(100),
  // The server's Email, with a message of ours (its own is English).
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'setup.emailInvalid' })),
  password: z.string().min(PASSWORD_MIN_LENGTH, 'setup.passwordShort').max(1024),
});
type SetupForm = z.infer<typeof SetupForm>;

/** The token of the link, from the fragment (`/setup#token=…`): browsers never send it to the server with the page. */
function tokenFromLocation(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
}

function failureKey(error: unknown): MessageKey {
  if (error instanceof ApiError) {
    if (error.code === 'setup_link_expired') return 'setup.linkExpired';
    if (error.code === 'already_set_up') return 'setup.done';
    if (error.code === 'email_taken') return 'setup.emailTaken';
    if (error.code === 'weak_password') return 'setup.passwordShort';
    if (error.code === 'common_password') return 'invite.error.commonPassword';
  }
  return 'setup.failed';
}

/** First run: the one-time link the server printed opens this page, which makes the first administrator. */
export function SetupPage() {
  const { t } = useI18n();
  const { recheck } = useSession();
  const id = useId();
  useDocumentTitle(t('setup.title'));
  const [token] = useState(tokenFromLocation);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const status = useQuery({ queryKey: ['setup-status'], queryFn: ({ signal }) => getSetupStatus(signal) });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SetupForm>({ resolver: zodResolver(SetupForm), defaultValues: { name: '', email: '', password: '' } });

  const submit = handleSubmit(async (form) => {
    if (!token) return;
    setFailure(null);
    try {
      await completeSetup({ token, ...form });
      // The answer set the session cookie: read the session again and go to the administration.
      navigate('/admin', { replace: true });
      recheck();
    } catch (error) {
      setFailure(failureKey(error));
    }
  });

  const notice = (key: MessageKey, withSignIn: boolean) => (
    <div className="setup__notice" data-testid="setup-notice">
      <p role="alert">{t(key)}</p>
      {withSignIn && (
        <Link to="/sign-in" className="button">
          {t('setup.toSignIn')}
        </Link>
      )}
    </div>
  );

  const field = (name: keyof SetupForm, label: MessageKey, input: { type: string; autoComplete: string }) => {
    const fieldId = `${id}-${name}`;
    const error = errors[name]?.message;
    return (
      <div className="form__field">
        <label htmlFor={fieldId}>{t(label)}</label>
        <input
          id={fieldId}
          {...input}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId}-error` : undefined}
          data-testid={`setup-${name}`}
          {...register(name)}
        />
        {error && (
          <p id={`${fieldId}-error`} className="form__error">
            {t(error as MessageKey)}
          </p>
        )}
      </div>
    );
  };

  let body;
  if (status.data?.needed === false) body = notice('setup.done', true);
  else if (!token) body = notice('setup.noToken', false);
  else if (status.isPending) body = <p className="page-status" role="status">{t('app.loading')}</p>;
  else {
    body = (
      <form className="form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
        {field('name', 'setup.name', { type: 'text', autoComplete: 'name' })}
        {field('email', 'setup.email', { type: 'email', autoComplete: 'username' })}
        {field('password', 'setup.password', { type: 'password', autoComplete: 'new-password' })}
        {failure && (
          <p className="form__error" role="alert" data-testid="setup-error">
            {t(failure)}
          </p>
        )}
        <button type="submit" className="button button--primary" aria-disabled={isSubmitting} data-testid="setup-submit">
          {t('setup.submit')}
        </button>
      </form>
    );
  }
  return (
    <section className="page page--narrow setup">
      <h1>{t('setup.title')}</h1>
      <p className="page__lead">{t('setup.lead')}</p>
      {body}
    </section>
  );
}
