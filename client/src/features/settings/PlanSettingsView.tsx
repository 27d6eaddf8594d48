import { zodResolver } from '@hookform/resolvers/zod';
import { can, formatFiscalYearIn } from '@sakutei/shared';
import {
  GRADE_TONES,
  KPI_DIRECTIONS,
  NUMBERING_STYLES,
  SETTINGS_LIMITS,
  formatCounter,
  formatNumberLabel,
  numberingProblem,
  planSettingsOf,
  type PlanSettings,
  type PlanSettingsField,
  type PlanSettingsPatch,
} from '@sakutei/shared/measures';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useFieldArray, useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { type MessageKey, useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { changePlanSettings } from '../../lib/settingsApi';
import type { PlanViewProps } from '../plan/planView';
import { useMeasureTable } from '../plan/useMeasureTable';
import { CONDITION_KINDS, SettingsForm, conditionTakesPercent, followingSchemeName, fromForm, levelNamesInRow, patchBetween, toForm } from './settingsForm';
import './settings.css';

type Saved = { changed: PlanSettingsField[]; undo: PlanSettingsPatch; undone: boolean };

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <span id={id} className="settings__error">
      {t(message as MessageKey)}
    </span>
  );
}

/** ↑ ↓ 削除 for one row of a list; React Aria buttons (keyboard and screen-reader friendly). */
function RowTools({ index, count, label, onMove, onRemove, removable = true }: { index: number; count: number; label: string; onMove: (from: number, to: number) => void; onRemove: () => void; removable?: boolean }) {
  const { t } = useI18n();
  return (
    <span className="settings__row-tools">
      <Button className="button button--quiet" isDisabled={index === 0} aria-label={t('settings.moveUp', { item: label })} onPress={() => onMove(index, index - 1)}>
        ↑
      </Button>
      <Button className="button button--quiet" isDisabled={index === count - 1} aria-label={t('settings.moveDown', { item: label })} onPress={() => onMove(index, index + 1)}>
        ↓
      </Button>
      <Button className="button button--quiet" isDisabled={!removable} aria-label={t('settings.remove', { item: label })} onPress={onRemove}>
        {t('settings.removeShort')}
      </Button>
    </span>
  );
}

/** `(1)、(2)、(3)`, `Ⅱ-1、Ⅱ-2、Ⅱ-3` under the 2nd parent: what a style prints, as a choice. */
function numberingOption(style: string, parentTemplate: string | null, t: (key: MessageKey) => string) {
  if (style === '') return t('settings.levels.unnumbered');
  const parent = parentTemplate === null ? '' : formatCounter(parentTemplate, 2) || '2';
  return [1, 2, 3].map((n) => formatNumberLabel(style, n, parent)).join('、');
}

