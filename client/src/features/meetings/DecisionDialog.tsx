import { useState } from 'react';
import { FormActions, FormDialog } from '../../app/FormDialog';
import { type MessageKey, useI18n } from '../../i18n';
import { MAX_DECISION_TEXT_CHARS, type AgendaItem, type Meeting, type RecordDecisionRequest } from '@sakutei/shared';
import { type DecisionForm, type DecisionKindChoice, type VoteChoice, decisionRequest, emptyDecisionForm } from './decisions';
import { decisionsErrorText } from './decisionText';

type Props = {
  meeting: Meeting;
  item: AgendaItem;
  onSubmit: (request: RecordDecisionRequest) => Promise<void>;
  onClose: () => void;
};

const KINDS: DecisionKindChoice[] = ['resolution', 'report', 'acknowledgement'];
const VOTES: VoteChoice[] = ['none', 'unanimous', 'counts'];

/** 決定を記録: what was decided on one agenda item, and the vote when there was one. */
export function DecisionDialog({ meeting, item, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form, setForm] = useState<DecisionForm>(emptyDecisionForm);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<DecisionForm>) => setForm((f) => ({ ...f, ...change }));
  const noQuorum = form.kind === 'resolution' && !meeting.quorum.met;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const request = decisionRequest(item.id, form, meeting.quorum.present);
    if ('problem' in request) {
      setProblem(t(`meetings.decision.error.${request.problem}` as MessageKey, { max: MAX_DECISION_TEXT_CHARS, present: meeting.quorum.present }));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit(request);
    } catch (error) {
      setFailure(decisionsErrorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog title={t('meetings.decision.dialogTitle', { title: item.title })} testId="decision-dialog" className="meetings-dialog" onClose={onClose}>
      <form className="meetings-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        <fieldset className="meetings-fieldset">
          <legend className="meetings-label">{t('meetings.decision.kind')}</legend>
          <div className="meetings-choices">
            {KINDS.map((kind) => (
              <label key={kind} className="meetings-choice">
                <input type="radio" name="decision-kind" value={kind} checked={form.kind === kind} onChange={() => set({ kind })} data-testid={`decision-kind-${kind}`} />
                {t(`meetings.decision.kind.${kind}` as MessageKey)}
              </label>
            ))}
          </div>
          {noQuorum && (
            <p className="meetings-hint meetings-hint--warn" data-testid="decision-no-quorum">
              {t('meetings.decision.noQuorum')}
            </p>
          )}
        </fieldset>
        <div className="form__field">
          <label htmlFor="decision-text">{t('meetings.decision.text')}</label>
          <textarea
            id="decision-text"
            className="meetings-control meetings-decision-text"
            rows={3}
            autoFocus
            value={form.text}
            onChange={(e) => set({ text: e.target.value })}
            placeholder={t('meetings.decision.textPlaceholder')}
            data-testid="decision-text"
          />
        </div>
        <fieldset className="meetings-fieldset">
          <legend className="meetings-label">{t('meetings.decision.vote')}</legend>
          <div className="meetings-choices">
            {VOTES.map((choice) => (
              <label key={choice} className="meetings-choice">
                <input type="radio" name="decision-vote" value={choice} checked={form.voteChoice === choice} onChange={() => set({ voteChoice: choice })} data-testid={`decision-vote-${choice}`} />
                {t(`meetings.decision.vote.${choice}` as MessageKey)}
              </label>
            ))}
          </div>
          {form.voteChoice === 'counts' && (
            <div className="meetings-form__row">
              {(['for', 'against', 'abstain'] as const).map((key) => (
                <div className="form__field" key={key}>
                  <label htmlFor={`decision-${key}`}>{t(`meetings.decision.count.${key}` as MessageKey)}</label>
                  <input
                    id={`decision-${key}`}
                    className="meetings-control meetings-control--narrow"
                    inputMode="numeric"
                    value={form[key]}
                    onChange={(e) => set({ [key]: e.target.value })}
                    data-testid={`decision-count-${key}`}
                  />
                </div>
              ))}
            </div>
          )}
          <p className="meetings-hint">{t('meetings.decision.votersPresent', { present: meeting.quorum.present })}</p>
        </fieldset>
        {problem && (
          <p className="meetings-field-error" role="alert" data-testid="decision-problem">
            {problem}
          </p>
        )}
        <FormActions
          failure={failure}
          failureTestId="decision-failure"
          cancelLabel={t('meetings.form.cancel')}
          submitLabel={t('meetings.decision.save')}
          submitTestId="decision-save"
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
