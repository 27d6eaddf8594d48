import { zodResolver } from '@hookform/resolvers/zod';
import { PLAN_STATUSES, type PlanResponse, formatFiscalYearIn } from '@sakutei/shared';
import { fiscalYearOf } from '@sakutei/shared/measures';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { type MessageKey, useI18n } from '../../i18n';
import { updatePlan } from '../../lib/plansApi';
import { FormActions, FormDialog } from '../../app/FormDialog';

const EditForm = z
  .object({ status: z.enum(PLAN_STATUSES), from: z.string(), to: z.string() })
  .superRefine((form, ctx) => {
    if ((form.from === '') !== (form.to === '')) ctx.addIssue({ code: 'custom', path: ['to'], message: 'plans.edit.error.bothEnds' });
    else if (form.from !== '' && Number(form.from) > Number(form.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'plans.new.error.periodOrder' });
    else if (form.from !== '' && Number(form.to) - Number(form.from) >= 20) ctx.addIssue({ code: 'custom', path: ['to'], message: 'plans.new.error.periodLong' });
  });
type EditForm = z.infer<typeof EditForm>;

/** 期間・状況: a plan's period and status, for staff and the chair. */
export function EditPlanDialog({ plan, onClose, onSaved }: { plan: PlanResponse['plan']; onClose: () => void; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const now = new Date();
  const thisYear = fiscalYearOf(now.getFullYear(), now.getMonth() + 1);
  const low = Math.min(thisYear - 8, plan.periodFrom ?? thisYear);
  const years = Array.from({ length: thisYear + 12 - low }, (_, i) => low + i);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<EditForm>({
    resolver: zodResolver(EditForm),
    defaultValues: { status: plan.status, from: plan.periodFrom === null ? '' : String(plan.periodFrom), to: plan.periodTo === null ? '' : String(plan.periodTo) },
  });
  const submit = handleSubmit(async (form) => {
    setFailed(false);
    try {
      await updatePlan(plan.id, { status: form.status, period: form.from === '' ? null : { from: Number(form.from), to: Number(form.to) } });
      await queryClient.invalidateQueries({ queryKey: ['api'] });
      onSaved();
      onClose();
    } catch {
      setFailed(true);
    }
  });
  const yearOptions = (
    <>
      <option value="">{t('plans.edit.noPeriod')}</option>
      {years.map((year) => (
        <option key={year} value={year}>
          {formatFiscalYearIn(year, locale === 'ja' ? 'wareki' : 'seireki')}
        </option>
      ))}
    </>
  );
  const periodError = errors.to?.message;
  return (
    <FormDialog title={t('plans.edit.title')} testId="edit-plan-dialog" className="new-plan-dialog" onClose={onClose}>
      <form className="form new-plan-form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
        <div className="form__field">
          <label htmlFor={`${id}-status`}>{t('plans.statusLabel')}</label>
          <select id={`${id}-status`} data-testid="edit-plan-status" {...register('status')}>
            {PLAN_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`plans.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="new-plan-form__period">
          <legend>{t('plans.period')}</legend>
          <label>
            <span className="visually-hidden">{t('plans.new.periodFrom')}</span>
            <select data-testid="edit-plan-from" {...register('from')}>
              {yearOptions}
            </select>
          </label>
          <span aria-hidden="true">〜</span>
          <label>
            <span className="visually-hidden">{t('plans.new.periodTo')}</span>
            <select
              data-testid="edit-plan-to"
              {...register('to')}
              {...(periodError ? { 'aria-invalid': true, 'aria-describedby': `${id}-period-error` } : {})}
            >
              {yearOptions}
            </select>
          </label>
          {periodError && (
            <p id={`${id}-period-error`} className="form__error">
              {t(periodError as MessageKey)}
            </p>
          )}
        </fieldset>
        <FormActions
          failure={failed ? t('plans.edit.failed') : null}
          cancelLabel={t('plans.new.cancel')}
          submitLabel={t('plans.edit.save')}
          submitTestId="edit-plan-save"
          busy={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
