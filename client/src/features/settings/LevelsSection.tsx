import { NUMBERING_STYLES, SETTINGS_LIMITS, formatCounter, formatNumberLabel, numberingProblem } from '@sakutei/shared/measures';
import { useId, useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useFieldArray, useWatch } from 'react-hook-form';
import { type MessageKey, useI18n } from '../../i18n';
import { ErrorText, RowTools, type SectionProps } from './settingsFields';

/** `(1)、(2)、(3)`, `Ⅱ-1、Ⅱ-2、Ⅱ-3` under the 2nd parent: what a style prints, as a choice. */
function numberingOption(style: string, parentTemplate: string | null, t: (key: MessageKey) => string) {
  if (style === '') return t('settings.levels.unnumbered');
  const parent = parentTemplate === null ? '' : formatCounter(parentTemplate, 2) || '2';
  return [1, 2, 3].map((n) => formatNumberLabel(style, n, parent)).join('、');
}

export function LevelsSection({ control, register, errors, editable }: SectionProps) {
  const { t } = useI18n();
  const id = useId();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'levels' });
  const levels = useWatch({ control, name: 'levels' });
  const preview = useMemo(() => {
    let parent = '';
    return (levels ?? []).map((level) => {
      const sample = formatNumberLabel(level.numbering, 1, parent);
      parent = formatCounter(level.numbering, 1);
      return `${sample === '' ? '・' : sample} ${level.name}`;
    });
  }, [levels]);
  return (
    <fieldset className="settings__section" data-testid="settings-levels">
      <legend>{t('settings.levels.title')}</legend>
      <p className="settings__hint">{t('settings.levels.hint')}</p>
      <div className="settings__field">
        <label htmlFor={`${id}-scheme`}>{t('settings.levels.schemeName')}</label>
        <input id={`${id}-scheme`} className="settings__input" {...register('schemeName')} maxLength={SETTINGS_LIMITS.schemeName} aria-invalid={errors.schemeName ? true : undefined} aria-describedby={`${id}-scheme-error`} />
        <ErrorText id={`${id}-scheme-error`} message={errors.schemeName?.message} />
      </div>
      <ol className="settings__list">
        {fields.map((field, index) => {
          const parentTemplate = index === 0 ? null : (levels?.[index - 1]?.numbering ?? '{arabic}');
          const current = levels?.[index]?.numbering ?? '';
          const styles = NUMBERING_STYLES.filter((style) => index > 0 || numberingProblem(style, 0) === null) as readonly string[];
          const options = styles.includes(current) ? styles : [...styles, current];
          const label = t('settings.levels.depth', { n: String(index + 1) });
          return (
            <li key={field.id} className="settings__row" data-testid={`settings-level-${index}`}>
              <span className="settings__row-label">{label}</span>
              <div className="settings__field">
                <label htmlFor={`${id}-level-${index}`}>{t('settings.levels.name')}</label>
                <input
                  id={`${id}-level-${index}`}
                  className="settings__input"
                  {...register(`levels.${index}.name`)}
                  maxLength={SETTINGS_LIMITS.levelName}
                  aria-invalid={errors.levels?.[index]?.name ? true : undefined}
                  aria-describedby={`${id}-level-${index}-error`}
                  data-testid={`settings-level-name-${index}`}
                />
                <ErrorText id={`${id}-level-${index}-error`} message={errors.levels?.[index]?.name?.message} />
              </div>
              <div className="settings__field">
                <label htmlFor={`${id}-numbering-${index}`}>{t('settings.levels.numbering')}</label>
                <select id={`${id}-numbering-${index}`} className="settings__input" {...register(`levels.${index}.numbering`)} data-testid={`settings-level-numbering-${index}`} aria-describedby={`${id}-numbering-${index}-error`}>
                  {options.map((style) => (
                    <option key={style} value={style}>
                      {numberingOption(style, parentTemplate, t)}
                    </option>
                  ))}
                </select>
                <ErrorText id={`${id}-numbering-${index}-error`} message={errors.levels?.[index]?.numbering?.message} />
              </div>
              {editable && <RowTools index={index} count={fields.length} label={label} onMove={move} onRemove={() => remove(index)} removable={fields.length > 1} />}
            </li>
          );
        })}
      </ol>
      <ErrorText id={`${id}-levels-error`} message={errors.levels?.message ?? errors.levels?.root?.message} />
      {editable && fields.length < SETTINGS_LIMITS.levels && (
        <Button className="button" onPress={() => append({ name: t('settings.levels.newName', { n: String(fields.length + 1) }), numbering: '{arabic}' })}>
          {t('settings.levels.add')}
        </Button>
      )}
      <p className="settings__preview" data-testid="settings-levels-preview">
        {t('settings.levels.preview')} {preview.join(' › ')}
      </p>
      <div className="settings__field">
        <label htmlFor={`${id}-matrix`}>{t('settings.roleMatrixLevel')}</label>
        <select id={`${id}-matrix`} className="settings__input" {...register('roleMatrixLevel', { valueAsNumber: true })}>
          {(levels ?? []).map((level, index) => (
            <option key={index} value={index}>
              {level.name}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
