import { zodResolver } from '@hookform/resolvers/zod';
import { SECRETARIAT_ROLES, type Member, isSecretariatRole } from '@sakutei/shared';
import { useState } from 'react';
import { useForm, type UseFormRegister } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { setMemberAttributes, setMemberRole } from '../../lib/membersApi';
import { AttributeFields } from './AttributeFields';
import { membersErrorKey } from './errors';
import { FormActions, FormDialog } from '../../app/FormDialog';
import { type AttributeValues, EditMemberForm, attributeValues, attributesOf } from './memberForms';

type Props = { workspaceId: string; member: Member; isSelf: boolean; onClose: () => void; onSaved: (name: string) => void };

/**
 * A member's role and attributes. The role is fixed for the chair and the vice chair (the
 * administrators appoint them) and for oneself (the secretariat cannot lock itself out).
 */
export function EditMemberDialog({ workspaceId, member, isSelf, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const roleLocked = isSelf || !isSecretariatRole(member.role);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<EditMemberForm>({
    resolver: zodResolver(EditMemberForm),
    defaultValues: { ...(roleLocked ? {} : { role: member.role }), ...attributeValues(member) },
  });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      if (!roleLocked && values.role && values.role !== member.role && isSecretariatRole(values.role)) await setMemberRole(workspaceId, member.userId, values.role);
      await setMemberAttributes(workspaceId, member.userId, attributesOf(values));
      onSaved(member.name);
    } catch (error) {
      setFailure(t(membersErrorKey(error, 'members.saveFailed')));
    }
  });

  return (
    <FormDialog title={t('members.edit.title', { name: member.name })} testId="member-edit-dialog" onClose={onClose}>
      <form className="members-form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
        {roleLocked ? (
          <div className="form__field">
            <span className="members-label">{t('members.field.role')}</span>
            <p className="members-static" data-testid="member-role-fixed">
              {t(`role.${member.role}`)}
            </p>
            {!isSelf && <p className="members-note">{t('members.edit.roleLocked')}</p>}
          </div>
        ) : (
          <div className="form__field">
            <label htmlFor="member-role">{t('members.field.role')}</label>
            <select id="member-role" className="members-select" autoFocus {...register('role')}>
              {SECRETARIAT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <AttributeFields idPrefix="member" register={register as unknown as UseFormRegister<AttributeValues>} errors={errors} />
        <FormActions
          failure={failure}
          cancelLabel={t('invitations.cancel')}
          submitLabel={t('members.save')}
          submitTestId="member-edit-save"
          busy={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
