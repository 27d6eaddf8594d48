import { GRADE_TONES, KPI_DIRECTIONS, SETTINGS_LIMITS } from '@sakutei/shared/measures';
import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { CONDITION_KINDS, conditionTakesPercent } from './settingsForm';
import { ErrorText, RowTools, type SectionProps } from './settingsFields';

export function GradesSection({ control, register, errors, editable }: SectionProps) {
  const { t } = useI18n();
  const id = useId();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'gradeRules' });
  const rules = useWatch({ control, name: 'gradeRules' }) ?? [];
  return (
    <fieldset className="settings__section" data-testid="settings-grades">
      <legend>{t('settings.grades.title')}</legend>
      <p className="settings__hint">{t('settings.grades.hint')}</p>
      <ol className="settings__list">
        {fields.map((field, index) => {
          const rule = rules[index];
          const label = t('settings.grades.rule', { grade: rule?.grade ?? '' });
          const e = errors.gradeRules?.[index];
          return (
            <li key={field.id} className="settings__row settings__row--grade" data-testid={`settings-grade-${index}`}>
              <span className={`measures-grade measures-grade--tone-${rule?.tone ?? 'grey'} settings__swatch`} aria-hidden="true">
                {rule?.grade || '—'}
              </span>
              <div className="settings__field settings__field--short">
                <label htmlFor={`${id}-grade-${index}`}>{t('settings.grades.grade')}</label>
                <input id={`${id}-grade-${index}`} className="settings__input" {...register(`gradeRules.${index}.grade`)} maxLength={SETTINGS_LIMITS.grade} aria-describedby={`${id}-grade-${index}-error`} aria-invalid={e?.grade ? true : undefined} />
                <ErrorText id={`${id}-grade-${index}-error`} message={e?.grade?.message} />
              </div>
              <div className="settings__field">
                <label htmlFor={`${id}-label-${index}`}>{t('settings.grades.label')}</label>
                <input id={`${id}-label-${index}`} className="settings__input" {...register(`gradeRules.${index}.label`)} maxLength={SETTINGS_LIMITS.gradeLabel} />
              </div>
              <div className="settings__field">
                <label htmlFor={`${id}-kind-${index}`}>{t('settings.grades.condition')}</label>
                <select id={`${id}-kind-${index}`} className="settings__input" {...register(`gradeRules.${index}.kind`)} aria-describedby={`${id}-kind-${index}-error`}>
                  {CONDITION_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`settings.grades.kind.${kind}`)}
                    </option>
                  ))}
                </select>
                <ErrorText id={`${id}-kind-${index}-error`} message={e?.kind?.message} />
              </div>
              {rule && conditionTakesPercent(rule.kind) && (
                <div className="settings__field settings__field--short">
                  <label htmlFor={`${id}-percent-${index}`}>{t('settings.grades.percent')}</label>
                  <input
                    id={`${id}-percent-${index}`}
                    className="settings__input"
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={1000}
                    {...register(`gradeRules.${index}.percent`, { valueAsNumber: true })}
                    aria-describedby={`${id}-percent-${index}-error`}
                    aria-invalid={e?.percent ? true : undefined}
                    data-testid={`settings-grade-percent-${index}`}
                  />
                  <ErrorText id={`${id}-percent-${index}-error`} message={e?.percent?.message} />
                </div>
              )}
              <div className="settings__field">
                <label htmlFor={`${id}-tone-${index}`}>{t('settings.grades.tone')}</label>
                <select id={`${id}-tone-${index}`} className="settings__input" {...register(`gradeRules.${index}.tone`)}>
                  {GRADE_TONES.map((tone) => (
                    <option key={tone} value={tone}>
                      {t(`settings.grades.tone.${tone}`)}
                    </option>
                  ))}
                </select>
              </div>
              {editable && <RowTools index={index} count={fields.length} label={label} onMove={move} onRemove={() => remove(index)} removable={fields.length > 1} />}
            </li>
          );
        })}
      </ol>
      <ErrorText id={`${id}-rules-error`} message={errors.gradeRules?.message ?? errors.gradeRules?.root?.message} />
      {editable && fields.length < SETTINGS_LIMITS.gradeRules && (
        <Button className="button" onPress={() => append({ grade: '', label: '', kind: 'always', percent: 0, tone: 'grey' })}>
          {t('settings.grades.add')}
        </Button>
      )}
      <div className="settings__field">
        <label htmlFor={`${id}-direction`}>{t('settings.kpiDirection')}</label>
        <select id={`${id}-direction`} className="settings__input" {...register('kpiDirection')} data-testid="settings-kpi-direction">
          {KPI_DIRECTIONS.map((direction) => (
            <option key={direction} value={direction}>
              {t(`settings.direction.${direction}`)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
