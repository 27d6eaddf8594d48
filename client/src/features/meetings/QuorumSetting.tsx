import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useI18n } from '../../i18n';
import type { QuorumRule } from '@sakutei/shared';
import { MAX_QUORUM_COUNT, QuorumForm, quorumFormValues, quorumRuleOf } from './meetingForms';
import { saveQuorumRule } from './meetingsApi';
import { meetingsErrorText, quorumRuleText } from './meetingText';

const KINDS = ['moreThanHalf', 'atLeastHalf', 'atLeastTwoThirds', 'atLeastCount'] as const;

type Props = { workspaceId: string; rule: QuorumRule; mayManage: boolean; onSaved: (announcement: string) => void };

/** The council's quorum rule: read by everyone, changed by staff and the chair. */
export function QuorumSetting({ workspaceId, rule, mayManage, onSaved }: Props) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<QuorumForm>({ resolver: zodResolver(QuorumForm), values: quorumFormValues(rule) });
  const kind = useWatch({ control, name: 'kind' });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const { quorum } = await saveQuorumRule(workspaceId, quorumRuleOf(values));
      reset(quorumFormValues(quorum));
      onSaved(t('meetings.quorumSetting.saved'));
    } catch (error) {
      setFailure(meetingsErrorText(error, t));
    }
  });

  return (
    <section className="meetings-section" aria-labelledby="quorum-heading" data-testid="quorum-setting">
      <h2 id="quorum-heading">{t('meetings.quorumSetting.title')}</h2>
      <p data-testid="quorum-rule">{quorumRuleText(rule, t)}</p>
      {mayManage && (
        <form className="meetings-quorum-form" onSubmit={submit} noValidate aria-busy={isSubmitting}>
          <div className="form__field">
            <label htmlFor="quorum-kind">{t('meetings.quorumSetting.kind')}</label>
            <select id="quorum-kind" className="meetings-control" {...register('kind')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`meetings.quorumSetting.kindOption.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {kind === 'atLeastCount' && (
            <div className="form__field">
              <label htmlFor="quorum-count">{t('meetings.quorumSetting.count')}</label>
              <input
                id="quorum-count"
                className="meetings-control meetings-control--narrow"
                inputMode="numeric"
                aria-invalid={errors.count ? true : undefined}
                aria-describedby={errors.count ? 'quorum-count-error' : undefined}
                {...register('count')}
              />
              {errors.count && (
                <p className="meetings-field-error" id="quorum-count-error" role="alert">
                  {t('meetings.quorumSetting.countError', { max: MAX_QUORUM_COUNT })}
                </p>
              )}
            </div>
          )}
          <label className="meetings-checkbox">
            <input type="checkbox" {...register('proxyCounts')} />
            {t('meetings.quorumSetting.proxyCheckbox')}
          </label>
          <button type="submit" className="button" aria-disabled={isSubmitting} data-testid="quorum-save">
            {t('meetings.quorumSetting.save')}
          </button>
          {failure && (
            <p className="form__error" role="alert">
              {failure}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