function LevelsSection({ control, register, errors, editable }: SectionProps) {
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

function YearsSection({ control, register, errors, editable }: SectionProps) {
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

function GradesSection({ control, register, errors, editable }: SectionProps) {
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

function ActorsSection({ control, register, errors, editable }: SectionProps) {
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

type SectionProps = { control: Control<SettingsForm>; register: UseFormRegister<SettingsForm>; errors: FieldErrors<SettingsForm>; editable: boolean };

/**
 * 計画の設定: the plan's levels and numbering, year columns, grade rules and actors. They live
 * in the plan's document; staff (who cannot edit the content) and the chair change them
 * through the server, which writes them into the live document, so every open view
 * re-labels at once. Everyone else who opens the draft sees them read-only.
 */
export function PlanSettingsView({ planId, session, role }: PlanViewProps) {
  const { t } = useI18n();
  const headingId = useId();
  const { table } = useMeasureTable(session.ydoc);
  const current = useMemo(() => planSettingsOf(table), [table]);
  const currentKey = JSON.stringify(current);
  const editable = can(role, 'plan.manage');
  const [saved, setSaved] = useState<Saved | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [nothing, setNothing] = useState(false);
  const [pending, setPending] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const {
    control,
    register,
    handleSubmit,
    reset,
    getValues,
    setValue,
    formState: { errors, isDirty },
  } = useForm<SettingsForm>({ resolver: zodResolver(SettingsForm), defaultValues: toForm(current) });

  // Renaming a level renames a scheme that is only its levels' names in a row.
  const levelNames = levelNamesInRow(useWatch({ control, name: 'levels' }) ?? []);
  const levelNamesBefore = useRef(levelNames);
  useEffect(() => {
    const schemeName = getValues('schemeName');
    const next = followingSchemeName(schemeName, levelNamesBefore.current, levelNames);
    if (next !== schemeName) setValue('schemeName', next, { shouldDirty: true });
    levelNamesBefore.current = levelNames;
  }, [levelNames, getValues, setValue]);

  // Someone else changed the settings: show them, unless this person is in the middle of a change.
  useEffect(() => {
    if (!isDirty) reset(toForm(JSON.parse(currentKey) as PlanSettings));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentKey]);

  async function send(patch: PlanSettingsPatch): Promise<PlanSettingsField[] | null> {
    setPending(true);
    setRefusal(null);
    setNothing(false);
    try {
      const result = await changePlanSettings(planId, patch);
      reset(toForm(result.settings));
      return result.changed as PlanSettingsField[];
    } catch (error) {
      setRefusal(error instanceof ApiError && error.status === 400 ? error.message : t('settings.saveFailed'));
      return null;
    } finally {
      setPending(false);
    }
  }

  const submit = handleSubmit(async (form) => {
    const before = current;
    const patch = patchBetween(before, fromForm(form));
    if (!patch) {
      setNothing(true);
      return;
    }
    const changed = await send(patch);
    if (changed) {
      const undo = Object.fromEntries(changed.map((field) => [field, before[field]])) as PlanSettingsPatch;
      setSaved({ changed, undo, undone: false });
    }
    statusRef.current?.focus();
  });

  async function undo() {
    if (!saved) return;
    const changed = await send(saved.undo);
    if (changed) setSaved({ ...saved, undone: true });
    statusRef.current?.focus();
  }

  return (
    <section className="settings" aria-labelledby={headingId} data-testid="plan-settings">
      <h2 id={headingId} className="settings__title">
        {t('settings.title')}
      </h2>
      <p className="settings__lead">{editable ? t('settings.lead') : t('settings.readOnly')}</p>
      <form onSubmit={submit} noValidate aria-busy={pending}>
        <fieldset disabled={!editable} className="settings__all">
          <LevelsSection control={control} register={register} errors={errors} editable={editable} />
          <YearsSection control={control} register={register} errors={errors} editable={editable} />
          <GradesSection control={control} register={register} errors={errors} editable={editable} />
          <ActorsSection control={control} register={register} errors={errors} editable={editable} />
        </fieldset>
        {editable && (
          <div className="settings__footer">
            <button type="submit" className="button button--primary" aria-disabled={pending} data-testid="settings-save">
              {t('settings.save')}
            </button>
            <button type="button" className="button" disabled={!isDirty || pending} onClick={() => reset(toForm(current))}>
              {t('settings.discard')}
            </button>
            <div ref={statusRef} tabIndex={-1} className="settings__status" role="status" data-testid="settings-status">
              {Object.keys(errors).length > 0 && <span className="settings__error">{t('settings.fixErrors')}</span>}
              {nothing && t('settings.nothingChanged')}
              {saved && !refusal && Object.keys(errors).length === 0 && !nothing && (
                <>
                  {saved.undone ? t('settings.undone') : t('settings.saved', { fields: saved.changed.map((field) => t(`settings.field.${field}`)).join('・') })}{' '}
                  {!saved.undone && (
                    <button type="button" className="button button--quiet" onClick={() => void undo()} data-testid="settings-undo">
                      {t('settings.undo')}
                    </button>
                  )}
                </>
              )}
            </div>
          </div>
        )}
        {refusal && (
          <p className="form__error" role="alert" data-testid="settings-refused">
            {t('settings.refused')} <span lang="en">{refusal}</span>
          </p>
        )}
      </form>
    </section>
  );
}
