import { zodResolver } from '@hookform/resolvers/zod';
import { SECRETARIAT_ROLES, type InvitationLinkResponse } from '@sakutei/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { createInvitation } from '../../lib/membersApi';
import { AttributeFields } from './AttributeFields';
import { membersErrorKey } from './errors';
import { FormActions, FormDialog } from '../../app/FormDialog';
import { LinkPanel } from './LinkPanel';
import { type AttributeValues, InviteForm, attributesOf } from './memberForms';
import type { UseFormRegister } from 'react-hook-form';

/** The invitation form, then the link it made (shown this once, to copy). */
export function InviteDialog({ workspaceId, onClose, onInvited }: { workspaceId: string; onClose: () => void; onInvited: () => void }) {
  const { t } = useI18n();
  const [result, setResult] = useState<InvitationLinkResponse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<InviteForm>({
    resolver: zodResolver(InviteForm),
    defaultValues: { email: '', role: 'member', affiliation: '', category: '', termFrom: '', termTo: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      setResult(await createInvitation(workspaceId, { email: values.email, role: values.role, ...attributesOf(values) }));
      onInvited();
    } catch (error) {
      setFailure(t(membersErrorKey(error, 'invitations.error.failed')));
    }
  });

  if (result) {
    return (
      <FormDialog title={t('invitations.link.title')} testId="invitation-link-dialog" onClose={onClose}>
        <div className="confirm-dialog__body">
          <p>{t('invitations.link.body', { email: result.invitation.email })}</p>
          <LinkPanel linkPath={result.linkPath} testId="invitation-link" />
          {result.mailed && <p>{t('invitations.link.mailed')}</p>}
          {result.replaced && <p className="members-note">{t('invitations.link.replaced')}</p>}
        </div>
        <div className="confirm-dialog__actions">
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('invitations.close')}
          </button>
        </div>
      </FormDialog>
    );
  }

  return (
    <FormDialog title={t('invitations.dialog.title')} testId="invite-dialog" onClose={onClose}>
      <form className="members-form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
        <p className="members-note">{t('invitations.dialog.lead')}</p>
        <div className="form__field">
          <label htmlFor="invite-email">{t('members.field.email')}</label>
          <input
            id="invite-email"
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? 'invite-email-error' : undefined}
            {...register('email')}
          />
          {errors.email && (
            <p id="invite-email-error" className="form__error">
              {t('members.error.email')}
            </p>
          )}
        </div>
        <div className="form__field">
          <label htmlFor="invite-role">{t('members.field.role')}</label>
          <select id="invite-role" className="members-select" {...register('role')}>
            {SECRETARIAT_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <AttributeFields idPrefix="invite" register={register as unknown as UseFormRegister<AttributeValues>} errors={errors} />
        <FormActions
          failure={failure}
          failureTestId="invite-error"
          cancelLabel={t('invitations.cancel')}
          submitLabel={t('invitations.create')}
          submitTestId="invite-submit"
          busy={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
