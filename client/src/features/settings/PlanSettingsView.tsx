import { zodResolver } from '@hookform/resolvers/zod';
import { can } from '@sakutei/shared';
import { planSettingsOf, type PlanSettings, type PlanSettingsField, type PlanSettingsPatch } from '@sakutei/shared/measures';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { changePlanSettings } from '../../lib/settingsApi';
import type { PlanViewProps } from '../plan/planView';
import { useMeasureTable } from '../plan/useMeasureTable';
import { SettingsForm, followingSchemeName, fromForm, levelNamesInRow, patchBetween, toForm } from './settingsForm';
import './settings.css';
import { ActorsSection } from './ActorsSection';
import { GradesSection } from './GradesSection';
import { LevelsSection } from './LevelsSection';
import { YearsSection } from './YearsSection';

type Saved = { changed: PlanSettingsField[]; undo: PlanSettingsPatch; undone: boolean };

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
