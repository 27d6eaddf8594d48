import { MAX_STAGE_LABEL_CHARS, REVISION_STAGES, revisionStageLabelSchema, type Revision } from '@sakutei/shared';
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { freezeRevision } from '../../lib/revisionsApi';
import { revisionErrorMessage } from './errors';
import { revisionNumberText, stageText } from './revisionText';

/** The select's value for "a stage of our own", typed in a field of its own. */
const OTHER_STAGE = '';
const MAX_NAME_CHARS = 100;

interface Props {
  planId: string;
  onFrozen(revision: Revision): void;
  announce(text: string): void;
}

/** The secretariat (or the chair) freezes the draft as it stands into a named revision. */
export function FreezeForm({ planId, onFrozen, announce }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [stage, setStage] = useState<string>(REVISION_STAGES[0].label);
  const [otherStage, setOtherStage] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const otherRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const errorId = useId();

  async function submit() {
    if (pending) return;
    const trimmedName = name.trim();
    const chosenStage = stage === OTHER_STAGE ? otherStage.trim() : stage;
    if (trimmedName === '') {
      setError(t('revisions.freeze.nameRequired'));
      nameRef.current?.focus();
      return;
    }
    if (!revisionStageLabelSchema.safeParse(chosenStage).success) {
      setError(t('revisions.freeze.stageRequired', { max: MAX_STAGE_LABEL_CHARS }));
      otherRef.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      const { revision } = await freezeRevision(planId, { name: trimmedName, stage: chosenStage });
      setName('');
      onFrozen(revision);
      announce(t('revisions.done.frozen', { revision: revisionNumberText(revision, t), name: revision.name }));
    } catch (failure) {
      setError(revisionErrorMessage(failure, t));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="freeze-form"
      aria-labelledby={titleId}
      aria-describedby={error ? errorId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={titleId} className="freeze-form__title">
        {t('revisions.freeze.title')}
      </h3>
      <p className="revisions-hint">{t('revisions.freeze.hint')}</p>
      <div className="freeze-form__fields">
        <label className="revisions-field">
          <span>{t('revisions.freeze.name')}</span>
          <input
            ref={nameRef}
            className="revisions-input"
            data-testid="freeze-name"
            maxLength={MAX_NAME_CHARS}
            placeholder={t('revisions.freeze.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="revisions-field">
          <span>{t('revisions.freeze.stage')}</span>
          <select
            className="revisions-input"
            data-testid="freeze-stage"
            value={stage}
            onChange={(event) => setStage(event.target.value)}
          >
            {REVISION_STAGES.map((candidate) => (
              <option key={candidate.id} value={candidate.label}>
                {stageText(candidate.label, t)}
              </option>
            ))}
            <option value={OTHER_STAGE}>{t('revisions.freeze.otherStage')}</option>
          </select>
        </label>
        {stage === OTHER_STAGE && (
          <label className="revisions-field">
            <span>{t('revisions.freeze.otherStageName')}</span>
            <input
              ref={otherRef}
              className="revisions-input"
              data-testid="freeze-stage-other"
              maxLength={MAX_STAGE_LABEL_CHARS}
              value={otherStage}
              onChange={(event) => setOtherStage(event.target.value)}
            />
          </label>
        )}
        <button
          type="submit"
          className="button button--primary"
          data-testid="freeze-submit"
          aria-disabled={pending || undefined}
        >
          {t('revisions.freeze.submit')}
        </button>
      </div>
      {error && (
        <p id={errorId} className="revisions-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
