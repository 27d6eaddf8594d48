import { formatFiscalYearIn } from '@sakutei/shared';
import { SETTINGS_LIMITS } from '@sakutei/shared/measures';
import { useId } from 'react';
import { Button } from 'react-aria-components';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { ErrorText, type SectionProps } from './settingsFields';

export function YearsSection({ control, register, errors, editable }: SectionProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const { fields, append, prepend, remove } = useFieldArray({ control, name: 'actualYears' });
  const years = (useWatch({ control, name: 'actualYears' }) ?? []).map((entry) => entry.year);
  // 令和7年度 in Japanese; FY2025 in English, as the plan list writes periods.
  const label = (year: number) => (locale === 'ja' ? formatFiscalYearIn(year, 'wareki') : `FY${year}`);
  const first = years[0] ?? new Date().getFullYear();
  const last = years.at(-1) ?? first - 1;
  const baselineChoices = Array.from({ length: last - first + 11 }, (_, i) => first - 10 + i);
  return (
    <fieldset className="settings__section" data-testid="settings-years">
      <legend>{t('settings.years.title')}</legend>
      <p className="settings__hint">{t('settings.years.hint')}</p>
      <ol className="settings__chips" aria-label={t('settings.years.columns')}>
        {fields.map((field, index) => (
          <li key={field.id} className="settings__chip" data-testid={`settings-year-${years[index]}`}>
            <span>{label(years[index] ?? 0)}</span>
            {editable && (
              <Button className="button button--quiet" isDisabled={fields.length === 1} aria-label={t('settings.remove', { item: label(years[index] ?? 0) })} onPress={() => remove(index)}>
                ×
              </Button>
            )}
            <ErrorText id={`${id}-year-${index}`} message={errors.actualYears?.[index]?.year?.message} />
          </li>
        ))}
      </ol>
      <ErrorText id={`${id}-years-error`} message={errors.actualYears?.message ?? errors.actualYears?.root?.message} />
      {editable && fields.length < SETTINGS_LIMITS.years && (
        <div className="settings__actions">
          <Button className="button" onPress={() => prepend({ year: first - 1 })} data-testid="settings-year-add-before">
            {t('settings.years.addBefore', { year: label(first - 1) })}
          </Button>
          <Button className="button" onPress={() => append({ year: last + 1 })} data-testid="settings-year-add-after">
            {t('settings.years.addAfter', { year: label(last + 1) })}
          </Button>
        </div>
      )}
      <div className="settings__grid">
        <div className="settings__field">
          <label htmlFor={`${id}-baseline`}>{t('settings.years.baseline')}</label>
          <select id={`${id}-baseline`} className="settings__input" {...register('baselineYear')} aria-describedby={`${id}-baseline-error`} data-testid="settings-baseline-year">
            <option value="">{t('settings.years.none')}</option>
            {baselineChoices.map((year) => (
              <option key={year} value={String(year)}>
                {label(year)}
              </option>
            ))}
          </select>
          <ErrorText id={`${id}-baseline-error`} message={errors.baselineYear?.message} />
        </div>
        <div className="settings__field">
          <label htmlFor={`${id}-target`}>{t('settings.years.target')}</label>
          <select id={`${id}-target`} className="settings__input" {...register('targetYear')} aria-describedby={`${id}-target-error`} data-testid="settings-target-year">
            <option value="">{t('settings.years.none')}</option>
            {years.map((year) => (
              <option key={year} value={String(year)}>
                {label(year)}
              </option>
            ))}
          </select>
          <ErrorText id={`${id}-target-error`} message={errors.targetYear?.message} />
        </div>
      </div>
    </fieldset>
  );
}
