import { MAX_REVIEW_REASON_CHARS } from '@sakutei/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';

interface Props {
  revisionLabel: string;
  pending: boolean;
  onSubmit(reason: string): void;
  onCancel(): void;
}

/** The chair's reason for sending a revision back; it goes into the record, so it is required. */
export function RequestChangesForm({ revisionLabel, pending, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  useEffect(() => inputRef.current?.focus(), []);

  const submit = () => {
    if (pending) return;
    if (reason.trim() === '') {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    onSubmit(reason.trim());
  };

  return (
    <form
      className="review-reason"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={inputId} className="review-reason__label">
        {t('revisions.reason.label', { revision: revisionLabel })}
      </label>
      <p id={hintId} className="review-reason__hint">
        {t('revisions.reason.hint')}
      </p>
      <textarea
        ref={inputRef}
        id={inputId}
        className="review-reason__input"
        data-testid="review-reason"
        rows={4}
        maxLength={MAX_REVIEW_REASON_CHARS}
        aria-required="true"
        aria-invalid={missing || undefined}
        aria-describedby={missing ? `${hintId} ${errorId}` : hintId}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          if (event.target.value.trim() !== '') setMissing(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      {missing && (
        <p id={errorId} className="revisions-error" role="alert">
          {t('revisions.reason.required')}
        </p>
      )}
      <div className="revisions-actions">
        <button
          type="submit"
          className="button button--quiet button--primary"
          data-testid="review-reason-submit"
          aria-disabled={pending || undefined}
        >
          {t('revisions.reason.submit')}
        </button>
        <button type="button" className="button button--quiet" data-testid="review-reason-cancel" onClick={onCancel}>
          {t('revisions.cancel')}
        </button>
      </div>
    </form>
  );
}
