import { zodResolver } from '@hookform/resolvers/zod';
import { SignInRequest } from '@sakutei/shared';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useI18n, type Translate } from '../i18n';
import { ApiError } from '../lib/api';

/** What to tell the user when sign-in fails, in their language (the server's sentences are English). */
function signInErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('signIn.invalidCredentials');
    if (error.status === 429) return t('signIn.rateLimited');
    if (error.code === 'account_deactivated') return t('signIn.deactivated');
    if (error.code === 'password_login_disabled') return t('sso.passwordLoginOff');
  }
  return t('signIn.failed');
}

interface Props {
  /** The session's sign-in; on success the session changes and the page around the form reacts by itself. */
  signIn(email: string, password: string): Promise<void>;
  /** Prefixes the fields' ids, so two forms on one page do not share them. */
  idPrefix?: string;
  initialEmail?: string;
  /** The email is known (the session expired): the password is what the person has to type. */
  focusPassword?: boolean;
  submitLabel: string;
  errorTestId: string;
  className?: string;
  /** Lays out the submit button and `children`; without it the button stands alone in the form's grid. */
  actionsClassName?: string;
  /** More actions beside the submit button (sign out instead, say). */
  children?: ReactNode;
}

/**
 * Email and password, checked by the same zod schema the server checks them with
 * (react-hook-form), then handed to the session's sign-in.
 */
export function SignInForm(props: Props) {
  const { signIn, idPrefix = '', initialEmail = '', focusPassword = false, submitLabel, errorTestId, className, actionsClassName, children } = props;
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInRequest>({ resolver: zodResolver(SignInRequest), defaultValues: { email: initialEmail, password: '' } });

  const submit = handleSubmit(async ({ email, password }) => {
    setFailure(null);
    try {
      await signIn(email, password);
    } catch (error) {
      setFailure(signInErrorMessage(error, t));
    }
  });

  const emailId = `${idPrefix}email`;
  const passwordId = `${idPrefix}password`;
  const fieldError = (id: string, text: string | null) =>
    text && (
      <p id={`${id}-error`} className="form__error">
        {text}
      </p>
    );
  // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
  const submitButton = (
    <button type="submit" className="button button--primary" aria-disabled={isSubmitting}>
      {submitLabel}
    </button>
  );
  return (
    <form className={className ?? 'form'} onSubmit={submit} aria-busy={isSubmitting} noValidate>
      <div className="form__field">
        <label htmlFor={emailId}>{t('signIn.email')}</label>
        <input
          id={emailId}
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? `${emailId}-error` : undefined}
          {...register('email')}
        />
        {fieldError(emailId, errors.email ? t('signIn.emailRequired') : null)}
      </div>
      <div className="form__field">
        <label htmlFor={passwordId}>{t('signIn.password')}</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          required
          autoFocus={focusPassword}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? `${passwordId}-error` : undefined}
          {...register('password')}
        />
        {fieldError(passwordId, errors.password ? t('signIn.passwordRequired') : null)}
      </div>
      {failure !== null && (
        <p className="form__error" role="alert" data-testid={errorTestId}>
          {failure}
        </p>
      )}
      {actionsClassName ? (
        <div className={actionsClassName}>
          {submitButton}
          {children}
        </div>
      ) : (
        submitButton
      )}
    </form>
  );
}
