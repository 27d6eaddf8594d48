import { MEMBER_CATEGORIES } from '@sakutei/shared';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useI18n } from '../../i18n';
import type { AttributeValues } from './memberForms';

type Props = {
  idPrefix: string;
  // Both forms hold these four fields beside their own.
  register: UseFormRegister<AttributeValues>;
  errors: FieldErrors<AttributeValues>;
};

/** 所属・区分・任期, as the invitation and the edit dialogs ask for them. */
export function AttributeFields({ idPrefix, register, errors }: Props) {
  const { t } = useI18n();
  const id = (name: string) => `${idPrefix}-${name}`;
  const described = (name: string, has: boolean) => (has ? { 'aria-invalid': true as const, 'aria-describedby': `${id(name)}-error` } : {});
  return (
    <>
      <div className="form__field">
        <label htmlFor={id('affiliation')}>{t('members.field.affiliation')}</label>
        <input id={id('affiliation')} type="text" autoComplete="organization" {...described('affiliation', !!errors.affiliation)} {...register('affiliation')} />
        {errors.affiliation && (
          <p id={`${id('affiliation')}-error`} className="form__error">
            {t('members.error.affiliation')}
          </p>
        )}
      </div>
      <div className="form__field">
        <label htmlFor={id('category')}>{t('members.field.category')}</label>
        <select id={id('category')} className="members-select" {...register('category')}>
          <option value="">{t('members.category.none')}</option>
          {MEMBER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`members.category.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="members-term">
        <div className="form__field">
          <label htmlFor={id('termFrom')}>{t('members.field.termFrom')}</label>
          <input id={id('termFrom')} type="date" {...register('termFrom')} />
        </div>
        <div className="form__field">
          <label htmlFor={id('termTo')}>{t('members.field.termTo')}</label>
          <input id={id('termTo')} type="date" {...described('termTo', !!errors.termTo)} {...register('termTo')} />
        </div>
      </div>
      {errors.termTo && (
        <p id={`${id('termTo')}-error`} className="form__error">
          {t('members.error.term')}
        </p>
      )}
    </>
  );
}
