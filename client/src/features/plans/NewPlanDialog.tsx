import { zodResolver } from '@hookform/resolvers/zod';
import {
  type CreatePlanRequest,
  type PlanListItem,
  can,
  fiscalYearInTitle,
  formatFiscalYearIn,
  nextEditionTitle,
} from '@sakutei/shared';
import { fiscalYearOf } from '@sakutei/shared/measures';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { navigate } from '../../app/router';
import { useMe } from '../../app/session';
import { type MessageKey, useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { createPlan } from '../../lib/plansApi';
import { FormActions, FormDialog } from '../../app/FormDialog';

const SOURCES = ['blank', 'template', 'nextEdition'] as const;
type SourceKind = (typeof SOURCES)[number];

/** The dialog's fields; the messages are catalogue keys, translated where they are shown. */
const NewPlanForm = z
  .object({
    workspaceId: z.string().min(1, 'plans.new.error.council'),
    source: z.enum(SOURCES),
    sourcePlanId: z.string(),
    title: z.string().trim().max(200, 'plans.new.error.titleLong'),
    from: z.string(),
    to: z.string(),
  })
  .superRefine((form, ctx) => {
    if (form.source !== 'blank' && form.sourcePlanId === '') ctx.addIssue({ code: 'custom', path: ['sourcePlanId'], message: 'plans.new.error.sourcePlan' });
    if (form.source === 'nextEdition') return;
    if (form.title === '') ctx.addIssue({ code: 'custom', path: ['title'], message: 'plans.new.error.title' });
    const from = Number(form.from);
    const to = Number(form.to);
    if (!(from <= to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'plans.new.error.periodOrder' });
    else if (to - from >= 20) ctx.addIssue({ code: 'custom', path: ['to'], message: 'plans.new.error.periodLong' });
  });
type NewPlanForm = z.infer<typeof NewPlanForm>;

function currentFiscalYear(): number {
  const now = new Date();
  return fiscalYearOf(now.getFullYear(), now.getMonth() + 1);
}

/** The title a next edition gets when none is typed (the server decides; this is what it will say). */
function defaultNextTitle(plan: PlanListItem): string {
  const year = (plan.periodTo ?? fiscalYearInTitle(plan.title) ?? currentFiscalYear()) + 1;
  return nextEditionTitle(plan.title, year);
}

function failureKey(error: unknown): MessageKey {
  if (error instanceof ApiError) {
    if (error.code === 'no_approved_revision') return 'plans.new.error.noApproved';
    if (error.code === 'already_has_next_edition') return 'plans.new.error.alreadyNext';
    if (error.status === 403) return 'plans.new.error.forbidden';
  }
  return 'plans.new.error.failed';
}

interface Props {
  /** The plans the caller sees: templates and editions to continue are chosen among them. */
  plans: readonly PlanListItem[];
  onClose: () => void;
  /** Opens with this source chosen (the plan page's "next edition" button). */
  initial?: { workspaceId: string; source: SourceKind; sourcePlanId: string };
}

/** 新しい計画: blank, from a template, or the next edition of a plan; then opens it. */
export function NewPlanDialog({ plans, onClose, initial }: Props) {
  const { t, locale } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const id = useId();
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const councils = me.memberships.filter((m) => can(m.role, 'plan.create'));
  const thisYear = currentFiscalYear();
  const {
    register,
    handleSubmit,
    watch,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<NewPlanForm>({
    resolver: zodResolver(NewPlanForm),
    defaultValues: {
      workspaceId: initial?.workspaceId ?? councils[0]?.workspaceId ?? '',
      source: initial?.source ?? 'blank',
      sourcePlanId: initial?.sourcePlanId ?? '',
      title: '',
      from: String(thisYear + 1),
      to: String(thisYear + 4),
    },
  });
  const source = watch('source');
  // Another way to start asks for other fields: what the last attempt missed no longer applies.
  useEffect(() => {
    clearErrors();
    setFailure(null);
  }, [source, clearErrors]);
  const workspaceId = watch('workspaceId');
  const sourcePlanId = watch('sourcePlanId');
  const candidates = plans.filter((p) => p.workspaceId === workspaceId && (source !== 'nextEdition' || p.archivedAt === null));
  const chosen = plans.find((p) => p.id === sourcePlanId);
  const years = Array.from({ length: 21 }, (_, i) => thisYear - 5 + i);

  const submit = handleSubmit(async (form) => {
    setFailure(null);
    const title = form.title === '' ? undefined : form.title;
    const body: CreatePlanRequest =
      form.source === 'nextEdition'
        ? { workspaceId: form.workspaceId, title, source: { kind: 'nextEdition', planId: form.sourcePlanId } }
        : {
            workspaceId: form.workspaceId,
            title,
            period: { from: Number(form.from), to: Number(form.to) },
            source: form.source === 'blank' ? { kind: 'blank' } : { kind: 'template', planId: form.sourcePlanId },
          };
    try {
      const { plan } = await createPlan(body);
      await queryClient.invalidateQueries({ queryKey: ['api'] });
      onClose();
      navigate(`/plans/${encodeURIComponent(plan.id)}`);
    } catch (error) {
      setFailure(failureKey(error));
    }
  });

  const errorOf = (field: keyof NewPlanForm) => {
    const message = errors[field]?.message;
    return message ? (
      <p id={`${id}-${field}-error`} className="form__error">
        {t(message as MessageKey)}
      </p>
    ) : null;
  };
  const described = (field: keyof NewPlanForm) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});
  const yearLabel = (year: number) => formatFiscalYearIn(year, locale === 'ja' ? 'wareki' : 'seireki');

  return (
    <FormDialog title={t('plans.new.title')} testId="new-plan-dialog" className="new-plan-dialog" onClose={onClose}>
      <form className="form new-plan-form" onSubmit={submit} noValidate aria-busy={isSubmitting}>

        {councils.length > 1 && (
          <div className="form__field">
            <label htmlFor={`${id}-council`}>{t('plans.council')}</label>
            <select id={`${id}-council`} data-testid="new-plan-council" {...register('workspaceId')}>
              {councils.map((m) => (
                <option key={m.workspaceId} value={m.workspaceId}>
                  {m.workspaceName}
                </option>
              ))}
            </select>
          </div>
        )}

        <fieldset className="new-plan-form__sources">
          <legend>{t('plans.new.source')}</legend>
          {SOURCES.map((kind) => (
            <label key={kind} className="new-plan-form__source">
              <input type="radio" value={kind} data-testid={`new-plan-source-${kind}`} {...register('source')} />
              <span>
                <strong>{t(`plans.new.source.${kind}`)}</strong>
                <span className="new-plan-form__hint">{t(`plans.new.source.${kind}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {source !== 'blank' && (
          <div className="form__field">
            <label htmlFor={`${id}-source-plan`}>{t(source === 'template' ? 'plans.new.templatePlan' : 'plans.new.previousPlan')}</label>
            <select id={`${id}-source-plan`} data-testid="new-plan-source-plan" {...register('sourcePlanId')} {...described('sourcePlanId')}>
              <option value="">{t('plans.new.choose')}</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
            {errorOf('sourcePlanId')}
          </div>
        )}

        <div className="form__field">
          <label htmlFor={`${id}-title`}>{t('plans.new.planTitle')}</label>
          <input
            id={`${id}-title`}
            data-testid="new-plan-title"
            autoComplete="off"
            placeholder={source === 'nextEdition' && chosen ? defaultNextTitle(chosen) : ''}
            {...register('title')}
            {...described('title')}
          />
          {source === 'nextEdition' && <p className="new-plan-form__hint">{t('plans.new.titleDefault')}</p>}
          {errorOf('title')}
        </div>

        {source === 'nextEdition' ? (
          <p className="new-plan-form__note" data-testid="new-plan-next-note">
            {t('plans.new.nextNote')}
          </p>
        ) : (
          <fieldset className="new-plan-form__period">
            <legend>{t('plans.period')}</legend>
            <label>
              <span className="visually-hidden">{t('plans.new.periodFrom')}</span>
              <select data-testid="new-plan-from" {...register('from')}>
                {years.map((year) => (
                  <option key={year} value={year}>
                    {yearLabel(year)}
                  </option>
                ))}
              </select>
            </label>
            <span aria-hidden="true">〜</span>
            <label>
              <span className="visually-hidden">{t('plans.new.periodTo')}</span>
              <select data-testid="new-plan-to" {...register('to')} {...described('to')}>
                {years.map((year) => (
                  <option key={year} value={year}>
                    {yearLabel(year)}
                  </option>
                ))}
              </select>
            </label>
            {errorOf('to')}
          </fieldset>
        )}

        <FormActions
          failure={failure && t(failure)}
          failureTestId="new-plan-error"
          cancelLabel={t('plans.new.cancel')}
          cancelTestId="new-plan-cancel"
          submitLabel={t(source === 'nextEdition' ? 'plans.new.submitNext' : 'plans.new.submit')}
          submitTestId="new-plan-submit"
          busy={isSubmitting}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
