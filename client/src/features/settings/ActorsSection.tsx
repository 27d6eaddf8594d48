import { SETTINGS_LIMITS } from '@sakutei/shared/measures';
import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useFieldArray } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { ErrorText, RowTools, type SectionProps } from './settingsFields';

export function ActorsSection({ control, register, errors, editable }: SectionProps) {
  const { t } = useI18n();
  const id = useId();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'actors' });
  return (
    <fieldset className="settings__section" data-testid="settings-actors">
      <legend>{t('settings.actors.title')}</legend>
      <p className="settings__hint">{t('settings.actors.hint')}</p>
      <ol className="settings__list">
        {fields.map((field, index) => {
          const label = t('settings.actors.nth', { n: String(index + 1) });
          return (
            <li key={field.id} className="settings__row">
              <div className="settings__field">
                <label htmlFor={`${id}-actor-${index}`}>{label}</label>
                <input id={`${id}-actor-${index}`} className="settings__input" {...register(`actors.${index}.name`)} maxLength={SETTINGS_LIMITS.actorName} aria-describedby={`${id}-actor-${index}-error`} aria-invalid={errors.actors?.[index]?.name ? true : undefined} />
                <ErrorText id={`${id}-actor-${index}-error`} message={errors.actors?.[index]?.name?.message} />
              </div>
              {editable && <RowTools index={index} count={fields.length} label={label} onMove={move} onRemove={() => remove(index)} />}
            </li>
          );
        })}
      </ol>
      {editable && fields.length < SETTINGS_LIMITS.actors && (
        <Button className="button" onPress={() => append({ id: null, name: '' })}>
          {t('settings.actors.add')}
        </Button>
      )}
    </fieldset>
  );
}
